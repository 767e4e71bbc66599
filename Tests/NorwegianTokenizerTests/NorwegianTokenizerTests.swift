import CNorwegianTokenizer
import CSQLite
import Foundation
import Testing

// MARK: - A minimal sqlite3 harness over the C API (the SQLite wrapper is another layer's work)

private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

private enum DBError: Error, CustomStringConvertible {
    case sqlite(Int32, String)
    var description: String {
        switch self { case let .sqlite(code, message): "SQLite error \(code): \(message)" }
    }
}

private final class DB {
    let handle: OpaquePointer

    init() throws {
        var db: OpaquePointer?
        guard sqlite3_open(":memory:", &db) == SQLITE_OK, let db else { throw DBError.sqlite(-1, "open") }
        handle = db
        let rc = docket_register_norwegian_tokenizer(db)
        guard rc == SQLITE_OK else { throw DBError.sqlite(rc, "register") }
        let rankRC = docket_register_bm25(db)
        guard rankRC == SQLITE_OK else { throw DBError.sqlite(rankRC, "register docket_bm25") }
    }

    deinit { sqlite3_close_v2(handle) }

    private var message: String { String(cString: sqlite3_errmsg(handle)) }

    func exec(_ sql: String) throws {
        let rc = sqlite3_exec(handle, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw DBError.sqlite(rc, message) }
    }

    /// Runs sql with the parameters bound (text, or raw bytes bound as text), returning the first column of each row.
    @discardableResult
    func rows(_ sql: String, _ params: [Any] = []) throws -> [String] {
        var stmt: OpaquePointer?
        var rc = sqlite3_prepare_v2(handle, sql, -1, &stmt, nil)
        guard rc == SQLITE_OK, let stmt else { throw DBError.sqlite(rc, message) }
        defer { sqlite3_finalize(stmt) }
        for (i, p) in params.enumerated() {
            let index = Int32(i + 1)
            switch p {
            case let s as String: sqlite3_bind_text(stmt, index, s, -1, transient)
            case let bytes as [UInt8]:
                bytes.withUnsafeBufferPointer { buf in
                    buf.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                        _ = sqlite3_bind_text(stmt, index, $0, Int32(buf.count), transient)
                    }
                }
            case let n as Int: sqlite3_bind_int64(stmt, index, Int64(n))
            default: sqlite3_bind_null(stmt, index)
            }
        }
        var out: [String] = []
        while true {
            rc = sqlite3_step(stmt)
            if rc == SQLITE_DONE { break }
            guard rc == SQLITE_ROW else { throw DBError.sqlite(rc, message) }
            out.append(sqlite3_column_text(stmt, 0).map { String(cString: $0) } ?? "")
        }
        return out
    }

    func int(_ sql: String) throws -> Int { Int(try rows(sql).first ?? "0") ?? 0 }

    /// The tokens the tokenizer emits for text with the given FTS5_TOKENIZE_* flags: [(position, token)].
    func tokens(_ text: String, flags: Int32) -> [(Int, String)] {
        guard let raw = docket_norwegian_tokens(handle, text, flags) else { return [] }
        defer { sqlite3_free(raw) }
        return String(cString: raw).split(separator: "\n").map { line in
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            return (Int(parts[0]) ?? -1, parts.count > 1 ? String(parts[1]) : "")
        }
    }
}

private let DOCUMENT = FTS5_TOKENIZE_DOCUMENT
private let QUERY = FTS5_TOKENIZE_QUERY
private let PREFIX = FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX

// MARK: - The labelled query set

private struct QuerySet: Decodable {
    struct Document: Decodable { let id, title, body: String }
    struct Query: Decodable {
        let id, query: String
        let note: String?
        let must_find, must_not_find: [String]
    }
    let tokenizer: String
    let documents: [Document]
    let queries: [Query]
}

private let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

private func loadQuerySet() throws -> QuerySet {
    let url = packageRoot.appendingPathComponent("Tests/Fixtures/norwegian-queries.json")
    return try JSONDecoder().decode(QuerySet.self, from: Data(contentsOf: url))
}

/// A table of the query set's documents, rowid = index + 1.
private func indexedQuerySet() throws -> (DB, QuerySet) {
    let set = try loadQuerySet()
    let db = try DB()
    try db.exec("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = '\(set.tokenizer)')")
    for (i, d) in set.documents.enumerated() {
        try db.rows("INSERT INTO docs(rowid, title, body) VALUES (?1, ?2, ?3)", [i + 1, d.title, d.body])
    }
    return (db, set)
}

@Suite struct NorwegianTokenizerTests {
    @Test func nameCarriesAVersion() {
        #expect(DOCKET_NORWEGIAN_TOKENIZER_NAME == "norwegian_v1")
    }

    @Test func theQuerySetIsBigEnough() throws {
        let set = try loadQuerySet()
        #expect(set.documents.count >= 25)
        #expect(set.queries.count >= 30)
        let ids = Set(set.documents.map(\.id))
        #expect(ids.count == set.documents.count, "document ids are unique")
        for q in set.queries {
            #expect(!q.must_find.isEmpty, "\(q.id) must find something")
            for id in q.must_find + q.must_not_find { #expect(ids.contains(id), "\(q.id) names unknown \(id)") }
        }
    }

    @Test func everyLabelledQueryFindsWhatItMustAndNothingItMustNot() throws {
        let (db, set) = try indexedQuerySet()
        for q in set.queries {
            let rowids = try db.rows("SELECT rowid FROM docs WHERE docs MATCH ?1 ORDER BY rank", [q.query])
            let found = Set(rowids.compactMap { Int($0) }.map { set.documents[$0 - 1].id })
            let missing = Set(q.must_find).subtracting(found).sorted()
            let wrong = Set(q.must_not_find).intersection(found).sorted()
            #expect(missing.isEmpty, "\(q.id) \(q.query): did not find \(missing) (found \(found.sorted()))")
            #expect(wrong.isEmpty, "\(q.id) \(q.query): must not find \(wrong)")
        }
    }

    // MARK: The token scheme

    @Test func documentTokensKeepTheSurfaceFormAndAddMarkedStemsAndParts() throws {
        let db = try DB()
        let t = db.tokens("Budsjettprinsipper for Møtet", flags: DOCUMENT)
        let at0 = t.filter { $0.0 == 0 }.map(\.1)
        #expect(at0.first == "budsjettprinsipper")
        #expect(at0.contains("#prinsipp"))
        #expect(at0.contains("#budsjett"))
        #expect(!at0.contains("prinsipp"), "parts are never unmarked")
        #expect(t.filter { $0.0 == 1 }.map(\.1) == ["for"])
        #expect(t.filter { $0.0 == 2 }.map(\.1) == ["møtet", "#møt"])
        // a word equal to its stem is indexed once
        #expect(db.tokens("sak", flags: DOCUMENT).map(\.1) == ["sak"])
    }

    /// The derived Xapian index's terms (DOCKET_TOKENIZE_INDEX_TERMS): no surface form of a word,
    /// "#stem" for every word (also one that is its own stem), the parts; other tokens as they are.
    /// A query's "#stem" reaches every word its bare stem reached in FTS5, with a third fewer terms.
    @Test func indexTermsLeaveOutSurfaceFormsAndMarkEveryStem() throws {
        let db = try DB()
        let flags = DOCUMENT | DOCKET_TOKENIZE_INDEX_TERMS
        func terms(_ text: String) -> [String] { db.tokens(text, flags: flags).map(\.1) }
        #expect(terms("Møtet") == ["#møt"])
        #expect(terms("vedtak") == ["#vedtak"], "a word that is its own stem is marked too")
        #expect(terms("sak 2024") == ["#sak", "2024"], "digits stay as they are")
        let compound = terms("Budsjettprinsipper")
        #expect(compound.first == "#budsjettprinsipp")
        #expect(compound.contains("#prinsipp") && compound.contains("#budsjett"))
        #expect(!compound.contains("budsjettprinsipper"))
        #expect(Set(compound).count == compound.count, "each term once a position")
        // Positions and the first token of each are as FTS5's: one position a word.
        #expect(db.tokens("Møtet om vedtak", flags: flags).map(\.0) == [0, 1, 2])
        // The memo (a word seen before) gives the same terms as the first time, in either mode.
        for word in ["møtet", "vedtak", "budsjettprinsipper", "styringsgruppemøte"] {
            #expect(terms(word) == terms(word))
            #expect(db.tokens(word, flags: DOCUMENT).map(\.1) == db.tokens(word, flags: DOCUMENT).map(\.1))
            #expect(db.tokens(word, flags: DOCUMENT).map(\.1).dropFirst().allSatisfy { terms(word).contains($0) })
        }
        // FTS5's own document tokens are unchanged by the mode's existence.
        #expect(db.tokens("vedtak", flags: DOCUMENT).map(\.1) == ["vedtak"])
    }

    @Test func queryTokensAreStems() throws {
        let db = try DB()
        #expect(db.tokens("Vedtaket", flags: QUERY).map(\.1) == ["#vedtak", "vedtak"])
        // sikkerhet keeps its -het; sikker stems to sikk, not sikker
        #expect(db.tokens("sikkerhet", flags: QUERY).map(\.1) == ["#sikkerhet", "sikkerhet"])
        #expect(!db.tokens("sikker", flags: QUERY).map(\.1).contains("sikker"))
        // exceptions: mote is not mot
        #expect(db.tokens("mote", flags: QUERY).map(\.1) == ["#mote", "mote"])
        #expect(db.tokens("mot", flags: QUERY).map(\.1) == ["#mot", "mot"])
        #expect(db.tokens("Moten", flags: QUERY).map(\.1) == ["#mote", "mote"])
    }

    @Test func prefixQueriesUseTheSurfaceFormOfTheirLastWordOnly() throws {
        let db = try DB()
        #expect(db.tokens("Saksbeh", flags: PREFIX).map(\.1) == ["saksbeh"])
        let t = db.tokens("vedtaket om sak", flags: PREFIX)
        #expect(t.map(\.1) == ["#vedtak", "vedtak", "#om", "om", "sak"])
        #expect(t.map(\.0) == [0, 0, 1, 1, 2])
    }

    @Test func auxTokensAreSurfaceForms() throws {
        let db = try DB()
        #expect(db.tokens("Budsjettprinsipper 2020", flags: FTS5_TOKENIZE_AUX).map(\.1) == ["budsjettprinsipper", "2020"])
    }

    @Test func stemmingExceptionsAndCompounds() throws {
        let db = try DB()
        func doc(_ w: String) -> [String] { db.tokens(w, flags: DOCUMENT).map(\.1) }
        #expect(doc("møtet") == ["møtet", "#møt"])
        #expect(doc("møter") == ["møter", "#møt"])
        #expect(doc("moter") == ["moter", "#mote"])
        #expect(doc("sikkerheten") == ["sikkerheten", "#sikkerhet"])
        #expect(doc("sikker") == ["sikker", "#sikk"])
        #expect(doc("årsaken") == ["årsaken", "#årsak"], "årsak is not år + sak")
        #expect(doc("høringen") == ["høringen", "#høring"])
        #expect(doc("vedtak") == ["vedtak"], "vedtak is not ved + tak")
        #expect(doc("utvalg") == ["utvalg"], "utvalg is not ut + valg")
        #expect(doc("regnskapet") == ["regnskapet", "#regnskap"], "regnskap is not regn + skap")
        #expect(doc("velferdsteknologi").contains("#teknologi"))
        #expect(doc("informasjonssikkerhet").contains("#sikkerhet"))
        #expect(doc("styringsgruppemøte").contains("#møt"))
        #expect(doc("saksbehandlingstiden").contains("#sak"))
        #expect(doc("saksbehandlingstiden").contains("#saksbehandling"))
    }

    @Test func surfaceFormsAndPhrasesStillWork() throws {
        let db = try DB()
        try db.exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'norwegian_v1')")
        try db.rows("INSERT INTO t(x) VALUES (?1)", ["Saksbehandlingstiden for plan- og byggesaker har økt."])
        #expect(try db.rows("SELECT rowid FROM t WHERE t MATCH ?1", ["saksbeh*"]) == ["1"])
        #expect(try db.rows("SELECT rowid FROM t WHERE t MATCH ?1", ["\"plan- og byggesaker\""]) == ["1"])
        #expect(try db.rows("SELECT rowid FROM t WHERE t MATCH ?1", ["\"plan og byggesak*\""]) == ["1"])
        #expect(try db.rows("SELECT rowid FROM t WHERE t MATCH ?1", ["behandling*"]).isEmpty, "parts never answer prefixes")
        let h = try db.rows("SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?1", ["tid"])
        #expect(h == ["[Saksbehandlingstiden] for plan- og byggesaker har økt."])
    }

    /// Spelling variants from the hunspell data (nt_variants.c, scripts/make-variants) are added to a
    /// query word: bokmål and nynorsk forms find each other; different words stay apart.
    @Test func spellingVariantsFindEachOther() throws {
        let db = try DB()
        try db.exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'norwegian_v1')")
        let texts = ["Vegen over fjellet er stengt.", "Veien til skolen er åpen.", "Saken ble lagt fram.", "Saken ble lagt frem.",
                     "Avtalen mellom kommunene.", "Avtalen kommunene imellom.", "Vedtaket var enstemmig.", "Vedtaket var samrøystes.",
                     "Fylkesvegen rustes opp.", "Framtidas skole.", "Vi bygger veg."]
        for (i, text) in texts.enumerated() { try db.rows("INSERT INTO t(rowid, x) VALUES (?1, ?2)", [i + 1, text]) }
        func ids(_ q: String) throws -> Set<String> { Set(try db.rows("SELECT rowid FROM t WHERE t MATCH ?1", [q])) }
        #expect(try ids("veg") == ["1", "2", "9", "11"])
        #expect(try ids("vei") == ["1", "2", "9", "11"])
        #expect(try ids("veien") == ["1", "2", "9", "11"])
        #expect(try ids("fylkesvei") == ["9"])
        #expect(try ids("fram") == ["3", "4"])
        #expect(try ids("frem") == ["3", "4"])
        #expect(try ids("fremtid") == ["10"])
        #expect(try ids("mellom") == ["5", "6"])
        #expect(try ids("imellom") == ["5", "6"])
        #expect(try ids("enstemmig") == ["7"], "enstemmig and samrøystes are different words")
        #expect(try ids("samrøystes") == ["8"])
        #expect(Set(db.tokens("veg", flags: QUERY).map(\.1)).isSuperset(of: ["#veg", "veg", "#vei", "vei", "#veien", "veien"]))
        #expect(db.tokens("deg", flags: QUERY).map(\.1) == ["#deg", "deg"], "pronouns are not variants of each other")
    }

    @Test func rejectsArguments() throws {
        let db = try DB()
        #expect(throws: (any Error).self) {
            try db.exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'norwegian_v1 remove_diacritics 1')")
        }
    }

    // MARK: Robustness: any UTF-8 (and non-UTF-8) input

    @Test func neverCrashesOnOddInput() throws {
        let db = try DB()
        try db.exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'norwegian_v1')")
        let longWord = String(repeating: "møte", count: 5000)
        let longCompound = String(repeating: "styringsgruppe", count: 20) + "møte"
        let texts: [String] = [
            "", " ", "plan- og byggesak", "8/19 08/19 PS 12/19 2019/123", "1234567890123456789012345678901234567890",
            longWord, longCompound, "🙂👍🏽 møte 🇳🇴", "e\u{301}tat Å\u{30A}r", "\u{0}null", "ÆØÅ æøå", "ﬁnans",
            "Ⅻ ½ ¹²³", "日本語のテキスト", "x" + String(repeating: "\u{30A}", count: 300), "sss eee ssse eees",
            "-", "*", "\"", "#sak", "sak#", "abcdefghijklmnopqrstuvwxyzæøåabcdefghijklmnopqrstuvwxyzæøåabcdefghij",
        ]
        for text in texts {
            try db.rows("INSERT INTO t(x) VALUES (?1)", [text])
            for flags in [DOCUMENT, QUERY, PREFIX, FTS5_TOKENIZE_AUX] { _ = db.tokens(text, flags: flags) }
            // as a query: a quoted phrase, and a prefix
            let quoted = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            _ = try? db.rows("SELECT rowid FROM t WHERE t MATCH ?1", [quoted])
            _ = try? db.rows("SELECT rowid FROM t WHERE t MATCH ?1", [quoted + "*"])
        }
        let invalid: [[UInt8]] = [
            [0xFF, 0xFE, 0x41], [0xC3], [0xC3, 0x28, 0x61, 0x62, 0x63], [0xE2, 0x82], [0xF0, 0x9F, 0x98],
            [0xED, 0xA0, 0x80], [0xC0, 0xAF], Array("møte".utf8) + [0xC3] + Array("møte".utf8),
            Array(repeating: 0xC3, count: 1000), Array(repeating: 0x80, count: 1000),
            Array("saks".utf8) + [0xF8, 0x88, 0x80, 0x80, 0x80] + Array("behandling".utf8),
        ]
        for bytes in invalid {
            try db.rows("INSERT INTO t(x) VALUES (?1)", [bytes])
            _ = try? db.rows("SELECT rowid FROM t WHERE t MATCH ?1", [[UInt8(ascii: "\"")] + bytes + [UInt8(ascii: "\"")]])
        }
        // The table is still consistent.
        try db.exec("INSERT INTO t(t) VALUES ('integrity-check')")
        #expect(try db.rows("SELECT rowid FROM t WHERE t MATCH ?1", ["byggesak"]).count == 1)
    }

    // MARK: Index size against plain unicode61

    @Test
    func indexIsAtMostAboutTwiceAPlainUnicode61Index() throws {
        let files = try FileManager.default.contentsOfDirectory(at: corpusMinutes, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
        // Paragraphs of the real minutes, as item texts.
        var chunks: [String] = []
        for f in files {
            let text = try String(contentsOf: f, encoding: .utf8)
            chunks += text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { $0.count > 40 }
        }
        let db = try DB()
        try db.exec("CREATE VIRTUAL TABLE n USING fts5(x, tokenize = 'norwegian_v1')")
        try db.exec("CREATE VIRTUAL TABLE p USING fts5(x, tokenize = 'unicode61')")
        try db.exec("BEGIN")
        let start = Date()
        for c in chunks { try db.rows("INSERT INTO n(x) VALUES (?1)", [c]) }
        let norwegianTime = Date().timeIntervalSince(start)
        let start2 = Date()
        for c in chunks { try db.rows("INSERT INTO p(x) VALUES (?1)", [c]) }
        let plainTime = Date().timeIntervalSince(start2)
        try db.exec("COMMIT")
        try db.exec("INSERT INTO n(n) VALUES ('optimize'); INSERT INTO p(p) VALUES ('optimize')")
        let n = try db.int("SELECT sum(length(block)) FROM n_data")
        let p = try db.int("SELECT sum(length(block)) FROM p_data")
        let ratio = Double(n) / Double(p)
        let bytes = chunks.reduce(0) { $0 + $1.utf8.count }
        print("""
            norwegian_v1 index: \(n) bytes, plain unicode61: \(p) bytes, ratio \(String(format: "%.2f", ratio)) \
            (\(chunks.count) paragraphs, \(bytes) bytes of text from \(files.count) minutes); \
            indexing took \(String(format: "%.2f", norwegianTime)) s vs \(String(format: "%.2f", plainTime)) s
            """)
        #expect(ratio <= 2.0, "index \(ratio)× the plain unicode61 table")
    }

    // MARK: docket_bm25 against FTS5's bm25

    /// Every matching row's docket_bm25 score beside FTS5's bm25 score for the same row and weights.
    private func scores(_ db: DB, table: String, query: String, weights: String) throws -> [(String, String)] {
        let ours = try db.rows("SELECT docket_bm25(\(table), '\(table)', \(weights)) FROM \(table) WHERE \(table) MATCH ?1 ORDER BY rowid", [query])
        let theirs = try db.rows("SELECT bm25(\(table), \(weights)) FROM \(table) WHERE \(table) MATCH ?1 ORDER BY rowid", [query])
        #expect(ours.count == theirs.count)
        return Array(zip(ours, theirs))
    }

    private func expectSameScores(_ db: DB, table: String, query: String, weights: String) throws -> Int {
        let pairs = try scores(db, table: table, query: query, weights: weights)
        for (ours, theirs) in pairs {
            let a = try #require(Double(ours)), b = try #require(Double(theirs))
            #expect(abs(a - b) <= 1e-12 * max(1, abs(b)), "\(query): docket_bm25 \(a), bm25 \(b)")
        }
        return pairs.count
    }

    @Test func docketBM25GivesBM25sScoresForEveryRowOfEveryLabelledQuery() throws {
        let (db, set) = try indexedQuerySet()
        var rows = 0
        for q in set.queries { rows += try expectSameScores(db, table: "docs", query: q.query, weights: "10.0, 1.0") }
        #expect(rows > 50, "the labelled queries match \(rows) rows in all")
        // Missing weights count 1.0, as with bm25.
        #expect(try expectSameScores(db, table: "docs", query: "vedtak", weights: "3.0") > 0)
    }

    @Test func docketBM25SeesTheTransactionsOwnRowsAndFallsBackWithoutColumnSizes() throws {
        let (db, _) = try indexedQuerySet()
        try db.exec("BEGIN")
        try db.rows("INSERT INTO docs(rowid, title, body) VALUES (1000, 'Vedtak om vedtaket', 'vedtak vedtak vedtak i en lang tekst om mye annet')")
        try db.rows("DELETE FROM docs WHERE rowid = 2")
        #expect(try expectSameScores(db, table: "docs", query: "vedtak", weights: "10.0, 1.0") > 1)
        try db.exec("ROLLBACK")
        // Without column sizes there is no _docsize table: the function asks FTS5, as bm25 does.
        try db.exec("CREATE VIRTUAL TABLE lean USING fts5(title, body, columnsize = 0, tokenize = 'norwegian_v1')")
        try db.exec("INSERT INTO lean(rowid, title, body) SELECT rowid, title, body FROM docs")
        #expect(try expectSameScores(db, table: "lean", query: "vedtak OR møte", weights: "10.0, 1.0") > 1)
    }

    @Test func docketBM25OrdersAsBM25Does() throws {
        let (db, _) = try indexedQuerySet()
        for query in ["vedtak", "møte OR sak*", "\"godkjenning av dagsorden\"", "møte NOT styringsgruppemøte"] {
            let ours = try db.rows("SELECT rowid FROM docs WHERE docs MATCH ?1 ORDER BY docket_bm25(docs, 'docs', 10.0, 1.0), rowid", [query])
            let theirs = try db.rows("SELECT rowid FROM docs WHERE docs MATCH ?1 ORDER BY bm25(docs, 10.0, 1.0), rowid", [query])
            #expect(!theirs.isEmpty, "\(query) finds nothing to order")
            #expect(ours == theirs, "\(query)")
        }
    }
}

private let corpusMinutes = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/minutes")
