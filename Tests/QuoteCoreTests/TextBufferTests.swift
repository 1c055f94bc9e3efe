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
}
