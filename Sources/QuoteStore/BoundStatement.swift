import GRDB
import GRDBSQLite

/// A prepared statement whose values are bound and whose results are read through SQLite's C API.
///
/// The store writes two rows per quotation, and looks up and counts speakers, on its one writer
/// thread; binding through GRDB's `StatementArguments` (an array of existential values per row,
/// converted one by one) and reading through its cursors was about a fifth of that thread's
/// time. Used only for the writer's hot statements; everything else goes through GRDB.
struct BoundStatement {
    private let statement: Statement

    /// Wraps a statement prepared by GRDB (`db.cachedStatement(sql:)`).
    init(_ statement: Statement) {
        self.statement = statement
    }

    /// Binds the values in order, runs the statement to its end and resets it; throws GRDB's
    /// `DatabaseError` with SQLite's code and message when a step fails (a full disk).
    func execute(in db: Database, _ bind: (inout Binder) -> Void) throws {
        try run(in: db, bind) { _ in }
    }

    /// The first column of every result row as an integer (NULL as 0).
    func integers(in db: Database, _ bind: (inout Binder) -> Void) throws -> [Int64] {
        var values: [Int64] = []
        try run(in: db, bind) { handle in values.append(sqlite3_column_int64(handle, 0)) }
        return values
    }

    /// The first column of the first result row as an integer, or nil when there is no row.
    func integer(in db: Database, _ bind: (inout Binder) -> Void) throws -> Int64? {
        var value: Int64?
        try run(in: db, bind) { handle in if value == nil { value = sqlite3_column_int64(handle, 0) } }
        return value
    }

    /// The first column of every result row as text.
    func texts(in db: Database, _ bind: (inout Binder) -> Void) throws -> [String] {
        var values: [String] = []
        try run(in: db, bind) { handle in
            let bytes = Int(sqlite3_column_bytes(handle, 0))
            values.append(sqlite3_column_text(handle, 0).map {
                String(decoding: UnsafeBufferPointer(start: $0, count: bytes), as: UTF8.self)
            } ?? "")
        }
        return values
    }

    /// Binds every parameter (each call binds all of them, so none is cleared between runs),
    /// steps through the rows and resets the statement, also when a step fails.
    private func run(in db: Database, _ bind: (inout Binder) -> Void, row: (OpaquePointer) -> Void) throws {
        let handle = statement.sqliteStatement
        var binder = Binder(handle: handle)
        bind(&binder)
        precondition(binder.count == sqlite3_bind_parameter_count(handle),
                     "\(binder.count) values bound for \(sqlite3_bind_parameter_count(handle)) parameters: \(statement.sql)")
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_ROW {
                row(handle)
                continue
            }
            guard code == SQLITE_DONE else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
            }
            return
        }
    }

    /// Binds the parameters of one row, from the first on.
    struct Binder {
        fileprivate let handle: OpaquePointer
        private var index: Int32 = 0
        /// How many values have been bound.
        var count: Int32 { index }

        fileprivate init(handle: OpaquePointer) {
            self.handle = handle
        }

        /// SQLite copies the bytes before the bind returns.
        private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        /// A zero-length text needs a non-null pointer (null binds NULL).
        private static let empty: UnsafePointer<CChar> = {
            let byte = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
            byte.initialize(to: 0)
            return UnsafePointer(byte)
        }()

        mutating func text(_ value: String?) {
            index += 1
            guard var value else {
                sqlite3_bind_null(handle, index)
                return
            }
            let index = self.index
            value.withUTF8 { bytes in
                let pointer = bytes.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) } ?? Binder.empty
                sqlite3_bind_text(handle, index, pointer, Int32(bytes.count), Binder.transient)
            }
        }

        mutating func integer(_ value: Int64?) {
            index += 1
            if let value { sqlite3_bind_int64(handle, index, value) } else { sqlite3_bind_null(handle, index) }
        }

        mutating func real(_ value: Double) {
            index += 1
            sqlite3_bind_double(handle, index, value)
        }
    }
}
