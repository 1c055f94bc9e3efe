@testable import QuoteCore
import XCTest

/// The hand-written UTF-16 to UTF-8 transcoder gives exactly what the standard library gives.
final class UTF16StringTests: XCTestCase {
    private func assertSame(_ units: [UInt16], file: StaticString = #filePath, line: UInt = #line) {
        for lower in 0...units.count {
            for upper in lower...units.count {
                XCTAssertEqual(UTF16String.transcoded(units, lower..<upper),
                               String(decoding: units[lower..<upper], as: UTF16.self), "\(units[lower..<upper])",
                               file: file, line: line)
                XCTAssertEqual(UTF16String.make(units, lower..<upper),
                               String(decoding: units[lower..<upper], as: UTF16.self), file: file, line: line)
            }
        }
    }

    func testEveryWidthAndSlice() {
        assertSame(Array("a é ’ “quoted” 😀 中文 \u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}".utf16))
    }

    func testLoneSurrogatesAreReplaced() {
        assertSame([0x61, 0xD83D, 0x62])          // high surrogate then a letter
        assertSame([0xDE00, 0x61])                // low surrogate alone
        assertSame([0x61, 0xD83D])                // high surrogate at the end
        assertSame([0xD83D, 0xD83D, 0xDE00])      // high, then a valid pair
        assertSame([0xDBFF, 0xDFFF, 0xD800, 0xDC00])  // the last and first supplementary code points
    }

    func testLongASCIIAndLowercasing() {
        let long = Array(String(repeating: "Ab", count: 100).utf16)
        XCTAssertEqual(UTF16String.make(long, 0..<long.count), String(repeating: "Ab", count: 100))
        XCTAssertEqual(UTF16String.lowercased(Array("ÉCOLE Road".utf16), 0..<10), "école road")
    }

    /// `lowercasedWide` folds ASCII and Latin-1 beside U+2000-20FF unit by unit: it must equal
    /// the standard library's `lowercased()` for every unit of those blocks, and for the text
    /// around them; other text (lone surrogates too) must come out as the standard library's.
    func testLowercasingBesidePunctuationEqualsTheStandardLibrary() {
        for unit in Array(UInt16(0x80)...0xFF) + Array(UInt16(0x2000)...0x20FF) {
            let units: [UInt16] = Array("Ab \"Q".utf16) + [unit] + Array("Z9".utf16)
            XCTAssertEqual(UTF16String.lowercased(units, 0..<units.count),
                           String(decoding: units, as: UTF16.self).lowercased(), "U+\(String(unit, radix: 16))")
        }
        for text in ["\u{201C}Advertisement\u{201D}", "ÉCOLE \u{2014} Road", "\u{212A}elvin \u{2019}S", "İstanbul", "ΣΟΦΙΑ",
                     "\u{2160}\u{2161} \u{24B6}", "A\u{1F600}B", "", "ÀÉÎÕÜ Ÿ ß ÆØÞ", "Łódź Šťastný", "ПУТИН Ёлка",
                     "Æ\u{0130}\u{0301}É"] {
            let units = Array(text.utf16)
            XCTAssertEqual(UTF16String.lowercased(units, 0..<units.count), text.lowercased(), text)
        }
    }

    func testLowercasingLoneSurrogatesEqualsTheStandardLibrary() {
        for units: [UInt16] in [[0xC9, 0xD83D], [0xDC00, 0x41, 0x416], [0x416, 0xD83D, 0xDE00, 0xDBFF]] {
            XCTAssertEqual(UTF16String.lowercased(units, 0..<units.count),
                           String(decoding: units, as: UTF16.self).lowercased(), "\(units)")
        }
    }

    func testTextBufferUnitsAreTheStringsUTF16() {
        for text in ["", "plain ASCII", "caf\u{E9} \u{2014} \u{201C}quoted\u{201D}", "\u{1F600} emoji \u{1D11E}",
                     "\u{4E2D}\u{6587}\u{0600}\u{0301}", "\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}",
                     String(repeating: "O\u{2019}Malley ", count: 50)] {
            XCTAssertEqual(TextBuffer(text).units, Array(text.utf16), text)
            XCTAssertEqual(TextBuffer(text).scalarCount, text.unicodeScalars.count, text)
            let units = Array(text.utf16)
            for offset in 0...units.count {
                let expected = String(decoding: units[..<offset], as: UTF16.self).unicodeScalars.count
                if offset == units.count || units[offset] & 0xFC00 != 0xDC00 {
                    XCTAssertEqual(TextBuffer(text).scalarOffset(offset), expected, "\(text) at \(offset)")
                }
            }
        }
    }
}
