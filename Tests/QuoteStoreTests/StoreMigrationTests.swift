import Foundation
import GRDB
import QuoteCore
import QuoteSchema
@testable import QuoteStore
import XCTest

/// Full-text rows linked to their quotations by rowid: replacing a document removes exactly its
/// rows, in a new store and in one written before the link existed (migration `v2 search rowid`).
final class StoreMigrationTests: TemporaryDirectoryTestCase {
    private let extractor = Extractor()
    private var path: String { directory.appendingPathComponent("quotes.sqlite").path }

    private func document(_ id: String, _ text: String) -> StoreDocument {
        let source = SourceDocument(id: id, text: text)
        return try! StoreDocument(document: source, result: extractor.extract(text: text, document: id))
    }

    /// The quote ids of the full-text rows matching `word`, read from the FTS table itself (a
    /// store query joins them to quotations and would hide rows left behind).
    private func searchIDs(_ word: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT quote_id FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY quote_id",
                                arguments: [word])
        }
    }

    func testReplacingADocumentDeletesItsFullTextRowsOnly() throws {
        let store = try QuoteStore(path: path)
        try store.index([
            document("a", "\"The harbour stays open,\" Mayor Ines Carvalho said.\n\n\"No new tolls,\" Carvalho said."),
            document("b", "\"The harbour needs dredging,\" engineer Tomas Reyes said."),
        ])
        XCTAssertEqual(try searchIDs("harbour").count, 2)
        // "a" again with other words: its old rows go, "b" keeps its row.
        let summary = try store.index([document("a", "\"The ferry runs at dawn,\" Mayor Ines Carvalho said.")])
        XCTAssertEqual(summary.replaced, 1)
        XCTAssertEqual(try searchIDs("harbour").map { $0.hasSuffix("@b") }, [true])
        XCTAssertEqual(try searchIDs("tolls"), [])
        XCTAssertEqual(try searchIDs("ferry").map { $0.hasSuffix("@a") }, [true])
        let health = try store.health()
        XCTAssertTrue(health.isIntact, "\(health)")
        XCTAssertEqual(health.quotes, 2)
        XCTAssertEqual(health.searchRows, 2)
    }

    func testAStoreWrittenBeforeTheLinkIsMigratedAndReplacesCleanly() throws {
        // A store as the first schema wrote it: full-text rows found only by their quote_id,
        // with rowids that are not the quotations' own.
        do {
            let queue = try DatabaseQueue(path: path)
            try StoreSchema.migrator.migrate(queue, upTo: "v1")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO quotes_fts (rowid, quote_id, text) VALUES (900, 'other', 'unrelated words')")
                for (document, quote, text) in [("a", "q1", "the harbour stays open"), ("a", "q2", "no new tolls"),
                                                ("b", "q3", "the harbour needs dredging")] {
                    try db.execute(sql: """
                        INSERT OR IGNORE INTO documents (id, content_hash, text, indexed_at) VALUES (?, ?, ?, '2026-01-01')
                        """, arguments: [document, "hash-" + document, "text of " + document])
                    try db.execute(sql: """
                        INSERT INTO quotes (id, document_id, type, text, start, "end", confidence, rule, record)
                        VALUES (?, ?, 'direct', ?, 0, 1, 0.9, 'test', '{}')
                        """, arguments: [quote + "@" + document, document, text])
                    try db.execute(sql: "INSERT INTO quotes_fts (quote_id, text) VALUES (?, ?)",
                                   arguments: [quote + "@" + document, text])
                }
                try db.execute(sql: "DELETE FROM quotes_fts WHERE quote_id = 'other'")
            }
        }
        let store = try QuoteStore(path: path)
        var health = try store.health()
        XCTAssertTrue(health.isIntact, "\(health)")
        XCTAssertEqual(health.unlinkedQuotes, 0)
        XCTAssertEqual(try searchIDs("harbour"), ["q1@a", "q3@b"])

        try store.index([document("a", "\"The ferry runs at dawn,\" Mayor Ines Carvalho said.")])
        XCTAssertEqual(try searchIDs("harbour"), ["q3@b"])
        XCTAssertEqual(try searchIDs("tolls"), [])
        health = try store.health()
        XCTAssertTrue(health.isIntact, "\(health)")
        XCTAssertEqual(health.searchRows, health.quotes)
    }

    func testAQuotationWithoutItsFullTextRowIsReported() throws {
        let store = try QuoteStore(path: path)
        try store.index([document("a", "\"The harbour stays open,\" Mayor Ines Carvalho said.")])
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            // The full-text row exists but under another rowid than the quotation records.
            try db.execute(sql: "UPDATE quotes SET search_rowid = search_rowid + 1000")
        }
        let health = try store.health()
        XCTAssertFalse(health.isIntact)
        XCTAssertEqual(health.unlinkedQuotes, 1)
        XCTAssertTrue(health.description.contains("1 quotations not linked"), health.description)
    }
}
