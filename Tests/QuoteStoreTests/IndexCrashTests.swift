import Foundation
import GRDB
import XCTest

/// Kills a real `quotes index` child process mid-run and checks the store it leaves.
/// (Tools/store-kill-trials.sh runs the same check at many random points on the dev set.)
final class IndexCrashTests: XCTestCase {
    /// The `quotes` executable built beside the test bundle.
    private var quotesBinary: URL? {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("quotes")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return nil
    }

    func testKilledIndexLeavesWholeBatchesAndAnIntactStore() throws {
        guard let binary = quotesBinary else { throw XCTSkip("the quotes executable is not built beside the tests") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("quotes-crash-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        // 400 small articles, indexed 10 to a transaction.
        let ids = (0..<400).map { "article-\($0)" }
        var lines = ""
        for id in ids {
            let text = (0..<6).map { "\"The pier \($0) in \(id) needs work,\" Mayor Ines Carvalho said. The council said it would vote on the plan." }
                .joined(separator: "\n\n")
            let data = try JSONSerialization.data(withJSONObject: ["id": id, "text": text])
            lines += String(decoding: data, as: UTF8.self) + "\n"
        }
        let input = directory.appendingPathComponent("articles.jsonl")
        try lines.write(to: input, atomically: true, encoding: .utf8)
        let store = directory.appendingPathComponent("quotes.sqlite")

        let process = Process()
        process.executableURL = binary
        process.arguments = ["index", "--db", store.path, "--batch", "10", "--jobs", "1", input.path]
        process.standardError = FileHandle.nullDevice
        try process.run()

        // Wait, reading the store while the child writes it (WAL), until some batches committed.
        var committed = 0
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, committed < 30, Date() < deadline {
            if FileManager.default.fileExists(atPath: store.path),
               let queue = try? DatabaseQueue(path: store.path),
               let count = try? queue.read({ db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") }) {
                committed = count ?? 0
            }
            usleep(2_000)
        }
        let killedMidRun = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()

        let queue = try DatabaseQueue(path: store.path)
        try queue.read { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA integrity_check"), "ok")
            let stored = try String.fetchAll(db, sql: "SELECT id FROM documents")
            XCTAssertTrue(stored.count % 10 == 0 || stored.count == ids.count, "partial batch: \(stored.count) documents")
            XCTAssertEqual(Set(stored), Set(ids.prefix(stored.count)), "documents are not the first whole batches")
            XCTAssertGreaterThanOrEqual(stored.count, committed)
            XCTAssertEqual(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM quotes"),
                           try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM quotes_fts"))
            XCTAssertEqual(try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM quotes q LEFT JOIN documents d ON d.id = q.document_id WHERE d.id IS NULL
                """), 0)
        }
        XCTAssertTrue(killedMidRun, "the index run finished before it could be killed; make the input larger")
    }
}
