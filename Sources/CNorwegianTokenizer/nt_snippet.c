/* docket_snippet: an item's passage with the query's words marked, from the item's texts alone.
 *
 * FTS5's snippet() needs the row under a MATCH cursor, and a page of hits read that way seeks
 * every query term's doclist again for every row (issue 15: three quarters of an uncached search
 * page's store work). The words are found here the way FTS5 finds them: the same tokenizer, the
 * document's tokens (surface form, "#stem", "#parts" at one position) against the query's (its
 * "#stem", bare stem and variants at one position), a prefix phrase's last token against the start of
 * each form. A text is read for its surface forms alone (FTS5_TOKENIZE_AUX, as snippet() reads it);
 * only a word that holds the first three bytes of one of the query's forms is worked out in full
 * (stem, compound parts): a stem begins as its word does and a part is a piece of its word, so no
 * other word can match. Then the best window of SNIPPET_TOKENS tokens over the texts: the most
 * distinct phrases, then the most instances, the earlier text and window on a tie; the title only
 * when no other text has the words, since a page of hits shows the title beside the snippet.
 *
 *     docket_snippet(phrases, title, case_text, proposal, decision, debate)
 *
 * phrases: one line per phrase of the query, "<role><prefix><column><TAB><text>": role '+' (every hit
 * has it), '?' (one of several), '-' (no hit has it) or '=' (the query is of another shape; the row
 * needs one of its phrases); prefix '*' or '.'; column '0'-'4' or '_' (every column).
 * Returns the passage with « » around each instance and … where text is left out, or NULL when the
 * texts do not match the query (a row the derived index still lists but the store has changed). */
#include "CNorwegianTokenizer.h"
#include "nt_fts5.h"

#include <stdlib.h>
#include <string.h>

#define SNIPPET_TOKENS 16
#define SNIPPET_COLUMNS 5

typedef struct {
    int start, end;          /* the byte range of the position's first token */
    int form, forms;         /* its forms: Tokens.form_off[form .. form + forms) */
} Position;

/* A text's (or a phrase's) positions and their forms, the forms' bytes in one arena. */
typedef struct {
    Position *positions;
    int count, capacity;
    int *form_off, *form_len;
    int form_count, form_capacity;
    char *arena;
    int used, size;
    int failed;
} Tokens;

static void tokens_reset(Tokens *t) { t->count = 0; t->form_count = 0; t->used = 0; t->failed = 0; }

static void tokens_free(Tokens *t) {
    sqlite3_free(t->positions); sqlite3_free(t->form_off); sqlite3_free(t->form_len); sqlite3_free(t->arena);
    memset(t, 0, sizeof *t);
}

static int grow(void **array, int *capacity, int needed, size_t item) {
    if (needed <= *capacity) return 1;
    int next = *capacity ? *capacity * 2 : 64;
    while (next < needed) next *= 2;
    void *bigger = sqlite3_realloc64(*array, (sqlite3_uint64)next * item);
    if (bigger == NULL) return 0;
    *array = bigger;
    *capacity = next;
    return 1;
}

static int collect(void *context, int flags, const char *token, int length, int start, int end) {
    Tokens *t = context;
    if (length <= 0) return SQLITE_OK;
    if (!(flags & FTS5_TOKEN_COLOCATED) || t->count == 0) {
        if (!grow((void **)&t->positions, &t->capacity, t->count + 1, sizeof(Position))) goto nomem;
        t->positions[t->count++] = (Position){start, end, t->form_count, 0};
    }
    int capacity = t->form_capacity;
    if (!grow((void **)&t->form_off, &capacity, t->form_count + 1, sizeof(int))) goto nomem;
    capacity = t->form_capacity;
    if (!grow((void **)&t->form_len, &capacity, t->form_count + 1, sizeof(int))) goto nomem;
    t->form_capacity = capacity;
    if (!grow((void **)&t->arena, &t->size, t->used + length, 1)) goto nomem;
    memcpy(t->arena + t->used, token, (size_t)length);
    t->form_off[t->form_count] = t->used;
    t->form_len[t->form_count] = length;
    t->form_count++;
    t->used += length;
    t->positions[t->count - 1].forms++;
    return SQLITE_OK;
nomem:
    t->failed = 1;
    return SQLITE_NOMEM;
}

typedef struct {
    char role, prefix;
    int column;              /* -1: every column */
    Tokens tokens;
} Phrase;

/* What a document word must hold to be worked out in full: the first (up to) three bytes of a
 * query form, without its "#". */
typedef struct { char bytes[3]; int length; } Needle;

typedef struct {
    Phrase *phrases;
    int count;
    Needle *needles;
    int needle_count;
    unsigned char starts[256];  /* whether a needle begins with this byte */
} Query;

static void query_free(void *p) {
    Query *q = p;
    if (q == NULL) return;
    for (int i = 0; i < q->count; i++) tokens_free(&q->phrases[i].tokens);
    sqlite3_free(q->phrases);
    sqlite3_free(q->needles);
    sqlite3_free(q);
}

static int query_needles(Query *q) {
    int forms = 0;
    for (int i = 0; i < q->count; i++) forms += q->phrases[i].tokens.form_count;
    q->needles = sqlite3_malloc64((sqlite3_uint64)(forms + 1) * sizeof(Needle));
    if (q->needles == NULL) return 0;
    for (int i = 0; i < q->count; i++) {
        const Tokens *t = &q->phrases[i].tokens;
        for (int f = 0; f < t->form_count; f++) {
            const char *form = t->arena + t->form_off[f];
            int length = t->form_len[f];
            if (length > 0 && form[0] == '#') { form++; length--; }
            if (length == 0) continue;
            Needle *n = &q->needles[q->needle_count++];
            n->length = length < 3 ? length : 3;
            memcpy(n->bytes, form, (size_t)n->length);
            q->starts[(unsigned char)form[0]] = 1;
        }
    }
    return 1;
}

static int may_match(const Query *q, const char *word, int length) {
    for (int at = 0; at < length; at++) {
        if (!q->starts[(unsigned char)word[at]]) continue;
        for (int i = 0; i < q->needle_count; i++) {
            const Needle *n = &q->needles[i];
            if (n->bytes[0] == word[at] && at + n->length <= length && memcmp(word + at, n->bytes, (size_t)n->length) == 0) return 1;
        }
    }
    return 0;
}

/* The function's state on one connection: its own tokenizer instance (and so its own memo of
 * stems), used by one statement at a time as the connection is. */
typedef struct {
    sqlite3 *db;
    fts5_tokenizer api;
    Fts5Tokenizer *instance;
    Tokens text;             /* a column's surface forms, one per position */
    Tokens full;             /* the candidate words' forms, each word a position */
    int *expanded;           /* per position of text: its position in full, or -1 */
    int expanded_capacity;
} Snippet;

static void snippet_free(void *p) {
    Snippet *s = p;
    if (s == NULL) return;
    if (s->instance) s->api.xDelete(s->instance);
    tokens_free(&s->text);
    tokens_free(&s->full);
    sqlite3_free(s->expanded);
    sqlite3_free(s);
}

static int snippet_tokenizer(Snippet *s) {
    if (s->instance) return SQLITE_OK;
    fts5_api *api = nt_fts5_api(s->db);
    void *user = NULL;
    if (api == NULL || api->xFindTokenizer(api, DOCKET_NORWEGIAN_TOKENIZER_NAME, &user, &s->api) != SQLITE_OK) return SQLITE_ERROR;
    return s->api.xCreate(user, NULL, 0, &s->instance);
}

static Query *query_parse(Snippet *s, const char *spec) {
    Query *q = sqlite3_malloc(sizeof *q);
    if (q == NULL) return NULL;
    memset(q, 0, sizeof *q);
    int lines = 0;
    for (const char *c = spec; *c; c++) lines += *c == '\n';
    q->phrases = sqlite3_malloc64((sqlite3_uint64)(lines + 1) * sizeof(Phrase));
    if (q->phrases == NULL) { sqlite3_free(q); return NULL; }
    memset(q->phrases, 0, (size_t)(lines + 1) * sizeof(Phrase));
    for (const char *line = spec; *line;) {
        const char *end = strchr(line, '\n');
        if (end == NULL) end = line + strlen(line);
        if (end - line >= 4 && line[3] == '\t') {
            Phrase *p = &q->phrases[q->count++];
            p->role = line[0];
            p->prefix = line[1];
            p->column = line[2] >= '0' && line[2] < '0' + SNIPPET_COLUMNS ? line[2] - '0' : -1;
            int flags = FTS5_TOKENIZE_QUERY | (p->prefix == '*' ? FTS5_TOKENIZE_PREFIX : 0);
            int rc = s->api.xTokenize(s->instance, &p->tokens, flags, line + 4, (int)(end - line - 4), collect);
            if (rc != SQLITE_OK || p->tokens.failed) { query_free(q); return NULL; }
        }
        line = *end ? end + 1 : end;
    }
    if (!query_needles(q)) { query_free(q); return NULL; }
    return q;
}

/* Whether a document position holds a query position: one form equal to one form (the last
 * position of a prefix phrase: a document form that begins with it). */
static int position_matches(const Snippet *s, int d, const Tokens *query, int k, int prefix) {
    if (s->expanded[d] < 0) return 0; /* holds no needle: matches no query form */
    const Tokens *doc = &s->full;
    const Position *dp = &doc->positions[s->expanded[d]], *qp = &query->positions[k];
    for (int i = dp->form; i < dp->form + dp->forms; i++) {
        const char *f = doc->arena + doc->form_off[i];
        int fl = doc->form_len[i];
        for (int j = qp->form; j < qp->form + qp->forms; j++) {
            int ql = query->form_len[j];
            if ((prefix ? fl >= ql : fl == ql) && memcmp(f, query->arena + query->form_off[j], (size_t)ql) == 0) return 1;
        }
    }
    return 0;
}

typedef struct { int phrase, start, length; } Instance;

typedef struct {
    int column, start, end, score;
} Window;

/* A sentence begins at position k when nothing but the text's start, or an end of sentence or line
 * between it and the token before. */
static int sentence_starts(const char *text, const Tokens *doc, int k) {
    if (k == 0) return 1;
    for (int i = doc->positions[k - 1].end; i < doc->positions[k].start; i++) {
        char c = text[i];
        if (c == '.' || c == '!' || c == '?' || c == ':' || c == '\n') return 1;
    }
    return 0;
}

/* The best window of a column over its instances (sorted by start). */
static Window best_window(const char *text, const Tokens *doc, const Instance *found, int count, int column) {
    Window best = {column, 0, 0, -1};
    int n = doc->count;
    for (int i = 0; i < count; i++) {
        int start = found[i].start, last = found[i].start + found[i].length;
        for (int j = i + 1; j < count && found[j].start + found[j].length - start <= SNIPPET_TOKENS; j++)
            if (found[j].start + found[j].length > last) last = found[j].start + found[j].length;
        /* context before the first word: half the room left, from a sentence's start when one is near */
        int room = SNIPPET_TOKENS - (last - start);
        int from = start - (room > 0 ? room / 2 : 0);
        for (int k = start; k >= start - room && k >= 0; k--)
            if (sentence_starts(text, doc, k)) { from = k; break; }
        if (from + SNIPPET_TOKENS > n) from = n - SNIPPET_TOKENS;
        if (from < 0) from = 0;
        int to = from + SNIPPET_TOKENS < n ? from + SNIPPET_TOKENS : n;
        unsigned long long seen = 0;
        int score = 0;
        for (int j = 0; j < count; j++) {
            if (found[j].start < from || found[j].start + found[j].length > to) continue;
            unsigned long long bit = 1ull << (found[j].phrase & 63);
            score += (seen & bit) ? 1 : 1000;
            seen |= bit;
        }
        if (score > best.score) best = (Window){column, from, to, score};
    }
    return best;
}

static void append_window(sqlite3_str *out, const char *text, int length, const Tokens *doc, Window w,
                          const Instance *found, int count) {
    if (w.end <= w.start) return;
    if (w.start > 0) sqlite3_str_appendall(out, "…");
    int at = doc->positions[w.start].start;
    int j = 0;
    for (int k = w.start; k < w.end;) {
        while (j < count && found[j].start + found[j].length <= k) j++;
        if (j < count && found[j].start <= k) {
            /* one mark over this instance and every instance overlapping it */
            int last = found[j].start + found[j].length;
            for (int m = j + 1; m < count && found[m].start < last; m++)
                if (found[m].start + found[m].length > last) last = found[m].start + found[m].length;
            if (last > w.end) last = w.end;
            sqlite3_str_append(out, text + at, doc->positions[k].start - at);
            sqlite3_str_appendall(out, "«");
            sqlite3_str_append(out, text + doc->positions[k].start, doc->positions[last - 1].end - doc->positions[k].start);
            sqlite3_str_appendall(out, "»");
            at = doc->positions[last - 1].end;
            k = last;
        } else {
            k++;
        }
    }
    int stop = w.end == doc->count ? length : doc->positions[w.end - 1].end;
    sqlite3_str_append(out, text + at, stop - at);
    if (w.end < doc->count) sqlite3_str_appendall(out, "…");
}

static int compare_instances(const void *a, const void *b) {
    const Instance *x = a, *y = b;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    return x->length > y->length ? -1 : x->length < y->length;
}

static void docket_snippet(sqlite3_context *context, int argc, sqlite3_value **argv) {
    Snippet *s = sqlite3_user_data(context);
    if (argc != 1 + SNIPPET_COLUMNS) { sqlite3_result_error(context, "docket_snippet: phrases and five texts", -1); return; }
    if (snippet_tokenizer(s) != SQLITE_OK) { sqlite3_result_error(context, "docket_snippet: no norwegian tokenizer", -1); return; }
    Query *q = sqlite3_get_auxdata(context, 0);
    if (q == NULL) {
        const char *spec = (const char *)sqlite3_value_text(argv[0]);
        q = query_parse(s, spec ? spec : "");
        if (q == NULL) { sqlite3_result_error_nomem(context); return; }
        sqlite3_set_auxdata(context, 0, q, query_free);
        q = sqlite3_get_auxdata(context, 0); /* SQLite may have freed it already */
        if (q == NULL) { sqlite3_result_error_nomem(context); return; }
    }
    int present[64] = {0};
    Window best = {-1, 0, 0, -1};
    Instance *found = NULL;
    int capacity = 0;
    sqlite3_str *out = sqlite3_str_new(sqlite3_context_db_handle(context));
    /* The title last, and only when no other text has the words: a page of hits shows it already. */
    static const int order[SNIPPET_COLUMNS] = {1, 2, 3, 4, 0};
    for (int c = 0; c < SNIPPET_COLUMNS; c++) {
        int column = order[c];
        if (column == 0 && best.score >= 0) {
            /* still read for the match's phrases present in the title alone */
            int needed = 0;
            for (int p = 0; p < q->count && p < 64; p++) needed |= !present[p] && q->phrases[p].role != '?';
            if (!needed) break;
        }
        const char *text = (const char *)sqlite3_value_text(argv[1 + column]);
        int length = sqlite3_value_bytes(argv[1 + column]);
        if (text == NULL || length == 0) continue;
        Tokens *doc = &s->text;
        tokens_reset(doc);
        tokens_reset(&s->full);
        if (s->api.xTokenize(s->instance, doc, FTS5_TOKENIZE_AUX, text, length, collect) != SQLITE_OK || doc->failed ||
            !grow((void **)&s->expanded, &s->expanded_capacity, doc->count, sizeof(int))) {
            sqlite3_result_error_nomem(context);
            goto done;
        }
        for (int d = 0; d < doc->count; d++) {
            s->expanded[d] = -1;
            const Position *p = &doc->positions[d];
            if (!may_match(q, doc->arena + doc->form_off[p->form], doc->form_len[p->form])) continue;
            int before = s->full.count;
            if (s->api.xTokenize(s->instance, &s->full, FTS5_TOKENIZE_DOCUMENT, text + p->start, p->end - p->start, collect) != SQLITE_OK
                || s->full.failed) {
                sqlite3_result_error_nomem(context);
                goto done;
            }
            if (s->full.count == before + 1) s->expanded[d] = before;
            else s->full.count = before; /* not one word alone (never expected): its surface stands */
        }
        int count = 0;
        for (int p = 0; p < q->count && p < 64; p++) {
            const Phrase *phrase = &q->phrases[p];
            int n = phrase->tokens.count;
            if (n == 0 || (phrase->column >= 0 && phrase->column != column)) continue;
            for (int d = 0; d + n <= doc->count; d++) {
                if (s->expanded[d] < 0) continue;
                int k = 0;
                while (k < n && position_matches(s, d + k, &phrase->tokens, k, phrase->prefix == '*' && k == n - 1)) k++;
                if (k < n) continue;
                present[p] = 1;
                if (phrase->role == '-') continue;
                if (!grow((void **)&found, &capacity, count + 1, sizeof(Instance))) { sqlite3_result_error_nomem(context); goto done; }
                found[count++] = (Instance){p, d, n};
            }
        }
        if (count == 0) continue;
        qsort(found, (size_t)count, sizeof(Instance), compare_instances);
        Window w = best_window(text, doc, found, count, column);
        if (w.score > best.score && (column != 0 || best.score < 0)) {
            best = w;
            sqlite3_str_reset(out);
            append_window(out, text, length, doc, w, found, count);
        }
    }
    /* The row matches the query as FTS5 would have it: each required phrase, no excluded one, and
     * one of the optional ones (one phrase of any kind when the query has another shape). */
    int required = 1, optional = 0, optionals = 0, any = 0;
    for (int p = 0; p < q->count && p < 64; p++) {
        char role = q->phrases[p].role;
        if (role == '+' && !present[p]) required = 0;
        if (role == '-' && present[p]) required = 0;
        if (role == '?') { optionals = 1; optional |= present[p]; }
        if (role != '-') any |= present[p];
    }
    if (!required || (optionals && !optional) || !any || best.score < 0) {
        sqlite3_result_null(context);
        goto done;
    }
    if (sqlite3_str_errcode(out) != SQLITE_OK) { sqlite3_result_error_nomem(context); goto done; }
    sqlite3_result_text(context, sqlite3_str_value(out), sqlite3_str_length(out), SQLITE_TRANSIENT);
done:
    sqlite3_free(sqlite3_str_finish(out));
    sqlite3_free(found);
}

int docket_register_snippet(sqlite3 *db) {
    if (db == NULL) return SQLITE_MISUSE;
    Snippet *s = sqlite3_malloc(sizeof *s);
    if (s == NULL) return SQLITE_NOMEM;
    memset(s, 0, sizeof *s);
    s->db = db;
    return sqlite3_create_function_v2(db, "docket_snippet", 1 + SNIPPET_COLUMNS, SQLITE_UTF8 | SQLITE_DETERMINISTIC, s,
                                      docket_snippet, NULL, NULL, snippet_free);
}
