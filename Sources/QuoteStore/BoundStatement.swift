import GRDB
import GRDBSQLite

/// A prepared statement whose values are bound and whose results are read through SQLite's C API.
///
/// The store writes two rows per quotation, and looks up and counts speakers, on its one writer
/// thread; binding through GRDB's `StatementArguments` (an array of existential values per row,
/// converted one by one) and reading through its cursors was about a fifth of that thread's
/// time. Used only for the writer's hot statements; everything else goes through GRDB.
///
/// Text values are copied into one buffer the statement keeps (`TextArena`) and bound without
/// a copy of SQLite's own (`SQLITE_STATIC`): with `SQLITE_TRANSIENT` SQLite allocated, copied and
/// freed every text value, ~750 instructions a value and a tenth of the writer's time.
struct BoundStatement {
    private let statement: Statement
    private let arena = TextArena()

    /// Wraps a statement prepared by GRDB (`db.cachedStatement(sql:)`).
    ///
    /// The statement is reset, and its parameters set to NULL, as every run leaves them (`run`):
    /// GRDB may have stepped the same cached statement without resetting it, when SQLite refuses
    /// new bindings (`SQLITE_MISUSE`), and a `Binder` binds only the values that are not NULL (a
    /// record's row has a dozen NULL columns, each a call into SQLite of ~65 instructions).
    init(_ statement: Statement) {
        self.statement = statement
        sqlite3_reset(statement.sqliteStatement)
        sqlite3_clear_bindings(statement.sqliteStatement)
    }

    /// Binds the values in order, runs the statement to its end and resets it; throws GRDB's
    /// `DatabaseError` with SQLite's code and message when a step fails (a full disk).
    func execute(in db: Database, _ bind: (inout Binder) -> Void) throws {
        try run(in: db, bind) { _ in }
    }

    /// Runs an INSERT like `execute(in:_:)` and returns the rowid of the row it inserted (read
    /// from SQLite directly: GRDB's `lastInsertedRowID` took ~500 instructions a call).
    func insert(in db: Database, _ bind: (inout Binder) -> Void) throws -> Int64 {
        try run(in: db, bind) { _ in }
        return sqlite3_last_insert_rowid(db.sqliteConnection)
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

    /// Every result row, as `read` makes it from the row's columns.
    func rows<Row>(in db: Database, _ bind: (inout Binder) -> Void, read: (Columns) -> Row) throws -> [Row] {
        var values: [Row] = []
        try run(in: db, bind) { handle in values.append(read(Columns(handle: handle))) }
        return values
    }

    /// The columns of the result row a statement is on.
    struct Columns {
        fileprivate let handle: OpaquePointer

        /// Column `index` as an integer (NULL as 0).
        func integer(_ index: Int32) -> Int64 { sqlite3_column_int64(handle, index) }

        /// Column `index` as text, or nil for NULL.
        func text(_ index: Int32) -> String? {
            guard let text = sqlite3_column_text(handle, index) else { return nil }
            return String(decoding: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, index))),
                          as: UTF8.self)
        }
    }

    /// Binds every parameter, steps through the rows and resets the statement, also when a step
    /// fails. The bindings are cleared at the end: they point into the arena, which the next run
    /// overwrites, GRDB may run the same cached statement with its own arguments, and the next
    /// run binds only its values that are not NULL.
    private func run(in db: Database, _ bind: (inout Binder) -> Void, row: (OpaquePointer) -> Void) throws {
        let handle = statement.sqliteStatement
        arena.reset()
        var binder = Binder(handle: handle, arena: arena)
        bind(&binder)
        precondition(binder.count == sqlite3_bind_parameter_count(handle),
                     "\(binder.count) values bound for \(sqlite3_bind_parameter_count(handle)) parameters: \(statement.sql)")
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
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
        fileprivate let arena: TextArena
        private var index: Int32 = 0
        /// How many values have been bound.
        var count: Int32 { index }

        fileprivate init(handle: OpaquePointer, arena: TextArena) {
            self.handle = handle
            self.arena = arena
        }

        /// The bytes stay where they are until the statement is reset (`SQLITE_STATIC`).
        private static let inPlace: sqlite3_destructor_type? = nil

        /// A NULL is not bound: the parameter is NULL already (`run` clears them after each run).
        mutating func text(_ value: String?) {
            index += 1
            guard var value else { return }
            let index = self.index
            let arena = self.arena
            _ = value.withUTF8 { bytes in
                sqlite3_bind_text(handle, index, arena.copy(bytes), Int32(bytes.count), Binder.inPlace)
            }
        }

        /// Binds UTF-8 bytes as text, as they are (the caller made them: no validation).
        mutating func text(utf8 bytes: ArraySlice<UInt8>) {
            index += 1
            let index = self.index
            let arena = self.arena
            bytes.withUnsafeBufferPointer { bytes in
                _ = sqlite3_bind_text(handle, index, arena.copy(bytes), Int32(bytes.count), Binder.inPlace)
            }
        }

        /// A NULL is not bound, as in `text(_:)`.
        mutating func integer(_ value: Int64?) {
            index += 1
            if let value { sqlite3_bind_int64(handle, index, value) }
        }

        mutating func integer(_ value: Int?) {
            integer(value.map { Int64($0) })
        }

        mutating func real(_ value: Double) {
            index += 1
            sqlite3_bind_double(handle, index, value)
        }
    }
}

/// Bytes of one statement run's text values, in buffers that do not move until the next run.
///
/// A run's values usually fit in one buffer, which is kept from run to run; when they do not, more
/// buffers are added (earlier values keep their place), and the next run starts with one buffer
/// of their total size. Owned by one `BoundStatement`, used on the thread that runs it.
final class TextArena {
    // Unchecked: Swift's dynamic exclusivity checks on a class's variables cost ~80
    // instructions an access, ~297,000 accesses for the dev text x5 (~27M of the writer
    // thread's instructions); the arena is used by one statement on one thread, and no access
    // overlaps another.
    @exclusivity(unchecked) private var buffers: [UnsafeMutableRawBufferPointer] = []
    /// Bytes used in the last buffer.
    @exclusivity(unchecked) private var used = 0
    /// A zero-length text needs a non-null pointer (null binds NULL).
    private static let empty: UnsafePointer<CChar> = {
        let byte = UnsafeMutablePointer<CChar>.allocate(capacity: 1)
        byte.initialize(to: 0)
        return UnsafePointer(byte)
    }()

    /// Forgets the previous run's values (their bindings must be cleared or replaced first).
    func reset() {
        used = 0
        guard buffers.count > 1 else { return }
        let total = buffers.reduce(0) { $0 + $1.count }
        for buffer in buffers { buffer.deallocate() }
        buffers = [.allocate(byteCount: total, alignment: 1)]
    }

    /// A copy of `bytes` that stays valid until the next `reset()`.
    func copy(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafePointer<CChar> {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return Self.empty }
        if buffers.isEmpty || buffers[buffers.count - 1].count - used < bytes.count {
            let size = max(bytes.count, 2 * (buffers.last?.count ?? 2048))
            buffers.append(.allocate(byteCount: size, alignment: 1))
            used = 0
        }
        let destination = buffers[buffers.count - 1].baseAddress! + used
        destination.copyMemory(from: source, byteCount: bytes.count)
        used += bytes.count
        return UnsafePointer(destination.assumingMemoryBound(to: CChar.self))
    }

    deinit {
        for buffer in buffers { buffer.deallocate() }
    }
}
