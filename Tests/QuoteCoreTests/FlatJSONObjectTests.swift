@testable import QuoteCore
import Foundation
import QuoteSchema
import XCTest

/// The JSONL fast path reads exactly what `JSONDecoder` reads, and leaves everything else to it.
final class FlatJSONObjectTests: XCTestCase {
    private func fast(_ bytes: [UInt8]) -> [String: JSONValue]? {
        bytes.withUnsafeBufferPointer(FlatJSONObject.fields)
    }

    private func decoded(_ bytes: [UInt8]) -> [String: JSONValue]? {
        guard case .object(let object)? = try? JSONDecoder().decode(JSONValue.self, from: Data(bytes)) else { return nil }
        return object
    }

    func testAcceptedLinesMatchTheDecoder() {
        let lines = [
            #"{"id": "a", "text": "One."}"#,
            #"{"id":"a","text":"O\u2019Malley said \u201chi\u201d \ud83d\ude00 \/ \\ \" \b\f\n\r\t","source":"x"}"#,
            "{ \"text\" :\t\"caf\u{E9} \u{1F600}\" ,\n\"id\" : \"\" }",
            #"{"text": "\u00e9\u00E9 \u0041 \u007f"}"#,
        ]
        for line in lines {
            let bytes = Array(line.utf8)
            XCTAssertNotNil(fast(bytes), line)
            XCTAssertEqual(fast(bytes), decoded(bytes), line)
        }
    }

    func testEverythingElseIsLeftToTheDecoder() {
        var lines: [[UInt8]] = [
            #"{}"#, #"{"id": 3, "text": "x"}"#, #"{"text": "x", "text": "y"}"#, #"{"text": "x"} x"#,
            #"{"text": "\ud83d"}"#, #"{"text": "\ude00"}"#, #"{"text": "\u0000"}"#, #"{"text": "\x"}"#,
            #"{"text": "x",}"#, #"["text"]"#, #"{"text": {"a": "b"}}"#, #"{"text": "x""#, #"{"text": "\u12"}"#,
            #"{"text" "x"}"#, #"{'text': 'x'}"#, #"{"text": null}"#,
        ].map { Array($0.utf8) }
        lines.append(Array(#"{"text": "a"#.utf8) + [0x09] + Array(#""}"#.utf8))
        lines.append(Array(#"{"text": "a"#.utf8) + [0xC3, 0x28] + Array(#""}"#.utf8))
        lines.append(Array(#"{"text": "a"#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8))
        for line in lines {
            XCTAssertNil(fast(line), String(decoding: line, as: UTF8.self))
        }
    }
}
