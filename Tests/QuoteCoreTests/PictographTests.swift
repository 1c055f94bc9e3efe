@testable import QuoteCore
import QuoteSchema
import XCTest

/// Emoji and pictographs are neither words nor punctuation: between a name and its verb they
/// must not hide the attribution, and they never become part of a speaker's name.
final class PictographTests: XCTestCase {
    private func records(_ text: String) -> [(quote: String, speaker: String?, mention: String?)] {
        Extractor().extract(text: text, document: "emoji").quotes.map {
            ($0.quote.text, $0.speaker?.name, $0.speaker?.mention?.text)
        }
    }

    func testAnEmojiBetweenNameAndVerbKeepsTheAttribution() {
        for emoji in ["🎉", "☺", "❤️", "🇺🇸", "👩‍💻", "👍🏽", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"] {
            let found = records("\"We will open the pier in May,\" Maria Lopez \(emoji) said.")
            XCTAssertEqual(found.map(\.quote), ["We will open the pier in May,"], emoji)
            XCTAssertEqual(found.map(\.speaker), ["Maria Lopez"], emoji)
            XCTAssertEqual(found.map(\.mention), ["Maria Lopez"], emoji)
        }
        let reported = records("Maria Lopez 👩‍💻 told reporters that the pier would open in May.")
        XCTAssertEqual(reported.map(\.speaker), ["Maria Lopez"])
        XCTAssertEqual(reported.map(\.mention), ["Maria Lopez"])
    }

    /// Inside a quotation they stay in its text, exactly as written.
    func testEmojiStayInTheQuotationText() {
        XCTAssertEqual(records("\"Best day ever 🎉🎉,\" Maria Lopez said.").map(\.quote), ["Best day ever 🎉🎉,"])
        XCTAssertEqual(records("“🎉 We won,” Maria Lopez said.").map(\.quote), ["🎉 We won,"])
    }

    func testPictographLengths() {
        func length(_ units: [UInt16]) -> Int {
            units.withUnsafeBufferPointer { CodeUnit.pictographLength($0, 0, $0.count) }
        }
        func length(_ text: String) -> Int { length(Array(text.utf16)) }
        XCTAssertEqual(length("🀄"), 2)  // U+1F004, the first block's
        XCTAssertEqual(length("\u{1FAFF}"), 2)
        XCTAssertEqual(length("\u{1FB00}"), 0)  // symbols for legacy computing: letters' look-alikes
        XCTAssertEqual(length("\u{1EFFF}"), 0)
        XCTAssertEqual(length("\u{E0067}"), 2)  // a tag letter of a subdivision flag
        XCTAssertEqual(length("\u{E0100}"), 0)  // a variation selector supplement, not a tag
        XCTAssertEqual(length("☺"), 1)
        XCTAssertEqual(length("⭐"), 1)
        XCTAssertEqual(length("\u{FE0F}"), 1)
        XCTAssertEqual(length("\u{200D}🎉"), 1)
        XCTAssertEqual(length("\u{200D}a"), 0)  // a joiner inside a word of another script stays
        XCTAssertEqual(length("\u{200D}"), 0)
        XCTAssertEqual(length("a"), 0)
        XCTAssertEqual(length("é"), 0)
        XCTAssertEqual(length("—"), 0)
        XCTAssertEqual(length([0xD83D]), 0)  // a lone high surrogate
        XCTAssertEqual(length([0xD83D, 0x61]), 0)
        XCTAssertEqual(length("字"), 0)
    }
}
