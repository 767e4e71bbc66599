/* Internal: the stemming rules shared by the tokenizer and scripts/make-wordlist. */
#ifndef DOCKET_NT_STEM_H
#define DOCKET_NT_STEM_H

#include <stddef.h>

struct sb_stemmer;

/* Longest token (in bytes) that is stemmed or split; longer tokens are kept as surface forms only. */
#define NT_MAX_WORD 64

/* 1 if w[0..n) is a word worth stemming: only lowercase letters (a-z, æøå and a few accented Latin letters). */
int nt_is_word(const char *w, size_t n);

/*
 * The stem of the folded word w[0..n), written to out (at least NT_MAX_WORD+1 bytes), NUL-terminated.
 * Returns its length. Words that nt_is_word rejects, or longer than NT_MAX_WORD, are returned unchanged.
 * Applies Snowball's Norwegian stemmer with Docket's corrections:
 *  - an exceptions list of words that Snowball would stem into other words (mote -> mot);
 *  - nouns in -het keep the -het (sikkerhet is not sikker).
 */
size_t nt_stem(struct sb_stemmer *stemmer, const char *w, size_t n, char *out);

#endif
