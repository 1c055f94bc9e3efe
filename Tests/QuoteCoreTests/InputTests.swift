import Foundation
import QuoteCore
import QuoteSchema
import XCTest

/// Bad input gets a clear error naming the file; other inputs go on.
final class InputTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("quotes-input-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func write(_ name: String, _ bytes: [UInt8]) -> String {
        let url = directory.appendingPathComponent(name)
        XCTAssertTrue(FileManager.default.createFile(atPath: url.path, contents: Data(bytes)), url.path)
        return url.path
    }

    private func read(_ paths: [String], format: InputFormat = .auto) -> ([SourceDocument], [InputError]) {
        var documents: [SourceDocument] = []
        var errors: [InputError] = []
        DocumentReader(format: format).read(paths, emit: { documents.append($0) }, fail: { errors.append($0) })
        return (documents, errors)
    }

    /// Text files read into UTF-16 (`readsUTF16`, as `quotes extract` reads them) give the
    /// texts, errors and diagnostics that strings give: UTF-8 with and without a byte-order mark,
    /// UTF-16, invalid UTF-8, a NUL byte, and blank texts (white space beyond ASCII too; a lone
    /// zero-width space is no white space).
    func testTextFilesReadIntoUTF16AreTheStringsTexts() {
        let files: [(String, [UInt8])] = [
            ("plain.txt", Array("\"Fine,\" she said. Caf\u{E9} \u{1F600} \u{201C}x\u{201D}".utf8)),
            ("bom.txt", [0xEF, 0xBB, 0xBF] + Array("Hi \u{2019}".utf8)),
            ("wide.txt", [0xFF, 0xFE, 0x48, 0x00, 0x69, 0x00, 0x3D, 0xD8, 0x00, 0xDE]),
            ("bad.txt", Array("Hello \u{E9}".utf8) + [0xE0, 0x9F, 0x80] + Array(" world".utf8)),
            ("cut.txt", Array("Hello".utf8) + [0xF0, 0x9F, 0x98]),
            ("nul.txt", Array("He".utf8) + [0x00] + Array("llo".utf8)),
            ("blank.txt", Array(" \n\t\r\n ".utf8)),
            ("wideblank.txt", Array("\u{2028} \u{A0}\u{3000}".utf8)),
            ("zwsp.txt", Array("\u{200B}".utf8)),
            ("empty.txt", []),
        ]
        let paths = files.map { write($0.0, $0.1) }
        var results: [[String]] = []
        for readsUTF16 in [false, true] {
            var found: [String] = []
            DocumentReader(readsUTF16: readsUTF16).read(paths, emit: { document in
                if case .utf16 = document.body { XCTAssertTrue(readsUTF16) }
                let diagnostics = document.diagnostics.map(\.code).joined(separator: ",")
                found.append("\(document.id) | \(document.text.debugDescription) | \(diagnostics)")
            }, fail: { error in
                found.append("error: \(error)")
            })
            results.append(found)
        }
        XCTAssertEqual(results[1], results[0])
        XCTAssertEqual(results[0].count, files.count)
        XCTAssertTrue(results[0].contains { $0.contains("blank.txt") && $0.hasSuffix("empty-document") })
        XCTAssertTrue(results[0].contains { $0.contains("wideblank.txt") && $0.hasSuffix("empty-document") })
        XCTAssertTrue(results[0].contains { $0.contains("zwsp.txt") && $0.hasSuffix("| ") })
        XCTAssertEqual(results[0].filter { $0.hasPrefix("error") }.count, 3)
    }

    func testInvalidUTF8ReportsByteOffsetAndOtherFilesContinue() {
        let bad = write("bad.txt", Array("Hello ".utf8) + [0xC3, 0x28] + Array(" world".utf8))
        let good = write("good.txt", Array("\"Fine,\" she said.".utf8))
        let (documents, errors) = read([bad, good])
        XCTAssertEqual(errors, [.invalidUTF8(path: bad, byteOffset: 6)])
        XCTAssertTrue(errors[0].description.contains("bad.txt"))
        XCTAssertTrue(errors[0].description.contains("byte offset 6"))
        XCTAssertEqual(documents.map(\.id), [good])
    }

    func testBinaryFileIsRejected() {
        let binary = write("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01])
        let (_, errors) = read([binary])
        XCTAssertEqual(errors, [.binaryFile(path: binary, byteOffset: 4)])
    }

    func testMissingFileAndEmptyDirectory() {
        let empty = directory.appendingPathComponent("empty")
        try? FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let (_, errors) = read([directory.appendingPathComponent("nope.txt").path, empty.path])
        XCTAssertEqual(errors.count, 2)
        XCTAssertTrue(errors[0].description.contains("nope.txt: no such file"))
        XCTAssertTrue(errors[1].description.contains("holds no articles"))
    }

    func testBrokenJSONLLineIsReportedWithItsNumber() {
        let path = write("docs.jsonl", Array("""
        {"id": "a", "text": "One.", "source": "x"}
        {"id": "b", "text": "Two
        {"id": 3, "text": "Three."}
        {"id": "d"}
        """.utf8))
        let (documents, errors) = read([path])
        XCTAssertEqual(documents.map(\.id), ["a", "3"])
        XCTAssertEqual(documents[0].metadata?["source"], .string("x"))
        XCTAssertEqual(errors.count, 2)
        if case .brokenJSONLine(_, let line, _) = errors[0] { XCTAssertEqual(line, 2) } else { XCTFail("\(errors[0])") }
        XCTAssertEqual(errors[1], .missingText(path: path, line: 4))
    }

    /// Ids and texts are the same whether the reader keeps metadata (its lines read into a
    /// dictionary) or drops it (the two fields read alone): a string or number id, none (the
    /// path and line), keys written with escapes, and a text that is missing or no string.
    func testIDsAndTextsAreTheSameWithAndWithoutMetadata() {
        let path = write("ids.jsonl", Array(#"""
        {"id": "a", "text": "One.", "source": "x"}
        {"text": "No id."}
        {"id": 3, "text": "Three."}
        {"id": 2.5, "text": "Two and a half."}
        {"id": null, "text": "Null id."}
        {"id": "e", "text": "Escaped keys."}
        {"id": "f", "texts": "Not the text."}
        {"id": "g", "text": 7}
        {"idx": "h", "text": "Not the id."}
        {"id": "u", "text": "Caf\u00e9 \ud83d\ude00 \"😀é\" “x”"}
        """#.utf8))
        var results: [[String]] = []
        var utf16Bodies = 0
        // With metadata; without; without and with texts read into UTF-16.
        for (keepsMetadata, readsUTF16) in [(true, false), (false, false), (false, true)] {
            var found: [String] = []
            DocumentReader(format: .jsonl, keepsMetadata: keepsMetadata, readsUTF16: readsUTF16).read([path], emit: { document in
                // Lines the fast reader leaves to the decoder ("id": 2.5) still give strings.
                if case .utf16 = document.body {
                    XCTAssertTrue(readsUTF16)
                    utf16Bodies += 1
                }
                found.append(document.id + " | " + document.text)
            }, fail: { error in
                found.append("error: \(error)")
            })
            results.append(found)
        }
        XCTAssertEqual(utf16Bodies, 7)  // all but the line of "id": 2.5 and the two without a string text
        XCTAssertEqual(results[0], [
            "a | One.", "\(path):2 | No id.", "3 | Three.", "2.5 | Two and a half.", "\(path):5 | Null id.",
            "e | Escaped keys.", "error: \(InputError.missingText(path: path, line: 7))",
            "error: \(InputError.missingText(path: path, line: 8))", "\(path):9 | Not the id.",
            "u | Caf\u{E9} \u{1F600} \"\u{1F600}\u{E9}\" \u{201C}x\u{201D}",
        ])
        XCTAssertEqual(results[1], results[0])
        XCTAssertEqual(results[2], results[0])
    }

    /// Lines are found across the reader's 1 MB chunks: a line longer than a chunk, a line
    /// feed right at a chunk's end, CRLF, blank lines and no line feed after the last line.
    func testJSONLLinesAcrossChunksKeepTheirNumbersAndText() {
        let long = String(repeating: "Officials said the plan works. ", count: 90_000)  // 2.8 MB
        // 25 bytes before the text, 2 after it and the line feed: the first line is exactly one chunk.
        var content = "{\"id\": \"first\", \"text\": \"" + String(repeating: "a", count: (1 << 20) - 28) + "\"}\n"
        content += "{\"id\": \"long\", \"text\": \"\(long)\"}\r\n\n"
        content += "{\"text\": \"End.\"}"  // no id: named by its line, the fourth
        XCTAssertEqual(content.utf8.firstIndex(of: 0x0A).map { content.utf8.distance(from: content.utf8.startIndex, to: $0) }, (1 << 20) - 1)
        let path = write("chunks.jsonl", Array(content.utf8))
        let (documents, errors) = read([path])
        XCTAssertEqual(errors, [])
        XCTAssertEqual(documents.map(\.id), ["first", "long", "\(path):4"])
        XCTAssertEqual(documents[1].text, long)
        XCTAssertEqual(documents[2].text, "End.")
        XCTAssertEqual(documents[0].text.utf8.count, (1 << 20) - 28)
    }

    /// A JSONL file's byte-order mark is not part of its first line.
    func testJSONLFileBOMIsRemoved() {
        let path = write("bom.jsonl", [0xEF, 0xBB, 0xBF] + Array("{\"id\": \"a\", \"text\": \"One.\"}\n{\"id\": \"b\", \"text\": \"Two.\"}".utf8))
        let (documents, errors) = read([path])
        XCTAssertEqual(errors, [])
        XCTAssertEqual(documents.map(\.id), ["a", "b"])
        XCTAssertEqual(documents.map(\.text), ["One.", "Two."])
    }

    /// A line that is not JSON is reported with the byte and the reason, the same whether the
    /// reader keeps metadata or not (found by FuzzJSONL: the decoder named a different key on
    /// different runs).
    func testBrokenJSONLLineNamesByteAndReason() {
        let path = write("broken.jsonl", Array("{\"id\": \"a\", \"text\": \"x\", \"n\": -06}\n".utf8)
                         + Array("{\"id\": \"b\", \"meta\": {\"t\": \"di".utf8) + [0x00] + Array("ct\"}, \"text\": \"y\"}\n".utf8)
                         + Array("{\"id\": \"c\", \"text\": \"z\" \"w\"}\n".utf8))
        var reasons: [[String]] = []
        for (keepsMetadata, readsUTF16) in [(true, false), (false, false), (false, true)] {
            var found: [String] = []
            DocumentReader(format: .jsonl, keepsMetadata: keepsMetadata, readsUTF16: readsUTF16).read([path], emit: { _ in }, fail: { error in
                if case .brokenJSONLine(_, _, let reason) = error { found.append(reason) }
            })
            reasons.append(found)
        }
        XCTAssertEqual(reasons[0], ["at byte 31: a number with a leading zero",
                                    "at byte 30: a raw control character (U+0000) in a string; JSON needs it escaped",
                                    "at byte 25: expected ',' or '}', found '\"'"])
        XCTAssertEqual(reasons[1], reasons[0])
        XCTAssertEqual(reasons[2], reasons[0])
    }

    func testBOMIsRemovedAndUTF16IsAccepted() {
        let utf8 = write("bom.txt", [0xEF, 0xBB, 0xBF] + Array("Hi".utf8))
        let utf16 = write("wide.txt", [0xFF, 0xFE, 0x48, 0x00, 0x69, 0x00])
        let (documents, errors) = read([utf8, utf16])
        XCTAssertEqual(errors, [])
        XCTAssertEqual(documents.map(\.text), ["Hi", "Hi"])
    }

    func testUTF16IsDecodedStrictly() {
        // "Hi 😀" little-endian (a surrogate pair), and big-endian.
        let pair = write("pair.txt", [0xFF, 0xFE, 0x48, 0x00, 0x69, 0x00, 0x20, 0x00, 0x3D, 0xD8, 0x00, 0xDE])
        let big = write("big.txt", [0xFE, 0xFF, 0x00, 0x48, 0x00, 0x69])
        // A binary file that starts with FF FE: an odd length, or NUL units.
        let odd = write("odd.bin.txt", [0xFF, 0xFE, 0x48, 0x00, 0x69])
        let nul = write("nul.txt", [0xFF, 0xFE, 0x48, 0x00, 0x00, 0x00, 0x69, 0x00])
        // A high surrogate followed by a letter.
        let lone = write("lone.txt", [0xFF, 0xFE, 0x48, 0x00, 0x3D, 0xD8, 0x69, 0x00])
        let (documents, errors) = read([pair, big, odd, nul, lone])
        XCTAssertEqual(documents.map(\.text), ["Hi \u{1F600}", "Hi"])
        XCTAssertEqual(errors.map(\.description), [
            "\(odd): cannot read: invalid UTF-16: 5 bytes with a byte-order mark, an odd number",
            "\(nul): looks like a binary file (NUL byte at byte offset 4), not text",
            "\(lone): cannot read: invalid UTF-16 at byte offset 4: a surrogate without its other half",
        ])
    }

    func testEmptyDocumentGetsADiagnostic() {
        let empty = write("empty.txt", [])
        let (documents, errors) = read([empty])
        XCTAssertEqual(errors, [])
        XCTAssertEqual(documents.first?.diagnostics.map(\.code), ["empty-document"])
    }

    func testDirectoryIsSearchedRecursivelyInOrder() {
        let sub = directory.appendingPathComponent("b")
        try? FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        _ = write("a.txt", Array("A".utf8))
        XCTAssertTrue(FileManager.default.createFile(atPath: sub.appendingPathComponent("c.txt").path, contents: Data("C".utf8)))
        _ = write("skip.md", Array("M".utf8))
        let (documents, _) = read([directory.path])
        XCTAssertEqual(documents.map(\.text), ["A", "C"])
    }
}
