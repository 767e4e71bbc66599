import CSQLite
import Foundation
import Testing
@testable import SQLite

/// A temporary folder removed at the end of the test.
final class TemporaryDirectory {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appending(path: "docket-sqlite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appending(path: name).path }
}

@Suite struct DatabaseTests {
    @Test func opensInMemoryWithForeignKeysOn() throws {
        let db = try Database(path: ":memory:")
        #expect(try db.fetchValue(Int.self, "PRAGMA foreign_keys") == 1)
    }

    @Test func fileDatabaseUsesWAL() throws {
        let dir = try TemporaryDirectory()
        let db = try Database(path: dir.path("a.sqlite"))
        #expect(try db.fetchValue(String.self, "PRAGMA journal_mode") == "wal")
    }

    @Test func mustExistRefusesAMissingFile() throws {
        let dir = try TemporaryDirectory()
        var configuration = Database.Configuration()
        configuration.mustExist = true
        #expect(throws: SQLiteError.self) { try Database(path: dir.path("missing.sqlite"), configuration: configuration) }
        #expect(!FileManager.default.fileExists(atPath: dir.path("missing.sqlite")))
    }

    @Test func bindsEveryTypeByPosition() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t(i, d, s, b, f, n, date)")
        let date = Date(timeIntervalSince1970: 1_550_059_200.25)
        try db.execute("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?, ?)",
                       [42, 1.5, "møte «æøå» 🎉", Data([0, 1, 255]), true, nil as String?, date])
        let row = try #require(try db.fetchOne("SELECT * FROM t"))
        #expect(try row.decode("i", as: Int.self) == 42)
        #expect(try row.decode("d", as: Double.self) == 1.5)
        #expect(try row.decode("s", as: String.self) == "møte «æøå» 🎉")
        #expect(try row.decode("b", as: Data.self) == Data([0, 1, 255]))
        #expect(try row.decode("f", as: Bool.self) == true)
        #expect(row["n"] == .null)
        #expect(row["n", as: String.self] == nil)
        #expect(try row.decode("date", as: Date.self) == date)
        #expect(try row.decode(at: 0, as: Int.self) == 42)
    }

    @Test func bindsByName() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t(a, b)")
        try db.execute("INSERT INTO t VALUES (:a, :b)", ["a": 1, "b": "to"])
        #expect(try db.fetchValue(String.self, "SELECT b FROM t WHERE a = :a", ["a": 1]) == "to")
    }

    @Test func emptyStringAndBlobAreNotNull() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t(s, b)")
        try db.execute("INSERT INTO t VALUES (?, ?)", ["", Data()])
        let row = try #require(try db.fetchOne("SELECT s, b, typeof(s) AS ts, typeof(b) AS tb FROM t"))
        #expect(row["s"] == .text(""))
        #expect(row["ts", as: String.self] == "text")
        #expect(row["tb", as: String.self] == "blob")
    }

    @Test func wrongArgumentCountIsAClearError() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t(a, b)")
        let error = #expect(throws: SQLiteError.self) { try db.execute("INSERT INTO t VALUES (?, ?)", [1]) }
        #expect(error?.message.contains("2 parameter(s) but 1 value(s)") == true)
        let named = #expect(throws: SQLiteError.self) { try db.execute("INSERT INTO t VALUES (:a, :b)", ["a": 1]) }
        #expect(named?.message.contains(":b") == true)
    }

    @Test func statementsAreCached() throws {
        let db = try Database(path: ":memory:")
        let first = try db.makeStatement("SELECT 1")
        let second = try db.makeStatement("SELECT 1")
        #expect(first === second)
    }

    @Test func nestedUseOfTheSameSQLGetsItsOwnStatement() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t(a)")
        for value in 1...3 { try db.execute("INSERT INTO t VALUES (?)", [value]) }
        var pairs = 0
        try db.forEachRow("SELECT a FROM t") { _ in
            try db.forEachRow("SELECT a FROM t") { _ in pairs += 1 }
        }
        #expect(pairs == 9)
    }

    @Test func rowsReadByNameAreCaseInsensitive() throws {
        let db = try Database(path: ":memory:")
        let row = try #require(try db.fetchOne("SELECT 1 AS Title"))
        #expect(row["title"] == .integer(1))
        #expect(row.columnNames == ["Title"])
    }
}

@Suite struct ErrorTests {
    @Test func syntaxErrorCarriesCodeMessageAndSQL() throws {
        let db = try Database(path: ":memory:")
        let error = #expect(throws: SQLiteError.self) { try db.execute("SELEKT 1") }
        #expect(error?.code == SQLITE_ERROR)
        #expect(error?.message.contains("syntax error") == true)
        #expect(error?.sql == "SELEKT 1")
        #expect(error?.description.contains("SELEKT 1") == true)
    }

    @Test func constraintViolationHasTheExtendedCode() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t(a UNIQUE)")
        try db.execute("INSERT INTO t VALUES (?)", ["x"])
        let error = #expect(throws: SQLiteError.self) { try db.execute("INSERT INTO t VALUES (?)", ["x"]) }
        #expect(error?.isConstraintViolation == true)
        #expect(error?.extendedCode == SQLiteError.constraintUnique)
        #expect(error?.message.contains("UNIQUE constraint failed: t.a") == true)
    }

    @Test func boundValuesStayOutOfTheDescription() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t(a NOT NULL CHECK (length(a) < 3))")
        let error = #expect(throws: SQLiteError.self) { try db.execute("INSERT INTO t VALUES (?)", ["SECRET-TEXT"]) }
        #expect(error?.description.contains("SECRET-TEXT") == false)
    }

    @Test func foreignKeysAreEnforced() throws {
        let db = try Database(path: ":memory:")
        try db.execute(script: "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(p REFERENCES p(id));")
        let error = #expect(throws: SQLiteError.self) { try db.execute("INSERT INTO c VALUES (?)", [7]) }
        #expect(error?.extendedCode == SQLiteError.constraintForeignKey)
    }

    @Test func doubleQuotedStringsAreNotLiterals() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t(a)")
        #expect(throws: SQLiteError.self) { try db.execute("SELECT \"no_such_column\" FROM t") }
    }

    @Test func closedDatabaseRefusesWork() throws {
        let db = try Database(path: ":memory:")
        db.close()
        #expect(db.isClosed)
        let error = #expect(throws: SQLiteError.self) { try db.execute("SELECT 1") }
        #expect(error?.message.contains("closed") == true)
        #expect(throws: SQLiteError.self) { try db.transaction { _ in } }
    }

    @Test func busyDatabaseFailsAfterTheTimeout() throws {
        let dir = try TemporaryDirectory()
        let path = dir.path("busy.sqlite")
        let holder = try Database(path: path)
        try holder.execute("CREATE TABLE t(a)")
        var configuration = Database.Configuration()
        configuration.busyTimeout = .milliseconds(100)
        let other = try Database(path: path, configuration: configuration)
        try holder.execute(script: "BEGIN IMMEDIATE")
        let started = Date()
        let error = #expect(throws: SQLiteError.self) {
            try other.transaction { db in try db.execute("INSERT INTO t VALUES (?)", [1]) }
        }
        #expect(error?.isBusy == true)
        #expect(Date().timeIntervalSince(started) >= 0.09)
        try holder.execute(script: "ROLLBACK")
        try other.transaction { db in try db.execute("INSERT INTO t VALUES (?)", [1]) }
        #expect(try holder.fetchValue(Int.self, "SELECT count(*) FROM t") == 1)
    }
}

@Suite struct TransactionTests {
    struct Boom: Error {}

    func makeDatabase() throws -> Database {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t(a)")
        return db
    }

    @Test func commitsWhole() throws {
        let db = try makeDatabase()
        try db.transaction { db in
            try db.execute("INSERT INTO t VALUES (?)", [1])
            try db.execute("INSERT INTO t VALUES (?)", [2])
        }
        #expect(try db.fetchValue(Int.self, "SELECT count(*) FROM t") == 2)
        #expect(!db.isInsideTransaction)
    }

    @Test func rollsBackWholeAndRethrowsTheFirstError() throws {
        let db = try makeDatabase()
        var statements: [String] = []
        db.trace { statements.append($0) }
        #expect(throws: Boom.self) {
            try db.transaction { db in
                try db.execute("INSERT INTO t VALUES (?)", [1])
                throw Boom()
            }
        }
        #expect(statements == ["BEGIN IMMEDIATE TRANSACTION", "INSERT INTO t VALUES (?)", "ROLLBACK TRANSACTION"])
        #expect(try db.fetchValue(Int.self, "SELECT count(*) FROM t") == 0)
    }

    @Test func nestedFailureUndoesOnlyTheSavepoint() throws {
        let db = try makeDatabase()
        try db.transaction { db in
            try db.execute("INSERT INTO t VALUES (?)", [1])
            try? db.transaction { db in
                try db.execute("INSERT INTO t VALUES (?)", [2])
                throw Boom()
            }
            try db.transaction { db in
                try db.execute("INSERT INTO t VALUES (?)", [3])
            }
        }
        let values = try db.fetchAll("SELECT a FROM t ORDER BY a").map { try $0.decode(at: 0, as: Int.self) }
        #expect(values == [1, 3])
    }

    @Test func nestedFailureThatEscapesRollsBackEverything() throws {
        let db = try makeDatabase()
        #expect(throws: Boom.self) {
            try db.transaction { db in
                try db.execute("INSERT INTO t VALUES (?)", [1])
                try db.transaction { _ in throw Boom() }
            }
        }
        #expect(try db.fetchValue(Int.self, "SELECT count(*) FROM t") == 0)
    }

    @Test func returnsTheBodysValue() throws {
        let db = try makeDatabase()
        let id = try db.transaction { db -> Int64 in
            try db.execute("INSERT INTO t VALUES (?)", [1])
            return db.lastInsertedRowID
        }
        #expect(id == 1)
        #expect(db.changesCount == 1)
    }
}

/// Preparing reads SQLite's `tail` pointer into the SQL's C string; it must be read while that
/// string is alive (it was read after, a heap-use-after-free that AddressSanitizer reported and
/// that made a single statement fail now and then as "a statement holds one SQL command").
@Suite struct PrepareTests {
    @Test func manyStatementsWithTrailingSpaceAndSemicolonPrepareAsOne() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t(a)")
        // Distinct SQL each time (no cache hit), short and long, bridged-free and with non-ASCII,
        // so that freed C strings are reused by the allocator between prepare and the tail check.
        for number in 0..<2_000 {
            let padding = String(repeating: " ", count: number % 40)
            let sql = number.isMultiple(of: 2)
                ? "SELECT \(number);\(padding)"
                : "SELECT a, 'ø\(number)' FROM t WHERE a = \(number)\(padding);\n"
            _ = try db.fetchAll(sql)
            _ = [String](repeating: "SELECT x; SELECT y; \(number)", count: 4).joined()
        }
    }

    @Test func aSecondCommandAfterTheFirstIsRefused() throws {
        let db = try Database(path: ":memory:")
        #expect(throws: SQLiteError.self) { try db.fetchAll("SELECT 1; SELECT 2") }
        #expect(throws: SQLiteError.self) { try db.fetchAll("SELECT 1;\n  SELECT 'ø'  ") }
    }
}
