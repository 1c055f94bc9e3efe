import Foundation
import GRDB

/// Why the store could not be opened or written, always naming the store file.
///
/// SQLite's result codes are mapped to the cases a user can act on: a full disk, a read-only
/// location, a path that cannot be opened, a file that is not a store, a damaged store. A failed
/// batch is rolled back whole: the batches committed before it stay as they were.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// SQLITE_FULL: the disk (or the store's page limit) has no room for the batch.
    case full(path: String)
    /// SQLITE_READONLY: the file or its file system cannot be written.
    case readOnly(path: String, detail: String)
    /// SQLITE_CANTOPEN: the file cannot be opened or created (missing directory, a directory, ...).
    case cannotOpen(path: String, reason: String)
    /// SQLITE_NOTADB: the file exists but is not an SQLite database.
    case notADatabase(path: String)
    /// SQLITE_CORRUPT: the file is an SQLite database whose pages are damaged.
    case corrupt(path: String, detail: String)
    /// SQLITE_IOERR: the operating system failed a read or a write.
    case io(path: String, detail: String)
    /// SQLITE_BUSY or SQLITE_LOCKED: another process holds the store's write lock.
    case busy(path: String)
    /// Any other SQLite failure, with its result code.
    case sqlite(path: String, code: Int32, detail: String)

    /// The store file the error is about.
    public var path: String {
        switch self {
        case .full(let path), .readOnly(let path, _), .cannotOpen(let path, _), .notADatabase(let path),
             .corrupt(let path, _), .io(let path, _), .busy(let path), .sqlite(let path, _, _):
            return path
        }
    }

    public var description: String {
        switch self {
        case .full(let path):
            return "store '\(path)' is full: no room left on its disk or under its page limit (SQLITE_FULL)"
        case .readOnly(let path, let detail):
            return "store '\(path)' is read-only: \(detail) (SQLITE_READONLY)"
        case .cannotOpen(let path, let reason):
            return "cannot open store '\(path)': \(reason) (SQLITE_CANTOPEN)"
        case .notADatabase(let path):
            return "'\(path)' is not a quote store: the file exists but is not an SQLite database (SQLITE_NOTADB)"
        case .corrupt(let path, let detail):
            return "store '\(path)' is damaged: \(detail) (SQLITE_CORRUPT)"
        case .io(let path, let detail):
            return "input/output error on store '\(path)': \(detail) (SQLITE_IOERR)"
        case .busy(let path):
            return "store '\(path)' is locked by another process (SQLITE_BUSY)"
        case .sqlite(let path, let code, let detail):
            return "store '\(path)': SQLite error \(code): \(detail)"
        }
    }

    /// The typed error for `error` thrown while using the store at `path`; a `StoreError` passes
    /// through, anything that is not an SQLite error becomes `.sqlite` with code -1.
    public init(_ error: Error, path: String) {
        if let error = error as? StoreError {
            self = error
            return
        }
        guard let error = error as? DatabaseError else {
            self = .sqlite(path: path, code: -1, detail: "\(error)")
            return
        }
        let detail = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_FULL: self = .full(path: path)
        case .SQLITE_READONLY: self = .readOnly(path: path, detail: Self.readOnlyReason(path) ?? detail)
        case .SQLITE_CANTOPEN:
            // On a read-only file system SQLite cannot open a WAL store at all: say read-only.
            if let reason = Self.openFailure(path) {
                self = .cannotOpen(path: path, reason: reason)
            } else if let reason = Self.readOnlyReason(path) {
                self = .readOnly(path: path, detail: reason)
            } else {
                self = .cannotOpen(path: path, reason: detail)
            }
        case .SQLITE_NOTADB: self = .notADatabase(path: path)
        case .SQLITE_CORRUPT: self = .corrupt(path: path, detail: detail)
        case .SQLITE_IOERR: self = .io(path: path, detail: detail)
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy(path: path)
        default: self = .sqlite(path: path, code: error.resultCode.rawValue, detail: detail)
        }
    }

    /// What is wrong with the path itself (a directory, a missing or non-directory parent).
    static func openFailure(_ path: String) -> String? {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            return isDirectory.boolValue ? "it is a directory" : nil
        }
        let directory = directory(of: path)
        guard manager.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            return "directory '\(directory)' does not exist"
        }
        return isDirectory.boolValue ? nil : "'\(directory)' is not a directory"
    }

    /// The directory holding `path` ("." for a bare file name).
    private static func directory(of path: String) -> String {
        let parent = (path as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }

    /// Why the file or its directory cannot be written, if `access(2)` says it cannot.
    static func readOnlyReason(_ path: String) -> String? {
        let directory = directory(of: path)
        for (place, what) in [(path, "the file"), (directory, "directory '\(directory)'")] where access(place, F_OK) == 0 {
            if access(place, W_OK) != 0 {
                return "\(what) cannot be written (\(String(cString: strerror(errno))))"
            }
        }
        return nil
    }
}
