/* Helper of scripts/make-wordlist: reads "word<TAB>class" lines, writes
 * "word<TAB>class<TAB>letters of word<TAB>stem<TAB>letters of stem" lines,
 * stemming with the tokenizer's own rules (Sources/CNorwegianTokenizer/nt_stem.c). */
#include <libstemmer.h>
#include <stdio.h>
#include <string.h>

#include "nt_stem.h"

int main(void) {
    struct sb_stemmer *st = sb_stemmer_new("norwegian", "UTF_8");
    if (st == NULL) { fprintf(stderr, "no Norwegian stemmer\n"); return 1; }
    char line[512], out[NT_MAX_WORD + 1];
    while (fgets(line, sizeof line, stdin)) {
        char *tab = strchr(line, '\t');
        if (tab == NULL) continue;
        *tab = 0;
        char *cls = tab + 1;
        cls[strcspn(cls, "\r\n")] = 0;
        size_t n = strlen(line);
        if (!nt_is_word(line, n)) continue;
        size_t m = nt_stem(st, line, n, out), wl = 0, sl = 0;
        for (size_t i = 0; i < n; i++) wl += (((unsigned char)line[i] & 0xC0) != 0x80);
        for (size_t i = 0; i < m; i++) sl += (((unsigned char)out[i] & 0xC0) != 0x80);
        printf("%s\t%s\t%zu\t%s\t%zu\n", line, cls, wl, out, sl);
    }
    sb_stemmer_delete(st);
    return 0;
}
