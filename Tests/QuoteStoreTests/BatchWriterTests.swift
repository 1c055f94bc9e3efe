import Foundation
import GRDB
import QuoteCore
import QuoteSchema
@testable import QuoteStore
import XCTest

/// Batches written in the background, in order, stopping at the first failure; progress only on
/// a terminal.
final class BatchWriterTests: StoreTestCase {

    private func batch(_ ids: [String], paragraphs: Int = 1) -> [(document: SourceDocument, result: DocumentResult)] {
        ids.map { id in
            let text = (0..<paragraphs).map { "\"Pier \($0) of \(id) is closed,\" Mayor Ines Carvalho said." }.joined(separator: "\n\n")
            return (SourceDocument(id: id, text: text, metadata: nil), Extractor().extract(text: text, document: id))
        }
    }

    func testBatchesAreWrittenInOrderWithTotalsAndProgress() throws {
        let store = try QuoteStore(path: directory.appendingPathComponent("q.sqlite").path)
        let seen = Box()
        let writer = BatchWriter(store: store, progress: { seen.append($0.documents) })
        for start in stride(from: 0, to: 30, by: 5) {
            writer.submit(batch((start..<(start + 5)).map { "doc-\($0)" }))
        }
        let (totals, failure) = writer.finish()
        XCTAssertNil(failure)
        XCTAssertEqual(totals.documents, 30)
        XCTAssertEqual(totals.quotes, 30)
        XCTAssertEqual(seen.values, [5, 10, 15, 20, 25, 30])
        let stored = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT id FROM documents ORDER BY rowid") }
        XCTAssertEqual(stored, (0..<30).map { "doc-\($0)" })
    }

    func testNoBatchIsWrittenAfterAFailure() throws {
        let store = try QuoteStore(path: directory.appendingPathComponent("q.sqlite").path)
        let writer = BatchWriter(store: store)
        writer.submit(batch(["first"]))
        _ = writer.finish()
        try store.pool.write { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages + 2)")
        }
        writer.submit(batch((0..<40).map { "big-\($0)" }, paragraphs: 40))
        _ = writer.finish()
        // Room again: the next batch would fit, and must still not be written.
        try store.pool.write { db in try db.execute(sql: "PRAGMA max_page_count = 1000000") }
        writer.submit(batch(["after"]))
        let (totals, failure) = writer.finish()
        XCTAssertTrue(failure is StoreError, "\(String(describing: failure))")
        XCTAssertTrue(writer.hasFailed)
        XCTAssertEqual(totals.documents, 1)
        XCTAssertEqual(try store.pool.read { db in try String.fetchAll(db, sql: "SELECT id FROM documents") }, ["first"])
    }

    func testProgressOnlyOnATerminal() {
        let written = Box()
        let quiet = IndexProgress(isTerminal: false, write: { written.append($0.count) })
        var totals = QuoteStore.BatchSummary()
        totals.documents = 10
        totals.quotes = 42
        quiet.update(totals)
        quiet.finish()
        XCTAssertEqual(written.values, [], "a pipe gets no progress")

        let lines = Box()
        let shown = IndexProgress(isTerminal: true, started: Date().addingTimeInterval(-2), write: { lines.appendText($0) })
        shown.update(totals)
        shown.finish()
        XCTAssertEqual(lines.texts.count, 2)
        XCTAssertTrue(lines.texts[0].hasPrefix("\r10 documents, 42 quotations, "), lines.texts[0])
        XCTAssertTrue(lines.texts[0].hasSuffix(" documents/s"))
        XCTAssertEqual(lines.texts[1], "\n")
        XCTAssertEqual(IndexProgress.line(totals, seconds: 2), "\r10 documents, 42 quotations, 5 documents/s")
    }
}

/// Values recorded from another thread.
private final class Box: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Int] = []
    private var storedTexts: [String] = []

    func append(_ value: Int) { lock.lock(); stored.append(value); lock.unlock() }
    func appendText(_ value: String) { lock.lock(); storedTexts.append(value); lock.unlock() }
    var values: [Int] { lock.lock(); defer { lock.unlock() }; return stored }
    var texts: [String] { lock.lock(); defer { lock.unlock() }; return storedTexts }
}
