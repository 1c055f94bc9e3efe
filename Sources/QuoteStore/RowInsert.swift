import GRDB
import GRDBSQLite

/// A prepared insert whose values are bound through SQLite's C API.
///
/// The store writes two rows per quotation on its one writer thread; binding them through
/// GRDB's `StatementArguments` (an array of existential values per row, converted one by one)
/// was about a fifth of that thread's time. Used only for the writer's hot inserts; everything
/// else goes through GRDB.
struct RowInsert {
    private let statement: Statement

    /// Wraps a statement prepared by GRDB (`db.cachedStatement(sql:)`).
    init(_ statement: Statement) {
        self.statement = statement
    }

    /// Binds the row's values in order, runs the statement once and resets it; throws GRDB's
    /// `DatabaseError` with SQLite's code and message when the step fails (a full disk).
    func execute(in db: Database, _ bind: (inout Binder) -> Void) throws {
        let handle = statement.sqliteStatement
        var binder = Binder(handle: handle)
        bind(&binder)
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
        }
    }

    /// Binds the parameters of one row, from the first on.
    struct Binder {
        fileprivate let handle: OpaquePointer
        private var index: Int32 = 0

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
