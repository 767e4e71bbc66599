/* Internal: the generated word list (nt_wordlist.c, made by scripts/make-wordlist). */
#ifndef DOCKET_NT_WORDLIST_H
#define DOCKET_NT_WORDLIST_H

/* Entries: a word followed by its class byte (bit flags: NT_CLASS_*), sorted bytewise, back to back. */
extern const char nt_wordlist[];
extern const unsigned nt_wordlist_count;
/* The entries' length in bytes. */
extern const unsigned nt_wordlist_bytes;
/* Where the entries whose first two bytes are k begin: [buckets[k], buckets[k + 1]) in nt_wordlist
 * (an entry of one byte: its class byte is its second). */
extern const unsigned nt_wordlist_buckets[65537];

#define NT_CLASS_HEAD 1       /* the stem of a word hunspell allows in compounds: may end one */
#define NT_CLASS_FIRST 2      /* a word form that may begin a compound */
#define NT_CLASS_OTHER_HEAD 4 /* the stem of another long word: may end a compound, second choice */
#define NT_CLASS_MAX 7

#endif
