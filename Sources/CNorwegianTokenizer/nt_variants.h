/* Internal: spelling variants (scripts/make-variants), looked up by the tokenizer in query mode. */
#ifndef DOCKET_NT_VARIANTS_H
#define DOCKET_NT_VARIANTS_H

#include <stddef.h>

extern const char *const nt_variant_pairs[][2];
extern const int nt_variant_pair_count;

/* The index of the first pair whose first stem is s[0..n), or -1. Pairs with the same first stem
 * follow it. */
int nt_variant_first(const char *s, size_t n);

#endif
