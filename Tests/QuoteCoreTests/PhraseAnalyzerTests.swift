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

/// `bareRange` drops on the code units the determiner `stripDeterminer` drops from the text.
final class BareRangeTests: XCTestCase {
    func testItDropsWhatStripDeterminerDrops() {
        let heads = ["the ", "The ", "a ", "A ", "an ", "An ", "THE ", "tHe ", "aN ", "the", "a", "an", "an  ", "the  ",
                     "then ", "than ", "at ", "An", "Th ", "", "t", "x ", "ane ", "Ä ", "the\u{A0}", "a\t", "é "]
        let tails = ["", "White House", "ambassador", "\u{301}ecole", "é", " ", "Ämter", "n", "he"]
        var compared = 0
        for head in heads {
            for tail in tails {
                let text = head + tail
                let shadow = Array(text.utf16)
                let analyzer = PhraseAnalyzer(lexicon: .bundled, shadow: shadow)
                guard let bare = analyzer.bareRange(0..<shadow.count) else {
                    // Only where a mark after the space may join it into another character.
                    XCTAssertTrue(tail.unicodeScalars.first.map { $0.value >= 0x300 } ?? false, "\(text.debugDescription)")
                    continue
                }
                let kept = String(decoding: shadow[bare], as: UTF16.self)
                XCTAssertEqual(kept, analyzer.stripDeterminer(text), "\(text.debugDescription)")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 200)
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
