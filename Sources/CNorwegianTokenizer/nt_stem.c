#include "nt_stem.h"

#include <libstemmer.h>
#include <string.h>

int nt_is_word(const char *w, size_t n) {
    if (n == 0 || n > NT_MAX_WORD) return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c >= 'a' && c <= 'z') continue;
        /* Two-byte UTF-8 sequences U+00C0..U+00FF (Latin-1 letters: æ ø å é ü ä ö ...), not × ÷. */
        if (c == 0xC3 && i + 1 < n) {
            unsigned char d = (unsigned char)w[i + 1];
            if (d >= 0x80 && d <= 0xBF && d != 0x97 && d != 0xB7) { i++; continue; }
        }
        return 0;
    }
    return 1;
}

/*
 * Words Snowball stems into a different word. Each maps a surface form to the stem Docket uses.
 * Keep sorted by surface form (binary search). Changing it changes the index: bump the tokenizer version.
 */
static const struct { const char *word; const char *stem; } exceptions[] = {
    {"mote", "mote"},        /* fashion: Snowball gives mot (against, courage) */
    {"moten", "mote"},
    {"motene", "mote"},
    {"motens", "mote"},
    {"moter", "mote"},
    {"motes", "mote"},
};

static const char *const het_suffixes[] = {"hetenes", "hetene", "hetens", "heten", "heter", "hets", "het"};

size_t nt_stem(struct sb_stemmer *stemmer, const char *w, size_t n, char *out) {
    if (!nt_is_word(w, n) || stemmer == NULL) {
        size_t m = n > NT_MAX_WORD ? NT_MAX_WORD : n;
        memcpy(out, w, m);
        out[m] = 0;
        return m;
    }
    /* exceptions */
    size_t lo = 0, hi = sizeof exceptions / sizeof exceptions[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        const char *e = exceptions[mid].word;
        size_t el = strlen(e);
        int c = memcmp(w, e, n < el ? n : el);
        if (c == 0) c = (n < el) ? -1 : (n > el) ? 1 : 0;
        if (c == 0) {
            size_t sl = strlen(exceptions[mid].stem);
            memcpy(out, exceptions[mid].stem, sl + 1);
            return sl;
        }
        if (c < 0) hi = mid; else lo = mid + 1;
    }
    /* -het nouns: stem to the word ending in -het (at least 3 letters before it). */
    for (size_t i = 0; i < sizeof het_suffixes / sizeof het_suffixes[0]; i++) {
        size_t sl = strlen(het_suffixes[i]);
        if (n >= sl + 3 && memcmp(w + n - sl, het_suffixes[i], sl) == 0) {
            size_t base = n - sl;
            memcpy(out, w, base);
            memcpy(out + base, "het", 4);
            return base + 3;
        }
    }
    const sb_symbol *r = sb_stemmer_stem(stemmer, (const sb_symbol *)w, (int)n);
    int rl = sb_stemmer_length(stemmer);
    if (r == NULL || rl <= 0 || rl > NT_MAX_WORD) {
        memcpy(out, w, n);
        out[n] = 0;
        return n;
    }
    memcpy(out, r, (size_t)rl);
    out[rl] = 0;
    return (size_t)rl;
}
