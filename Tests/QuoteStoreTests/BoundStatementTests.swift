import GRDB
import GRDBSQLite
@testable import QuoteStore
import XCTest

/// `BoundStatement` binds only the values that are not NULL: a parameter a run leaves unbound
/// must be NULL, whatever an earlier run, or GRDB with its own arguments, bound there.
final class BoundStatementTests: XCTestCase {
    private func table() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try queue.write { db in try db.execute(sql: "CREATE TABLE t (n INTEGER PRIMARY KEY, a TEXT, b INTEGER, c TEXT)") }
        return queue
    }

    private func rows(_ queue: DatabaseQueue) throws -> [[DatabaseValue]] {
        try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT a, b, c FROM t ORDER BY n").map { row in [row[0], row[1], row[2]] }
        }
    }

    /// A run with values, then runs of the same statement with some or all of them nil.
    func testNilAfterAValueIsNull() throws {
        let queue = try table()
        try queue.write { db in
            let insert = BoundStatement(try db.cachedStatement(sql: "INSERT INTO t (a, b, c) VALUES (?, ?, ?)"))
            _ = try insert.insert(in: db) { row in
                row.text("first")
                row.integer(Int64(7))
                row.text("third")
            }
            _ = try insert.insert(in: db) { row in
                row.text(nil)
                row.integer(Int64?.none)
                row.text("kept")
            }
            _ = try insert.insert(in: db) { row in
                row.text("again")
                row.integer(Int64(8))
                row.text(nil)
            }
        }
        XCTAssertEqual(try rows(queue), [
            ["first".databaseValue, 7.databaseValue, "third".databaseValue],
            [.null, .null, "kept".databaseValue],
            ["again".databaseValue, 8.databaseValue, .null],
        ])
    }

    /// GRDB runs the same cached statement with its own arguments and leaves it stepped (SQLite
    /// then refuses new bindings until it is reset); or something binds values on it and leaves
    /// them. A `BoundStatement` made on it afterwards binds its own values and inherits none.
    func testEarlierUsesOfTheStatementAreNotInherited() throws {
        let queue = try table()
        try queue.write { db in
            let sql = "INSERT INTO t (a, b, c) VALUES (?, ?, ?)"
            try db.cachedStatement(sql: sql).execute(arguments: ["grdb", 1, "grdb"])
            let insert = BoundStatement(try db.cachedStatement(sql: sql))
            _ = try insert.insert(in: db) { row in
                row.text(nil)
                row.integer(Int64(2))
                row.text(nil)
            }
            // Values bound through SQLite's API and left there.
            let handle = try db.cachedStatement(sql: sql).sqliteStatement
            sqlite3_bind_int64(handle, 1, 40)
            sqlite3_bind_int64(handle, 2, 41)
            sqlite3_bind_int64(handle, 3, 42)
            let again = BoundStatement(try db.cachedStatement(sql: sql))
            _ = try again.insert(in: db) { row in
                row.text("own")
                row.integer(Int64?.none)
                row.text(nil)
            }
        }
        XCTAssertEqual(try rows(queue), [
            ["grdb".databaseValue, 1.databaseValue, "grdb".databaseValue],
            [.null, 2.databaseValue, .null],
            ["own".databaseValue, .null, .null],
        ])
    }
}
