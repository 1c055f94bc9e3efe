import Foundation
import GRDB
import QuoteCore
import QuoteSchema
@testable import QuoteStore
import XCTest

/// Stores that cannot be opened or written: typed errors naming the file, no partial batch.
final class StoreFailureTests: StoreTestCase {

    private func batch(_ ids: [String], paragraphs: Int = 1) -> [(document: SourceDocument, result: DocumentResult)] {
        ids.map { id in
            let text = (0..<paragraphs).map { "\"We will rebuild pier \($0) of \(id),\" Mayor Ines Carvalho said." }
                .joined(separator: "\n\n")
            return (SourceDocument(id: id, text: text, metadata: nil), Extractor().extract(text: text, document: id))
        }
    }

    private func count(_ store: QuoteStore, _ sql: String) throws -> Int {
        try store.pool.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }

    /// SQLite's page limit gives a real SQLITE_FULL, as a full disk does.
    func testFullStoreRollsBackTheBatchAndKeepsEarlierBatches() throws {
        let path = directory.appendingPathComponent("full.sqlite").path
        let store = try QuoteStore(path: path)
        try store.index(batch(["kept"]))
        try store.pool.write { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages + 2)")
        }
        XCTAssertThrowsError(try store.index(batch((0..<50).map { "lost-\($0)" }, paragraphs: 40))) { error in
            guard case .writeFailed(let failedPath, let reason)? = error as? StoreError else {
                return XCTFail("unexpected error \(error)")
            }
            XCTAssertEqual(failedPath, path)
            XCTAssertTrue(reason.contains("full"), reason)
            XCTAssertTrue("\(error)".contains(path))
        }
        XCTAssertEqual(try count(store, "SELECT COUNT(*) FROM documents"), 1)
        XCTAssertEqual(try count(store, "SELECT COUNT(*) FROM documents WHERE id LIKE 'lost-%'"), 0)
        XCTAssertEqual(try count(store, "SELECT COUNT(*) FROM quotes"), try count(store, "SELECT COUNT(*) FROM quotes_fts"))
        XCTAssertEqual(try store.pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") }, "ok")
    }

    func testFileThatIsNoDatabaseIsReportedWithItsPath() throws {
        let path = directory.appendingPathComponent("notes.sqlite").path
        try Data(String(repeating: "not a database\n", count: 500).utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try QuoteStore(path: path)) { error in
            guard case .cannotOpen(let failedPath, _)? = error as? StoreError else { return XCTFail("unexpected error \(error)") }
            XCTAssertEqual(failedPath, path)
            XCTAssertTrue("\(error)".contains("'\(path)'"), "\(error)")
            XCTAssertTrue("\(error)".contains("not an SQLite database"), "\(error)")
        }
    }

    func testStoreInMissingDirectoryIsReportedWithItsPath() {
        let path = directory.appendingPathComponent("no/such/dir/q.sqlite").path
        XCTAssertThrowsError(try QuoteStore(path: path)) { error in
            XCTAssertTrue("\(error)".hasPrefix("cannot open store '\(path)'"), "\(error)")
        }
    }
}
