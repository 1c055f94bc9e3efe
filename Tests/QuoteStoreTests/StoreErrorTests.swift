import Foundation
import QuoteCore
import QuoteSchema
import QuoteStore
import XCTest

/// Store files that cannot be used: not a database, full, unwritable. Real SQLite errors only.
final class StoreErrorTests: TemporaryDirectoryTestCase {
    private let extractor = Extractor()

    private func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    /// `count` documents of about 6 KB each, ids `prefix0`, `prefix1`, ...
    private func documents(_ prefix: String, count: Int) -> [StoreDocument] {
        (0..<count).map { index in
            let paragraph = "\"Plan \(prefix) \(index) will cost more than the council said,\" Mayor Ines Carvalho said. "
            let text = String(repeating: paragraph + "The vote is on Monday. ", count: 50)
            let document = SourceDocument(id: "\(prefix)\(index)", text: text)
            return try! StoreDocument(document: document, result: extractor.extract(text: text, document: document.id))
        }
    }

    private func assertThrowsStoreError(_ expression: @autoclosure () throws -> Any, file: StaticString = #filePath,
                                        line: UInt = #line, _ check: (StoreError) -> Void) {
        XCTAssertThrowsError(try expression(), file: file, line: line) { error in
            guard let error = error as? StoreError else {
                return XCTFail("not a StoreError: \(error)", file: file, line: line)
            }
            check(error)
        }
    }

    func testAFileThatIsNotADatabaseIsNamedAndLeftAlone() throws {
        let notes = path("notes.sqlite")
        let content = Data(String(repeating: "these are my notes, not a database\n", count: 200).utf8)
        try content.write(to: URL(fileURLWithPath: notes))
        assertThrowsStoreError(try QuoteStore(path: notes)) { error in
            XCTAssertEqual(error, .notADatabase(path: notes))
            XCTAssertTrue(error.description.contains("'\(notes)'"), error.description)
        }
        XCTAssertEqual(FileManager.default.contents(atPath: notes), content)
    }

    func testAFullStoreRefusesTheWholeBatchAndKeepsEarlierOnes() throws {
        let file = path("full.sqlite")
        // 60 pages of 16 KiB: the schema and a few batches of 6 KB documents fit, the later ones do not.
        let store = try QuoteStore(path: file, maxPageCount: 60)
        var committed: Set<String> = []
        var committedQuotes = 0
        var failure: StoreError?
        for number in 0..<40 {
            let batch = documents("b\(number)-", count: 3)
            do {
                committedQuotes += try store.index(batch).quotes
                committed.formUnion(batch.map(\.id))
            } catch let error as StoreError {
                failure = error
                break
            }
        }
        XCTAssertEqual(failure, .full(path: file))
        XCTAssertTrue(failure?.description.contains("'\(file)'") ?? false)
        XCTAssertGreaterThanOrEqual(committed.count, 3, "not even one batch fitted")
        // Reopened without the cap: exactly the committed batches, and an intact file that takes more.
        let reopened = try QuoteStore(path: file)
        XCTAssertEqual(try reopened.documentIDs(), committed)
        let health = try reopened.health()
        XCTAssertTrue(health.isIntact, "\(health)")
        XCTAssertEqual(health.quotes, committedQuotes)
        try reopened.index(documents("after-", count: 3))
        XCTAssertEqual(try reopened.documentIDs().count, committed.count + 3)
    }

    func testUnwritableLocationsAreNamed() throws {
        let file = path("plain-file")
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        assertThrowsStoreError(try QuoteStore(path: file + "/quotes.sqlite")) { error in
            XCTAssertEqual(error, .cannotOpen(path: file + "/quotes.sqlite", reason: "'\(file)' is not a directory"))
        }
        let missing = path("no-such-directory/quotes.sqlite")
        assertThrowsStoreError(try QuoteStore(path: missing)) { error in
            XCTAssertEqual(error, .cannotOpen(path: missing, reason: "directory '\(path("no-such-directory"))' does not exist"))
            XCTAssertTrue(error.description.contains("'\(missing)'"), error.description)
        }
        assertThrowsStoreError(try QuoteStore(path: directory.path)) { error in
            XCTAssertEqual(error, .cannotOpen(path: directory.path, reason: "it is a directory"))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("no-such-directory")))
    }

    /// A store file the process may not write: mode 0444 for a normal user; root ignores modes,
    /// so as root the file is made immutable (`chattr +i`, ext4 and most local file systems).
    func testReadOnlyStoreFileRefusesBatchesAndKeepsItsContent() throws {
        let file = path("readonly.sqlite")
        do {
            let store = try QuoteStore(path: file)
            try store.index(documents("kept-", count: 2))
        }
        let root = getuid() == 0
        guard root ? run("/usr/bin/chattr", ["+i", file]) : chmod(file, 0o444) == 0 else {
            throw XCTSkip("cannot make \(file) read-only here")
        }
        defer { _ = root ? run("/usr/bin/chattr", ["-i", file]) : chmod(file, 0o644) == 0 }
        assertThrowsStoreError(try QuoteStore(path: file).index(documents("refused-", count: 2))) { error in
            guard case .readOnly(let path, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(path, file)
            XCTAssertTrue(error.description.contains("'\(file)' is read-only"), error.description)
        }
        _ = root ? run("/usr/bin/chattr", ["-i", file]) : chmod(file, 0o644) == 0
        XCTAssertEqual(try QuoteStore(path: file).documentIDs(), ["kept-0", "kept-1"])
    }

    private func run(_ tool: String, _ arguments: [String]) -> Bool {
        guard FileManager.default.isExecutableFile(atPath: tool) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
