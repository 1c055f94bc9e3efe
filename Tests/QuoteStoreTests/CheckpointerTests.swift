import Foundation
import GRDB
import QuoteCore
import QuoteSchema
@testable import QuoteStore
import XCTest

/// The store's log is copied into its file while indexing goes on: on the checkpointer's thread
/// past the lower threshold, by the committing connection past the higher one. The store holds
/// the same rows either way, and the log is gone once the store closes.
final class CheckpointerTests: TemporaryDirectoryTestCase {
    private let extractor = Extractor()

    /// Indexes `batches` batches of five new documents (~20 KB each, one quotation each), one
    /// transaction each, numbered from `first`.
    private func index(_ batches: Int, from first: Int = 0, into store: QuoteStore) throws {
        for batch in first..<(first + batches) {
            let documents = (0..<5).map { number -> (document: SourceDocument, result: DocumentResult) in
                let id = "pier-\(batch)-\(number)"
                let text = "\"Pier \(number) of batch \(batch) reopens in spring,\" Harbour Master Ada Quist said.\n\n"
                    + String(repeating: "The ferry timetable for the quay was printed again. ", count: 400)
                return (SourceDocument(id: id, text: text, metadata: nil), extractor.extract(text: text, document: id))
            }
            try store.index(documents)
        }
    }

    private func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Every row is there, the file is sound, and no log is left once the store is gone.
    private func assertComplete(_ path: String, documents: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"), "the log is removed at the close", file: file, line: line)
        let reopened = try QuoteStore(path: path)
        let health = try reopened.health()
        XCTAssertTrue(health.isIntact, "\(health)", file: file, line: line)
        XCTAssertEqual(health.documents, documents, file: file, line: line)
        XCTAssertEqual(health.quotes, documents, file: file, line: line)
    }

    /// Opens a store whose checkpointer has these thresholds, indexes six batches (30
    /// documents), runs `check` with the size the file had before them, and checks the closed store.
    private func indexSixBatches(background: Int32, foreground: Int32,
                                 check: (_ checkpointer: Checkpointer, _ path: String, _ emptyFile: Int) throws -> Void) throws {
        let path = directory.appendingPathComponent("q.sqlite").path
        do {
            let checkpointer = Checkpointer(path: path, backgroundFrames: background, foregroundFrames: foreground)
            let store = try QuoteStore(path: path, checkpointer: checkpointer)
            let emptyFile = fileSize(path)
            try index(6, into: store)
            try check(checkpointer, path, emptyFile)
        }
        try assertComplete(path, documents: 30)
    }

    func testCommitsPastTheLowerThresholdAreCopiedByTheCheckpointersThread() throws {
        try indexSixBatches(background: 4, foreground: 1_000_000) { checkpointer, path, emptyFile in
            checkpointer.waitUntilIdle()
            let statistics = checkpointer.statistics
            XCTAssertGreaterThan(statistics.runs, 0)
            XCTAssertEqual(statistics.lastCode, 0, "SQLITE_OK")
            XCTAssertGreaterThan(statistics.lastFrames.log, 0)
            XCTAssertEqual(statistics.lastFrames.copied, statistics.lastFrames.log, "the whole log, no reader in the way")
            XCTAssertEqual(statistics.foregroundRuns, 0)
            // The pages are in the database file itself before the store closes.
            XCTAssertGreaterThan(fileSize(path), emptyFile + 20 * 16_384)
        }
    }

    func testCommitsPastTheHigherThresholdCheckpointOnTheirOwnConnection() throws {
        try indexSixBatches(background: 4, foreground: 4) { checkpointer, path, emptyFile in
            XCTAssertEqual(checkpointer.statistics.runs, 0, "the thread was never asked")
            XCTAssertGreaterThanOrEqual(checkpointer.statistics.foregroundRuns, 6, "each commit (and the migrations)")
            XCTAssertGreaterThan(fileSize(path), emptyFile + 20 * 16_384)
        }
    }

    func testBelowTheLowerThresholdTheLogWaitsForTheClose() throws {
        try indexSixBatches(background: 1_000_000, foreground: 1_000_000) { checkpointer, path, emptyFile in
            XCTAssertEqual(checkpointer.statistics.runs, 0)
            XCTAssertEqual(checkpointer.statistics.foregroundRuns, 0)
            XCTAssertEqual(fileSize(path), emptyFile, "nothing copied before the close")
            XCTAssertGreaterThan(fileSize(path + "-wal"), 20 * 16_384)
        }
    }

    /// A reader holding a snapshot keeps the log from being copied past it; the writer goes on,
    /// the reader still sees its snapshot, and the store is complete in the end.
    func testAnOpenReadDoesNotStopTheWriterNorTheCheckpoints() throws {
        let path = directory.appendingPathComponent("q.sqlite").path
        do {
            let checkpointer = Checkpointer(path: path, backgroundFrames: 4, foregroundFrames: 64)
            let store = try QuoteStore(path: path, checkpointer: checkpointer)
            try index(2, into: store)
            let reader = try DatabaseQueue(path: path)
            try reader.read { db in
                XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents"), 10)
                try index(6, from: 2, into: store)
                checkpointer.waitUntilIdle()
                XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents"), 10, "its snapshot")
            }
            try reader.close()
            try index(1, from: 8, into: store)
            checkpointer.waitUntilIdle()
            XCTAssertEqual(checkpointer.statistics.lastCode, 0)
            XCTAssertGreaterThan(checkpointer.statistics.foregroundRuns, 0, "the log passed 64 frames behind the reader")
        }
        try assertComplete(path, documents: 45)
    }

    func testStoppingWithoutAThreadOrTwiceReturns() {
        let checkpointer = Checkpointer(path: directory.appendingPathComponent("none.sqlite").path)
        checkpointer.stop()
        checkpointer.request()
        checkpointer.stop()
        XCTAssertEqual(checkpointer.statistics.runs, 0, "no thread after the stop")
    }

    /// A file that cannot be opened makes the thread report it; nothing else happens.
    func testACheckpointOfAMissingFileReportsThatItCouldNotOpen() {
        let checkpointer = Checkpointer(path: directory.appendingPathComponent("missing/none.sqlite").path)
        checkpointer.request()
        checkpointer.waitUntilIdle()
        XCTAssertEqual(checkpointer.statistics.lastCode, 14, "SQLITE_CANTOPEN")
        checkpointer.stop()
    }
}
