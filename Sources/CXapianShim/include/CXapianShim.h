#ifndef DOCKET_CXAPIANSHIM_H
#define DOCKET_CXAPIANSHIM_H

/*
 * Docket's derived search index: Xapian (Debian's libxapian) behind a small C API, so that Swift
 * never sees C++. The index holds no text of its own: it is fed with the tokens of the store's
 * Norwegian tokenizer (norwegian_v1, found on the store's SQLite connection), so that a document
 * and a query are tokenised by the very same C code as the FTS5 index.
 *
 * Every function catches Xapian's exceptions: a failure is a return code and a message (free it
 * with dx_free), never an exception through Swift.
 */

#include <sqlite3.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The scheme of the documents this shim writes, with the tokenizer's name: an index written by
 * another scheme is rebuilt. 2: index terms only (DOCKET_TOKENIZE_INDEX_TERMS: "#stem" for every
 * word, no surface forms of words). */
#define DX_SCHEME "docket-xapian-2/norwegian_v1"

typedef struct dx_index dx_index;

/* Opens the index folder at path (NULL: a fresh in-memory index, always writable).
 * mode: 0 read only, 1 writable (create if missing; takes Xapian's write lock),
 * 2 writable and emptied (a rebuild). db: the store's connection (its norwegian_v1 tokenizer).
 * Returns NULL and sets *error on failure; *locked is set to 1 when another writer holds the lock. */
dx_index *dx_open(const char *path, int mode, sqlite3 *db, char **error, int *locked);
void dx_close(dx_index *index);
void dx_free(char *text);

/* Sees the latest committed revision (a reader of an index another process writes). A read-only
 * index is opened afresh from its folder: a rebuild installs a new folder under the same name,
 * which Xapian's reopen of the old files would not see. */
int dx_reopen(dx_index *index, char **error);

/* A metadata value ("" when unset), to free with dx_free; NULL on error. */
char *dx_metadata(dx_index *index, const char *key, char **error);
int dx_set_metadata(dx_index *index, const char *key, const char *value, char **error);

/* Replaces (or adds) the document of an item: its five searchable texts (NULL for none) with
 * their weights (each token's within-document frequency grows by the weight of its column), its
 * boolean filter terms, and its meeting date (value slot 0, "YYYY-MM-DD"). */
int dx_replace(dx_index *index, int64_t docid, const char *const texts[5], const unsigned weights[5],
               const char *const *terms, int term_count, const char *date, char **error);
int dx_delete(dx_index *index, int64_t docid, char **error);
int dx_commit(dx_index *index, char **error);
/* How many documents the index holds; -1 on error. */
int64_t dx_document_count(dx_index *index);

/* A fresh index, built from nothing in parallel (issue 17: the build was ~0.1x the speed of a
 * plain FTS5 insert; Xapian's pending changes grow into large trees of postings, and one writer
 * keeps one core). Documents are handed over in ascending docid order and gathered into batches;
 * each batch becomes a small database of its own (a shard, built by one of `threads` workers, each
 * with its own tokenizer instance), and the shards are merged by Xapian's compactor. Everything is
 * written inside `work` (a folder that must not exist yet); `dx_build_finish` writes the metadata,
 * then swaps the result into `folder` in one rename (Linux RENAME_EXCHANGE), so that a build killed
 * at any point leaves `folder` as it was and never a half-built index there. threads <= 0: one per
 * core, at most 4. fan_in: shards merged at a time (<= 0: 64): each `fan_in` consecutive shards are
 * merged into a group by a merger thread while the workers write the next shards; the groups and
 * the shards left are merged at the end (in rounds when they are more than fan_in).
 * DOCKET_BUILD_TRACE in the environment: the phases' wall and CPU times to stderr. */
typedef struct dx_builder dx_builder;
dx_builder *dx_build_begin(const char *work, const char *folder, sqlite3 *db, const unsigned weights[5], int threads,
                           int fan_in, char **error);
/* One document (as dx_replace; the texts are copied). Returns -1 when a worker failed. */
int dx_build_add(dx_builder *builder, int64_t docid, const char *const texts[5], const char *const *terms,
                 int term_count, const char *date, char **error);
/* Waits for the workers, merges the shards, sets the metadata (count keys and values), installs
 * the index in `folder` and removes `work`. Frees the builder whatever the outcome. */
int dx_build_finish(dx_builder *builder, const char *const *keys, const char *const *values, int count,
                    char **error);
/* Stops the workers and removes `work`; `folder` is left as it was. Frees the builder. */
void dx_build_abandon(dx_builder *builder);

/* The best k items by BM25 (k1 1.2, b 0.75) for words combined by shape (one character per word:
 * '+' required, '?' one of several, '-' excluded), each word tokenised as a query by norwegian_v1
 * (its stem, the bare stem, its spelling variants: one synonym). A word marked '*' in prefixes
 * (NULL: none) is a prefix, FTS5's `"word"*`: the index's terms that may stand for a word beginning
 * with it, expanded (at most 5000, else -2), one synonym; then *unchecked is set, and the caller
 * keeps only the items dx_check passes (the expansion is a little wider than FTS5's matches, never
 * narrower). Filters: terms in the same group
 * (groups[i]) are alternatives, groups are all required; excluded terms are left out; from / to
 * (NULL for none) bound the meeting date.
 * Fills ids and scores (BM25 weight, higher is better), returns the count; -2 when a word is not
 * a single token (a phrase: the caller asks FTS5), -1 on error. */
int dx_search(dx_index *index, const char *const *words, const char *shape, const char *prefixes, int word_count,
              const char *const *filter_terms, const int *groups, int filter_count,
              const char *const *excluded, int excluded_count, const char *from, const char *to,
              int k, int64_t *ids, double *scores, int *unchecked, char **error);

/* Does the item (its id and five texts, as the store holds them) match the words as FTS5 would?
 * The check of dx_search's answer when it set *unchecked: a prefix word's terms may also match an
 * item whose only word beginning with the prefix is a compound part or a shorter stem, and a
 * negated prefix word is left out of the search. 1: it matches, 0: not, -2: a word dx_search would
 * not answer either, -1 on error. */
int dx_check(dx_index *index, int64_t docid, const char *const texts[5], const char *const *words, const char *shape,
             const char *prefixes, int word_count, char **error);

#ifdef __cplusplus
}
#endif

#endif
