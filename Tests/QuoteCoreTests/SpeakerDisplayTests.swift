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

    /// The name key, word count and packed key read from the code units are those of the
    /// display text, and nil exactly where the code-unit path does not apply.
    func testNameKeysFromUnitsMatchTheDisplayText() {
        let samples = ["Ryan Crocker", "Jane Roe's", "Obama 's", "'s", "s", "Bob", "Ann  Lee", "Ann\tLee", "José Ruiz",
                       "O'Malley", "Dana Okafor-Smith Jr.", "No. 2 official", "Roe’s", "X 's Y", "A B C D E F", "Sen.", "",
                       "Abcdefghijklmnop Q", "Abcdefgh", "Abcdefghi", "A1 B2", "  ", "Lee 's's", "Roe's", "Abcdefgh's",
                       "Abcdefghi's", "O'Neill's", "Roe's's", "s's", "Lee\u{00A0}Roe", "Abcdefg's", "Abcdefghijklmno's",
                       "Abcdefghijklmnop's", "Abc Defghijklmno", "Abcd Efghijklmnop", "Abcdefghijklmn-o's"]
        for sample in samples {
            let buffer = TextBuffer(sample)
            let layout = Layout(text: buffer, lexicon: .bundled)
            let resolver = SpeakerResolver(analyzer: PhraseAnalyzer(lexicon: .bundled, shadow: layout.shadow),
                                           text: buffer, units: [])
            let range = 0..<buffer.count
            let display = resolver.display(range)
            let isPlainASCII = sample.utf8.allSatisfy { $0 < 0x80 } && !sample.contains("  ") && !sample.contains("\t")
            guard let fast = resolver.asciiNameKey(of: range) else {
                XCTAssertFalse(isPlainASCII, "no key for \(sample)")
                XCTAssertNil(resolver.packedKey(of: range), sample)
                continue
            }
            XCTAssertTrue(isPlainASCII, sample)
            XCTAssertEqual(fast.key, NameKey.asciiKey(display), sample)
            XCTAssertEqual(fast.words, SpeakerResolver.wordCount(display), sample)
            let packed = sample.contains(" ") ? nil : SpeakerResolver.packedKey(fast.key)
            XCTAssertEqual(resolver.packedKey(of: range), packed, sample)
        }
    }

    func testStartsWithTheMatchesTheLowercasedPrefix() {
        for text in ["the minister", "The minister", "THE SPOKESMAN", "the", "the ", "then", "The\u{0301} x", "the \u{0301}x",
                     "theé", "thé ", "Thé minister", "é the", "", "t", "a minister", "Ťhe x", "THE\tX", "the\r\nx"] {
            XCTAssertEqual(SpeakerResolver.startsWithThe(text), text.lowercased().hasPrefix("the "), text)
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
        for role in ["Sen.", "the U.S. ambassador to Iraq", "press-secretary", "  ", "", "No. 2 official", "a\r\nb", "x's",
                     "Deputy Assistant Secretary", "counterterrorism coordinator", "ABCDEFGHIJKLMNO abcdefghijklmnop Z"] {
            let expected = role.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "." }).map(String.init)
            XCTAssertEqual(SpeakerResolver.asciiRoleWords(role), expected, role)
        }
        XCTAssertNil(SpeakerResolver.asciiRoleWords("José"))
    }

    /// A role's gender evidence reads its ASCII words split at spaces on its bytes when
    /// `splitsAsBytes` allows (only words lowercasing to ASCII can be gendered words): those
    /// are the words of `spaceSeparated(role.lowercased())` that are ASCII, in order. Roles with
    /// a space beside a character beyond ASCII (which may be a mark sharing its `Character`), or
    /// KELVIN SIGN, which lowercases to "k", go the general way.
    func testRoleWordsSplitOnBytesAsByCharacter() {
        let roles = ["Madame la Présidente", "José’s spokeswoman", "the mother of Zoë", " señora ", "", "é",
                     "Präsident und Vater", "father\u{0301}", "ＭＲ. Lee"]
        let general = ["Ms. Ávila’s aide", "chairwoman  of  the “board”", "SPOKESMAN Ñ", "x \u{0301}spokesman",
                       "\u{0600} spokesman", "\u{212A}ing", "spokes\u{212A}an"]
        for role in general {
            XCTAssertFalse(Array(role.utf8).withUnsafeBufferPointer { SpeakerResolver.splitsAsBytes($0) }, role)
        }
        for role in roles {
            var bytes = Array(role.utf8)
            XCTAssertTrue(bytes.withUnsafeBufferPointer { SpeakerResolver.splitsAsBytes($0) }, role)
            let expected = SpeakerResolver.spaceSeparated(role.lowercased()).filter { $0.utf8.allSatisfy { $0 < 0x80 } }
            bytes.append(0x20)
            var words: [String] = []
            var word: [UInt8] = []
            for byte in bytes {
                if byte != 0x20 {
                    word.append(byte)
                } else {
                    if !word.isEmpty && word.allSatisfy({ $0 < 0x80 }) { words.append(String(decoding: word, as: UTF8.self).lowercased()) }
                    word = []
                }
            }
            XCTAssertEqual(words, expected, role)
        }
    }

    func testSpaceSeparatedMatchesSplit() {
        for text in ["Ryan Crocker", "  a  b ", "", "one", "a\r\n b", "José Ruiz", "x \u{0301}y", "press secretary "] {
            XCTAssertEqual(SpeakerResolver.spaceSeparated(text), text.split(separator: " ").map(String.init), text)
        }
    }
}
