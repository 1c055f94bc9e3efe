@testable import QuoteCore
import XCTest

/// `WordMap` answers as the dictionary it is made from, and `PackedWord` packs words as the
/// standard library lays out small ASCII strings.
final class WordMapTests: XCTestCase {
    private func assertSameAnswers(_ dictionary: [String: Int], _ queries: [String], file: StaticString = #filePath, line: UInt = #line) {
        let map = WordMap(dictionary)
        for query in queries + Array(dictionary.keys) + dictionary.keys.map({ $0.uppercased() }) {
            XCTAssertEqual(map[query], dictionary[query], "\(query.debugDescription) in \(dictionary)", file: file, line: line)
            XCTAssertEqual(map.lowercased(query), dictionary[query.lowercased()], "\(query.debugDescription) lowercased in \(dictionary)",
                           file: file, line: line)
        }
    }

    func testAnswersAsTheDictionary() {
        let dictionary = ["spokeswoman": 1, "he": 2, "u.s.": 3, "a": 4, "n't": 5, "ambassadorships": 6,
                          "secretary-general": 7, "chief of staff": 8, "co-founder": 9]
        let queries = ["", "spokeswomen", "spokeswoman.", "Spokeswoman", "h", "hE", "u.s", "aa", "b", "n’t",
                       "ambassadorship", "ambassadorshipss", "secretary-genera", "chief of staf", "\u{0}", "a\u{0}",
                       "é", "café", "\u{212A}", "ｈｅ", "123456789012345", "1234567890123456"]
        assertSameAnswers(dictionary, queries)
        // Every key short and ASCII: a longer ASCII word is answered without the dictionary.
        assertSameAnswers(["he": 1, "she": 2, "they": 3], ["He", "SHE", "the spokesman for the ministry", "THE SPOKESMAN FOR",
                                                          "İ", "he\u{301}", "\u{212A}elvin", "ＨＥ"])
    }

    func testNonASCIIKeysAndCanonicalEquivalents() {
        // U+212A KELVIN SIGN is canonically "K"; "é" composed and decomposed are equal strings.
        assertSameAnswers(["\u{212A}": 1, "café": 2, "naïve": 3], ["K", "k", "cafe\u{301}", "café", "naive", "naïve"])
        assertSameAnswers(["K": 1, "cafe\u{301}": 2], ["\u{212A}", "café", "cafe"])
    }

    func testRandomWordsAgreeWithTheDictionary() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz'-,. ").map(String.init)
        func word() -> String { (0..<Int.random(in: 1...18, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined() }
        var dictionary: [String: Int] = [:]
        for number in 0..<400 { dictionary[word()] = number }
        assertSameAnswers(dictionary, (0..<5_000).map { _ in word() })
    }

    func testTheLexiconsMapsAnswerAsItsDictionaries() throws {
        let lexicon = Lexicon.bundled
        for key in lexicon.roleNouns.keys { XCTAssertEqual(lexicon.roleNounMap[key], lexicon.roleNouns[key], key) }
        for key in lexicon.pronouns.keys { XCTAssertEqual(lexicon.pronounMap[key], lexicon.pronouns[key], key) }
        for key in lexicon.abbreviations.keys { XCTAssertEqual(lexicon.abbreviationMap[key], lexicon.abbreviations[key], key) }
        for key in lexicon.organizations.keys { XCTAssertEqual(lexicon.organizationMap[key], lexicon.organizations[key], key) }
        for key in lexicon.roleGroups.keys { XCTAssertEqual(lexicon.roleGroupMap[key], lexicon.roleGroups[key], key) }
        for key in lexicon.genderedWords.keys { XCTAssertEqual(lexicon.genderedWordMap[key], lexicon.genderedWords[key], key) }
        for word in ["said", "Spokesman", "spokesmen", "U.S", "the", ""] {
            XCTAssertEqual(lexicon.roleNounMap[word], lexicon.roleNouns[word], word)
            XCTAssertEqual(lexicon.abbreviationMap[word], lexicon.abbreviations[word], word)
        }
    }

    /// A small string's own two words and the bytes packed one by one agree, for every length,
    /// whatever way the string was made; texts that are not 1 to 15 ASCII bytes are not packed.
    func testPackedWordsAreTheSmallStringsBits() {
        XCTAssertTrue(UTF16String.smallLayoutHolds, "the standard library lays out small strings otherwise: words are packed from their bytes")
        let sample = "Quotes0123-'.Zz"
        for count in 1...15 {
            let text = String(sample.prefix(count))
            let fromBytes = String(decoding: Array(text.utf8), as: UTF8.self)
            let lowered = text.lowercased()
            guard let packed = PackedWord.of(text), let again = PackedWord.of(fromBytes) else {
                return XCTFail("\(text) not packed")
            }
            XCTAssertEqual(packed.low, again.low)
            XCTAssertEqual(packed.high, again.high)
            XCTAssertEqual(packed.high >> 56, 0xE0 | UInt64(count))
            let packedLower = PackedWord.of(lowered)
            XCTAssertEqual(packedLower?.low == packed.low && packedLower?.high == packed.high, lowered == text)
        }
        // A string with storage of its own (reserved room makes one) holding a few ASCII bytes:
        // its bytes are packed one by one, as the small string's two words read.
        var native = String()
        native.reserveCapacity(64)
        native.append("abcdef")
        XCTAssertNotEqual(unsafeBitCast(native, to: (UInt64, UInt64).self).1 >> 60, 0xE, "not a small string")
        XCTAssertEqual(PackedWord.of(native)?.low, PackedWord.of("abcdef")?.low)
        XCTAssertEqual(PackedWord.of(native)?.high, PackedWord.of("abcdef")?.high)
        XCTAssertEqual(WordMap(["abcdef": 1])[native], 1)
        for text in ["", "1234567890123456", "é", "naïve", "\u{212A}"] { XCTAssertNil(PackedWord.of(text), text) }
    }
}
