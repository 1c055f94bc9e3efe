@testable import QuoteCore
import XCTest

/// The key filters in front of the lexicon's dictionaries may let a text through that is no key,
/// but never turn a key away: a false "no" would change what the extractor finds.
final class ASCIIKeyFilterTests: XCTestCase {
    private func units(_ text: String) -> [UInt16] { Array(text.utf16) }

    func testEveryBundledKeyPassesItsFilterInAnyCase() {
        let lexicon = Lexicon.bundled
        let table = lexicon.wordTable
        let lists: [(String, ASCIIKeyFilter, [String])] = [
            ("organizations", table.organizationFilter, Array(lexicon.organizations.keys)),
            ("places", table.placeFilter, Array(lexicon.places)),
            ("abbreviations", table.abbreviationFilter, Array(lexicon.abbreviations.keys)),
            ("gendered words", table.genderedWordFilter, Array(lexicon.genderedWords.keys)),
            ("clutter", table.clutterFilter, Array(lexicon.clutter)),
        ]
        for (name, filter, keys) in lists {
            XCTAssertFalse(keys.isEmpty, name)
            for key in keys where key.utf8.allSatisfy({ $0 < 0x80 }) {
                for text in [key, key.lowercased(), key.uppercased()] {
                    let all = units(text)
                    XCTAssertTrue(filter.mayContain(all, 0..<all.count), "\(name): '\(text)'")
                    XCTAssertEqual(filter.mayContain(asciiUnits: all, 0..<all.count), true, "\(name): '\(text)'")
                    let bytes = Array(text.utf8)
                    XCTAssertTrue(bytes.withUnsafeBufferPointer { filter.mayContain(ascii: $0, 0..<bytes.count) },
                                  "\(name): '\(text)'")
                }
                // Inside a longer text, at an offset.
                let framed = units("(" + key + ")")
                XCTAssertTrue(filter.mayContain(framed, 1..<(framed.count - 1)), "\(name): '\(key)' framed")
            }
        }
    }

    func testOneAndTwoUnitKeys() {
        let filter = ASCIIKeyFilter(["A", "Ng", "Mr."])
        for key in ["A", "a", "Ng", "NG", "Mr.", "mr."] {
            let all = units(key)
            XCTAssertTrue(filter.mayContain(all, 0..<all.count), key)
        }
        // A text sharing the first signature (length, first and last unit) but not the second.
        let near = units("M..")
        XCTAssertFalse(filter.mayContain(near, 0..<near.count))
        let empty = units("")
        XCTAssertTrue(filter.mayContain(empty, 0..<0))
        let accented = units("É")
        XCTAssertTrue(filter.mayContain(accented, 0..<1))
        XCTAssertNil(filter.mayContain(asciiUnits: accented, 0..<1))
    }

    /// A text with a unit beyond ASCII anywhere in the range (its units OR-ed when it has at most
    /// 24, else found eight units at a time, then one by one) is never ruled out; the same range
    /// without it is answered by the signatures.
    func testAUnitBeyondASCIIAnywhereInTheRange() {
        let filter = ASCIIKeyFilter(["Ambassador to the United Nations"])
        for length in 1...40 {
            for position in 0..<length {
                var text = units(String(repeating: "q", count: length))
                text[position] = 0x00E9  // é
                let padded = [0x61, 0x62] + text + [0x00E9]  // the range starts at 2, a unit beyond it
                XCTAssertNil(filter.mayContain(asciiUnits: padded, 2..<(2 + length)), "\(length) units, é at \(position)")
                XCTAssertTrue(filter.mayContain(padded, 2..<(2 + length)))
                if position > 0 {
                    XCTAssertEqual(filter.mayContain(asciiUnits: padded, 2..<(2 + position)), false, "\(position) units")
                }
            }
        }
        let key = units("xx Ambassador to the United Nations") + [0x00E9]
        XCTAssertEqual(filter.mayContain(asciiUnits: key, 3..<(key.count - 1)), true)
    }
}
