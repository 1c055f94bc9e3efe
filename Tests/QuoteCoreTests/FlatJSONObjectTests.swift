import CQuoteScan
@testable import QuoteCore
import Foundation
import QuoteSchema
import XCTest

/// The JSONL fast path reads exactly what `JSONDecoder` reads, and leaves everything else to it.
final class FlatJSONObjectTests: XCTestCase {
    private func fast(_ bytes: [UInt8]) -> [String: JSONValue]? {
        bytes.withUnsafeBufferPointer(FlatJSONObject.fields)
    }

    private func nested(_ bytes: [UInt8]) -> [String: JSONValue]? {
        bytes.withUnsafeBufferPointer(FlatJSONObject.nestedFields)
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

    func testSpecialBytesAreFoundAtEveryOffset() {
        for special in ["\\\"", "\\n", "\\u00e9", "\u{E9}", "\u{201C}"] {
            for offset in 0..<20 {
                let line = "{\"text\": \"" + String(repeating: "a", count: offset) + special + String(repeating: "b", count: 19 - offset) + "\"}"
                let bytes = Array(line.utf8)
                XCTAssertNotNil(fast(bytes), line)
                XCTAssertEqual(fast(bytes), decoded(bytes), line)
            }
        }
        for bad: UInt8 in [0x00, 0x09, 0x1F, 0x7F] {
            for offset in 0..<20 {
                let bytes = Array("{\"text\": \"".utf8) + [UInt8](repeating: 0x61, count: offset) + [bad]
                    + [UInt8](repeating: 0x62, count: 19 - offset) + Array("\"}".utf8)
                XCTAssertNil(fast(bytes))
            }
        }
    }

    /// Gold-style lines (annotations as integers, booleans, null, arrays and objects) read as the decoder reads them.
    func testNestedLinesMatchTheDecoder() {
        let lines = [
            #"{"id": "a", "text": "One."}"#,
            #"{"id": 3, "text": "x"}"#,
            #"{"text": {"a": "b"}}"#,
            #"{"text": null}"#,
            #"{"id":"a","text":"x","quotes":[{"start":0,"end":-12,"speaker":{"text":"S","start":1},"ok":true},{}],"meta":{"flag":false,"none":null,"list":[],"deep":[[1,[2]]]}}"#,
            #"{"text": "x", "n": 0, "m": -7, "big": 999999999999999, "e": [ ], "o": { } }"#,
        ]
        for line in lines {
            let bytes = Array(line.utf8)
            XCTAssertNotNil(nested(bytes), line)
            XCTAssertEqual(nested(bytes), decoded(bytes), line)
        }
    }

    /// Values the decoder might read differently, or rejects, are left to it.
    func testNestedLinesLeaveTheRestToTheDecoder() {
        let lines = [
            #"{}"#, #"{"text": "x", "n": 1.5}"#, #"{"text": "x", "n": 1e3}"#, #"{"text": "x", "n": -0}"#,
            #"{"text": "x", "n": 01}"#, #"{"text": "x", "n": 1234567890123456}"#, #"{"text": "x", "n": -}"#,
            #"{"text": "x", "o": {"a": 1, "a": 2}}"#, #"{"text": "x", "a": [1,]}"#, #"{"text": "x", "a": [1 2]}"#,
            #"{"text": "x", "b": tru}"#, #"{"text": "x", "b": truex}"#, #"{"text": "x", "b": nul}"#, #"{"text": "x", "o": {,}}"#,
            #"{"text": "x", "n": 12a}"#, #"{"text": "x", "a": ["#,
            "{\"text\": \"x\", \"d\": " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40) + "}",
        ]
        for line in lines {
            XCTAssertNil(nested(Array(line.utf8)), line)
        }
    }

    /// Without metadata, a line gives exactly the decoder's `id` and `text`, and the lines the full
    /// fast path leaves to the decoder are left to it (nested repeated keys aside: the decoder reads
    /// those too).
    func testDocumentFieldsAreTheDecodersIDAndText() {
        let read = [
            #"{"id":"a","text":"x","quotes":[{"start":0,"end":-12,"speaker":{"text":"S\u00e9 \ud83d\ude00 \n","start":1},"ok":true},{}],"meta":{"flag":false,"none":null,"list":[],"deep":[[1,[2]]]}}"#,
            #"{"id": 3, "text": "x", "m": {"a": 1, "a": 2}}"#,
            #"{"text": "x\"y", "s": "caf\u00e9 "# + "\u{E9}\u{1F600}" + #"\/"}"#,
            // Keys written with escapes, keys that begin like "id" and "text", values of other types.
            #"{"t\u0065xt": "x", "\u0069d": "e"}"#, #"{"idx": "q", "texts": "y", "text": "x", "id": "i"}"#,
            #"{"text": 5, "id": null}"#, #"{"id": [1], "text": {"a": "b"}}"#, #"{"text": "", "id": -12}"#, #"{"other": "x"}"#,
        ]
        for line in read {
            let bytes = Array(line.utf8)
            guard let fields = bytes.withUnsafeBufferPointer({ FlatJSONObject.documentFields($0) }), let full = decoded(bytes) else {
                XCTFail(line)
                continue
            }
            XCTAssertEqual(fields, FlatJSONObject.DocumentFields(id: .init(full["id"]), text: .init(full["text"])), line)
        }
        var left = [
            #"{}"#, #"{"text": "x", "n": 1.5}"#, #"{"text": "x", "n": 1e3}"#, #"{"text": "x", "n": -0}"#,
            #"{"text": "x", "a": [1,]}"#, #"{"text": "x", "b": truex}"#, #"{"text": "x", "s": "\u0000"}"#,
            #"{"text": "x", "s": "\ud83d"}"#, #"{"text": "x", "s": "\q"}"#, #"{"text": "x", "m": 1, "m": 2}"#,
            // Repeated keys however written: "id" and "text" are matched on their bytes only as a shortcut.
            #"{"id": "a", "i\u0064": "b", "text": "x"}"#, #"{"text": "x", "t\u0065xt": "y"}"#,
            #"{"text": "x", "m": 1, "\u006d": 2}"#, #"{"id": "a", "id": "b", "text": "x"}"#, #"{"text": "x", "text": "x"}"#,
            #"{"text": "x""#, #"{"text" "x"}"#, #"{"text": "x"} "#, #"{"te"#,
        ].map { Array($0.utf8) }
        left.append(Array(#"{"text": "x", "s": "a\n"#.utf8) + [0xC3] + Array(#"\n"}"#.utf8))
        left.append(Array(#"{"text": "x", "s": "a"#.utf8) + [0xED, 0xA0, 0x80] + Array(#""}"#.utf8))
        for line in left {
            XCTAssertNil(line.withUnsafeBufferPointer { FlatJSONObject.documentFields($0) }, String(decoding: line, as: UTF8.self))
        }
    }

    /// Strings are read as `String(validating:)` reads them, short ones (checked here, then
    /// decoded) and long ones (left to the standard library) alike, valid or not.
    func testValidStringMatchesTheStandardLibrary() {
        let pieces: [[UInt8]] = [Array("plain".utf8), Array("caf\u{E9} \u{201C}x\u{201D}".utf8), [0xC3], [0xED, 0xA0, 0x80],
                                 [0xF0, 0x9F, 0x98, 0x80], [0xFF], [0xE2, 0x80]]
        for length in [0, 1, 7, 8, 9, 255, 256, 257, 300, 1_000] {
            for piece in pieces {
                for position in [0, length / 2, length] {
                    var bytes = [UInt8](repeating: 0x61, count: length)
                    bytes.insert(contentsOf: piece, at: position)
                    let expected = String(validating: bytes, as: UTF8.self)
                    XCTAssertEqual(bytes.withUnsafeBufferPointer(FlatJSONObject.validString), expected, "\(length) \(piece) \(position)")
                }
            }
        }
    }

    /// The UTF-8 check agrees with `String(validating:)` on every short sequence of telling bytes.
    func testUTF8CheckMatchesTheStandardLibrary() {
        let telling: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF]
        var checked = 0
        func check(_ bytes: [UInt8]) {
            let expected = String(validating: bytes, as: UTF8.self) != nil
            XCTAssertEqual(bytes.withUnsafeBufferPointer(FlatJSONObject.isValidUTF8), expected, "\(bytes)")
            checked += 1
        }
        for a in telling {
            for b in telling {
                for c in telling {
                    check([a, b, c])
                    for d in [0x80, 0xBF, 0x41] as [UInt8] { check([a, b, c, d]) }
                }
            }
        }
        // Past the eight-byte ASCII blocks.
        for prefix in 0..<17 {
            check([UInt8](repeating: 0x61, count: prefix) + [0xE2, 0x80, 0x9C])
            check([UInt8](repeating: 0x61, count: prefix) + [0xE2, 0x80])
        }
        XCTAssertGreaterThan(checked, 30_000)
    }

    /// A text read into UTF-16 (`documentFields` with `textAsUTF16`) is the string text's units,
    /// with its high surrogates' offsets, or nil exactly where the string reader gives nil: on
    /// every short sequence of telling bytes and escapes, inside ASCII of every length around the
    /// sixteen- and thirty-two-byte blocks, through the widest blocks, the plain loops and the
    /// SSE2 blocks alike, with the text last in its line or followed by another member.
    func testUTF16TextIsTheStringTextsUnits() {
        let telling: [[UInt8]] = [[0x41], [0x7F], [0x09], [0x80], [0x8F], [0x90], [0x9F], [0xA0], [0xBF], [0xC0], [0xC2], [0xDF],
                                  [0xE0], [0xE2], [0xED], [0xEF], [0xF0], [0xF4], [0xF5], [0xFF], Array(#"\"#.utf8),
                                  Array(#"\n"#.utf8), Array(#"\""#.utf8), Array(#"\u00e9"#.utf8), Array(#"\ud83d"#.utf8),
                                  Array(#"\ude00"#.utf8), Array(#"\u0000"#.utf8), Array(#"\q"#.utf8), Array("\"".utf8)]
        var accepted = 0
        var checked = 0
        defer { qscan_plain_only = 0 }
        func check(_ content: [UInt8], after: String = "") {
            let line = Array(#"{"id": "i", "text": ""#.utf8) + content + Array("\"\(after)}".utf8)
            let string = line.withUnsafeBufferPointer { FlatJSONObject.documentFields($0) }
            let utf16 = line.withUnsafeBufferPointer { FlatJSONObject.documentFields($0, textAsUTF16: true) }
            checked += 1
            guard let string, case .string(let text) = string.text else {
                XCTAssertNil(utf16, "\(content)")
                return
            }
            guard let utf16, case .utf16(let units) = utf16.text else {
                XCTFail("\(content): no UTF-16 text where the string reader read \(text.debugDescription)")
                return
            }
            XCTAssertEqual(utf16.id, string.id)
            XCTAssertEqual(units.units, Array(text.utf16), "\(content)")
            XCTAssertEqual(units.surrogateStarts, text.utf16.indices.filter { UTF16.isLeadSurrogate(text.utf16[$0]) }
                .map { text.utf16.distance(from: text.utf16.startIndex, to: $0) }, "\(content)")
            XCTAssertEqual(units, UTF16Text(text))
            accepted += 1
        }
        for plain in [0, 1, 2] {
            qscan_plain_only = Int32(plain)
            for a in telling {
                for b in telling {
                    check(a + b)
                    for c in telling { check(a + b + c) }
                }
            }
            for prefix in 0..<70 {
                let ascii = [UInt8](repeating: 0x61, count: prefix)
                for tail in [[0xE2, 0x80, 0x9C], [0xE2, 0x80], [0xF0, 0x9F, 0x98, 0x80], Array(#"\ud83d\ude00"#.utf8), [0x7F], []] as [[UInt8]] {
                    check(ascii + tail + ascii)
                    check(ascii + tail, after: #", "source": "wire", "n": 3"#)
                }
            }
        }
        XCTAssertGreaterThan(checked, 40_000)
        XCTAssertGreaterThan(accepted, 1_000)
    }
}
