// Docket's derived search index: see include/CXapianShim.h.
#include "CXapianShim.h"
#include "CNorwegianTokenizer.h"

#include <xapian.h>

#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

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

fts5_api *fts5_of(sqlite3 *db) {
    fts5_api *api = nullptr;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return nullptr;
    sqlite3_bind_pointer(stmt, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return api;
}

struct DocumentTokens {
    Xapian::Document *document;
    Xapian::termcount weight;
    bool failed = false;
};

int document_token(void *context, int, const char *token, int length, int, int) {
    auto *tokens = static_cast<DocumentTokens *>(context);
    if (length <= 0 || length > max_term_bytes) return SQLITE_OK;
    try {
        tokens->document->add_term(std::string(token, static_cast<size_t>(length)), tokens->weight);
    } catch (...) {
        tokens->failed = true;
        return SQLITE_NOMEM;
    }
    return SQLITE_OK;
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

} // namespace

struct dx_index {
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

int dx_reopen(dx_index *index, char **error) {
    try {
        index->database().reopen();
        return 0;
    } catch (const Xapian::Error &e) {
        fail(error, e.get_description());
        return -1;
    }
}

char *dx_metadata(dx_index *index, const char *key, char **error) {
    try {
        return copy(index->database().get_metadata(key));
    } catch (const Xapian::Error &e) {
        fail(error, e.get_description());
        return nullptr;
    }
}

int dx_set_metadata(dx_index *index, const char *key, const char *value, char **error) {
    if (!index->writer) return fail(error, "the search index is open read-only"), -1;
    try {
        index->writer->set_metadata(key, value);
        return 0;
    } catch (const Xapian::Error &e) {
        fail(error, e.get_description());
        return -1;
    }
}

int dx_replace(dx_index *index, int64_t docid, const char *const texts[5], const unsigned weights[5],
               const char *const *terms, int term_count, const char *date, char **error) {
    if (!index->writer) return fail(error, "the search index is open read-only"), -1;
    if (docid <= 0 || docid > 0xFFFFFFFFLL) return fail(error, "an item id beyond Xapian's document ids"), -1;
    try {
        Xapian::Document document;
        for (int column = 0; column < 5; column++) {
            if (texts[column] == nullptr || weights[column] == 0) continue;
            DocumentTokens tokens{&document, weights[column]};
            int rc = index->tokenizer.xTokenize(index->instance, &tokens, FTS5_TOKENIZE_DOCUMENT | DOCKET_TOKENIZE_INDEX_TERMS, texts[column],
                                                static_cast<int>(std::strlen(texts[column])), document_token);
            if (rc != SQLITE_OK || tokens.failed) return fail(error, "cannot tokenise an item's text"), -1;
        }
        for (int i = 0; i < term_count; i++) document.add_boolean_term(terms[i]);
        if (date) document.add_value(0, date);
        index->writer->replace_document(static_cast<Xapian::docid>(docid), document);
        return 0;
    } catch (const Xapian::Error &e) {
        fail(error, e.get_description());
        return -1;
    } catch (const std::exception &e) {
        fail(error, e.what());
        return -1;
    }
}

int dx_delete(dx_index *index, int64_t docid, char **error) {
    if (!index->writer) return fail(error, "the search index is open read-only"), -1;
    if (docid <= 0 || docid > 0xFFFFFFFFLL) return 0;
    try {
        index->writer->delete_document(static_cast<Xapian::docid>(docid));
        return 0;
    } catch (const Xapian::DocNotFoundError &) {
        return 0;
    } catch (const Xapian::Error &e) {
        fail(error, e.get_description());
        return -1;
    }
}

int dx_commit(dx_index *index, char **error) {
    if (!index->writer) return fail(error, "the search index is open read-only"), -1;
    try {
        index->writer->commit();
        return 0;
    } catch (const Xapian::Error &e) {
        fail(error, e.get_description());
        return -1;
    }
}

int64_t dx_document_count(dx_index *index) {
    try {
        return static_cast<int64_t>(index->database().get_doccount());
    } catch (...) {
        return -1;
    }
}

int dx_search(dx_index *index, const char *const *words, const char *shape, int word_count,
              const char *const *filter_terms, const int *groups, int filter_count,
              const char *const *excluded, int excluded_count, const char *from, const char *to,
              int k, int64_t *ids, double *scores, char **error) {
    try {
        std::vector<Xapian::Query> required, optional, negated;
        for (int i = 0; i < word_count; i++) {
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
                index->database().reopen();
            }
        }
        int count = 0;
        for (auto it = matches.begin(); it != matches.end() && count < k; ++it, ++count) {
            ids[count] = static_cast<int64_t>(*it);
            scores[count] = it.get_weight();
        }
        return count;
    } catch (const Xapian::Error &e) {
        fail(error, e.get_description());
        return -1;
    } catch (const std::exception &e) {
        fail(error, e.what());
        return -1;
    }
}

} // extern "C"
