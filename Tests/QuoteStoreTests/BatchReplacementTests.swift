import Foundation
import GRDB
import QuoteCore
import QuoteSchema
@testable import QuoteStore
import XCTest

/// A batch decides what each document does before it writes (all replaced copies deleted in one
/// statement, then the inserts): the store and the counts must be those of indexing the same
/// documents one at a time, whatever ids and texts repeat inside the batch and in the store.
final class BatchReplacementTests: TemporaryDirectoryTestCase {
    private let extractor = Extractor()

    private func document(id: String, text: Int, date: Int) -> StoreDocument {
        let body = "\"Pier \(text) is closed,\" Mayor Ines Carvalho said.\n\nWork on pier \(text) resumes soon, Tomas Reyes said."
        let metadata: [String: JSONValue] = ["published": .string("2026-01-0\(date)")]
        let source = SourceDocument(id: id, text: body, metadata: metadata)
        return try! StoreDocument(document: source, result: extractor.extract(text: body, document: id, metadata: metadata))
    }

    /// Documents, quotations and full-text entries as comparable text: every document's id,
    /// text and metadata, every quotation's record id, document and text.
    private func contents(_ store: QuoteStore) throws -> [String] {
        try DatabaseQueue(path: store.path).read { db in
            try String.fetchAll(db, sql: "SELECT id || '|' || text || '|' || coalesce(metadata, '') FROM documents ORDER BY id")
                + String.fetchAll(db, sql: """
                    SELECT q.record_id || '@' || d.id || '|' || q.text FROM quotes q JOIN documents d ON d.number = q.document
                    ORDER BY 1
                    """)
                + String.fetchAll(db, sql: """
                    SELECT q.record_id || '@' || d.id FROM quotes_fts f JOIN quotes q ON q.number = f.rowid
                    JOIN documents d ON d.number = q.document WHERE quotes_fts MATCH 'pier' ORDER BY 1
                    """)
        }
    }

    /// Every token of the full-text index (term, quotation, position), and the same after FTS5
    /// made the index again from the quotations' text: equal when each entry was added and
    /// removed with the text it was made from, in an order FTS5 could follow. (A removal of an
    /// entry that was never added, or under another text, leaves tokens a rebuild does not make.)
    private func searchTokens(_ store: QuoteStore) throws -> (stored: [String], rebuilt: [String]) {
        let queue = try DatabaseQueue(path: store.path)
        defer { try? queue.close() }
        func tokens(_ db: Database) throws -> [String] {
            try String.fetchAll(db, sql: """
                SELECT term || '@' || doc || ':' || offset FROM quotes_fts_instances ORDER BY term, doc, offset
                """)
        }
        let stored = try queue.read(tokens)
        let rebuilt = try queue.write { db in
            try db.execute(sql: "INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild')")
            return try tokens(db)
        }
        return (stored, rebuilt)
    }

    func testABatchEndsAsOneDocumentAtATimeWould() throws {
        var state: UInt64 = 42
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        for trial in 0..<60 {
            // Three ids, three texts, two dates: repeats of id, text and whole document, in the
            // store and inside the batch.
            let stored = (0..<next(4)).map { _ in document(id: ["a", "b", "c"][next(3)], text: next(3), date: 1 + next(2)) }
            let batch = (0..<(1 + next(6))).map { _ in document(id: ["a", "b", "c"][next(3)], text: next(3), date: 1 + next(2)) }
            let whole = try QuoteStore(path: directory.appendingPathComponent("whole-\(trial).sqlite").path)
            let single = try QuoteStore(path: directory.appendingPathComponent("single-\(trial).sqlite").path)
            let inParts = try QuoteStore(path: directory.appendingPathComponent("parts-\(trial).sqlite").path)
            for document in stored {
                try whole.index([document])
                try single.index([document])
                try inParts.index([document])
            }
            let summary = try whole.index(batch)
            var expected = QuoteStore.BatchSummary()
            for document in batch { expected.add(try single.index([document])) }
            XCTAssertEqual(summary, expected, "trial \(trial)")
            XCTAssertEqual(try contents(whole), try contents(single), "trial \(trial)")
            XCTAssertTrue(try whole.health().isIntact, "trial \(trial)")
            let wholeTokens = try searchTokens(whole)
            XCTAssertEqual(wholeTokens.stored, wholeTokens.rebuilt, "trial \(trial)")
            // The same batch handed over in random parts, as `StoreIndexer` does: one transaction,
            // a later part replacing (or finding unchanged) what an earlier one wrote.
            var parts: [[StoreDocument]] = []
            var rest = batch[...]
            while !rest.isEmpty {
                let size = 1 + next(rest.count)
                parts.append(Array(rest.prefix(size)))
                rest = rest.dropFirst(size)
            }
            let partCount = parts.count
            parts.reverse()
            XCTAssertEqual(try inParts.index(parts: { parts.popLast() }), expected, "trial \(trial), \(partCount) parts")
            XCTAssertEqual(try contents(inParts), try contents(single), "trial \(trial), \(partCount) parts")
            XCTAssertTrue(try inParts.health().isIntact, "trial \(trial)")
            let partsTokens = try searchTokens(inParts)
            XCTAssertFalse(partsTokens.stored.isEmpty, "trial \(trial)")
            XCTAssertEqual(partsTokens.stored, partsTokens.rebuilt, "trial \(trial), \(partCount) parts")
        }
    }

    /// Quotations are inserted up to `RecordColumns.rowsPerInsert` a statement: each still gets
    /// its own number and its full-text entry under it, in a document of more than two
    /// statements' worth, and again when it is replaced.
    func testEveryQuotationOfALongDocumentHasItsOwnEntry() throws {
        let store = try QuoteStore(path: directory.appendingPathComponent("q.sqlite").path)
        let count = 2 * RecordColumns.rowsPerInsert + 3
        func long(_ version: Int) -> StoreDocument {
            let body = (0..<count).map { "\"Berth w\($0)v\(version) is closed,\" Mayor Ines Carvalho said." }
                .joined(separator: "\n\n")
            let source = SourceDocument(id: "long", text: body)
            return try! StoreDocument(document: source, result: extractor.extract(text: body, document: "long"))
        }
        for version in 0..<2 {
            try store.index([long(version)])
            let found = try DatabaseQueue(path: store.path).read { db in
                try (0..<count).map { index in
                    try String.fetchAll(db, sql: """
                        SELECT q.text FROM quotes_fts f JOIN quotes q ON q.number = f.rowid WHERE quotes_fts MATCH ?
                        """, arguments: ["w\(index)v\(version)"])
                }
            }
            XCTAssertEqual(found, (0..<count).map { ["Berth w\($0)v\(version) is closed,"] }, "version \(version)")
            let tokens = try searchTokens(store)
            XCTAssertEqual(tokens.stored, tokens.rebuilt, "version \(version)")
            XCTAssertEqual(try store.health().quotes, count)
        }
    }

    /// A quotation that breaks a constraint (two records with one id in a document) fails its
    /// batch: nothing of the batch is stored, not even the rows its statement wrote before it.
    func testAQuotationThatBreaksAConstraintStoresNothingOfItsBatch() throws {
        let store = try QuoteStore(path: directory.appendingPathComponent("q.sqlite").path)
        try store.index([document(id: "kept", text: 0, date: 1)])
        let before = try contents(store)
        let text = "\"Pier 5 is closed,\" Mayor Ines Carvalho said. \"Pier 6 too,\" she said."
        let record = { (start: Int, quote: String) in
            QuoteRecord(document: "twice", id: "q-same", type: .direct,
                        quote: QuoteContent(text: quote, start: start, end: start + quote.utf16.count),
                        speaker: nil, cue: nil, confidence: 0.5, rule: "test")
        }
        let result = DocumentResult(document: "twice", offsetUnit: .utf16, length: text.utf16.count,
                                    quotes: [record(1, "Pier 5 is closed,"), record(50, "Pier 6 too,")], diagnostics: [])
        let twice = try StoreDocument(document: SourceDocument(id: "twice", text: text), result: result)
        XCTAssertThrowsError(try store.index([document(id: "other", text: 1, date: 1), twice])) { error in
            XCTAssertTrue("\(error)".contains("UNIQUE"), "\(error)")
        }
        XCTAssertEqual(try contents(store), before)
        XCTAssertTrue(try store.health().isIntact)
    }

    /// A transaction whose parts stop with an error commits none of them.
    func testAPartThatFailsUndoesTheWholeTransaction() throws {
        let store = try QuoteStore(path: directory.appendingPathComponent("q.sqlite").path)
        try store.index([document(id: "kept", text: 0, date: 1)])
        let before = try contents(store)
        struct Stop: Error {}
        var parts = [[document(id: "a", text: 1, date: 1)], [document(id: "kept", text: 2, date: 2)]]
        XCTAssertThrowsError(try store.index(parts: {
            if parts.isEmpty { throw Stop() }
            return parts.removeFirst()
        }))
        XCTAssertEqual(try contents(store), before)
        XCTAssertTrue(try store.health().isIntact)
    }
}
