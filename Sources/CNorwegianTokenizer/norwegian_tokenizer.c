/*
 * FTS5 tokenizer for Norwegian: unicode61 (remove_diacritics 0) + Snowball stemming + compound parts.
 * See include/CNorwegianTokenizer.h for the token scheme.
 */
#include "CNorwegianTokenizer.h"

#include <libstemmer.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nt_fts5.h"
#include "nt_stem.h"
#include "nt_variants.h"
#include "nt_wordlist.h"

/* The FTS5 extension API (fts5_api, fts5_tokenizer) is declared in sqlite3.h itself. */

#define NT_MARK '#' /* unicode61 never emits '#' in a token: it is a separator */
#define NT_MAX_PARTS 8
#define NT_MAX_PIECES 5
#define NT_MIN_SPLIT_LETTERS 6

/* ------------------------------------------------------------------------------------------ */
/* Word list                                                                                   */

/*
 * The class flags of s[0..n) in the word list, or 0 if absent. If is_prefix is not NULL, sets it
 * to whether some entry begins with s[0..n) (so that longer strings are worth looking up).
 *
 * A binary search straight on the generated entries (nt_wordlist.c: each a word and its class byte,
 * back to back, sorted): a probe in the middle of an entry steps back to its start, after the class
 * byte before it. Nothing is decoded or allocated, so the first split of a word in a process costs a
 * lookup, not the ~15 ms and 3 MB the front-coded list took to decode (a search that marks its
 * snippets splits words).
 */
static int wl_lookup(const char *s, size_t n, int *is_prefix) {
    const unsigned char *blob = (const unsigned char *)nt_wordlist;
    if (is_prefix) *is_prefix = 0;
    unsigned lo = 0, hi = nt_wordlist_bytes; /* lower bound: the start of the first entry >= s */
    if (n >= 2) {
        unsigned k = ((unsigned)(unsigned char)s[0] << 8) | (unsigned char)s[1];
        lo = nt_wordlist_buckets[k];
        hi = nt_wordlist_buckets[k + 1];
    }
    const unsigned end = hi;
    while (lo < hi) {
        unsigned start = lo + (hi - lo) / 2;
        while (start > lo && blob[start - 1] > NT_CLASS_MAX) start--;
        unsigned stop = start;
        while (blob[stop] > NT_CLASS_MAX) stop++; /* the class byte ends the entry */
        int c = 0;
        for (size_t i = 0;; i++) {
            unsigned char ec = start + i < stop ? blob[start + i] : 0;
            unsigned char sc = i < n ? (unsigned char)s[i] : 0;
            if (ec != sc) { c = ec < sc ? -1 : 1; break; }
            if (sc == 0) break; /* equal */
        }
        if (c < 0) lo = stop + 1; else hi = start;
    }
    if (lo >= end) return 0;
    const unsigned char *e = blob + lo;
    for (size_t i = 0; i < n; i++)
        if (e[i] != (unsigned char)s[i]) return 0; /* a class byte differs from any letter */
    if (is_prefix) *is_prefix = 1;
    return e[n] <= NT_CLASS_MAX ? e[n] : 0;
}

static int wl_class(const char *s, size_t n) { return wl_lookup(s, n, NULL); }

/* ------------------------------------------------------------------------------------------ */
/* Compound splitting                                                                          */

/* Particles and prefixes that make lexicalised words, not compounds: ut+valg, av+tale, til+skudd,
 * inn+stilling, ved+tak. Never accepted as a first part. Sorted. */
static const char *const modifier_stoplist[] = {
    "bak", "else", "etter", "for", "fore", "fra", "fram", "frem", "gjen", "gjennom", "hen", "het",
    "heit", "hets", "inn", "innen", "med", "mis", "mot", "ned", "opp", "over", "ring", "sam", "sammen",
    "skap", "til", "unn", "under", "van", "ved",
};

/* Lexicalised words that look like compounds (spør+s+mål, kont+roll, grunn+lag): never split. By stem. */
static const char *const nosplit[] = {
    "dagsorden", "grunnlag", "kontroll", "sammenheng", "spørsmål", "transport",
};

static int in_list(const char *const *list, size_t count, const char *s, size_t n) {
    for (size_t i = 0; i < count; i++)
        if (list[i][0] == s[0] && strncmp(list[i], s, n) == 0 && list[i][n] == 0) return 1;
    return 0;
}

static int is_stop_modifier(const char *s, size_t n) {
    return in_list(modifier_stoplist, sizeof modifier_stoplist / sizeof modifier_stoplist[0], s, n);
}

/* Three-letter words are accepted as compound parts (first part, or stem of the last) only from
 * this list: most three-letter dictionary words inside longer words are accidents (bud+s+jett,
 * sikker+het, formann+s+kap). */
static const char *const short_parts[] = {
    "bil", "bok", "bru", "by", "båt", "dag", "fag", "fly", "hus", "lag", "led", "lov", "lyd", "løn",
    "lønn", "mat", "mål", "møt", "råd", "rom", "sak", "sal", "sjø", "tid", "tog", "vei", "veg", "år",
};

/* Stems never accepted as the last part: derivational suffixes that are also words
 * (regn+skap, eien+dom, sikker+het). */
static const char *const head_stoplist[] = {"bar", "dom", "else", "het", "heit", "ing", "lend", "lig", "ring", "skap", "som"};

static int short_part_ok(const char *s, size_t n) {
    return in_list(short_parts, sizeof short_parts / sizeof short_parts[0], s, n);
}

static size_t letters(const char *s, size_t n) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++) k += (((unsigned char)s[i] & 0xC0) != 0x80);
    return k;
}

static int is_boundary(const char *w, size_t i) { return ((unsigned char)w[i] & 0xC0) != 0x80; }

typedef struct {
    size_t start, end;   /* the piece w[start..end) */
    size_t base_end;     /* end of the piece without its linking letter (s, e) */
} Piece;

/* May w[a..be), whose class in the word list is cls, be the base of a first part? */
static int first_part_ok(const char *w, size_t a, size_t be, int cls) {
    if (!(cls & NT_CLASS_FIRST)) return 0;
    size_t bl = letters(w + a, be - a);
    if (bl < 4 && !short_part_ok(w + a, be - a)) return 0;
    return !is_stop_modifier(w + a, be - a);
}

/*
 * Is w[j..n) the last part of a compound: its stem a head stem? Returns 2 for a stem of a word
 * hunspell allows in compounds, 1 for another long word's stem, 0 for no.
 */
static int head_at(struct sb_stemmer *st, const char *w, size_t j, size_t n) {
    char stem[NT_MAX_WORD + 1];
    size_t hl = letters(w + j, n - j);
    if (hl < 3) return 0;
    size_t sl = nt_stem(st, w + j, n - j, stem);
    size_t l = letters(stem, sl);
    if (in_list(head_stoplist, sizeof head_stoplist / sizeof head_stoplist[0], stem, sl)) return 0;
    int cls = wl_class(stem, sl);
    /* Snowball keeps a doubled consonant the lemma does not have: programmet -> programm (program). */
    if (!(cls & (NT_CLASS_HEAD | NT_CLASS_OTHER_HEAD)) && sl >= 5 && stem[sl - 1] == stem[sl - 2] &&
        (unsigned char)stem[sl - 1] < 0x80)
        cls = wl_class(stem, sl - 1);
    if (l < 3 || (l == 3 && !short_part_ok(stem, sl))) return 0;
    return (cls & NT_CLASS_HEAD) ? 2 : (cls & NT_CLASS_OTHER_HEAD) ? 1 : 0;
}

/*
 * Splits the folded word w[0..n) into first parts + a head, with the fewest pieces (at least 2);
 * among those, the shortest head. Returns the number of pieces (0: not a compound).
 */
static int split_word(struct sb_stemmer *st, const char *w, size_t n, Piece *out) {
    if (n > NT_MAX_WORD || letters(w, n) < NT_MIN_SPLIT_LETTERS) return 0;
    {
        char stem[NT_MAX_WORD + 1];
        size_t sl = nt_stem(st, w, n, stem);
        if (in_list(nosplit, sizeof nosplit / sizeof nosplit[0], stem, sl)) return 0;
    }
    int reach[NT_MAX_WORD + 1];
    size_t from[NT_MAX_WORD + 1], base_end[NT_MAX_WORD + 1];
    for (size_t i = 0; i <= n; i++) reach[i] = -1;
    reach[0] = 0;
    for (size_t a = 0; a < n; a++) {
        if (reach[a] < 0 || reach[a] >= NT_MAX_PIECES - 1 || !is_boundary(w, a)) continue;
        int prev_cls = 0; /* class of w[a..previous boundary) */
        for (size_t b = a + 1; b < n; b++) {
            if (!is_boundary(w, b)) continue;
            if (letters(w + b, n - b) < 3) break;
            int is_prefix;
            int cls = wl_lookup(w + a, b - a, &is_prefix);
            size_t pl = letters(w + a, b - a);
            /* "års" (år + s) is the one first part shorter than 4 letters: årsmøte, årsregnskap */
            int ars = pl == 3 && b - a == 4 && memcmp(w + a, "års", 4) == 0;
            if (!(reach[b] >= 0 && reach[b] <= reach[a] + 1) && (pl >= 4 || ars)) {
                /* A first part is a dictionary form, preferably followed by a linking s or e. */
                size_t be = 0;
                if ((w[b - 1] == 's' || w[b - 1] == 'e') && first_part_ok(w, a, b - 1, prev_cls)) be = b - 1;
                else if (first_part_ok(w, a, b, cls)) be = b;
                if (be) {
                    reach[b] = reach[a] + 1;
                    from[b] = a;
                    base_end[b] = be;
                }
            }
            /* Longer pieces, with or without a link, begin with w[a..b): stop when no entry does. */
            if (!is_prefix) break;
            prev_cls = cls;
        }
    }
    /* Head: fewest pieces, then a head hunspell allows in compounds, then the shortest head. */
    size_t best = 0;
    int best_pieces = 0, best_score = 0;
    for (size_t j = n; j-- > 1;) {
        if (reach[j] <= 0 || !is_boundary(w, j)) continue;
        if (best_pieces && (reach[j] + 1 > best_pieces || (reach[j] + 1 == best_pieces && best_score == 2))) continue;
        int score = head_at(st, w, j, n);
        if (score && (!best_pieces || reach[j] + 1 < best_pieces || score > best_score)) {
            best = j; best_pieces = reach[j] + 1; best_score = score;
        }
    }
    if (!best_pieces) return 0;
    int k = best_pieces - 1;
    out[k].start = best; out[k].end = n; out[k].base_end = n;
    for (size_t b = best; b > 0; b = from[b]) {
        k--;
        out[k].start = from[b]; out[k].end = b; out[k].base_end = base_end[b];
    }
    return best_pieces;
}

/* ------------------------------------------------------------------------------------------ */
/* Tokens                                                                                      */

typedef struct {
    char text[NT_MAX_WORD + 2]; /* marker + stem */
    size_t len;
} Part;

typedef struct {
    Part parts[NT_MAX_PARTS];
    int count;
} PartList;

static void parts_add(PartList *pl, const char *s, size_t n) {
    if (pl->count >= NT_MAX_PARTS || n == 0 || n > NT_MAX_WORD) return;
    for (int i = 0; i < pl->count; i++)
        if (pl->parts[i].len == n + 1 && memcmp(pl->parts[i].text + 1, s, n) == 0) return;
    Part *p = &pl->parts[pl->count++];
    p->text[0] = NT_MARK;
    memcpy(p->text + 1, s, n);
    p->len = n + 1;
}

/* Adds the stems of the compound parts of w[0..n), and of the parts' own parts (one level). */
static void add_compound_parts(struct sb_stemmer *st, const char *w, size_t n, PartList *pl, int depth) {
    Piece pieces[NT_MAX_PIECES];
    char stem[NT_MAX_WORD + 1];
    int k = split_word(st, w, n, pieces);
    for (int i = 0; i < k; i++) {
        size_t sl = nt_stem(st, w + pieces[i].start, pieces[i].base_end - pieces[i].start, stem);
        parts_add(pl, stem, sl);
        /* a head found by undoubling its stem (programm): also its lemma's stem (program) */
        if (i == k - 1 && !(wl_class(stem, sl) & (NT_CLASS_HEAD | NT_CLASS_OTHER_HEAD)) && sl >= 5 &&
            stem[sl - 1] == stem[sl - 2])
            parts_add(pl, stem, sl - 1);
    }
    if (depth > 0)
        for (int i = 0; i < k; i++)
            add_compound_parts(st, w + pieces[i].start, pieces[i].base_end - pieces[i].start, pl, depth - 1);
}

/*
 * Every distinct word's colocated tokens (stem, compound parts), worked out once per tokenizer
 * instance: the vocabulary of a store is Zipfian and bounded, so nearly every word of a large
 * import or index build has been seen before (a small direct-mapped cache kept only 1024 words
 * and missed on the long tail, where the costly compound splitting was redone; issue 17).
 *
 * An open-addressing table of offsets into one arena. Each arena entry: word length (1 byte),
 * tokens length (15 bits; the 16th set when the word is its own stem), the word, then its tokens
 * (each a length byte and its bytes). Bounded:
 * past NT_MEMO_MAX_BYTES the memo is emptied and refilled.
 */
#define NT_MEMO_MAX_BYTES (48u << 20)

typedef struct {
    uint32_t *slots;     /* 0: empty, else 1 + the entry's offset in arena */
    uint32_t *hashes;
    uint32_t capacity;   /* a power of two */
    uint32_t count;
    char *arena;
    uint32_t used, size;
} Memo;

typedef struct NtTokenizer {
    fts5_tokenizer inner_api;
    Fts5Tokenizer *inner;
    struct sb_stemmer *stemmer;
    Memo memo;
} NtTokenizer;

static uint32_t memo_hash(const char *w, size_t n) {
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)w[i]) * 16777619u;
    return h ? h : 1;
}

static void memo_clear(Memo *m) {
    sqlite3_free(m->slots);
    sqlite3_free(m->hashes);
    sqlite3_free(m->arena);
    memset(m, 0, sizeof *m);
}

/* The entry of w[0..n) (its tokens and their length), or NULL. */
static const char *memo_find(const Memo *m, const char *w, size_t n, uint32_t h, size_t *tokens_len, int *own_stem) {
    if (m->capacity == 0) return NULL;
    for (uint32_t i = h & (m->capacity - 1);; i = (i + 1) & (m->capacity - 1)) {
        uint32_t slot = m->slots[i];
        if (slot == 0) return NULL;
        if (m->hashes[i] != h) continue;
        const unsigned char *e = (const unsigned char *)m->arena + slot - 1;
        if (e[0] == n && memcmp(e + 3, w, n) == 0) {
            *tokens_len = (size_t)e[1] | ((size_t)(e[2] & 0x7F) << 8);
            *own_stem = (e[2] & 0x80) != 0;
            return (const char *)e + 3 + n;
        }
    }
}

static int memo_grow(Memo *m) {
    uint32_t capacity = m->capacity ? m->capacity * 2 : 4096;
    uint32_t *slots = sqlite3_malloc64(sizeof(uint32_t) * capacity);
    uint32_t *hashes = sqlite3_malloc64(sizeof(uint32_t) * capacity);
    if (slots == NULL || hashes == NULL) { sqlite3_free(slots); sqlite3_free(hashes); return 0; }
    memset(slots, 0, sizeof(uint32_t) * capacity);
    for (uint32_t i = 0; i < m->capacity; i++) {
        if (m->slots[i] == 0) continue;
        uint32_t j = m->hashes[i] & (capacity - 1);
        while (slots[j]) j = (j + 1) & (capacity - 1);
        slots[j] = m->slots[i];
        hashes[j] = m->hashes[i];
    }
    sqlite3_free(m->slots);
    sqlite3_free(m->hashes);
    m->slots = slots;
    m->hashes = hashes;
    m->capacity = capacity;
    return 1;
}

/* Notes the tokens of w[0..n); a memo that cannot grow stays as it was (the word is worked out again). */
static void memo_add(Memo *m, const char *w, size_t n, uint32_t h, const PartList *pl, int own_stem) {
    size_t tokens_len = 0;
    for (int i = 0; i < pl->count; i++) tokens_len += 1 + pl->parts[i].len;
    size_t need = 3 + n + tokens_len;
    if (n > 255 || tokens_len > 0x7FFF) return;
    if ((size_t)m->used + need > NT_MEMO_MAX_BYTES) memo_clear(m);
    if ((m->count + 1) * 2 > m->capacity && !memo_grow(m)) return;
    if ((size_t)m->used + need > m->size) {
        size_t size = m->size ? (size_t)m->size * 2 : 1u << 16;
        while (size < (size_t)m->used + need) size *= 2;
        char *arena = sqlite3_realloc64(m->arena, size);
        if (arena == NULL) return;
        m->arena = arena;
        m->size = (uint32_t)size;
    }
    unsigned char *e = (unsigned char *)m->arena + m->used;
    e[0] = (unsigned char)n;
    e[1] = (unsigned char)(tokens_len & 0xFF);
    e[2] = (unsigned char)((tokens_len >> 8) | (own_stem ? 0x80 : 0));
    memcpy(e + 3, w, n);
    unsigned char *t = e + 3 + n;
    for (int i = 0; i < pl->count; i++) {
        *t++ = (unsigned char)pl->parts[i].len;
        memcpy(t, pl->parts[i].text, pl->parts[i].len);
        t += pl->parts[i].len;
    }
    uint32_t i = h & (m->capacity - 1);
    while (m->slots[i]) i = (i + 1) & (m->capacity - 1);
    m->slots[i] = m->used + 1;
    m->hashes[i] = h;
    m->count++;
    m->used += (uint32_t)need;
}

typedef struct {
    NtTokenizer *tok;
    int flags;
    void *ctx;
    int (*xToken)(void *, int, const char *, int, int, int);
    /* prefix queries: the previous token, emitted once the next one shows it was not the last */
    int has_pending;
    char pending[NT_MAX_WORD * 4 + 8];
    int pending_len, pending_start, pending_end;
    int pending_long;
    char *pending_heap;
} Cb;

int nt_variant_first(const char *s, size_t n) {
    int lo = 0, hi = nt_variant_pair_count - 1, found = -1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        const char *key = nt_variant_pairs[mid][0];
        int c = strncmp(key, s, n);
        if (c == 0 && key[n] != 0) c = 1;
        if (c < 0) lo = mid + 1;
        else { if (c == 0) found = mid; hi = mid - 1; }
    }
    return found;
}

/* A query token: "#stem", and the bare stem when it is a surface form with that same stem, and
 * "#variant" (and the bare variant, by the same rule) for each spelling variant of the stem (nt_variants.c: veg finds vei, fram finds frem),
 * all colocated: one term that any of them matches. Documents are indexed as they are written;
 * the variants live in the query alone, so a change of the table needs no rebuild of the index. */
static int emit_query_token(Cb *cb, const char *t, int n, int s, int e) {
    char stem[NT_MAX_WORD + 2], stem2[NT_MAX_WORD + 1];
    if (!nt_is_word(t, (size_t)n)) return cb->xToken(cb->ctx, 0, t, n, s, e);
    size_t sl = nt_stem(cb->tok->stemmer, t, (size_t)n, stem + 1);
    stem[0] = NT_MARK;
    int rc = cb->xToken(cb->ctx, 0, stem, (int)sl + 1, s, e);
    if (rc != SQLITE_OK) return rc;
    size_t sl2 = nt_stem(cb->tok->stemmer, stem + 1, sl, stem2);
    if (sl2 == sl && memcmp(stem2, stem + 1, sl) == 0)
        rc = cb->xToken(cb->ctx, FTS5_TOKEN_COLOCATED, stem + 1, (int)sl, s, e);
    for (int i = nt_variant_first(stem + 1, sl); rc == SQLITE_OK && i >= 0 && i < nt_variant_pair_count; i++) {
        const char *key = nt_variant_pairs[i][0], *variant = nt_variant_pairs[i][1];
        if (strncmp(key, stem + 1, sl) != 0 || key[sl] != 0) break;
        size_t vl = strlen(variant);
        if (vl > NT_MAX_WORD) continue;
        char marked[NT_MAX_WORD + 2];
        marked[0] = NT_MARK;
        memcpy(marked + 1, variant, vl);
        rc = cb->xToken(cb->ctx, FTS5_TOKEN_COLOCATED, marked, (int)vl + 1, s, e);
        /* A document word equal to its stem is indexed bare ("veg"), as for the query word itself. */
        size_t again = rc == SQLITE_OK ? nt_stem(cb->tok->stemmer, variant, vl, stem2) : 0;
        if (rc == SQLITE_OK && again == vl && memcmp(stem2, variant, vl) == 0)
            rc = cb->xToken(cb->ctx, FTS5_TOKEN_COLOCATED, variant, (int)vl, s, e);
    }
    return rc;
}

/* A document token. For FTS5: the surface form, then, colocated, "#stem" when the stem differs and
 * "#part" for each compound part. With DOCKET_TOKENIZE_INDEX_TERMS (the derived Xapian index, which
 * answers word queries only, never prefixes or phrases): no surface form for a word, "#stem" always
 * (also when the word is its own stem), then the parts. A query finds exactly the same documents
 * either way: its "#stem" matched the "#stem" of a word whose stem differs, its bare stem the surface
 * of a word that is its own stem (the one surface form a query could reach); the index just holds
 * about a third fewer terms (issue 17: the build's time goes into Xapian's posting maps). */
static int emit_document_token(Cb *cb, const char *t, int n, int s, int e) {
    int index_terms = (cb->flags & DOCKET_TOKENIZE_INDEX_TERMS) != 0;
    if (!nt_is_word(t, (size_t)n)) return cb->xToken(cb->ctx, 0, t, n, s, e);
    int rc = index_terms ? SQLITE_OK : cb->xToken(cb->ctx, 0, t, n, s, e);
    if (rc != SQLITE_OK) return rc;
    Memo *memo = &cb->tok->memo;
    uint32_t h = memo_hash(t, (size_t)n);
    size_t tokens_len = 0;
    int own_stem = 0;
    const char *tokens = memo_find(memo, t, (size_t)n, h, &tokens_len, &own_stem);
    PartList pl = {.count = 0};
    if (tokens == NULL) {
        char stem[NT_MAX_WORD + 1];
        size_t sl = nt_stem(cb->tok->stemmer, t, (size_t)n, stem);
        own_stem = sl == (size_t)n && memcmp(stem, t, sl) == 0;
        if (!own_stem) parts_add(&pl, stem, sl);
        add_compound_parts(cb->tok->stemmer, t, (size_t)n, &pl, 1);
        memo_add(memo, t, (size_t)n, h, &pl, own_stem);
    }
    int colocated = index_terms ? 0 : FTS5_TOKEN_COLOCATED;
    if (index_terms && own_stem) {
        /* nt_is_word holds words to NT_MAX_WORD bytes; past it the surface stands, as for FTS5 */
        char marked[NT_MAX_WORD + 2];
        marked[0] = NT_MARK;
        if (n <= NT_MAX_WORD) memcpy(marked + 1, t, (size_t)n);
        rc = n <= NT_MAX_WORD ? cb->xToken(cb->ctx, 0, marked, n + 1, s, e) : cb->xToken(cb->ctx, 0, t, n, s, e);
        colocated = FTS5_TOKEN_COLOCATED;
    }
    if (tokens) {
        for (size_t i = 0; i < tokens_len && rc == SQLITE_OK; i += 1 + (unsigned char)tokens[i]) {
            int len = (unsigned char)tokens[i];
            /* "#word" once: a part equal to the word itself is already there */
            if (index_terms && own_stem && len == n + 1 && memcmp(tokens + i + 2, t, (size_t)n) == 0) continue;
            rc = cb->xToken(cb->ctx, colocated, tokens + i + 1, len, s, e);
            colocated = FTS5_TOKEN_COLOCATED;
        }
        return rc;
    }
    for (int i = 0; i < pl.count && rc == SQLITE_OK; i++) {
        if (index_terms && own_stem && pl.parts[i].len == (size_t)n + 1 && memcmp(pl.parts[i].text + 1, t, (size_t)n) == 0) continue;
        rc = cb->xToken(cb->ctx, colocated, pl.parts[i].text, (int)pl.parts[i].len, s, e);
        colocated = FTS5_TOKEN_COLOCATED;
    }
    return rc;
}

static int flush_pending(Cb *cb) {
    if (!cb->has_pending) return SQLITE_OK;
    cb->has_pending = 0;
    const char *t = cb->pending_heap ? cb->pending_heap : cb->pending;
    int rc = emit_query_token(cb, t, cb->pending_len, cb->pending_start, cb->pending_end);
    sqlite3_free(cb->pending_heap);
    cb->pending_heap = NULL;
    return rc;
}

static int token_cb(void *pCtx, int tflags, const char *t, int n, int s, int e) {
    Cb *cb = pCtx;
    (void)tflags;
    if (n <= 0) return SQLITE_OK;
    if (cb->flags & FTS5_TOKENIZE_DOCUMENT) return emit_document_token(cb, t, n, s, e);
    if (cb->flags & FTS5_TOKENIZE_QUERY) {
        if (!(cb->flags & FTS5_TOKENIZE_PREFIX)) return emit_query_token(cb, t, n, s, e);
        /* Only the last token of a prefix phrase is the prefix: hold each token back one step. */
        int rc = flush_pending(cb);
        if (rc != SQLITE_OK) return rc;
        if ((size_t)n < sizeof cb->pending) {
            memcpy(cb->pending, t, (size_t)n);
        } else {
            cb->pending_heap = sqlite3_malloc(n);
            if (cb->pending_heap == NULL) return SQLITE_NOMEM;
            memcpy(cb->pending_heap, t, (size_t)n);
        }
        cb->pending_len = n; cb->pending_start = s; cb->pending_end = e;
        cb->has_pending = 1;
        return SQLITE_OK;
    }
    /* FTS5_TOKENIZE_AUX (highlight, snippet): positions and offsets only, surface forms suffice. */
    return cb->xToken(cb->ctx, 0, t, n, s, e);
}

static int nt_tokenize(Fts5Tokenizer *p, void *pCtx, int flags, const char *pText, int nText,
                       int (*xToken)(void *, int, const char *, int, int, int)) {
    NtTokenizer *tok = (NtTokenizer *)p;
    Cb cb = {.tok = tok, .flags = flags, .ctx = pCtx, .xToken = xToken};
    if (pText == NULL || nText <= 0) return SQLITE_OK;
    int rc = tok->inner_api.xTokenize(tok->inner, &cb, flags & ~DOCKET_TOKENIZE_INDEX_TERMS, pText, nText, token_cb);
    if (cb.has_pending) {
        if (rc == SQLITE_OK) {
            const char *t = cb.pending_heap ? cb.pending_heap : cb.pending;
            rc = xToken(pCtx, 0, t, cb.pending_len, cb.pending_start, cb.pending_end);
        }
        sqlite3_free(cb.pending_heap);
    }
    return rc;
}

static void nt_delete(Fts5Tokenizer *p) {
    NtTokenizer *tok = (NtTokenizer *)p;
    if (tok == NULL) return;
    if (tok->inner) tok->inner_api.xDelete(tok->inner);
    if (tok->stemmer) sb_stemmer_delete(tok->stemmer);
    memo_clear(&tok->memo);
    sqlite3_free(tok);
}

static int nt_create(void *pCtx, const char **azArg, int nArg, Fts5Tokenizer **ppOut) {
    fts5_api *api = pCtx;
    (void)azArg;
    *ppOut = NULL;
    if (nArg != 0) return SQLITE_ERROR; /* the scheme is fixed by the version in the name */
    NtTokenizer *tok = sqlite3_malloc(sizeof *tok);
    if (tok == NULL) return SQLITE_NOMEM;
    memset(tok, 0, sizeof *tok);
    void *ud = NULL;
    int rc = api->xFindTokenizer(api, "unicode61", &ud, &tok->inner_api);
    if (rc == SQLITE_OK) {
        const char *args[] = {"remove_diacritics", "0"};
        rc = tok->inner_api.xCreate(ud, args, 2, &tok->inner);
    }
    if (rc == SQLITE_OK) {
        tok->stemmer = sb_stemmer_new("norwegian", "UTF_8");
        if (tok->stemmer == NULL) rc = SQLITE_NOMEM;
    }
    if (rc != SQLITE_OK) { nt_delete((Fts5Tokenizer *)tok); return rc; }
    *ppOut = (Fts5Tokenizer *)tok;
    return SQLITE_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* Registration                                                                                */

fts5_api *nt_fts5_api(sqlite3 *db) {
    fts5_api *api = NULL;
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK) return NULL;
    sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return api;
}

int docket_register_norwegian_tokenizer(sqlite3 *db) {
    if (db == NULL) return SQLITE_MISUSE;
    fts5_api *api = nt_fts5_api(db);
    if (api == NULL || api->iVersion < 2) return SQLITE_ERROR;
    fts5_tokenizer t = {nt_create, nt_delete, nt_tokenize};
    return api->xCreateTokenizer(api, DOCKET_NORWEGIAN_TOKENIZER_NAME, api, &t, NULL);
}

/* ------------------------------------------------------------------------------------------ */
/* Diagnostics                                                                                 */

typedef struct {
    sqlite3_str *out;
    int pos;
} DumpCtx;

static int dump_cb(void *pCtx, int tflags, const char *t, int n, int s, int e) {
    DumpCtx *d = pCtx;
    (void)s; (void)e;
    if (!(tflags & FTS5_TOKEN_COLOCATED)) d->pos++;
    sqlite3_str_appendf(d->out, "%d\t%.*s\n", d->pos - 1, n, t);
    return SQLITE_OK;
}

char *docket_norwegian_tokens(sqlite3 *db, const char *text, int flags) {
    fts5_api *api = nt_fts5_api(db);
    if (api == NULL || text == NULL) return NULL;
    void *ud = NULL;
    fts5_tokenizer t;
    if (api->xFindTokenizer(api, DOCKET_NORWEGIAN_TOKENIZER_NAME, &ud, &t) != SQLITE_OK) return NULL;
    Fts5Tokenizer *inst = NULL;
    if (t.xCreate(ud, NULL, 0, &inst) != SQLITE_OK) return NULL;
    DumpCtx d = {sqlite3_str_new(db), 0};
    int rc = t.xTokenize(inst, &d, flags, text, (int)strlen(text), dump_cb);
    t.xDelete(inst);
    char *res = sqlite3_str_finish(d.out);
    if (rc != SQLITE_OK) { sqlite3_free(res); return NULL; }
    if (res == NULL) res = sqlite3_mprintf("");
    return res;
}
