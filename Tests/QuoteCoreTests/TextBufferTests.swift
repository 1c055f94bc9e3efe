import CQuoteScan
@testable import QuoteCore
import XCTest

/// The text's UTF-16 units and code-point offsets, decoded from UTF-8 by hand, are the standard
/// library's.
final class TextBufferTests: XCTestCase {
    func testUnitsAreTheStringsUTF16() {
        let pieces = ["", "a", "abcdefg", "abcdefgh", "abcdefghi", "\u{E9}", "\u{201C}", "\u{1F600}", "\u{6587}",
                      "He said \"yes\" ", "\n", "\u{7F}", "\u{80}", "\u{7FF}", "\u{800}", "\u{FFFF}", "\u{10000}", "\u{10FFFF}"]
        var generator = SystemRandomNumberGenerator()
        var strings = pieces
        for _ in 0..<2_000 {
            strings.append((0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for string in strings {
            let buffer = TextBuffer(string)
            XCTAssertEqual(buffer.units, Array(string.utf16), string.debugDescription)
            XCTAssertEqual(buffer.scalarCount, string.unicodeScalars.count, string.debugDescription)
            XCTAssertEqual(buffer.scalarOffset(buffer.count), string.unicodeScalars.count, string.debugDescription)
        }
    }

    /// UTF-8 decoded straight into UTF-16 is the standard library's decoding, and refused exactly
    /// where `String(validating:)` refuses, on every sequence of up to three telling bytes and
    /// around the sixteen-byte ASCII blocks (through the SSE2 blocks and the plain loops).
    func testUTF8DecodedIntoUTF16IsTheStandardLibrarys() {
        let telling: [UInt8] = [0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xED,
                                0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF]
        var accepted = 0
        defer { qscan_plain_only = 0 }
        func check(_ bytes: [UInt8]) {
            let expected = String(validating: bytes, as: UTF8.self)
            let decoded = bytes.withUnsafeBufferPointer { UTF16Text(validatingUTF8: $0) }
            XCTAssertEqual(decoded, expected.map(UTF16Text.init), "\(bytes)")
            if decoded != nil { accepted += 1 }
        }
        for plain in [0, 1] {
            qscan_plain_only = Int32(plain)
            for a in telling {
                for b in telling {
                    check([a, b])
                    for c in telling {
                        check([a, b, c])
                        for d in [0x80, 0xBF, 0x41] as [UInt8] { check([a, b, c, d]) }
                    }
                }
            }
            for prefix in 0..<34 {
                let ascii = [UInt8](repeating: 0x61, count: prefix)
                for tail in [[0xE2, 0x80, 0x9C], [0xE2, 0x80], [0xF0, 0x9F, 0x98, 0x80], [0xED, 0xA0, 0x80], []] as [[UInt8]] {
                    check(ascii + tail + ascii)
                }
            }
        }
        XCTAssertGreaterThan(accepted, 1_000)
        let emoji = Array("a\u{1F600}b\u{1F389}".utf8).withUnsafeBufferPointer { UTF16Text(validatingUTF8: $0) }
        XCTAssertEqual(emoji?.surrogateStarts, [1, 4])
    }
}
