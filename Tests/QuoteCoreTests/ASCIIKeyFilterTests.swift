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
}
