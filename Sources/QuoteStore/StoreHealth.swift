import Foundation
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
    /// Entries of the full-text index (FTS5's own count of the texts it indexed); equal to
    /// `quotes` in an intact store.
    public var searchRows: Int
    /// Quotations without a full-text entry under their number (a search would not find them).
    /// A quotation with no word in its text (only marks or emoji) has an entry with no token, so
    /// it is counted here only when its text has a letter or a digit.
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
            // `quotes_fts` itself counts the quotations (it reads them as its content).
            searchRows: try searchEntries(db),
            // Every token's document, from the index (`quotes_fts_instances`, FTS5's vocabulary
            // table): ~7 microseconds a quotation, where the table of token counts FTS5 no
            // longer keeps (`v9 search without sizes`) took one look-up.
            unlinkedQuotes: try String.fetchAll(db, sql: """
                SELECT text FROM quotes WHERE number NOT IN (SELECT doc FROM quotes_fts_instances)
                """).filter(hasSearchToken).count,
            orphanQuotes: try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM quotes WHERE document NOT IN (SELECT number FROM documents)
                """) ?? 0,
            foreignKeyViolations: try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count)
    }

    /// FTS5's count of the texts in the full-text index: the first varint of its averages
    /// record (row 1 of `quotes_fts_data`, which it updates on every insert and delete), 0
    /// before the first.
    static func searchEntries(_ db: Database) throws -> Int {
        guard let block = try Data.fetchOne(db, sql: "SELECT block FROM quotes_fts_data WHERE id = 1") else { return 0 }
        // SQLite's varint: seven bits a byte, high bit set on all but the last, the ninth byte whole.
        var value: UInt64 = 0
        for (index, byte) in block.prefix(9).enumerated() {
            if index == 8 { return Int(truncatingIfNeeded: value << 8 | UInt64(byte)) }
            value = value << 7 | UInt64(byte & 0x7F)
            if byte & 0x80 == 0 { break }
        }
        return Int(truncatingIfNeeded: value)
    }

    /// True when FTS5's tokenizer (unicode61, whose token characters are by default the
    /// letters, the numbers and the private-use characters) finds a token in `text`.
    static func hasSearchToken(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber, .privateUse:
                return true
            default:
                return false
            }
        }
    }
}
