/* Internal: the generated word list (nt_wordlist.c, made by scripts/make-wordlist). */
#ifndef DOCKET_NT_WORDLIST_H
#define DOCKET_NT_WORDLIST_H

/* Entries: a word followed by its class byte (bit flags: NT_CLASS_HEAD, NT_CLASS_FIRST), sorted bytewise. */
extern const char nt_wordlist[];
extern const unsigned nt_wordlist_count;

#define NT_CLASS_HEAD 1  /* the stem of a word that may end a compound */
#define NT_CLASS_FIRST 2 /* a word form that may begin a compound */
#define NT_CLASS_MAX 3

#endif
