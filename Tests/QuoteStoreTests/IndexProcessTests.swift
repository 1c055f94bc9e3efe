import Foundation
import QuoteStore
import XCTest

/// `quotes index` as a real child process: SIGKILL while it indexes, and its progress line with
/// and without a terminal. Uses the `quotes` binary that `swift build` put next to the tests.
final class IndexProcessTests: TemporaryDirectoryTestCase {

    /// A JSONL file of `count` short articles with ids `prefix0`..., each with two quotations.
    private func articles(_ name: String, prefix: String, count: Int) throws -> (path: String, ids: [String]) {
        let ids = (0..<count).map { "\(prefix)\($0)" }
        let lines = ids.enumerated().map { index, id in
            let text = "\"The ferry \(index) will run on time,\" Mayor Ines Carvalho said on Monday. "
                + "Her rival disagreed. \"Route \(index) is late every week,\" said Councillor Tom Baker."
            let object: [String: String] = ["id": id, "text": text]
            return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
        let path = directory.appendingPathComponent(name).path
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return (path, ids)
    }

    /// Starts `quotes index --log-batches` with its batch log on a pipe (`--batch` left at its
    /// default when `batch` is nil).
    private func startIndex(store: String, input: String, batch: Int?) throws -> (Process, FileHandle) {
        let process = Process()
        process.executableURL = try quotesBinary()
        process.arguments = ["index", "--db", store] + (batch.map { ["--batch", "\($0)"] } ?? [])
            + ["--jobs", "1", "--log-batches", input]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, output.fileHandleForReading)
    }

    /// Reads whole lines from `handle` until `count` have come or the pipe closes.
    private func readLines(_ handle: FileHandle, count: Int, into buffer: inout Data) -> [String] {
        while String(decoding: buffer, as: UTF8.self).filter({ $0 == "\n" }).count < count {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
        }
        return completeLines(buffer)
    }

    private func completeLines(_ data: Data) -> [String] {
        let lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
        return Array(lines.dropLast())
    }

    /// The batches of `ids` as `--batch size` forms them.
    private func batches(_ ids: [String], size: Int) -> [[String]] {
        stride(from: 0, to: ids.count, by: size).map { Array(ids[$0..<min($0 + size, ids.count)]) }
    }

    /// Asserts the store holds exactly the logged batches, or those and the whole next one.
    private func assertWholeBatches(store: String, logged: [String], expected: [[String]], prefix: String,
                                    file: StaticString = #filePath, line: UInt = #line) throws -> Set<String> {
        let loggedBatches = try logged.map { text -> [String] in
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            return try XCTUnwrap(object?["documents"] as? [String], file: file, line: line)
        }
        XCTAssertEqual(loggedBatches, Array(expected.prefix(loggedBatches.count)), "batches logged out of order", file: file, line: line)
        let quoteStore = try QuoteStore(path: store)
        let health = try quoteStore.health()
        XCTAssertTrue(health.isIntact, "\(health)", file: file, line: line)
        let stored = try quoteStore.documentIDs().filter { $0.hasPrefix(prefix) }
        let done = Set(expected.prefix(loggedBatches.count).joined())
        let withNext = done.union(expected.dropFirst(loggedBatches.count).first ?? [])
        XCTAssertTrue(stored == done || stored == withNext,
                      "\(stored.count) documents stored, not \(loggedBatches.count) whole batches (or one more)", file: file, line: line)
        return stored
    }

    func testKillAfterACommittedBatchLeavesExactlyWholeBatches() throws {
        let input = try articles("fresh.jsonl", prefix: "a", count: 600)
        let store = directory.appendingPathComponent("fresh.sqlite").path
        let (process, output) = try startIndex(store: store, input: input.path, batch: 10)
        var buffer = Data()
        _ = readLines(output, count: 2, into: &buffer)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        buffer.append(output.readDataToEndOfFile())
        XCTAssertEqual(process.terminationReason, .uncaughtSignal, "the run ended before the kill; make the input longer")
        let stored = try assertWholeBatches(store: store, logged: completeLines(buffer),
                                            expected: batches(input.ids, size: 10), prefix: "a")
        XCTAssertGreaterThanOrEqual(stored.count, 20)
        XCTAssertLessThan(stored.count, 600)
    }

    func testKillWhileReplacingEarlierDocumentsKeepsOldOrNewCopyOfEach() throws {
        // The same articles indexed first under other ids: each new document replaces an old one.
        let old = try articles("old.jsonl", prefix: "old", count: 300)
        let fresh = try articles("new.jsonl", prefix: "new", count: 300)
        let store = directory.appendingPathComponent("refill.sqlite").path
        let (first, _) = try startIndex(store: store, input: old.path, batch: 300)
        first.waitUntilExit()
        XCTAssertEqual(first.terminationStatus, 0)
        let (process, output) = try startIndex(store: store, input: fresh.path, batch: 10)
        // Random in the first part of the run: anywhere from opening the store to a few commits.
        usleep(UInt32.random(in: 0...150_000))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let logged = completeLines(output.readDataToEndOfFile())
        let stored = try assertWholeBatches(store: store, logged: logged, expected: batches(fresh.ids, size: 10), prefix: "new")
        let oldLeft = try QuoteStore(path: store).documentIDs().filter { $0.hasPrefix("old") }
        XCTAssertEqual(oldLeft.count + stored.count, 300, "a document lost both copies or kept both")
    }

    /// Without `--batch` a transaction ends at 4 MB of text or 10,000 documents: 1,500 short
    /// articles (~150 bytes each) are one batch, not two of 1,000 (the default until the
    /// twenty-third session, when each commit of short documents rewrote most of the indexes).
    func testShortDocumentsShareOneDefaultBatch() throws {
        let input = try articles("short.jsonl", prefix: "s", count: 1_500)
        let store = directory.appendingPathComponent("short.sqlite").path
        let (process, output) = try startIndex(store: store, input: input.path, batch: nil)
        let logged = completeLines(output.readDataToEndOfFile())
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        guard logged.count == 1 else { return XCTFail("\(logged.count) batches logged, not one") }
        _ = try assertWholeBatches(store: store, logged: logged, expected: [input.ids], prefix: "s")
    }

    func testProgressLineOnlyOnATerminal() throws {
        let lines = LineBox()
        let silent = IndexProgress(isTerminal: false) { lines.append($0) }
        var totals = QuoteStore.BatchSummary()
        totals.documents = 40
        totals.quotes = 90
        silent.update(totals, seconds: 2)
        silent.finish()
        XCTAssertEqual(lines.all, [])

        let shown = IndexProgress(isTerminal: true) { lines.append($0) }
        shown.update(totals, seconds: 2)
        totals.documents = 80
        shown.update(totals, seconds: 4)
        shown.finish()
        XCTAssertEqual(lines.all, ["\r40 documents, 90 quotations, 20 documents/s",
                                   "\r80 documents, 90 quotations, 20 documents/s", "\n"])
    }

    /// The real thing: through a pipe stderr has the summary only; under `script` (a
    /// pseudo-terminal) it has the progress line too.
    func testIndexShowsProgressOnATerminalOnly() throws {
        let binary = try quotesBinary()
        let input = try articles("progress.jsonl", prefix: "p", count: 30)
        let (_, pipedText) = try runQuotes(["index", "--db", directory.appendingPathComponent("piped.sqlite").path,
                                            "--batch", "10", input.path])
        XCTAssertTrue(pipedText.hasPrefix("indexed 30 documents"), pipedText)
        XCTAssertFalse(pipedText.contains("documents/s"), pipedText)

        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            throw XCTSkip("no script(1) to run the index under a pseudo-terminal")
        }
        let terminal = Process()
        terminal.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        let store = directory.appendingPathComponent("terminal.sqlite").path
        terminal.arguments = ["-qec", "'\(binary.path)' index --db '\(store)' --batch 10 '\(input.path)'", "/dev/null"]
        let screen = Pipe()
        terminal.standardOutput = screen
        terminal.standardInput = FileHandle.nullDevice
        try terminal.run()
        let screenText = String(decoding: screen.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        terminal.waitUntilExit()
        XCTAssertEqual(terminal.terminationStatus, 0, screenText)
        XCTAssertTrue(screenText.contains("\r30 documents, 60 quotations, "), screenText.debugDescription)
        XCTAssertTrue(screenText.contains("indexed 30 documents"), screenText)
    }
}

/// Lines written by a progress line under test.
private final class LineBox: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) {
        lock.withLock { lines.append(line) }
    }

    var all: [String] {
        lock.withLock { lines }
    }
}
