import GRDB

/// What `PRAGMA integrity_check` and the store's own invariants say about a store file.
///
/// A store is intact when SQLite finds no damage, every quotation has its full-text entry (under
/// its number) and its document, the full-text index has no entry for a quotation that is gone,
/// and no foreign key dangles. `quotes check` prints this; the crash tests assert it.
public struct StoreHealth: Sendable, Equatable, CustomStringConvertible {
    /// The rows of `PRAGMA integrity_check`: `["ok"]` for an undamaged file.
    public var integrity: [String]
    public var documents: Int
    public var quotes: Int
    /// Entries of the full-text index (rows of FTS5's `quotes_fts_docsize`, one per indexed
    /// text); equal to `quotes` in an intact store.
    public var searchRows: Int
    /// Quotations without a full-text entry under their number (a search would not find them).
    public var unlinkedQuotes: Int
    /// Quotations whose document is missing.
    public var orphanQuotes: Int
    /// Rows of `PRAGMA foreign_key_check`.
    public var foreignKeyViolations: Int

    public var isIntact: Bool {
        integrity == ["ok"] && searchRows == quotes && unlinkedQuotes == 0 && orphanQuotes == 0 && foreignKeyViolations == 0
    }

    public var description: String {
        "integrity: \(integrity.prefix(5).joined(separator: "; ")), \(documents) documents, \(quotes) quotations, "
            + "\(searchRows) full-text entries, \(unlinkedQuotes) quotations without theirs, \(orphanQuotes) quotations without document, "
            + "\(foreignKeyViolations) foreign key violations: " + (isIntact ? "intact" : "NOT intact")
    }

    static func check(_ db: Database) throws -> StoreHealth {
        StoreHealth(
            integrity: try String.fetchAll(db, sql: "PRAGMA integrity_check"),
            documents: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") ?? 0,
            quotes: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM quotes") ?? 0,
            // `quotes_fts` itself counts the quotations (it reads them as its content); FTS5's
            // own table of indexed texts counts what the index holds.
            searchRows: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM quotes_fts_docsize") ?? 0,
            unlinkedQuotes: try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM quotes q WHERE NOT EXISTS (SELECT 1 FROM quotes_fts_docsize f WHERE f.id = q.number)
                """) ?? 0,
            orphanQuotes: try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM quotes WHERE document NOT IN (SELECT number FROM documents)
                """) ?? 0,
            foreignKeyViolations: try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count)
    }
}
