@testable import QuoteCore
import XCTest

/// `WordSet.contains` answers as `Set<String>.contains` for members, near misses, long and
/// non-ASCII words, and canonical equivalents.
final class WordSetTests: XCTestCase {
    private func assertSameAnswers(_ members: [String], _ queries: [String], file: StaticString = #filePath, line: UInt = #line) {
        let words = WordSet(members)
        let reference = Set(members)
        for query in queries + members {
            XCTAssertEqual(words.contains(query), reference.contains(query),
                           "\(query.debugDescription) in \(members)", file: file, line: line)
        }
    }

    func testAnswersAsASetOfStrings() {
        let members = ["that", "reporters", "journalists", ",", ":", "a", "n't", "didn't", "monday", "wednesday"]
        let queries = ["", "thAt", "That", "tha", "thatt", "report", "reporters.", "journalist", ";", "b", "aa",
                       "n’t", "didn’t", "mon", "12345678", "123456789", "wednesdays", "\u{0}", "a\u{0}", "é",
                       "café", "\u{212A}", "ｔｈａｔ"]
        assertSameAnswers(members, queries)
    }

    func testNonASCIIMembersAndCanonicalEquivalents() {
        // U+212A KELVIN SIGN is canonically "K"; "é" composed and decomposed are equal strings.
        assertSameAnswers(["\u{212A}", "café", "naïve"], ["K", "k", "cafe\u{301}", "café", "naive", "naïve"])
        assertSameAnswers(["K", "cafe\u{301}"], ["\u{212A}", "café", "cafe"])
    }

    func testEveryMemberOfTheRulesSetsIsFound() {
        for set in [ReportedSpeechRule.audienceWords, ReportedSpeechRule.clauseLeadIns, PhraseAnalyzer.timeWords,
                    AskedQuestionRule.openers, PhraseAnalyzer.lyNouns] {
            XCTAssertFalse(set.words.isEmpty)
            for word in set.words { XCTAssertTrue(set.contains(word), word) }
        }
    }

    func testRandomShortWordsAgreeWithTheSet() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz'-,.").map(String.init)
        func word() -> String { (0..<Int.random(in: 1...10, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined() }
        let members = (0..<300).map { _ in word() }
        assertSameAnswers(members, (0..<5_000).map { _ in word() })
    }
}
