import Foundation
import GRDB
import QuoteCore
import QuoteSchema
@testable import QuoteStore
import XCTest

/// The indexer in process: extraction overlapping the writer thread, batches committed in input
/// order, nothing written after a failure. (The thread-sanitizer pass of .ci/run runs these.)
final class StoreIndexerTests: TemporaryDirectoryTestCase {
    private func document(_ id: String, paragraphs: Int = 1) -> SourceDocument {
        let text = (0..<paragraphs).map { "\"Pier \($0) of \(id) is closed,\" Mayor Ines Carvalho said." }.joined(separator: "\n\n")
        return SourceDocument(id: id, text: text, metadata: nil)
    }

    func testBatchesCommitInInputOrderWhileTheNextIsExtracted() throws {
        let store = try QuoteStore(path: directory.appendingPathComponent("q.sqlite").path)
        let log = CommitLog()
        let indexer = StoreIndexer(store: store, extractor: ParallelExtractor(extractor: Extractor(), jobs: 2), batchSize: 5,
                                   committed: { log.append($0) })
        for index in 0..<32 { indexer.add(document("doc-\(index)")) }
        let outcome = try indexer.finish()
        XCTAssertEqual(outcome.summary.documents, 32)
        XCTAssertEqual(outcome.summary.quotes, 32)
        XCTAssertEqual(log.batches.map(\.number), Array(1...7))
        XCTAssertEqual(log.batches.flatMap(\.documentIDs), (0..<32).map { "doc-\($0)" })
        XCTAssertEqual(log.batches.last?.totals.documents, 32)
        let stored = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT id FROM documents ORDER BY rowid") }
        XCTAssertEqual(stored, (0..<32).map { "doc-\($0)" })
    }

    func testNothingIsWrittenAfterAFailedBatch() throws {
        let path = directory.appendingPathComponent("q.sqlite").path
        let store = try QuoteStore(path: path)
        try store.index([(document("first"), Extractor().extract(text: document("first").text, document: "first"))])
        try store.pool.write { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages + 2)")
        }
        let log = CommitLog()
        let indexer = StoreIndexer(store: store, extractor: ParallelExtractor(extractor: Extractor(), jobs: 2), batchSize: 10,
                                   committed: { log.append($0) })
        for index in 0..<40 { indexer.add(document("big-\(index)", paragraphs: 40)) }
        XCTAssertThrowsError(try indexer.finish()) { error in
            XCTAssertTrue("\(error)".contains(path), "\(error)")
        }
        XCTAssertTrue(indexer.hasFailed)
        XCTAssertEqual(log.batches.count, 0)
        XCTAssertEqual(try store.pool.read { db in try String.fetchAll(db, sql: "SELECT id FROM documents") }, ["first"])
    }
}

/// Committed batches recorded from the writer thread.
private final class CommitLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [StoreIndexer.CommittedBatch] = []

    func append(_ batch: StoreIndexer.CommittedBatch) { lock.lock(); stored.append(batch); lock.unlock() }
    var batches: [StoreIndexer.CommittedBatch] { lock.lock(); defer { lock.unlock() }; return stored }
}
