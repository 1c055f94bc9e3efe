@testable import QuoteCore
import XCTest

/// `SpeakerResolver.display` and its fast paths give what the plain `String` code gives.
final class SpeakerDisplayTests: XCTestCase {
    /// The display text as first written: whole-string folding and `Character` suffixes.
    private func reference(_ text: String) -> String {
        var value = text
        if text.contains(where: { $0.isWhitespace && $0 != " " }) || text.contains("  ") {
            value = value.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        for suffix in ["’s", "'s"] where value.hasSuffix(suffix) { value.removeLast(2) }
        return value
    }

    func testDisplayMatchesTheStringComputation() {
        let samples = ["Martin O’Malley’s", "Jane Roe's", "Roe’s's", "’s", "'s", "s", "Bob", "Ann  Lee's",
                       "Ann\nLee’s", "é's", "\u{0600}'s", "X\u{0301}’s", "Jones'", "Chris", "Ma's’s", ""]
        for sample in samples {
            let buffer = TextBuffer(sample)
            let layout = Layout(text: buffer, lexicon: .bundled)
            let resolver = SpeakerResolver(analyzer: PhraseAnalyzer(lexicon: .bundled, shadow: layout.shadow),
                                           text: buffer, units: [])
            XCTAssertEqual(resolver.display(0..<buffer.count), reference(sample), sample)
        }
    }

    func testWordCountMatchesSplit() {
        for name in ["Ryan Crocker", " a  b ", "", "O’Malley Jr", "x \u{0301}y", "one", "José Ruiz", "a \u{0600}b", "\u{0600} b", "é"] {
            XCTAssertEqual(SpeakerResolver.wordCount(name), name.split(separator: " ").count, name)
        }
    }

    func testHasSpaceMatchesContains() {
        for name in ["Ryan Crocker", "Crocker", " a", "a ", "", "O’Malley", "José Ruiz", "é ", " é", "x \u{0301}y",
                     "\u{0600} b", "a  b", "é \u{0301}"] {
            XCTAssertEqual(SpeakerResolver.hasSpace(name), name.contains(" "), name)
        }
    }

    func testPunctuationStringsAreTheUnits() {
        for unit in 0..<128 {
            XCTAssertEqual(Tokenizer.asciiPunctuation[unit], String(UnicodeScalar(UInt8(unit))))
        }
    }

    func testASCIIRoleWordsMatchTheCharacterSplit() {
        for role in ["Sen.", "the U.S. ambassador to Iraq", "press-secretary", "  ", "", "No. 2 official", "a\r\nb", "x's"] {
            let expected = role.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "." }).map(String.init)
            XCTAssertEqual(SpeakerResolver.asciiRoleWords(role), expected, role)
        }
        XCTAssertNil(SpeakerResolver.asciiRoleWords("José"))
    }

    func testSpaceSeparatedMatchesSplit() {
        for text in ["Ryan Crocker", "  a  b ", "", "one", "a\r\n b", "José Ruiz", "x \u{0301}y", "press secretary "] {
            XCTAssertEqual(SpeakerResolver.spaceSeparated(text), text.split(separator: " ").map(String.init), text)
        }
    }
}
