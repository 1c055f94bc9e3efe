@testable import QuoteCore
import XCTest

/// The reported-speech rule's memo of its cue verbs' subjects answers as the analyzer does, for
/// every word asked about, in any order and more than once, beyond the two it keeps.
final class SubjectMemoTests: XCTestCase {
    func testItAnswersAsTheAnalyzer() {
        let text = "Officials at the ministry said the mayor told reporters that Ines Carvalho argued he denied it, aides say."
        let layout = Layout(text: TextBuffer(text), lexicon: .bundled)
        let tokens = Tokenizer(lexicon: .bundled).tokens(layout.shadow, 0..<layout.shadow.count, atoms: [])
        let analyzer = PhraseAnalyzer(lexicon: .bundled, shadow: layout.shadow)
        let verbs = tokens.indices.filter { tokens[$0].isWord }
        let expected = verbs.map { analyzer.subject(tokens, verb: $0, lower: 0) }
        XCTAssertGreaterThanOrEqual(expected.compactMap { $0 }.count, 4, "the sentence should give several subjects")
        // Asked in three orders, each word twice in a row and again later.
        for order in [verbs, verbs.reversed(), verbs.enumerated().sorted { ($0.offset % 3, $0.offset) < ($1.offset % 3, $1.offset) }.map(\.element)] {
            var memo = ReportedSpeechRule.SubjectMemo()
            for verb in order + order {
                let wanted = expected[verbs.firstIndex(of: verb)!]
                XCTAssertEqual(memo.subject(of: verb, in: tokens, analyzer), wanted, "word \(verb)")
                XCTAssertEqual(memo.subject(of: verb, in: tokens, analyzer), wanted, "word \(verb), again")
            }
        }
    }
}
