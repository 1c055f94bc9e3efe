import Foundation
@testable import QuoteCore
import XCTest

/// The sentence rules without ICU give exactly ICU's boundaries, or leave the text to ICU.
final class SentenceBreakRulesTests: XCTestCase {
    private func icu(_ text: String) -> [Int32] {
        let units = Array(text.utf16)
        return units.withUnsafeBufferPointer { buffer in
            let (boundaries, found) = SentenceSplitter.icuBoundaries(buffer)
            return Array(boundaries.prefix(Int(max(0, found))))
        }
    }

    private func rules(_ text: String) -> [Int32]? {
        Array(text.utf16).withUnsafeBufferPointer { SentenceBreakRules.boundaries($0) }
    }

    func testExamplesOfEachRule() {
        let examples = [
            "He left. She stayed.",                        // SB11
            "It rose 3.5 percent. Then it fell.",          // SB6
            "The U.S.A is big. So.",                       // SB7
            "See e.g. the report. Yes.",                   // SB8
            "He said \"No.\" Then he left.",               // SB9-SB11 with a closing mark
            "Wait... what? Fine! \u{201C}Really?\u{201D} she asked.",
            "First line\nsecond line\r\nthird. Fourth",    // SB3, SB4
            "Done.\n\nNext.",
            "Really?, he said. Ok.",                       // SB8a
            "Caf\u{E9}. \u{C9}t\u{E9} \u{2014} fin.\u{A0}Oui.",
        ]
        for text in examples {
            XCTAssertEqual(rules(text), icu(text), text)
        }
    }

    func testRandomTextOfTheTrickyCharactersMatchesICU() {
        let alphabet: [String] = [".", ".", ".", "!", "?", " ", " ", " ", "\"", "'", "(", ")", "a", "b", "B", "C",
                                  "1", ",", "-", ";", "\n", "\r", "\t", "\u{201C}", "\u{201D}", "\u{2019}", "\u{2014}",
                                  "\u{A0}", "\u{E9}", "\u{C9}", "#", "\u{01C0}", "\u{2024}", "\u{203C}", "\u{0131}"]
        var generator = SystemRandomNumberGenerator()
        var checked = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...24, using: &generator)
            let text = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            guard let fast = rules(text) else {
                XCTFail("the rules left \(text.debugDescription) to ICU, but all of its characters are supported")
                continue
            }
            XCTAssertEqual(fast, icu(text), text.debugDescription)
            checked += 1
        }
        XCTAssertEqual(checked, 20_000)
    }

    func testCorpusParagraphsMatchICU() throws {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Corpus")
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { $0.hasSuffix(".txt") }
        XCTAssertFalse(files.isEmpty)
        var fast = 0
        for file in files {
            let text = try String(contentsOf: corpus.appendingPathComponent(file), encoding: .utf8)
            for paragraph in text.components(separatedBy: "\n\n") where !paragraph.isEmpty {
                guard let boundaries = rules(paragraph) else { continue }
                XCTAssertEqual(boundaries, icu(paragraph), "\(file): \(paragraph.prefix(60))")
                fast += 1
            }
        }
        XCTAssertGreaterThan(fast, 100, "most Corpus paragraphs take the path without ICU")
    }

    func testOtherCharactersAreLeftToICU() {
        XCTAssertNil(rules("He said \u{6587}. Then."), "a character outside the table")
        XCTAssertNil(rules("Cafe\u{301}. Then."), "an Extend character")
        XCTAssertNil(rules("soft\u{AD}hyphen. Then."), "a Format character")
        XCTAssertNil(rules("line\u{2029}break"), "a Sep character")
        XCTAssertNil(rules("emoji \u{1F600}. Then."), "a surrogate pair")
        XCTAssertNotNil(rules("Plain text. Then more."))
    }

    /// `Extractor` keeps the break and sentence arrays from one paragraph to the next: what an
    /// earlier paragraph left in them must not reach the next one's sentences.
    func testBuffersKeptAcrossParagraphsGiveEachParagraphItsOwnSentences() {
        let text = "He left. She stayed.\n\nIt rose 3.5 percent. Then it fell.\n\nHe said \u{6587}. Then.\n\n"
            + "No break here\n\nSen. Smith said so. \"Fine,\" she said.\n\nA\u{301}. B. C."
        let buffer = TextBuffer(text)
        let layout = Layout(text: buffer, lexicon: .bundled)
        let splitter = SentenceSplitter(lexicon: .bundled)
        XCTAssertEqual(layout.paragraphs.count, 6)
        let sentinel = 0..<1
        var kept: [Range<Int>] = [sentinel]
        var breaks: [Int32] = [7, 99, 1_000, -1]
        var fresh: [Range<Int>] = [sentinel]
        for paragraph in layout.paragraphs {
            splitter.appendSentences(in: paragraph, shadow: layout.shadow, to: &kept, boundaries: &breaks)
            fresh += splitter.sentences(in: paragraph, shadow: layout.shadow)
        }
        XCTAssertEqual(kept, fresh)
        XCTAssertGreaterThan(fresh.count, 9)

        for example in ["He left. She stayed.", "One. Two. Three. Four. Five.", "x", "He said \u{6587}. Then."] {
            var reused: [Int32] = [5, 6, 7, 8, 9, 10]
            let handled = Array(example.utf16).withUnsafeBufferPointer { SentenceBreakRules.boundaries($0, into: &reused) }
            let alone = rules(example)
            XCTAssertEqual(handled, alone != nil, example)
            if let alone { XCTAssertEqual(reused, alone, example) }
        }
    }
}
