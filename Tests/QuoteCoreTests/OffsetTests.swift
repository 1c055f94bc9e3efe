import Foundation
import QuoteCore
import QuoteSchema
import XCTest

/// Offsets in code points (default), UTF-16 and UTF-8, checked against the text itself.
final class OffsetTests: XCTestCase {
    let text = "Émile 😀 Roux spoke. \"Ça va très bien 🎉,\" Roux said."

    func testCodePointOffsetsMatchUnicodeScalars() throws {
        let result = Extractor().extract(text: text, document: "d")
        let record = try XCTUnwrap(result.quotes.first { $0.type == .direct })
        let scalars = Array(text.unicodeScalars)
        let slice = String(String.UnicodeScalarView(scalars[record.quote.start..<record.quote.end]))
        XCTAssertEqual(slice, "Ça va très bien 🎉,")
        XCTAssertEqual(record.quote.text, slice)
        XCTAssertEqual(result.length, scalars.count)
    }

    func testUTF16AndUTF8Offsets() throws {
        let utf16 = try XCTUnwrap(Extractor(offsetUnit: .utf16).extract(text: text, document: "d").quotes.first)
        let units = Array(text.utf16)
        XCTAssertEqual(String(decoding: units[utf16.quote.start..<utf16.quote.end], as: UTF16.self), utf16.quote.text)
        let utf8 = try XCTUnwrap(Extractor(offsetUnit: .utf8).extract(text: text, document: "d").quotes.first)
        let bytes = Array(text.utf8)
        XCTAssertEqual(String(decoding: bytes[utf8.quote.start..<utf8.quote.end], as: UTF8.self), utf8.quote.text)
    }

    /// A text handed over as UTF-16 (as the JSONL reader decodes it for `quotes extract`) gives
    /// the result its string gives, in every offset unit.
    func testUTF16BodyGivesTheStringsResult() throws {
        let article = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Corpus/envoy-talks.txt"), encoding: .utf8)
        for unit in [OffsetUnit.codepoint, .utf16, .utf8] {
            let extractor = Extractor(offsetUnit: unit)
            for string in [text, article, ""] {
                let expected = extractor.extract(text: string, document: "d", metadata: ["k": .string("v")])
                let document = SourceDocument(id: "d", body: .utf16(UTF16Text(string)), metadata: ["k": .string("v")])
                XCTAssertEqual(extractor.extract(document), expected, "\(unit)")
                XCTAssertEqual(document.text, string)
                XCTAssertEqual(document.textSize, string.utf16.count * 2)
                XCTAssertEqual(SourceDocument(id: "d", text: string).textSize, string.utf8.count)
            }
        }
        XCTAssertFalse(Extractor().extract(SourceDocument(id: "d", body: .utf16(UTF16Text(text)))).quotes.isEmpty)
    }

    func testIDsAreStableAndDistinct() {
        let first = Extractor().extract(text: text, document: "d").quotes.map(\.id)
        let second = Extractor().extract(text: text, document: "other").quotes.map(\.id)
        XCTAssertEqual(first, second)
        XCTAssertEqual(Set(first).count, first.count)
    }
}
