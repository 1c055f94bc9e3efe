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

    /// Parts smaller than a batch (the writer starts on a batch's first part while its next is
    /// extracted) change nothing of what is committed: the same batches, documents and order.
    func testPartsOfABatchCommitAsTheBatchWould() throws {
        let store = try QuoteStore(path: directory.appendingPathComponent("q.sqlite").path)
        let log = CommitLog()
        let long = document("x", paragraphs: 3).text.utf8.count
        let indexer = StoreIndexer(store: store, extractor: ParallelExtractor(extractor: Extractor(), jobs: 2), batchSize: 5,
                                   partSize: 2, partBytes: long, committed: { log.append($0) })
        // (id, paragraphs = quotations). Long documents end a part at once; "doc-27" comes again
        // in a later part of its batch and replaces the one written before.
        let added = (0..<29).map { ("doc-\($0)", $0 % 7 == 0 ? 3 : 1) } + [("doc-27", 2), ("doc-30", 1), ("doc-31", 1)]
        for (id, paragraphs) in added { indexer.add(document(id, paragraphs: paragraphs)) }
        let outcome = try indexer.finish()
        XCTAssertEqual(outcome.summary.documents, 32)
        XCTAssertEqual(outcome.summary.replaced, 1)
        XCTAssertEqual(log.batches.map(\.number), Array(1...7))
        XCTAssertEqual(log.batches.map(\.documentIDs), stride(from: 0, to: 32, by: 5).map { added[$0..<min($0 + 5, 32)].map(\.0) })
        XCTAssertEqual(log.batches.map(\.summary.quotes),
                       stride(from: 0, to: 32, by: 5).map { added[$0..<min($0 + 5, 32)].reduce(0) { $0 + $1.1 } })
        let stored = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT id FROM documents ORDER BY rowid") }
        XCTAssertEqual(stored, (0...26).map { "doc-\($0)" } + ["doc-28", "doc-27", "doc-30", "doc-31"])
        let health = try store.health()
        XCTAssertTrue(health.isIntact, "\(health)")
        XCTAssertEqual(health.quotes, added.reduce(0) { $0 + $1.1 } - 1, "the first doc-27's quotation is gone")
    }

    /// A batch ends at its byte bound before its document count: long documents make short
    /// batches, and the count still bounds short ones.
    func testABatchEndsWhenItsTextsReachTheByteBound() throws {
        let store = try QuoteStore(path: directory.appendingPathComponent("q.sqlite").path)
        let log = CommitLog()
        let long = document("x", paragraphs: 3).text.utf8.count
        let indexer = StoreIndexer(store: store, extractor: ParallelExtractor(extractor: Extractor(), jobs: 2), batchSize: 4,
                                   batchBytes: 2 * long, committed: { log.append($0) })
        for index in 0..<5 { indexer.add(document("long-\(index)", paragraphs: 3)) }
        for index in 0..<6 { indexer.add(document("short-\(index)")) }
        try indexer.finish()
        // Two long texts reach the bound; the short ones fill batches of four (the first of
        // them joins the fifth long text), the rest comes at the end.
        XCTAssertEqual(log.batches.map(\.documentIDs.count), [2, 2, 4, 3])
        XCTAssertEqual(log.batches.flatMap(\.documentIDs).count, 11)
    }

    /// Batches are written on the writer's own thread at the caller's priority; the extraction
    /// threads (Dispatch's pool) run below it.
    func testTheWriterRunsOnItsOwnThreadAboveTheExtraction() throws {
        let store = try QuoteStore(path: directory.appendingPathComponent("q.sqlite").path)
        let caller = ThreadPriority.current
        let seen = CommitLog()
        let indexer = StoreIndexer(store: store, extractor: ParallelExtractor(extractor: Extractor(), jobs: 2), batchSize: 4,
                                   committed: { batch in
                                       seen.append(batch)
                                       seen.note("\(ThreadName.current ?? "?") \(ThreadPriority.current)")
                                   })
        for index in 0..<12 { indexer.add(document("doc-\(index)")) }
        try indexer.finish()
        XCTAssertEqual(Set(seen.notes), ["quotes.writer \(caller)"])
        #if os(Linux)
        let lowered = min(19, StoreIndexer.processNiceness + StoreIndexer.extractionNiceness)
        XCTAssertEqual(ThreadPriority.current, max(caller, lowered), "the calling thread takes part in the extraction")
        // A second indexer in the same process aims at the same value, not lower.
        let again = StoreIndexer(store: store, extractor: ParallelExtractor(extractor: Extractor(), jobs: 2), batchSize: 4)
        for index in 12..<20 { again.add(document("doc-\(index)")) }
        try again.finish()
        XCTAssertEqual(ThreadPriority.current, max(caller, lowered))
        #endif
    }

    /// Jobs run one after another in the order they were queued; `sync` returns after them.
    func testWriterThreadRunsJobsInOrder() {
        let writer = WriterThread(name: "test-writer")
        let log = CommitLog()
        for index in 0..<200 {
            writer.async {
                if index % 50 == 0 { Thread.sleep(forTimeInterval: 0.001) }
                log.note("\(index) \(ThreadName.current ?? "?")")
            }
        }
        writer.sync()
        XCTAssertEqual(log.notes, (0..<200).map { "\($0) test-writer" })
        writer.stop()
    }

    /// A thread's nice value only goes up, and only for that thread.
    func testThreadPriorityIsLoweredOnlyForTheCallingThread() {
        let before = ThreadPriority.current
        let log = CommitLog()
        let thread = Thread {
            let start = ThreadPriority.current
            ThreadPriority.lower(to: start + 2)
            let lowered = ThreadPriority.current
            ThreadPriority.lower(to: start)
            log.note("\(start) \(lowered) \(ThreadPriority.current)")
        }
        thread.start()
        while log.notes.isEmpty { Thread.sleep(forTimeInterval: 0.001) }
        let parts = log.notes[0].split(separator: " ").compactMap { Int32($0) }
        #if os(Linux)
        XCTAssertEqual(parts, [parts[0], min(19, parts[0] + 2), min(19, parts[0] + 2)], log.notes[0])
        #endif
        XCTAssertEqual(ThreadPriority.current, before)
    }

    func testNothingIsWrittenAfterAFailedBatch() throws {
        try assertNothingIsWrittenAfterAFailedBatch(partSize: StoreIndexer.defaultPartSize)
    }

    /// The batch fails in one of its parts: the writer still takes the parts sent after it,
    /// so neither it nor the caller waits forever.
    func testNothingIsWrittenAfterAFailedPart() throws {
        try assertNothingIsWrittenAfterAFailedBatch(partSize: 3)
    }

    private func assertNothingIsWrittenAfterAFailedBatch(partSize: Int) throws {
        let path = directory.appendingPathComponent("q.sqlite").path
        let store = try QuoteStore(path: path)
        try store.index([(document("first"), Extractor().extract(text: document("first").text, document: "first"))])
        try store.pool.write { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            // The file may not grow, as on a full disk (its few free pages hold less than a batch).
            try db.execute(sql: "PRAGMA max_page_count = \(pages)")
        }
        let log = CommitLog()
        let indexer = StoreIndexer(store: store, extractor: ParallelExtractor(extractor: Extractor(), jobs: 2), batchSize: 10,
                                   partSize: partSize, committed: { log.append($0) })
        for index in 0..<40 { indexer.add(document("big-\(index)", paragraphs: 100)) }
        XCTAssertThrowsError(try indexer.finish()) { error in
            XCTAssertTrue("\(error)".contains(path), "\(error)")
        }
        XCTAssertTrue(indexer.hasFailed)
        XCTAssertEqual(log.batches.count, 0)
        XCTAssertEqual(try store.pool.read { db in try String.fetchAll(db, sql: "SELECT id FROM documents") }, ["first"])
    }
}

/// Committed batches and notes recorded from other threads.
private final class CommitLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [StoreIndexer.CommittedBatch] = []

    private var written: [String] = []

    func append(_ batch: StoreIndexer.CommittedBatch) { lock.lock(); stored.append(batch); lock.unlock() }
    var batches: [StoreIndexer.CommittedBatch] { lock.lock(); defer { lock.unlock() }; return stored }
    func note(_ line: String) { lock.lock(); written.append(line); lock.unlock() }
    var notes: [String] { lock.lock(); defer { lock.unlock() }; return written }
}
