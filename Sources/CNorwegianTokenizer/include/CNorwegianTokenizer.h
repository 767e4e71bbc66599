#ifndef DOCKET_CNORWEGIANTOKENIZER_H
#define DOCKET_CNORWEGIANTOKENIZER_H

#include <sqlite3.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The name the tokenizer is registered under. The version changes whenever the tokens it
/// produces change (stemming rules, exceptions, word list, token scheme): an index built by
/// another version must be rebuilt (`docket reindex`).
#define DOCKET_NORWEGIAN_TOKENIZER_NAME "norwegian_v1"

/// Registers the FTS5 tokenizer "norwegian_v1" on a connection:
///
///     CREATE VIRTUAL TABLE t USING fts5(title, body, tokenize = 'norwegian_v1');
///
/// It wraps FTS5's unicode61 (remove_diacritics 0: æ, ø, å stay letters, case is folded) and,
/// for documents, emits at each position:
///   - the folded surface form, unmarked ("saksbehandlingstiden");
///   - "#" + its Snowball stem, colocated, when the stem differs from the surface form ("#saksbehandlingstid");
///   - "#" + the stem of each compound part found in the built-in word list, colocated
///     ("#sak", "#behandling", "#tid", ...).
/// A query word is looked up by its stem ("#stem", plus the bare stem when that is itself a
/// surface form with that stem); a prefix query ("saksbeh*") matches surface forms only, so
/// compound parts never answer prefix queries.
///
/// Takes no arguments. Returns SQLITE_OK, or an SQLite error code (FTS5 missing, out of memory).
/// Safe to call on every connection the store opens; calling it twice replaces the registration.
int docket_register_norwegian_tokenizer(sqlite3 *db);

/// A flag beside FTS5_TOKENIZE_DOCUMENT for the derived Xapian index (CXapianShim), never passed by
/// FTS5: a word's surface form is left out and "#stem" is emitted also when the word is its own stem
/// (then the compound parts). That index answers word queries only, by "#stem" and its variants, so
/// it finds what FTS5 finds with about a third fewer terms.
#define DOCKET_TOKENIZE_INDEX_TERMS 0x100

/// Registers the FTS5 auxiliary function docket_bm25 on a connection: FTS5's bm25, the same
/// formula and the same scores, reading each row's length through one blob handle per query
/// instead of a statement per row (broad queries rank about three times faster).
///
///     ORDER BY docket_bm25(t, 't', 10.0, 1.0, 2.0, 5.0) LIMIT 20
///
/// Its arguments: the table, the table's name in the main schema, then the column weights.
int docket_register_bm25(sqlite3 *db);

/// Registers the FTS5 auxiliary function docket_topk: the best k rows of a query by docket_bm25's
/// scores, from one walk of each phrase's doclist (see nt_topk.c), called on the first match:
///
///     SELECT docket_topk(t, 't', 20, '++', 10.0, 1.0, 2.0, 5.0) FROM t WHERE t MATCH ? LIMIT 1
///
/// The shape has one character per phrase: '+' required (AND), '?' optional (OR), '-' excluded (NOT).
/// Returns a blob of (double score, int64 rowid) pairs, best first.
int docket_register_topk(sqlite3 *db);

/// Registers the SQL function docket_snippet on a connection: an item's passage with the query's
/// words marked, found in its five texts by this tokenizer as FTS5 finds them, without a MATCH
/// cursor (a page of hits read through one seeks every term's doclist again for every row):
///
///     SELECT docket_snippet(?, title, case_text, proposal, decision, debate) FROM ...
///
/// The first argument lists the query's phrases, one a line: "<role><prefix><column><TAB><text>",
/// role '+' required, '?' optional, '-' excluded, '=' the query has another shape; prefix '*' or '.';
/// column '0'-'4' or '_' for all. Returns the passage with « » around matched words and … where text
/// is left out, or NULL when the texts do not match the query. See nt_snippet.c.
int docket_register_snippet(sqlite3 *db);

/// For tests and diagnostics: the tokens the tokenizer produces for text, one per line, each
/// "position<TAB>token" (a colocated token repeats its position). flags: FTS5_TOKENIZE_DOCUMENT (4),
/// FTS5_TOKENIZE_QUERY (1), FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX (3), FTS5_TOKENIZE_AUX (8).
/// Returns a string to free with sqlite3_free, or NULL on error.
char *docket_norwegian_tokens(sqlite3 *db, const char *text, int flags);

#ifdef __cplusplus
}
#endif

#endif
