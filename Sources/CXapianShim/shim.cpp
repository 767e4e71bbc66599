// Docket's derived search index: see include/CXapianShim.h.
#include "CXapianShim.h"
#include "CNorwegianTokenizer.h"

#include <xapian.h>

#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstdarg>
#include <ctime>
#include <cstdlib>
#include <algorithm>
#include <cstring>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace {

/* Xapian refuses terms over 245 bytes; such tokens (long digit strings) are left out. */
constexpr int max_term_bytes = 240;

char *copy(const std::string &text) {
    char *out = static_cast<char *>(std::malloc(text.size() + 1));
    if (out) std::memcpy(out, text.c_str(), text.size() + 1);
    return out;
}

void fail(char **error, const std::string &message) {
    if (error) *error = copy(message);
}

/* What an exception says, or "" when body ran through: no exception may cross into the C caller. */
template <typename Body> std::string message_of(Body body) {
    try {
        body();
        return "";
    } catch (const Xapian::Error &e) {
        return e.get_description();
    } catch (const std::exception &e) {
        return e.what();
    }
}

/* body's result, or `failed` with the exception's text in *error. */
template <typename T, typename Body> T guarded(char **error, T failed, Body body) {
    T result = failed;
    std::string message = message_of([&] { result = body(); });
    if (message.empty()) return result;
    fail(error, message);
    return failed;
}

fts5_api *fts5_of(sqlite3 *db) {
    fts5_api *api = nullptr;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return nullptr;
    sqlite3_bind_pointer(stmt, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return api;
}

/* A document's tokens counted before they reach Xapian: each distinct term then costs one
 * Document::add_term (a std::map insert) instead of one per occurrence. An open-addressing table
 * over one byte arena, kept by a writer and reused: counting a token allocates nothing (issue 17:
 * a std::unordered_map of std::string, a node and often a string per new token, cleared per
 * document, was a tenth of the build's tokenising time). */
struct TermCounts {
    struct Entry {
        uint32_t offset, length, hash, slot;
        Xapian::termcount count;
    };
    std::vector<uint32_t> slots = std::vector<uint32_t>(1024, 0);  // entry index + 1; 0: empty
    std::vector<Entry> entries;
    std::string arena;
    Xapian::termcount weight = 1;
    bool failed = false;

    void clear() {
        for (const Entry &entry : entries) slots[entry.slot] = 0;
        entries.clear();
        arena.clear();
    }

    static uint32_t hash_of(const char *text, size_t length) {
        uint32_t h = 2166136261u;  // FNV-1a
        for (size_t i = 0; i < length; i++) h = (h ^ static_cast<unsigned char>(text[i])) * 16777619u;
        return h;
    }

    void grow() {
        std::vector<uint32_t> bigger(slots.size() * 2, 0);
        size_t mask = bigger.size() - 1;
        for (size_t e = 0; e < entries.size(); e++) {
            size_t i = entries[e].hash & mask;
            while (bigger[i] != 0) i = (i + 1) & mask;
            bigger[i] = static_cast<uint32_t>(e + 1);
            entries[e].slot = static_cast<uint32_t>(i);
        }
        slots.swap(bigger);
    }

    void add(const char *text, size_t length) {
        uint32_t h = hash_of(text, length);
        size_t mask = slots.size() - 1;
        size_t i = h & mask;
        for (; slots[i] != 0; i = (i + 1) & mask) {
            Entry &entry = entries[slots[i] - 1];
            if (entry.hash == h && entry.length == length && std::memcmp(arena.data() + entry.offset, text, length) == 0) {
                entry.count += weight;
                return;
            }
        }
        entries.push_back(Entry{static_cast<uint32_t>(arena.size()), static_cast<uint32_t>(length), h, static_cast<uint32_t>(i), weight});
        arena.append(text, length);
        slots[i] = static_cast<uint32_t>(entries.size());
        if (entries.size() * 2 > slots.size()) grow();
    }
};

int document_token(void *context, int, const char *token, int length, int, int) {
    auto *tokens = static_cast<TermCounts *>(context);
    if (length <= 0 || length > max_term_bytes) return SQLITE_OK;
    try {
        tokens->add(token, static_cast<size_t>(length));
    } catch (...) {
        tokens->failed = true;
        return SQLITE_NOMEM;
    }
    return SQLITE_OK;
}

/* An item's document: its five texts tokenised as index terms, each token's wdf growing by its
 * column's weight; its boolean filter terms; its meeting date in value slot 0. False when the
 * tokenizer fails. */
bool fill_document(Xapian::Document &document, fts5_tokenizer &tokenizer, Fts5Tokenizer *instance, TermCounts &tokens,
                   const char *const texts[5], const unsigned weights[5], const char *const *terms, int term_count,
                   const char *date) {
    tokens.clear();
    for (int column = 0; column < 5; column++) {
        if (texts[column] == nullptr || weights[column] == 0) continue;
        tokens.weight = weights[column];
        tokens.failed = false;
        int rc = tokenizer.xTokenize(instance, &tokens, FTS5_TOKENIZE_DOCUMENT | DOCKET_TOKENIZE_INDEX_TERMS, texts[column],
                                     static_cast<int>(std::strlen(texts[column])), document_token);
        if (rc != SQLITE_OK || tokens.failed) return false;
    }
    std::string term;
    for (const auto &entry : tokens.entries) {
        term.assign(tokens.arena.data() + entry.offset, entry.length);
        document.add_term(term, entry.count);
    }
    for (int i = 0; i < term_count; i++) document.add_boolean_term(terms[i]);
    if (date) document.add_value(0, date);
    return true;
}

/* A query's tokens by position: colocated tokens (stem, bare stem, variants) share one. */
struct QueryTokens {
    std::vector<std::vector<std::string>> positions;
};

int query_token(void *context, int flags, const char *token, int length, int, int) {
    auto *tokens = static_cast<QueryTokens *>(context);
    if (length <= 0) return SQLITE_OK;
    // The bare stem (and bare variants) reach, in FTS5, the surface of a word that is its own stem;
    // this index holds such a word as "#word" (DOCKET_TOKENIZE_INDEX_TERMS), which "#stem" matches.
    if ((flags & FTS5_TOKEN_COLOCATED) && token[0] != '#') return SQLITE_OK;
    try {
        if (!(flags & FTS5_TOKEN_COLOCATED) || tokens->positions.empty()) tokens->positions.emplace_back();
        tokens->positions.back().emplace_back(token, static_cast<size_t>(length));
    } catch (...) {
        return SQLITE_NOMEM;
    }
    return SQLITE_OK;
}

/* A prefix word's tokens as FTS5 sees them (FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX): the
 * tokenizer holds the last token back and hands it over bare, as typed and folded by unicode61. */
struct PrefixTokens {
    std::vector<std::string> tokens;
    bool colocated = false;
};

int prefix_token(void *context, int flags, const char *token, int length, int, int) {
    auto *tokens = static_cast<PrefixTokens *>(context);
    if (length <= 0) return SQLITE_OK;
    if (flags & FTS5_TOKEN_COLOCATED) tokens->colocated = true;
    try {
        tokens->tokens.emplace_back(token, static_cast<size_t>(length));
    } catch (...) {
        return SQLITE_NOMEM;
    }
    return SQLITE_OK;
}

/* The tails Snowball's Norwegian stemmer (with nt_stem's exceptions and -het rule) can take off a
 * word: an "other suffix" (step 3), a 't' of a dt/vt pair (step 2), a main suffix (step 1, with the
 * "te"/"t" that erte/ert -> er leaves off). nt_stem's stem is always the word less one of these
 * (checked over the 235 000 words of the word list and two million made-up inflections of them). */
const char *const main_tails[] = {"", "a", "e", "ede", "ande", "ende", "ane", "ene", "hetene", "en", "heten", "ar", "er", "heter",
                                  "as", "es", "edes", "endes", "enes", "hetenes", "ens", "hetens", "ers", "ets", "et", "het",
                                  "ast", "s", "te", "t", "ne", "n", "ns", "r"};
const char *const other_tails[] = {"", "leg", "eleg", "ig", "eig", "lig", "elig", "els", "lov", "elov", "slov", "hetslov"};

/* Can a stemmer's tail begin with `rest`? Then a word beginning with stem + rest may have that stem. */
bool tail_may_begin_with(const std::string &rest) {
    for (const char *other : other_tails)
        for (int pair = 0; pair < 2; pair++)
            for (const char *main : main_tails) {
                std::string tail = std::string(other) + (pair ? "t" : "") + main;
                if (tail.compare(0, rest.size(), rest) == 0) return true;
            }
    return false;
}

/* Index terms this many or more for one prefix: FTS5 answers it (Xapian::WildcardError). */
constexpr Xapian::termcount max_prefix_terms = 5000;

/* The folded prefix FTS5 matches for a prefix word: 0, or -2 when it is not one bare token (a
 * phrase such as "plan-og*", or nothing), -1 when the tokenizer fails. */
int folded_prefix(fts5_tokenizer &tokenizer, Fts5Tokenizer *instance, const char *word, std::string &prefix) {
    PrefixTokens tokens;
    int rc = tokenizer.xTokenize(instance, &tokens, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX, word,
                                 static_cast<int>(std::strlen(word)), prefix_token);
    if (rc != SQLITE_OK) return -1;
    if (tokens.tokens.size() != 1 || tokens.colocated) return -2;
    prefix = tokens.tokens.front();
    // Index terms are folded by unicode61: ASCII capitals never begin one (the boolean filter
    // terms XB…, XK…, XY…, XO…, XE1 do, and must never be reached); '#' marks stems and parts.
    if (prefix.empty() || prefix.size() >= static_cast<size_t>(max_term_bytes) || prefix[0] == '#' ||
        (prefix[0] >= 'A' && prefix[0] <= 'Z'))
        return -2;
    return 0;
}

/* The index terms of every item that FTS5's prefix query `"prefix"*` matches, and perhaps of a few
 * more (dx_check tells them apart). FTS5 matches the surface form of a word beginning with the
 * prefix; this index holds a word as "#stem" (and its compound parts as "#part"), never its surface,
 * and a non-word token (digits, a too long word) bare. nt_stem's stem is the word less a tail, so:
 * - a word whose stem is at least as long as the prefix has a "#stem" beginning with "#prefix";
 * - a word whose stem is shorter is a stem that the prefix begins with, followed by the beginning
 *   of a tail: "#s" for each such s (a term the index may not hold: then it matches nothing);
 * - a non-word token beginning with the prefix is a bare term beginning with it.
 * The extra items: those with a compound part, or a shorter stem, beginning like the prefix. */
Xapian::Query prefix_query(const std::string &prefix) {
    std::vector<Xapian::Query> alternatives;
    alternatives.emplace_back(Xapian::Query::OP_WILDCARD, "#" + prefix, max_prefix_terms, Xapian::Query::WILDCARD_LIMIT_ERROR,
                              Xapian::Query::OP_SYNONYM);
    alternatives.emplace_back(Xapian::Query::OP_WILDCARD, prefix, max_prefix_terms, Xapian::Query::WILDCARD_LIMIT_ERROR,
                              Xapian::Query::OP_SYNONYM);
    for (size_t length = 1; length < prefix.size(); length++) {
        if ((static_cast<unsigned char>(prefix[length]) & 0xC0) == 0x80) continue;  // inside a character
        if (tail_may_begin_with(prefix.substr(length))) alternatives.emplace_back("#" + prefix.substr(0, length));
    }
    return Xapian::Query(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
}

/* Does any of the texts hold a token (as FTS5 indexes its surface: unicode61's) beginning with one
 * of the prefixes? found[i] for prefixes[i]. */
struct SurfaceScan {
    const std::vector<std::string> *prefixes;
    std::vector<bool> *found;
};

int surface_token(void *context, int, const char *token, int length, int, int) {
    auto *scan = static_cast<SurfaceScan *>(context);
    for (size_t i = 0; i < scan->prefixes->size(); i++) {
        const std::string &prefix = (*scan->prefixes)[i];
        if (static_cast<size_t>(length) >= prefix.size() && std::memcmp(token, prefix.data(), prefix.size()) == 0)
            (*scan->found)[i] = true;
    }
    return SQLITE_OK;
}

} // namespace

struct dx_index {
    std::string path;  // the folder; empty in memory
    TermCounts tokens;
    std::unique_ptr<Xapian::Database> reader;  // set for a read-only index
    std::unique_ptr<Xapian::WritableDatabase> writer;  // set for a writable one
    fts5_tokenizer tokenizer{};
    Fts5Tokenizer *instance = nullptr;

    Xapian::Database &database() { return writer ? static_cast<Xapian::Database &>(*writer) : *reader; }

    ~dx_index() {
        if (instance) tokenizer.xDelete(instance);
    }
};

extern "C" {

dx_index *dx_open(const char *path, int mode, sqlite3 *db, char **error, int *locked) {
    if (locked) *locked = 0;
    auto index = std::make_unique<dx_index>();
    fts5_api *api = fts5_of(db);
    void *user = nullptr;
    if (api == nullptr || api->xFindTokenizer(api, DOCKET_NORWEGIAN_TOKENIZER_NAME, &user, &index->tokenizer) != SQLITE_OK ||
        index->tokenizer.xCreate(user, nullptr, 0, &index->instance) != SQLITE_OK) {
        fail(error, "the Norwegian tokenizer is not registered on this connection");
        return nullptr;
    }
    try {
        if (path == nullptr) {
            index->writer = std::make_unique<Xapian::WritableDatabase>(Xapian::InMemory::open());
        } else if (mode == 0) {
            index->path = path;
            index->reader = std::make_unique<Xapian::Database>(path);
        } else {
            index->writer = std::make_unique<Xapian::WritableDatabase>(
                path, mode == 2 ? Xapian::DB_CREATE_OR_OVERWRITE : Xapian::DB_CREATE_OR_OPEN);
        }
    } catch (const Xapian::DatabaseLockError &e) {
        if (locked) *locked = 1;
        fail(error, e.get_description());
        return nullptr;
    } catch (const Xapian::Error &e) {
        fail(error, e.get_description());
        return nullptr;
    } catch (const std::exception &e) {
        fail(error, e.what());
        return nullptr;
    }
    return index.release();
}

void dx_close(dx_index *index) {
    if (index == nullptr) return;
    try {
        if (index->writer) index->writer->close();
    } catch (...) {
    }
    delete index;
}

void dx_free(char *text) { std::free(text); }

/* A reader sees the folder's current index: opened afresh, as a rebuild installs a new folder
 * under the same name (the old files stay readable, unlinked, by whoever holds them open). */
static void refresh(dx_index *index) {
    if (index->reader && !index->path.empty()) index->reader = std::make_unique<Xapian::Database>(index->path);
    else index->database().reopen();
}

int dx_reopen(dx_index *index, char **error) {
    return guarded(error, -1, [&] { refresh(index); return 0; });
}

char *dx_metadata(dx_index *index, const char *key, char **error) {
    return guarded(error, static_cast<char *>(nullptr), [&] { return copy(index->database().get_metadata(key)); });
}

int dx_set_metadata(dx_index *index, const char *key, const char *value, char **error) {
    if (!index->writer) return fail(error, "the search index is open read-only"), -1;
    return guarded(error, -1, [&] { index->writer->set_metadata(key, value); return 0; });
}

int dx_replace(dx_index *index, int64_t docid, const char *const texts[5], const unsigned weights[5],
               const char *const *terms, int term_count, const char *date, char **error) {
    if (!index->writer) return fail(error, "the search index is open read-only"), -1;
    if (docid <= 0 || docid > 0xFFFFFFFFLL) return fail(error, "an item id beyond Xapian's document ids"), -1;
    return guarded(error, -1, [&] {
        Xapian::Document document;
        if (!fill_document(document, index->tokenizer, index->instance, index->tokens, texts, weights, terms, term_count, date))
            return fail(error, "cannot tokenise an item's text"), -1;
        index->writer->replace_document(static_cast<Xapian::docid>(docid), document);
        return 0;
    });
}

int dx_delete(dx_index *index, int64_t docid, char **error) {
    if (!index->writer) return fail(error, "the search index is open read-only"), -1;
    if (docid <= 0 || docid > 0xFFFFFFFFLL) return 0;
    return guarded(error, -1, [&] {
        try {
            index->writer->delete_document(static_cast<Xapian::docid>(docid));
        } catch (const Xapian::DocNotFoundError &) {
        }
        return 0;
    });
}

int dx_commit(dx_index *index, char **error) {
    if (!index->writer) return fail(error, "the search index is open read-only"), -1;
    return guarded(error, -1, [&] { index->writer->commit(); return 0; });
}

int64_t dx_document_count(dx_index *index) {
    try {
        return static_cast<int64_t>(index->database().get_doccount());
    } catch (...) {
        return -1;
    }
}

int dx_search(dx_index *index, const char *const *words, const char *shape, const char *prefixes, int word_count,
              const char *const *filter_terms, const int *groups, int filter_count,
              const char *const *excluded, int excluded_count, const char *from, const char *to,
              int k, int64_t *ids, double *scores, int *unchecked, char **error) {
    if (unchecked) *unchecked = 0;
    return guarded(error, -1, [&] {
        try {
            std::vector<Xapian::Query> required, optional, negated;
            for (int i = 0; i < word_count; i++) {
                if (prefixes && prefixes[i] == '*') {
                    std::string prefix;
                    int rc = folded_prefix(index->tokenizer, index->instance, words[i], prefix);
                    if (rc == -1) return fail(error, "cannot tokenise the query"), -1;
                    if (rc != 0) return -2;
                    if (unchecked) *unchecked = 1;
                    switch (shape[i]) {
                    case '+': required.push_back(prefix_query(prefix)); break;
                    case '?': optional.push_back(prefix_query(prefix)); break;
                    case '-': break;  // left to dx_check: excluding the wider set would drop true matches
                    default: return -2;
                    }
                    continue;
                }
                QueryTokens tokens;
                int rc = index->tokenizer.xTokenize(index->instance, &tokens, FTS5_TOKENIZE_QUERY, words[i],
                                                    static_cast<int>(std::strlen(words[i])), query_token);
                if (rc != SQLITE_OK) return fail(error, "cannot tokenise the query"), -1;
                if (tokens.positions.size() != 1) return -2;
                std::vector<std::string> &synonyms = tokens.positions.front();
                for (auto &term : synonyms)
                    if (term.size() > static_cast<size_t>(max_term_bytes)) term.resize(max_term_bytes);
                Xapian::Query word = synonyms.size() == 1
                    ? Xapian::Query(synonyms.front())
                    : Xapian::Query(Xapian::Query::OP_SYNONYM, synonyms.begin(), synonyms.end());
                switch (shape[i]) {
                case '+': required.push_back(word); break;
                case '?': optional.push_back(word); break;
                case '-': negated.push_back(word); break;
                default: return -2;
                }
            }
            Xapian::Query query;
            if (!required.empty()) query = Xapian::Query(Xapian::Query::OP_AND, required.begin(), required.end());
            else if (!optional.empty()) query = Xapian::Query(Xapian::Query::OP_OR, optional.begin(), optional.end());
            else return 0;
            if (!negated.empty())
                query = Xapian::Query(Xapian::Query::OP_AND_NOT, query,
                                      Xapian::Query(Xapian::Query::OP_OR, negated.begin(), negated.end()));
            // Filters: each group an OR of boolean terms, all groups required; then the date range.
            std::map<int, std::vector<Xapian::Query>> byGroup;
            for (int i = 0; i < filter_count; i++) byGroup[groups[i]].emplace_back(filter_terms[i]);
            std::vector<Xapian::Query> filters;
            for (auto &group : byGroup)
                filters.emplace_back(Xapian::Query::OP_OR, group.second.begin(), group.second.end());
            if (from && to) filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, 0, from, to);
            else if (from) filters.emplace_back(Xapian::Query::OP_VALUE_GE, 0, from);
            else if (to) filters.emplace_back(Xapian::Query::OP_VALUE_LE, 0, to);
            if (!filters.empty())
                query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                                      Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
            if (excluded_count > 0) {
                std::vector<Xapian::Query> out;
                for (int i = 0; i < excluded_count; i++) out.emplace_back(excluded[i]);
                query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(Xapian::Query::OP_OR, out.begin(), out.end()));
            }
            // A reader kept open across searches (the store reopens it only when its change number
            // moved) meets a revision another writer has since replaced (a reindex) as
            // DatabaseModifiedError: Xapian's advice is to reopen and ask again.
            Xapian::MSet matches;
            for (int attempt = 0;; attempt++) {
                try {
                    Xapian::Enquire enquire(index->database());
                    enquire.set_query(query);
                    enquire.set_weighting_scheme(Xapian::BM25Weight(1.2, 0, 1, 0.75, 0.5));
                    matches = enquire.get_mset(0, static_cast<Xapian::doccount>(k));
                    break;
                } catch (const Xapian::DatabaseModifiedError &) {
                    if (attempt > 0) throw;
                    refresh(index);
                }
            }
            int count = 0;
            for (auto it = matches.begin(); it != matches.end() && count < k; ++it, ++count) {
                ids[count] = static_cast<int64_t>(*it);
                scores[count] = it.get_weight();
            }
            return count;
        } catch (const Xapian::WildcardError &) {
            return -2;  // a prefix of too many terms: FTS5 answers it
        }
    });
}

int dx_check(dx_index *index, int64_t docid, const char *const texts[5], const char *const *words, const char *shape,
             const char *prefixes, int word_count, char **error) {
    return guarded(error, -1, [&] {
        std::vector<std::string> folded;
        std::vector<int> folded_word;
        for (int i = 0; i < word_count; i++) {
            if (!prefixes || prefixes[i] != '*') continue;
            std::string prefix;
            int rc = folded_prefix(index->tokenizer, index->instance, words[i], prefix);
            if (rc == -1) return fail(error, "cannot tokenise the query"), -1;
            if (rc != 0) return -2;
            folded.push_back(prefix);
            folded_word.push_back(i);
        }
        std::vector<bool> found(folded.size(), false);
        SurfaceScan scan{&folded, &found};
        for (int column = 0; column < 5 && !folded.empty(); column++) {
            if (texts[column] == nullptr) continue;
            int rc = index->tokenizer.xTokenize(index->instance, &scan, FTS5_TOKENIZE_AUX, texts[column],
                                                static_cast<int>(std::strlen(texts[column])), surface_token);
            if (rc != SQLITE_OK) return fail(error, "cannot tokenise an item's text"), -1;
        }
        std::vector<int> has(static_cast<size_t>(word_count), -1);  // -1: a word Xapian matched exactly
        for (size_t j = 0; j < folded.size(); j++) has[static_cast<size_t>(folded_word[j])] = found[j] ? 1 : 0;
        bool any_optional = false, optional_matched = false;
        for (int i = 0; i < word_count; i++) {
            switch (shape[i]) {
            case '+': if (has[i] == 0) return 0; break;
            case '-': if (has[i] == 1) return 0; break;
            case '?': {
                any_optional = true;
                if (has[i] == 1) { optional_matched = true; break; }
                if (has[i] == 0 || optional_matched) break;
                // A plain word of an OR: does the item hold one of its terms?
                QueryTokens tokens;
                int rc = index->tokenizer.xTokenize(index->instance, &tokens, FTS5_TOKENIZE_QUERY, words[i],
                                                    static_cast<int>(std::strlen(words[i])), query_token);
                if (rc != SQLITE_OK) return fail(error, "cannot tokenise the query"), -1;
                if (tokens.positions.size() != 1) return -2;
                Xapian::Database &database = index->database();
                for (auto term : tokens.positions.front()) {
                    if (term.size() > static_cast<size_t>(max_term_bytes)) term.resize(max_term_bytes);
                    Xapian::PostingIterator posting = database.postlist_begin(term);
                    posting.skip_to(static_cast<Xapian::docid>(docid));
                    if (posting != database.postlist_end(term) && *posting == static_cast<Xapian::docid>(docid)) {
                        optional_matched = true;
                        break;
                    }
                }
                break;
            }
            default: return -2;
            }
        }
        return any_optional && !optional_matched ? 0 : 1;
    });
}

} // extern "C"

/* ---- A fresh build: shards made in parallel, merged by the compactor (see the header) ---- */

namespace {

/* Documents per shard. Xapian keeps a writer's pending postings in one std::map of docids per
 * term until it flushes; past a few thousand documents every posting added walks a deep tree of
 * scattered nodes (the build's profile: ~20 % one such loop). Small shards keep those trees small
 * and are never merged into a growing B-tree; the compactor joins their postings end to end. */
constexpr size_t shard_documents = 1000;  // 250 measured: as much writer CPU, twice the commits and merging

/* DOCKET_BUILD_TRACE set: the build's phases to stderr, each with the wall time since the build
 * began and the process's CPU time (each worker's tokenising, Xapian writer and commit CPU; each
 * merge's CPU): where a build's time goes, without a profiler. */
bool trace_on() { static bool on = std::getenv("DOCKET_BUILD_TRACE") != nullptr; return on; }
double now_wall() { timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }
double now_cpu() { timespec t; clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t); return t.tv_sec + t.tv_nsec / 1e9; }
double now_proc() { timespec t; clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return t.tv_sec + t.tv_nsec / 1e9; }
double trace_start = 0;
void trace(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void trace(const char *fmt, ...) {
    if (!trace_on()) return;
    va_list ap; va_start(ap, fmt);
    std::fprintf(stderr, "[build %7.2f s wall, proc cpu %7.2f] ", now_wall() - trace_start, now_proc());
    std::vfprintf(stderr, fmt, ap); std::fputc('\n', stderr);
    va_end(ap);
}

struct BuildRow {
    Xapian::docid docid;
    std::string texts[5];
    bool present[5];
    std::vector<std::string> terms;
    std::string date;
    bool has_date;
};

struct Batch {
    size_t shard;
    std::vector<BuildRow> rows;
};

/* Swaps `built` into `folder` in one step: the old index (if any) lands at `built`. */
bool install(const std::string &built, const std::string &folder, std::string &message) {
    if (::access(folder.c_str(), F_OK) != 0) {
        if (std::rename(built.c_str(), folder.c_str()) == 0) return true;
        message = "cannot move the built index into " + folder + ": " + std::strerror(errno);
        return false;
    }
#ifdef SYS_renameat2
    constexpr unsigned exchange = 1u << 1; /* RENAME_EXCHANGE */
    if (::syscall(SYS_renameat2, AT_FDCWD, built.c_str(), AT_FDCWD, folder.c_str(), exchange) == 0) return true;
#endif
    /* A file system without RENAME_EXCHANGE: the old index aside, then the new one in. Killed
     * between the two, the folder is missing and the next search rebuilds it. */
    std::string aside = built + ".old";
    if (std::rename(folder.c_str(), aside.c_str()) != 0 || std::rename(built.c_str(), folder.c_str()) != 0) {
        message = "cannot move the built index into " + folder + ": " + std::strerror(errno);
        return false;
    }
    std::error_code ignored;
    std::filesystem::remove_all(aside, ignored);
    return true;
}

} // namespace

struct dx_builder {
    std::string work, folder;
    size_t fan_in = 64;
    unsigned weights[5];
    fts5_tokenizer tokenizer{};
    std::vector<Fts5Tokenizer *> instances;
    std::vector<std::thread> workers;

    std::mutex lock;
    std::condition_variable ready, room;
    std::deque<Batch> queue;
    size_t max_queued = 2;
    bool closing = false;
    std::string failure;  // the first worker's error; non-empty: stop

    Batch current;
    double blocked = 0;
    size_t shards = 0;
    Xapian::docid last = 0;

    /* The first merge round runs during the build (issue 17: merged after it, on one core while the
     * other idled, it was a fifth of the build's time): as soon as `fan_in` consecutive shards are
     * written, the merger compacts them into a group, while the workers write the next shards. */
    std::thread merger;
    std::condition_variable written_cv;
    std::vector<bool> written;  // by shard number: written and closed
    size_t next_group = 0;  // the first shard of the next group to merge (a multiple of fan_in)
    std::vector<std::string> groups;  // merged groups, in docid order
    bool input_ended = false;  // no more shards will be handed over

    std::string shard_path(size_t shard) const { return work + "/shard-" + std::to_string(shard); }

    /* Merges `inputs` (ascending, disjoint docid ranges) into `out`, keeping the item ids, and
     * removes them. */
    static void merge(const std::vector<std::string> &inputs, const std::string &out) {
        Xapian::Database group;
        for (const auto &input : inputs) group.add_database(Xapian::Database(input));
        double k0 = now_cpu();
        group.compact(out, Xapian::DBCOMPACT_NO_RENUMBER | Xapian::DBCOMPACT_MULTIPASS);
        trace("compacted %zu into %s (cpu %.2f s)", inputs.size(), out.c_str(), now_cpu() - k0);
        std::error_code ignored;
        for (const auto &input : inputs) std::filesystem::remove_all(input, ignored);
    }

    void merge_loop() {
        for (;;) {
            std::vector<std::string> inputs;
            size_t group;
            {
                std::unique_lock<std::mutex> guard(lock);
                auto complete = [&] {
                    if (next_group + fan_in > written.size()) return false;
                    for (size_t i = next_group; i < next_group + fan_in; i++)
                        if (!written[i]) return false;
                    return true;
                };
                written_cv.wait(guard, [&] { return complete() || input_ended || !failure.empty(); });
                if (!failure.empty() || !complete()) return;
                for (size_t i = next_group; i < next_group + fan_in; i++) inputs.push_back(shard_path(i));
                group = groups.size();
            }
            std::string out = work + "/group-" + std::to_string(group);
            std::string message = message_of([&] { merge(inputs, out); });
            std::lock_guard<std::mutex> guard(lock);
            if (!message.empty()) {
                if (failure.empty()) failure = message;
                ready.notify_all();
                room.notify_all();
                return;
            }
            groups.push_back(out);
            next_group += fan_in;
        }
    }

    void work_loop(Fts5Tokenizer *instance) {
        TermCounts tokens;
        double fill = 0, write = 0, commit = 0, idle = 0;
        struct Report { double &f, &w, &c, &i; ~Report() { trace("worker done: tokenize+fill %.2f s, replace_document %.2f s, commit+close %.2f s cpu; waited %.2f s", f, w, c, i); } } report{fill, write, commit, idle};
        for (;;) {
            Batch batch;
            {
                std::unique_lock<std::mutex> guard(lock);
                double w0 = now_wall();
                ready.wait(guard, [&] { return !queue.empty() || closing || !failure.empty(); });
                idle += now_wall() - w0;
                if (!failure.empty() || queue.empty()) return;
                batch = std::move(queue.front());
                queue.pop_front();
            }
            room.notify_one();
            std::string message;
            try {
                // A shard is scratch inside `work`: no syncs, updated in place (it is merged, then removed).
                Xapian::WritableDatabase shard(shard_path(batch.shard),
                                               Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC | Xapian::DB_DANGEROUS);
                for (const BuildRow &row : batch.rows) {
                    const char *texts[5];
                    for (int c = 0; c < 5; c++) texts[c] = row.present[c] ? row.texts[c].c_str() : nullptr;
                    std::vector<const char *> terms;
                    for (const auto &term : row.terms) terms.push_back(term.c_str());
                    Xapian::Document document;
                    double c0 = now_cpu();
                    if (!fill_document(document, tokenizer, instance, tokens, texts, weights, terms.data(),
                                       static_cast<int>(terms.size()), row.has_date ? row.date.c_str() : nullptr)) {
                        message = "cannot tokenise an item's text";
                        break;
                    }
                    double c1 = now_cpu();
                    shard.replace_document(row.docid, document);
                    fill += c1 - c0; write += now_cpu() - c1;
                }
                double c2 = now_cpu();
                if (message.empty()) shard.commit();
                shard.close();
                commit += now_cpu() - c2;
                if (message.empty()) {
                    std::lock_guard<std::mutex> guard(lock);
                    written[batch.shard] = true;
                    written_cv.notify_one();
                }
            } catch (const Xapian::Error &e) {
                message = e.get_description();
            } catch (const std::exception &e) {
                message = e.what();
            }
            if (!message.empty()) {
                std::lock_guard<std::mutex> guard(lock);
                if (failure.empty()) failure = message;
                ready.notify_all();
                room.notify_all();
                written_cv.notify_all();
                return;
            }
        }
    }

    /* Hands the current batch to the workers, waiting while enough are queued. */
    bool hand_over(std::string &message) {
        if (current.rows.empty()) return true;
        current.shard = shards++;
        std::unique_lock<std::mutex> guard(lock);
        written.push_back(false);
        double b0 = now_wall();
        room.wait(guard, [&] { return queue.size() < max_queued || !failure.empty(); });
        blocked += now_wall() - b0;
        if (!failure.empty()) return message = failure, false;
        queue.push_back(std::move(current));
        current = Batch();
        current.rows.reserve(shard_documents);
        ready.notify_one();
        return true;
    }

    /* Waits for the workers, then for the merger (which merges the groups complete by then). */
    void stop() {
        {
            std::lock_guard<std::mutex> guard(lock);
            closing = true;
        }
        ready.notify_all();
        for (auto &worker : workers)
            if (worker.joinable()) worker.join();
        workers.clear();
        {
            std::lock_guard<std::mutex> guard(lock);
            input_ended = true;
        }
        written_cv.notify_all();
        if (merger.joinable()) merger.join();
    }

    /* Stops at once: a merge under way is finished, no other is started. */
    void abandon() {
        {
            std::lock_guard<std::mutex> guard(lock);
            if (failure.empty()) failure = "abandoned";
        }
        ready.notify_all();
        room.notify_all();
        written_cv.notify_all();
        stop();
    }

    ~dx_builder() {
        abandon();
        for (auto *instance : instances) tokenizer.xDelete(instance);
    }
};

extern "C" {

dx_builder *dx_build_begin(const char *work, const char *folder, sqlite3 *db, const unsigned weights[5], int threads,
                           int fan_in, char **error) {
    trace_start = now_wall();
    trace("begin (main thread cpu %.2f s)", now_cpu());
    auto builder = std::make_unique<dx_builder>();
    if (fan_in > 0) builder->fan_in = static_cast<size_t>(fan_in);
    builder->work = work;
    builder->folder = folder;
    std::memcpy(builder->weights, weights, sizeof builder->weights);
    if (threads <= 0) {
        unsigned cores = std::thread::hardware_concurrency();
        threads = cores == 0 ? 1 : static_cast<int>(cores > 4 ? 4 : cores);
    }
    fts5_api *api = fts5_of(db);
    void *user = nullptr;
    if (api == nullptr || api->xFindTokenizer(api, DOCKET_NORWEGIAN_TOKENIZER_NAME, &user, &builder->tokenizer) != SQLITE_OK)
        return fail(error, "the Norwegian tokenizer is not registered on this connection"), nullptr;
    for (int i = 0; i < threads; i++) {
        Fts5Tokenizer *instance = nullptr;
        if (builder->tokenizer.xCreate(user, nullptr, 0, &instance) != SQLITE_OK)
            return fail(error, "cannot create a Norwegian tokenizer"), nullptr;
        builder->instances.push_back(instance);
    }
    std::error_code failed;
    if (!std::filesystem::create_directory(builder->work, failed) || failed)
        return fail(error, "cannot create " + builder->work + (failed ? ": " + failed.message() : ": it exists")), nullptr;
    builder->max_queued = static_cast<size_t>(threads) * 2;
    builder->current.rows.reserve(shard_documents);
    try {
        for (auto *instance : builder->instances)
            builder->workers.emplace_back([b = builder.get(), instance] { b->work_loop(instance); });
        builder->merger = std::thread([b = builder.get()] { b->merge_loop(); });
    } catch (const std::exception &e) {
        dx_build_abandon(builder.release());
        return fail(error, e.what()), nullptr;
    }
    return builder.release();
}

int dx_build_add(dx_builder *builder, int64_t docid, const char *const texts[5], const char *const *terms,
                 int term_count, const char *date, char **error) {
    if (docid <= 0 || docid > 0xFFFFFFFFLL) return fail(error, "an item id beyond Xapian's document ids"), -1;
    if (static_cast<Xapian::docid>(docid) <= builder->last)
        return fail(error, "documents must come in ascending id order"), -1;
    builder->last = static_cast<Xapian::docid>(docid);
    try {
        BuildRow row;
        row.docid = static_cast<Xapian::docid>(docid);
        for (int c = 0; c < 5; c++) {
            row.present[c] = texts[c] != nullptr;
            if (texts[c]) row.texts[c] = texts[c];
        }
        for (int i = 0; i < term_count; i++) row.terms.emplace_back(terms[i]);
        row.has_date = date != nullptr;
        if (date) row.date = date;
        builder->current.rows.push_back(std::move(row));
        std::string message;
        if (builder->current.rows.size() >= shard_documents && !builder->hand_over(message)) return fail(error, message), -1;
        return 0;
    } catch (const std::exception &e) {
        fail(error, e.what());
        return -1;
    }
}

int dx_build_finish(dx_builder *builder, const char *const *keys, const char *const *values, int count, char **error) {
    std::unique_ptr<dx_builder> owned(builder);
    std::string message;
    std::string built = builder->work + "/index";
    trace("all rows handed over (main thread cpu %.2f s, blocked on a full queue %.2f s)", now_cpu(), builder->blocked);
    if (builder->hand_over(message)) {
        builder->stop();
        message = builder->failure;
    }
    trace("workers done: %zu shards", builder->shards);
    if (message.empty()) {
        try {
            if (builder->shards == 0) {
                Xapian::WritableDatabase(built, Xapian::DB_CREATE).close();
            } else {
                // The shards hold ascending, disjoint docid ranges: merged as they are, item ids kept.
                // The groups the merger made during the build, then the shards after them; at most
                // `fan_in` at a time (each open shard holds files open: a million items are a thousand
                // shards), in rounds, the last one into `built`.
                std::vector<std::string> level = builder->groups;
                for (size_t shard = builder->next_group; shard < builder->shards; shard++) level.push_back(builder->shard_path(shard));
                size_t fan_in = builder->fan_in < 2 ? 2 : builder->fan_in;
                for (int round = 1;; round++) {
                    bool last = level.size() <= fan_in;
                    std::vector<std::string> next;
                    for (size_t first = 0; first < level.size(); first += fan_in) {
                        size_t end = std::min(level.size(), first + fan_in);
                        std::string out = last ? built
                                               : builder->work + "/merge-" + std::to_string(round) + "-" + std::to_string(next.size());
                        dx_builder::merge(std::vector<std::string>(level.begin() + first, level.begin() + end), out);
                        next.push_back(out);
                    }
                    if (last) break;
                    level = std::move(next);
                }
            }
            Xapian::WritableDatabase index(built, Xapian::DB_OPEN);
            for (int i = 0; i < count; i++) index.set_metadata(keys[i], values[i]);
            index.commit();
            index.close();
            trace("metadata written");
        } catch (const Xapian::Error &e) {
            message = e.get_description();
        } catch (const std::exception &e) {
            message = e.what();
        }
    }
    if (message.empty()) install(built, builder->folder, message);
    std::error_code ignored;
    std::filesystem::remove_all(builder->work, ignored);
    trace("installed, work removed");
    if (!message.empty()) return fail(error, message), -1;
    return 0;
}

void dx_build_abandon(dx_builder *builder) {
    if (builder == nullptr) return;
    builder->abandon();
    std::error_code ignored;
    std::filesystem::remove_all(builder->work, ignored);
    delete builder;
}

} // extern "C"
