/*
 * docket_bm25: FTS5's bm25, the same formula and the same numbers, with a cheaper way to the one
 * figure it needs per row from outside the index: the row's length in tokens.
 *
 * FTS5's own bm25 asks xColumnSize, which runs "SELECT sz FROM <table>_docsize WHERE id=?" as a
 * statement for every matching row: about 1.2 µs a row, two thirds of the time a broad query
 * ("vedtak" over 200 000 items, 88 000 matches) spends ranking. This function keeps one read-only
 * blob handle on that table per query and moves it from row to row (sqlite3_blob_reopen), which
 * reads the same record through the same connection (uncommitted changes of its own transaction
 * included) at about a fifth of the cost. When the blob cannot be opened (a table without
 * column sizes, another schema) it falls back to xColumnSize, so it is never wrong, only slower.
 *
 *     SELECT rowid FROM t WHERE t MATCH ?
 *     ORDER BY docket_bm25(t, 't', 10.0, 1.0, 2.0, 5.0) LIMIT 20;
 *
 * Arguments after the table: its name (for the _docsize table), then one weight per column as
 * bm25 takes them (missing weights are 1.0). Lower is better, as with bm25.
 */
#include "CNorwegianTokenizer.h"
#include "nt_fts5.h"

#include <math.h>
#include <string.h>

typedef struct {
    int phrase_count;
    double average_length;
    double *idf;
    double *frequency;
    sqlite3_blob *lengths; /* on <table>_docsize.sz; NULL: use xColumnSize */
    int blob_failed;
} Bm25Query;

static void bm25_query_free(void *p) {
    Bm25Query *q = p;
    if (q == NULL) return;
    if (q->lengths) sqlite3_blob_close(q->lengths);
    sqlite3_free(q);
}

static int count_rows(const Fts5ExtensionApi *api, Fts5Context *fts, void *context) {
    (void)api; (void)fts;
    (*(sqlite3_int64 *)context)++;
    return SQLITE_OK;
}

/* The per-query figures, computed as FTS5's bm25 computes them (fts5Bm25GetData). */
static int bm25_query(const Fts5ExtensionApi *api, Fts5Context *fts, Bm25Query **out) {
    Bm25Query *q = api->xGetAuxdata(fts, 0);
    if (q) { *out = q; return SQLITE_OK; }
    int phrases = api->xPhraseCount(fts);
    q = sqlite3_malloc64(sizeof *q + (size_t)phrases * 2 * sizeof(double));
    if (q == NULL) return SQLITE_NOMEM;
    memset(q, 0, sizeof *q + (size_t)phrases * 2 * sizeof(double));
    q->phrase_count = phrases;
    q->idf = (double *)&q[1];
    q->frequency = &q->idf[phrases];
    sqlite3_int64 rows = 0, tokens = 0;
    int rc = api->xRowCount(fts, &rows);
    if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
    if (rc == SQLITE_OK) q->average_length = rows > 0 ? (double)tokens / (double)rows : 1.0;
    for (int i = 0; rc == SQLITE_OK && i < phrases; i++) {
        sqlite3_int64 hits = 0;
        rc = api->xQueryPhrase(fts, i, &hits, count_rows);
        double idf = log(((double)rows - (double)hits + 0.5) / ((double)hits + 0.5));
        q->idf[i] = idf <= 0.0 ? 1e-6 : idf;
    }
    if (rc == SQLITE_OK) rc = api->xSetAuxdata(fts, q, bm25_query_free);
    else sqlite3_free(q);
    *out = rc == SQLITE_OK ? q : NULL;
    return rc;
}

/* Sum of the SQLite varints in a docsize record: the row's length in tokens, all columns. */
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

/* The row's length through the blob handle, opening it on the first row; -1 when not possible. */
static int row_length(sqlite3 *db, Bm25Query *q, const char *table, sqlite3_int64 rowid) {
    if (q->blob_failed || table == NULL) return -1;
    int rc;
    if (q->lengths == NULL) {
        char *name = sqlite3_mprintf("%s_docsize", table);
        if (name == NULL) return -1;
        rc = sqlite3_blob_open(db, "main", name, "sz", rowid, 0, &q->lengths);
        sqlite3_free(name);
    } else {
        rc = sqlite3_blob_reopen(q->lengths, rowid);
    }
    if (rc != SQLITE_OK) {
        if (q->lengths) sqlite3_blob_close(q->lengths);
        q->lengths = NULL;
        q->blob_failed = 1;
        return -1;
    }
    unsigned char record[64];
    int bytes = sqlite3_blob_bytes(q->lengths);
    if (bytes > (int)sizeof record || sqlite3_blob_read(q->lengths, record, bytes, 0) != SQLITE_OK) {
        q->blob_failed = 1;
        return -1;
    }
    return record_length(record, bytes);
}

static void docket_bm25(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context,
                        int argc, sqlite3_value **argv) {
    const double k1 = 1.2, b = 0.75;
    Bm25Query *q = NULL;
    int rc = bm25_query(api, fts, &q);
    int instances = 0;
    if (rc == SQLITE_OK) {
        memset(q->frequency, 0, sizeof(double) * (size_t)q->phrase_count);
        rc = api->xInstCount(fts, &instances);
    }
    int weights = argc - 1; /* argv[0] is the table's name */
    for (int i = 0; rc == SQLITE_OK && i < instances; i++) {
        int phrase, column, offset;
        rc = api->xInst(fts, i, &phrase, &column, &offset);
        if (rc == SQLITE_OK) q->frequency[phrase] += column < weights ? sqlite3_value_double(argv[1 + column]) : 1.0;
    }
    int length = -1;
    if (rc == SQLITE_OK) {
        const char *table = argc > 0 ? (const char *)sqlite3_value_text(argv[0]) : NULL;
        length = row_length(api->xUserData(fts), q, table, api->xRowid(fts));
        if (length < 0) rc = api->xColumnSize(fts, -1, &length);
    }
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(context, rc);
        return;
    }
    double score = 0.0, D = (double)length;
    for (int i = 0; i < q->phrase_count; i++)
        score += q->idf[i] * (q->frequency[i] * (k1 + 1.0)) / (q->frequency[i] + k1 * (1 - b + b * D / q->average_length));
    sqlite3_result_double(context, -1.0 * score);
}

int docket_register_bm25(sqlite3 *db) {
    if (db == NULL) return SQLITE_MISUSE;
    fts5_api *api = nt_fts5_api(db);
    if (api == NULL || api->iVersion < 2) return SQLITE_ERROR;
    return api->xCreateFunction(api, "docket_bm25", db, docket_bm25, NULL);
}
