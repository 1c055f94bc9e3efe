@testable import QuoteCore
import XCTest

/// `UTF16String.small`: the short ASCII strings put together from their bytes are the standard
/// library's strings, bit for bit, and behave as them (equality, hashing, dictionary keys,
/// comparison with long and non-ASCII strings); the tokenizer's words come out lowercased.
final class SmallStringTests: XCTestCase {
    private func bits(_ string: String) -> (UInt64, UInt64) { unsafeBitCast(string, to: (UInt64, UInt64).self) }

    private func small(_ text: String, lowercase: Bool) -> String {
        Array(text.utf16).withUnsafeBufferPointer { UTF16String.small($0, 0..<$0.count, lowercase: lowercase) }
    }

    /// On this Swift the layout holds: if a Swift update changes it, the strings are built the
    /// standard way (still right, ~160 instructions a word slower), and this test says so.
    func testTheLayoutHoldsOnThisSwift() {
        XCTAssertTrue(UTF16String.smallLayoutHolds)
    }

    /// True when `small` makes exactly the strings the standard library makes at run time,
    /// bit for bit, for every length from 0 to `smallCapacity`, as written and lowercased.
    private var smallLayoutMatchesStandardLibrary: Bool {
        let sample = Array("Quotes0123-'.Zz".utf16)
        precondition(sample.count == UTF16String.smallCapacity)
        return sample.withUnsafeBufferPointer { units in
            (0...UTF16String.smallCapacity).allSatisfy { count in
                let range = 0..<count
                let expected = String(decoding: units[range], as: UTF16.self)
                let made = UTF16String.small(units, range, lowercase: false)
                let lowered = UTF16String.small(units, range, lowercase: true)
                return bits(made) == bits(expected) && bits(lowered) == bits(expected.lowercased())
            }
        }
    }

    /// `smallLayoutHolds` reads the layout from literals (a constant once compiled); the strings
    /// `small` makes are compared with those the standard library makes at run time, for every
    /// length and both cases, by `smallLayoutMatchesStandardLibrary`: the two must agree.
    func testTheLiteralsTellWhatTheRuntimeComparisonTells() {
        XCTAssertEqual(UTF16String.smallLayoutHolds, smallLayoutMatchesStandardLibrary)
        XCTAssertTrue(smallLayoutMatchesStandardLibrary)
    }

    func testRandomASCIIIsTheStandardLibrarysString() throws {
        try XCTSkipUnless(UTF16String.smallLayoutHolds)
        var generator = SystemRandomNumberGenerator()
        // Every ASCII unit, NUL and DEL included: a small string holds any of them.
        let alphabet = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }
        var byText: [String: Int] = [:]
        for round in 0..<20_000 {
            let count = Int.random(in: 0...UTF16String.smallCapacity, using: &generator)
            let text = String((0..<count).map { _ in alphabet.randomElement(using: &generator)! })
            let standard = String(decoding: Array(text.utf8), as: UTF8.self)
            let made = small(text, lowercase: false)
            XCTAssertTrue(bits(made) == bits(standard), "\(Array(text.utf8))")
            XCTAssertEqual(made, text)
            XCTAssertEqual(made.hashValue, text.hashValue)
            XCTAssertEqual(made.utf8.count, count)
            XCTAssertEqual(Array(made.utf8), Array(text.utf8))
            let lowered = small(text, lowercase: true)
            XCTAssertEqual(lowered, text.lowercased(), "\(Array(text.utf8))")
            XCTAssertTrue(bits(lowered) == bits(text.lowercased()))
            byText[made] = round
            XCTAssertEqual(byText[text], round)
        }
    }

    /// Ranges at every start inside a longer text: the bytes are read four units at a time from
    /// the range's start, the last four from its end, and nothing outside it counts.
    func testRangesAtEveryStartAndLength() throws {
        try XCTSkipUnless(UTF16String.smallLayoutHolds)
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("AZaz@[`{09 -'.QuotesSAID".utf16) + (0..<128).map { UInt16($0) }
        for _ in 0..<200 {
            let units = (0..<40).map { _ in alphabet.randomElement(using: &generator)! }
            units.withUnsafeBufferPointer { buffer in
                for start in 0..<20 {
                    for count in 0...UTF16String.smallCapacity {
                        let range = start..<(start + count)
                        let expected = String(decoding: units[range], as: UTF16.self)
                        let made = UTF16String.small(buffer, range, lowercase: false)
                        let lowered = UTF16String.small(buffer, range, lowercase: true)
                        XCTAssertTrue(bits(made) == bits(expected), "\(Array(units[range]))")
                        XCTAssertTrue(bits(lowered) == bits(expected.lowercased()), "\(Array(units[range]))")
                    }
                }
            }
        }
    }

    func testComparesWithLongAndWideStrings() throws {
        try XCTSkipUnless(UTF16String.smallLayoutHolds)
        let made = small("Obama", lowercase: true)
        XCTAssertEqual(made, "obama")
        XCTAssertNotEqual(made, "obamas")
        XCTAssertLessThan(made, "obama administration officials")  // a string kept on the heap
        XCTAssertNotEqual(small("e", lowercase: false), "é")
        XCTAssertEqual(made + " administration", "obama administration")
        XCTAssertEqual(small("", lowercase: true), "")
        XCTAssertTrue(bits(small("", lowercase: false)) == bits(""))
    }

    func testMakeAndLowercasedUseItForShortASCII() {
        for text in ["a", "Said", "O'Flaherty", "Re-Examined", "B.Y.O.B.", "fifteen letters", "sixteen letters!",
                     "Superconductivity", "ÉCOLE", "“quoted”"] {
            let units = Array(text.utf16)
            XCTAssertEqual(UTF16String.make(units, 0..<units.count), text)
            XCTAssertEqual(UTF16String.lowercased(units, 0..<units.count), text.lowercased())
        }
    }

    func testTokensAreLowercased() {
        // Words outside the word table, in several cases, short and long, with the characters
        // the tokenizer keeps inside words; a document tokenized twice gives the same words.
        let words = ["Zanzibar", "zanzibar", "ZANZIBAR", "Quokkas", "quokkas", "Xylophonists", "XYLOPHONISTS",
                     "O'Flaherty", "o'flaherty", "Re-Examined", "re-examined", "Superconductivity",
                     "superconductivity", "B.Y.O.B.", "Wh", "wH", "Übermensch", "naïve"]
        let text = (words + words).joined(separator: " ")
        let layout = Layout(text: TextBuffer(text), lexicon: .bundled)
        for _ in 0..<2 {
            let tokens = Tokenizer(lexicon: .bundled).tokens(layout.shadow, 0..<layout.shadow.count, atoms: [])
            let lowered = tokens.filter { $0.kind == .word }.map(\.lower)
            XCTAssertEqual(lowered, (words + words).map { $0.lowercased() })
        }
    }
}
