import XCTest
import QuoteSchema
@testable import QuoteEvaluation

/// Reading the gold JSONL: lenient decoding, and broken lines reported with their numbers while
/// the other lines load.
final class GoldReaderTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("QuoteEvaluationTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func write(_ lines: [String], name: String = "gold.jsonl") throws -> String {
        let url = directory.appendingPathComponent(name)
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func testLenientDecoding() throws {
        // Unknown fields everywhere, a null speaker and cue, no fragment fields, numeric
        // attribution id, and code-point offsets after an emoji (3..<7 is "Yes,", 9..<11 "he").
        let line = #"{"id": "d1", "source": "synthetic", "text": "👍 “Yes,” he said.", "extra": {"a": [1, 2]}, "#
            + #""quotes": [{"start": 3, "end": 7, "text": "Yes,", "type": "direct", "speaker": {"text": "he", "start": 9, "end": 11}, "#
            + #""cue": null, "attribution_id": 7, "fragment": [1, 1], "start_with_marks": 2, "end_with_marks": 8, "speaker_name": "X"}, "#
            + #"{"start": 9, "end": 16, "text": "he said", "type": "indirect", "speaker": null}], "#
            + #""meta": {"publisher": "daily", "publication_date": "2016-01-02", "author": ["A", "B"]}}"#
        let path = try write([line])
        let (documents, errors) = try GoldReader.read(path: path)
        XCTAssertEqual(errors, [])
        XCTAssertEqual(documents.count, 1)
        let doc = documents[0]
        XCTAssertEqual(doc.publisher, "daily")
        XCTAssertEqual(doc.meta?.publicationDate, "2016-01-02")
        XCTAssertEqual(doc.meta?.fields["author"], .array([.string("A"), .string("B")]))
        XCTAssertEqual(doc.quotes.count, 2)
        XCTAssertEqual(doc.quotes[0].speaker, GoldSpan(text: "he", start: 9, end: 11))
        XCTAssertNil(doc.quotes[0].cue)
        XCTAssertEqual(doc.quotes[0].attributionID, "7")
        XCTAssertEqual(doc.quotes[0].fragment, [1, 1])
        XCTAssertEqual(doc.quotes[0].startWithMarks, 2)
        XCTAssertNil(doc.quotes[1].speaker)
        XCTAssertNil(doc.quotes[1].fragment)
        XCTAssertEqual(doc.quotes[1].type, .indirect)
    }

    func testBrokenLinesAreReportedWithLineNumbersAndTheRestLoads() throws {
        let lines = [
            #"{"id": "d1", "text": "“Go,” she said.", "quotes": [{"start": 1, "end": 4, "text": "Go,", "type": "direct", "speaker": null}]}"#,
            #"{"id": "d2", "text": "truncated"#,
            "",
            #"{"id": "d3", "text": "No quotes field at all."}"#,
            #"{"id": "d4", "text": "Short.", "quotes": [{"start": 2, "end": 40, "text": "", "type": "direct", "speaker": null}]}"#,
            #"{"id": "d5", "text": "Some text.", "quotes": [{"start": 0, "end": 4, "text": "Some", "type": "paraphrase", "speaker": null}]}"#,
            #"{"id": "d1", "text": "Same id again."}"#,
            #"{"id": "d6", "text": "Hello there.", "quotes": [{"start": 0, "end": 5, "text": "Howdy", "type": "indirect", "speaker": null}]}"#,
            #"{"text": "No id."}"#,
        ]
        let path = try write(lines)
        let (documents, errors) = try GoldReader.read(path: path)
        XCTAssertEqual(documents.map(\.id), ["d1", "d3"])
        XCTAssertEqual(documents[1].quotes, [])
        XCTAssertNil(documents[1].meta)
        XCTAssertEqual(documents[1].publisher, "unknown")
        XCTAssertEqual(errors.map(\.line), [2, 5, 6, 7, 8, 9])

        let messages = errors.map(\.description)
        XCTAssertTrue(messages[0].hasPrefix("\"\(path)\" line 2: invalid gold record"), messages[0])
        guard case .invalidJSON = errors[0] else { return XCTFail("line 2: \(errors[0])") }
        guard case .invalidOffsets(_, 5, "d4", _, 2, 40, 6) = errors[1] else { return XCTFail("line 5: \(errors[1])") }
        XCTAssertTrue(messages[1].contains("2..<40"), messages[1])
        XCTAssertTrue(messages[2].contains("\"paraphrase\""), messages[2])
        XCTAssertEqual(errors[3], .duplicateID(path: path, line: 7, id: "d1", firstLine: 1))
        XCTAssertTrue(messages[4].contains("\"Howdy\"") && messages[4].contains("\"Hello\""), messages[4])
        XCTAssertTrue(messages[5].contains("missing field \"id\""), messages[5])
    }

    func testOffsetsThatAreNoWholeNumbersAndBadFragmentsAreNamed() throws {
        let lines = [
            #"{"id": "n1", "text": "Hello there.", "quotes": [{"start": 1e30, "end": 3, "type": "direct"}]}"#,
            #"{"id": "n2", "text": "Hello there.", "quotes": [{"start": 0, "end": 5, "type": "direct", "speaker": {"start": 6, "end": 7.5}}]}"#,
            #"{"id": "f1", "text": "Hello there.", "quotes": [{"start": 0, "end": 5, "type": "direct", "fragment": [5, 2]}]}"#,
            #"{"id": "f2", "text": "Hello there.", "quotes": [{"start": 0, "end": 5, "type": "direct", "fragment": [-1, 2]}]}"#,
            #"{"id": "f3", "text": "Hello there.", "quotes": [{"start": 0, "end": 5, "type": "direct", "fragment": "first"}]}"#,
            #"{"id": "ok", "text": "Hello there.", "quotes": [{"start": 0, "end": 5, "type": "direct", "fragment": [1, 2]}, {"start": 6, "end": 11, "type": "direct", "fragment": [2, 2]}]}"#,
        ]
        let path = try write(lines)
        let (documents, errors) = try GoldReader.read(path: path)
        XCTAssertEqual(documents.map(\.id), ["ok"])
        XCTAssertEqual(documents[0].quotes[0].fragment, [1, 2])
        let messages = errors.map(\.description)
        XCTAssertEqual(messages.count, 5)
        XCTAssertTrue(messages[0].hasSuffix("invalid gold record: `quotes[0].start` is 1e+30, not a whole-number offset"), messages[0])
        XCTAssertTrue(messages[1].hasSuffix("invalid gold record: `quotes[0].speaker.end` is 7.5, not a whole-number offset"), messages[1])
        XCTAssertEqual(errors[2], .invalidFragment(path: path, line: 3, id: "f1", quoteIndex: 0, fragment: [5, 2]))
        XCTAssertTrue(messages[2].hasSuffix("quote 0 fragment [5, 2] is not [i, n] with n >= 1 and 0 <= i <= n"), messages[2])
        XCTAssertEqual(errors[3], .invalidFragment(path: path, line: 4, id: "f2", quoteIndex: 0, fragment: [-1, 2]))
        XCTAssertTrue(messages[4].contains("`quotes[0].fragment`"), messages[4])
    }

    func testUnreadableFileThrows() {
        let path = directory.appendingPathComponent("absent.jsonl").path
        XCTAssertThrowsError(try GoldReader.read(path: path)) { error in
            guard case GoldReadError.unreadableFile(let reported, _) = error else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(reported, path)
            XCTAssertTrue(String(describing: error).contains("\"\(path)\""))
        }
    }

    func testWindowsLineEndingsAndInvalidUTF8() {
        var data = Data(#"{"id": "w1", "text": "One."}"#.utf8)
        data.append(contentsOf: [0x0D, 0x0A, 0xFF, 0xFE, 0x0A])
        data.append(Data(#"{"id": "w2", "text": "Two."}"#.utf8))
        let (documents, errors) = GoldReader.read(data: data, path: "mem.jsonl")
        XCTAssertEqual(documents.map(\.id), ["w1", "w2"])
        XCTAssertEqual(errors, [.invalidEncoding(path: "mem.jsonl", line: 2)])
    }
}
