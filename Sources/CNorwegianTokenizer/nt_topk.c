/*
 * docket_topk: the best k rows of a query by Docket's bm25, found in one C function instead of by
 * scoring every match through the SQL engine.
 *
 *     SELECT docket_topk(t, 't', 20, '++', 10.0, 1.0, 2.0, 5.0) FROM t WHERE t MATCH ? LIMIT 1;
 *
 * It is an FTS5 auxiliary function called on the query's first matching row (LIMIT 1: the outer
 * scan stops there). From that row it walks each phrase's doclist once through xQueryPhrase,
 * keeping per row the column-weighted term frequency, and so learns every phrase's document
 * frequency (its IDF) in the same walk that docket_bm25 needs two for. Then it merges the doclists
 * in rowid order by the query's shape, given per phrase in the fourth argument:
 *     '+' the phrase must be in the row (AND), '?' it may be (OR; at least one must be when no
 *     phrase is '+'), '-' it must not be (NOT).
 * Shapes that are not of this kind (OR mixed with AND, NEAR, parentheses) are not for this
 * function: the caller ranks those through SQL with docket_bm25.
 *
 * Each candidate row gets an upper bound of its score: bm25 is highest for the shortest row, and a
 * row is at least as long as the positions of any one phrase in it. Only a row whose bound beats the
 * k-th best score so far (a min-heap of k) has its real length read (one blob handle on the
 * table's _docsize, as docket_bm25 reads it) and its exact score computed; the rest, most rows of a
 * broad query, cost a few multiplications. The scores are docket_bm25's (the same formula, the same
 * per-phrase sum, so the same doubles) and the order is the same: score, then rowid.
 *
 * Returns a blob of (score: double, rowid: int64) pairs in native byte order, best first (the
 * score as bm25 gives it: lower is better). Arguments after the shape: one weight per column (missing weights are 1.0).
 */
#include "CNorwegianTokenizer.h"
#include "nt_fts5.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct Doclist_ {
    sqlite3_int64 *rowid;
    double *weighted; /* column-weighted frequency in the row */
    int *count;       /* positions of the phrase in the row, any column */
    int used, capacity;
    const double *weights;
    int weight_count;
    sqlite3_int64 rows;      /* rows in the phrase's doclist: its document frequency */
    const struct Doclist_ *required; /* for a required phrase: an earlier required one, or NULL */
    int required_at;
    int presence_only;       /* an excluded phrase: only which rows have it matters */
} Doclist;

static int doclist_add(const Fts5ExtensionApi *api, Fts5Context *fts, void *context) {
    Doclist *list = context;
    list->rows++;
    if (list->required) {
        /* AND: a row an earlier required phrase lacks cannot match; count it, skip its positions. */
        sqlite3_int64 rowid = api->xRowid(fts);
        const Doclist *other = list->required;
        while (list->required_at < other->used && other->rowid[list->required_at] < rowid) list->required_at++;
        if (list->required_at >= other->used || other->rowid[list->required_at] != rowid) return SQLITE_OK;
    }
    if (list->used == list->capacity) {
        int capacity = list->capacity ? list->capacity * 2 : 1024;
        sqlite3_int64 *rowid = sqlite3_realloc64(list->rowid, (sqlite3_uint64)capacity * sizeof *rowid);
        if (rowid) list->rowid = rowid;
        double *weighted = rowid ? sqlite3_realloc64(list->weighted, (sqlite3_uint64)capacity * sizeof *weighted) : NULL;
        if (weighted) list->weighted = weighted;
        int *count = weighted ? sqlite3_realloc64(list->count, (sqlite3_uint64)capacity * sizeof *count) : NULL;
        if (count) list->count = count;
        if (count == NULL) return SQLITE_NOMEM;
        list->capacity = capacity;
    }
    Fts5PhraseIter iter;
    int column = 0, offset = 0, n = list->presence_only ? 1 : 0;
    double weighted = 0.0;
    int rc = list->presence_only ? SQLITE_OK : api->xPhraseFirst(fts, 0, &iter, &column, &offset);
    if (rc != SQLITE_OK) return rc;
    for (; !list->presence_only && column >= 0; api->xPhraseNext(fts, &iter, &column, &offset)) {
        weighted += column < list->weight_count ? list->weights[column] : 1.0;
        n++;
    }
    if (n == 0) return SQLITE_OK;
    list->rowid[list->used] = api->xRowid(fts);
    list->weighted[list->used] = weighted;
    list->count[list->used] = n;
    list->used++;
    return SQLITE_OK;
}

typedef struct { double score; sqlite3_int64 rowid; } Entry;

/* a is worse than b: a lower score, or the same score and a later row. */
static int worse(const Entry *a, const Entry *b) {
    return a->score < b->score || (a->score == b->score && a->rowid > b->rowid);
}

static void heap_down(Entry *heap, int n, int i) {
    for (;;) {
        int l = 2 * i + 1, r = l + 1, m = i;
        if (l < n && worse(&heap[l], &heap[m])) m = l;
        if (r < n && worse(&heap[r], &heap[m])) m = r;
        if (m == i) return;
        Entry t = heap[i]; heap[i] = heap[m]; heap[m] = t;
        i = m;
    }
}

static void heap_up(Entry *heap, int i) {
    while (i > 0) {
        int p = (i - 1) / 2;
        if (!worse(&heap[i], &heap[p])) return;
        Entry t = heap[i]; heap[i] = heap[p]; heap[p] = t;
        i = p;
    }
}

static int by_rank(const void *x, const void *y) {
    const Entry *a = x, *b = y;
    if (a->score != b->score) return a->score > b->score ? -1 : 1;
    return a->rowid < b->rowid ? -1 : a->rowid > b->rowid;
}

/* Sum of the varints of a docsize record (the row's length in tokens), as nt_rank.c reads it. */
static int record_length(const unsigned char *p, int n) {
    sqlite3_int64 total = 0;
    int i = 0;
    while (i < n) {
        sqlite3_uint64 value = 0;
        int k = 0;
        for (; k < 8 && i < n && (p[i] & 0x80); k++, i++) value = (value << 7) | (p[i] & 0x7f);
        if (i < n) value = k == 8 ? (value << 8) | p[i] : (value << 7) | p[i];
        i++;
        total += (sqlite3_int64)value;
    }
    return (int)total;
}

static int read_length(sqlite3 *db, const char *table, sqlite3_blob **blob, sqlite3_int64 rowid, int *length) {
    int rc;
    if (*blob == NULL) {
        char *name = sqlite3_mprintf("%s_docsize", table);
        if (name == NULL) return SQLITE_NOMEM;
        rc = sqlite3_blob_open(db, "main", name, "sz", rowid, 0, blob);
        sqlite3_free(name);
    } else {
        rc = sqlite3_blob_reopen(*blob, rowid);
    }
    if (rc != SQLITE_OK) return rc;
    unsigned char record[64];
    int bytes = sqlite3_blob_bytes(*blob);
    if (bytes > (int)sizeof record) return SQLITE_CORRUPT;
    rc = sqlite3_blob_read(*blob, record, bytes, 0);
    if (rc == SQLITE_OK) *length = record_length(record, bytes);
    return rc;
}

static void docket_topk(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context,
                        int argc, sqlite3_value **argv) {
    const double k1 = 1.2, b = 0.75;
    if (argc < 3) {
        sqlite3_result_error(context, "docket_topk(table, 'name', k, 'shape', weights...)", -1);
        return;
    }
    const char *table = (const char *)sqlite3_value_text(argv[0]);
    int k = sqlite3_value_int(argv[1]);
    const char *shape = (const char *)sqlite3_value_text(argv[2]);
    int phrases = api->xPhraseCount(fts);
    if (table == NULL || shape == NULL || k <= 0 || (int)strlen(shape) != phrases) {
        sqlite3_result_error(context, "docket_topk: the shape needs one of + ? - per phrase", -1);
        return;
    }
    int weight_count = argc - 3;
    double weights[16];
    if (weight_count > 16) weight_count = 16;
    for (int i = 0; i < weight_count; i++) weights[i] = sqlite3_value_double(argv[3 + i]);

    sqlite3_int64 rows = 0, tokens = 0;
    int rc = api->xRowCount(fts, &rows);
    if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
    double average = rows > 0 ? (double)tokens / (double)rows : 1.0;

    Doclist *lists = sqlite3_malloc64((sqlite3_uint64)phrases * sizeof *lists);
    double *idf = sqlite3_malloc64((sqlite3_uint64)phrases * sizeof *idf);
    int *at = sqlite3_malloc64((sqlite3_uint64)phrases * sizeof *at);
    Entry *heap = sqlite3_malloc64((sqlite3_uint64)k * sizeof *heap);
    if (!lists || !idf || !at || !heap) rc = SQLITE_NOMEM;
    else memset(lists, 0, (size_t)phrases * sizeof *lists);

    int required = 0, last_required = -1;
    for (int i = 0; rc == SQLITE_OK && i < phrases; i++) {
        lists[i].weights = weights;
        lists[i].weight_count = weight_count;
        lists[i].presence_only = shape[i] == '-';
        if (shape[i] == '+') {
            required++;
            if (last_required >= 0) lists[i].required = &lists[last_required];
            last_required = i;
        }
        rc = api->xQueryPhrase(fts, i, &lists[i], doclist_add);
        double hits = (double)lists[i].rows;
        double value = log(((double)rows - hits + 0.5) / (hits + 0.5));
        idf[i] = value <= 0.0 ? 1e-6 : value;
        at[i] = 0;
    }

    /* Merge in rowid order; the heap keeps the best k. */
    int filled = 0;
    sqlite3_blob *blob = NULL;
    sqlite3 *db = api->xUserData(fts);
    while (rc == SQLITE_OK) {
        sqlite3_int64 next = 0;
        int any = 0;
        /* The next row: the smallest rowid among the required lists, else among the optional ones. */
        for (int i = 0; i < phrases; i++) {
            if (shape[i] == '-' || (required && shape[i] != '+') || at[i] >= lists[i].used) continue;
            if (!any || lists[i].rowid[at[i]] < next) next = lists[i].rowid[at[i]];
            any = 1;
        }
        if (!any) break;
        int matches = 1, present = 0, shortest = 0;
        double bound = 0.0;
        for (int i = 0; i < phrases; i++) {
            while (at[i] < lists[i].used && lists[i].rowid[at[i]] < next) at[i]++;
            int here = at[i] < lists[i].used && lists[i].rowid[at[i]] == next;
            if (shape[i] == '+' && !here) matches = 0;
            if (shape[i] == '-' && here) matches = 0;
            if (here && shape[i] != '-') {
                present++;
                if (lists[i].count[at[i]] > shortest) shortest = lists[i].count[at[i]];
            }
        }
        if (!matches || present == 0) {
            for (int i = 0; i < phrases; i++)
                if (at[i] < lists[i].used && lists[i].rowid[at[i]] == next) at[i]++;
            continue;
        }
        for (int i = 0; i < phrases; i++) {
            if (shape[i] == '-' || at[i] >= lists[i].used || lists[i].rowid[at[i]] != next) continue;
            double f = lists[i].weighted[at[i]];
            bound += idf[i] * (f * (k1 + 1.0)) / (f + k1 * (1 - b + b * (double)shortest / average));
        }
        if (filled < k || bound > heap[0].score) {
            int length = 0;
            rc = read_length(db, table, &blob, next, &length);
            if (rc != SQLITE_OK) {
                /* No _docsize through a blob (another schema, no column sizes): ask FTS5 is not
                 * possible for another row, so give up loudly rather than rank wrongly. */
                break;
            }
            double score = 0.0, D = (double)length;
            for (int i = 0; i < phrases; i++) {
                double f = (at[i] < lists[i].used && lists[i].rowid[at[i]] == next && shape[i] != '-') ? lists[i].weighted[at[i]] : 0.0;
                score += idf[i] * (f * (k1 + 1.0)) / (f + k1 * (1 - b + b * D / average));
            }
            Entry entry = {score, next};
            if (filled < k) {
                heap[filled] = entry;
                heap_up(heap, filled++);
            } else if (worse(&heap[0], &entry)) {
                heap[0] = entry;
                heap_down(heap, filled, 0);
            }
        }
        for (int i = 0; i < phrases; i++)
            if (at[i] < lists[i].used && lists[i].rowid[at[i]] == next) at[i]++;
    }
    if (blob) sqlite3_blob_close(blob);

    if (rc == SQLITE_OK) {
        qsort(heap, (size_t)filled, sizeof *heap, by_rank);
        for (int i = 0; i < filled; i++) heap[i].score = -1.0 * heap[i].score;
        sqlite3_result_blob(context, heap, filled * (int)sizeof *heap, SQLITE_TRANSIENT);
    }
    if (rc != SQLITE_OK) sqlite3_result_error_code(context, rc);
    if (lists) {
        for (int i = 0; i < phrases; i++) {
            sqlite3_free(lists[i].rowid);
            sqlite3_free(lists[i].weighted);
            sqlite3_free(lists[i].count);
        }
    }
    sqlite3_free(lists);
    sqlite3_free(idf);
    sqlite3_free(at);
    sqlite3_free(heap);
}

int docket_register_topk(sqlite3 *db) {
    if (db == NULL) return SQLITE_MISUSE;
    fts5_api *api = nt_fts5_api(db);
    if (api == NULL || api->iVersion < 2) return SQLITE_ERROR;
    return api->xCreateFunction(api, "docket_topk", db, docket_topk, NULL);
}
