@testable import QuoteCore
import Testing

/// `WordShape` reads bytes but must answer as the standard library's character-based `hasSuffix`
/// and `count` do, also where non-ASCII text makes characters and bytes differ.
@Suite struct WordShapeTests {
    static let words = ["", "ed", "ly", "ing", "asked", "Asked", "ASKED", "askeD", "really", "ally", "fly",
                        "naïvely", "caféed", "x\u{0D4E}ed", "\u{0600}ly", "\u{0600}ed", "ed\u{0301}", "e\u{0301}d",
                        "l\u{0301}y", "quick\u{0301}ly", "e\u{0301}e\u{0301}", "abcd", "abcde", "a\r\nbcd", "a\r\nbcde",
                        "🇺🇸🇺🇸🇺🇸", "abc\u{0301}d", "tab\tbed", "\u{7F}ed"]

    @Test(arguments: words)
    func suffixAgreesWithHasSuffix(_ word: String) {
        let scalars = word.unicodeScalars.map { String($0.value, radix: 16) }
        #expect(WordShape.hasASCIISuffix(word, "ed") == word.hasSuffix("ed"), "\(scalars)")
        #expect(WordShape.hasASCIISuffix(word, "ly") == word.hasSuffix("ly"), "\(scalars)")
        #expect(WordShape.hasASCIISuffix(word, "ing") == word.hasSuffix("ing"), "\(scalars)")
    }

    @Test(arguments: words)
    func characterCountAgreesWithCount(_ word: String) {
        for limit in 0...6 {
            #expect(WordShape.hasMoreCharacters(than: limit, word) == (word.count > limit),
                    "\(word.unicodeScalars.map { String($0.value, radix: 16) }) than \(limit)")
        }
    }
}
