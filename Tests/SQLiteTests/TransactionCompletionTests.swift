import Testing
@testable import SQLite

/// A transaction body says whether its work is kept: `.commit` keeps it, `.rollback` undoes it
/// (a dry run), and a nested one undoes only its own savepoint.
@Suite struct TransactionCompletionTests {
    private func database() throws -> Database {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t (x INTEGER)")
        return db
    }

    @Test func commitKeepsTheWork() throws {
        let db = try database()
        try db.inTransaction { db in
            try db.execute("INSERT INTO t VALUES (?)", [1])
            return .commit
        }
        #expect(try db.fetchValue(Int.self, "SELECT count(*) FROM t") == 1)
        #expect(!db.isInsideTransaction)
    }

    @Test func rollbackUndoesTheWorkWithoutAnError() throws {
        let db = try database()
        try db.inTransaction { db in
            try db.execute("INSERT INTO t VALUES (?)", [1])
            return .rollback
        }
        #expect(try db.fetchValue(Int.self, "SELECT count(*) FROM t") == 0)
        #expect(!db.isInsideTransaction)
    }

    @Test func nestedRollbackUndoesOnlyItsOwnWork() throws {
        let db = try database()
        try db.transaction { db in
            try db.execute("INSERT INTO t VALUES (?)", [1])
            try db.inTransaction { db in
                try db.execute("INSERT INTO t VALUES (?)", [2])
                return .rollback
            }
        }
        #expect(try db.fetchAll("SELECT x FROM t").map { try $0.decode(at: 0, as: Int.self) } == [1])
    }

    @Test func aThrowingBodyRollsBackAndRethrows() throws {
        struct Failure: Error {}
        let db = try database()
        #expect(throws: Failure.self) {
            try db.inTransaction { db in
                try db.execute("INSERT INTO t VALUES (?)", [1])
                throw Failure()
            }
        }
        #expect(try db.fetchValue(Int.self, "SELECT count(*) FROM t") == 0)
    }
}
