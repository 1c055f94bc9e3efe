@testable import QuoteCore
import XCTest

/// Speaker phrases read without a parser.
final class PhraseAnalyzerTests: XCTestCase {
    private func parse(_ text: String) -> String? {
        let buffer = TextBuffer(text)
        let layout = Layout(text: buffer, lexicon: .bundled)
        let tokens = Tokenizer(lexicon: .bundled).tokens(layout.shadow, 0..<layout.shadow.count, atoms: [])
        let analyzer = PhraseAnalyzer(lexicon: .bundled, shadow: layout.shadow)
        return analyzer.parse(tokens, 0...(tokens.count - 1)).map { buffer.text($0.mention) }
    }

    /// A sentence starter opening a run of capitalised words is not part of the name.
    func testSentenceStarterBeforeANameIsDropped() {
        XCTAssertEqual(parse("Despite Ines Carvalho"), "Ines Carvalho")
        XCTAssertEqual(parse("Like Trump"), "Trump")
        XCTAssertEqual(parse("Ines Carvalho"), "Ines Carvalho")
    }
}

/// `mayBeTimeWord` is a filter in front of `timeWords`: it must pass every word of the set.
final class TimeWordFilterTests: XCTestCase {
    func testEveryTimeWordPassesTheFilter() {
        for word in PhraseAnalyzer.timeWords.words {
            XCTAssertTrue(PhraseAnalyzer.mayBeTimeWord(word), word)
        }
    }

    func testOtherWordsStopAtTheFilter() {
        for word in ["minister", "okafor", "said", "to", "mo", "", "été", "mondaysandtuesdays", "kelvin"] {
            XCTAssertFalse(PhraseAnalyzer.mayBeTimeWord(word), word)
        }
    }
}
