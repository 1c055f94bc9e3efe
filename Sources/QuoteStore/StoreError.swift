import GRDB

/// Why the store could not be opened or written; every message names the store file.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    /// The file could not be opened or created (missing directory, no permission, not a database).
    case cannotOpen(path: String, reason: String)
    /// A batch could not be written; the batch was rolled back and earlier batches are intact.
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "cannot open store '\(path)': \(reason)"
        case .writeFailed(let path, let reason):
            return "cannot write to store '\(path)': \(reason); the batch was rolled back, earlier batches are intact"
        }
    }

    /// SQLite's own words for the common failures, with the result code.
    static func reason(_ error: Error) -> String {
        guard let error = error as? DatabaseError else { return "\(error)" }
        let base: String
        switch error.resultCode {
        case .SQLITE_FULL: base = "the disk (or the store's size limit) is full"
        case .SQLITE_READONLY: base = "the store is read-only"
        case .SQLITE_CANTOPEN: base = "the file cannot be opened (missing directory or no permission)"
        case .SQLITE_NOTADB: base = "the file is not an SQLite database"
        case .SQLITE_CORRUPT: base = "the database file is corrupt"
        case .SQLITE_IOERR: base = "an input/output error occurred"
        default: base = "SQLite error \(error.resultCode.rawValue)"
        }
        return base + (error.message.map { " (\($0))" } ?? "")
    }
}
