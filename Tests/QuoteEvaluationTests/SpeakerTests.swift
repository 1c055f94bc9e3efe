import XCTest
import QuoteSchema
@testable import QuoteEvaluation

/// Speaker accuracy, null speakers and end-to-end figures.
final class SpeakerTests: XCTestCase {
    /// Scores one predicted speaker per copy of `text`, all against the same gold quote.
    private func speakerReport(_ text: String, quote: String, goldSpeaker: String?,
                               predicted: [Speaker?]) -> EvaluationReport {
        var documents: [GoldDocument] = []
        var predictions: [String: [QuoteRecord]] = [:]
        for (i, speaker) in predicted.enumerated() {
            let id = "doc\(i)"
            documents.append(Fixture.document(id, text, [Fixture.gold(quote, in: text, speaker: goldSpeaker)]))
            predictions[id] = [Fixture.record(quote, in: text, speaker: speaker)]
        }
        return Fixture.score(documents, predictions)
    }

    func testNameWords() {
        XCTAssertEqual(SpeakerMatcher.nameWords("Sen. Maria O’Neill’s office"), ["maria", "o'neill"])
        XCTAssertEqual(SpeakerMatcher.nameWords("The President"), [])
        XCTAssertEqual(SpeakerMatcher.nameWords("longtime strategist Jane Holloway"), ["jane", "holloway"])
        XCTAssertEqual(SpeakerMatcher.nameWords("Rep. Wasserman-Schultz, D-Fla."), ["wasserman", "schultz", "fla"])
        XCTAssertEqual(SpeakerMatcher.nameWords("U.S. officials"), [], "single letters are not names")
        XCTAssertEqual(SpeakerMatcher.nameWords("Holloway's"), ["holloway"])
        XCTAssertTrue(SpeakerMatcher.isPronoun(" They "))
        XCTAssertFalse(SpeakerMatcher.isPronoun("they said"))
    }

    func testSpeakerRightByMentionOverlap() {
        let text = "“Taxes will go down,” said the Florida senator. Later Ted Moss spoke."
        let report = speakerReport(text, quote: "Taxes will go down,", goldSpeaker: "the Florida senator", predicted: [
            // The name shares no word with the gold text, but the mention lies inside it.
            Fixture.speaker("Edward Moss", mention: "senator", in: text),
            // Same name, mention elsewhere: wrong.
            Fixture.speaker("Edward Moss", mention: "Ted Moss", in: text),
            // No speaker at all: wrong.
            nil,
        ])
        XCTAssertCounts(report.directExact.spans, tp: 3, fp: 0, fn: 0)
        XCTAssertEqual(report.directExact.speaker, Ratio(correct: 1, total: 3))
        XCTAssertClose(report.directExact.speaker.value, 1.0 / 3.0)
        XCTAssertEqual(report.directExact.nullSpeaker, Ratio(correct: 0, total: 0))

        let gold = GoldSpan(text: "the Florida senator", start: 27, end: 46)
        XCTAssertEqual(Fixture.range("the Florida senator", in: text).start, 27)
        XCTAssertEqual(SpeakerMatcher.verdict(gold: gold, predicted: Fixture.speaker("Edward Moss", mention: "senator", in: text)),
                       .mentionOverlap)
        XCTAssertEqual(SpeakerMatcher.verdict(gold: gold, predicted: nil), .missingSpeaker)
    }

    func testSpeakerRightBySharedNameWord() {
        let text = "“Taxes will go down,” veteran strategist Jane Holloway said."
        let report = speakerReport(text, quote: "Taxes will go down,", goldSpeaker: "veteran strategist Jane Holloway", predicted: [
            Fixture.speaker("Jane Holloway"),                  // right: jane, holloway
            Fixture.speaker("Holloway’s campaign"),            // right: possessive stripped
            Fixture.speaker("The Strategist"),                 // wrong: gold "strategist" is lowercase
            Fixture.speaker("Ms. Smith"),                      // wrong
        ])
        XCTAssertEqual(report.directExact.speaker, Ratio(correct: 2, total: 4))
        XCTAssertClose(report.directExact.speaker.value, 0.5)
        let gold = GoldSpan(text: "veteran strategist Jane Holloway", start: 22, end: 54)
        XCTAssertEqual(SpeakerMatcher.verdict(gold: gold, predicted: Fixture.speaker("Jane Holloway")), .sharedNameWord)
        XCTAssertEqual(SpeakerMatcher.verdict(gold: gold, predicted: Fixture.speaker("Ms. Smith")), .different)
    }

    func testPronounSpeakerNeedsOverlap() {
        let text = "“We are not done,” she said, and Jane Holloway nodded."
        let report = speakerReport(text, quote: "We are not done,", goldSpeaker: "she", predicted: [
            Fixture.speaker("Jane Holloway", mention: "she", in: text),           // right: overlap
            Fixture.speaker("Jane Holloway", mention: "Jane Holloway", in: text), // wrong
            Fixture.speaker("She"),                                                // wrong: no mention
        ])
        XCTAssertEqual(report.directExact.speaker, Ratio(correct: 1, total: 3))
        let gold = GoldSpan(text: "she", start: 19, end: 22)
        XCTAssertEqual(Fixture.range("she", in: text).start, 19)
        XCTAssertEqual(SpeakerMatcher.verdict(gold: gold, predicted: Fixture.speaker("She")), .pronounWithoutOverlap)
    }

    func testNullGoldSpeaker() {
        let text = "“The vote is delayed,” it was announced on Friday."
        let report = speakerReport(text, quote: "The vote is delayed,", goldSpeaker: nil, predicted: [
            nil,                           // right: no speaker either
            Fixture.speaker("Officials"),  // wrong: gold names nobody
        ])
        XCTAssertEqual(report.directExact.nullSpeaker, Ratio(correct: 1, total: 2))
        XCTAssertEqual(report.directExact.speaker, Ratio(correct: 0, total: 0))
        XCTAssertCounts(report.directExact.endToEnd, tp: 1, fp: 1, fn: 1)
        XCTAssertEqual(report.headline["direct_null_speaker_accuracy"], 0.5)
        XCTAssertEqual(report.headline["direct_speaker_accuracy"], 0, "no gold speakers: 0 by convention")
        let errors = Scorer().errors(gold: [Fixture.document("doc1", text, [Fixture.gold("The vote is delayed,", in: text)])],
                                     predictions: ["doc1": [Fixture.record("The vote is delayed,", in: text,
                                                                           speaker: Fixture.speaker("Officials"))]],
                                     blocks: [.directExact])
        XCTAssertEqual(errors.map(\.kind), [.wrongSpeaker])
        XCTAssertEqual(errors.first?.speakerVerdict, .spuriousSpeaker)
        XCTAssertNil(errors.first?.goldSpeaker)
    }

    func testEndToEnd() {
        let text = "“One,” said Ann Lee. “Two,” said Bob Ray. “Three,” said Cy Dunn. “Four,” someone said."
        let doc = Fixture.document("e", text, [
            Fixture.gold("One,", in: text, speaker: "Ann Lee"),
            Fixture.gold("Two,", in: text, speaker: "Bob Ray"),
            Fixture.gold("Three,", in: text, speaker: "Cy Dunn"),
        ])
        let preds = [
            Fixture.record("One,", in: text, speaker: Fixture.speaker("Ann Lee", mention: "Ann Lee", in: text)),
            Fixture.record("Two,", in: text, speaker: Fixture.speaker("Robert Ray")),
            Fixture.record("Three,", in: text, speaker: Fixture.speaker("Ann Lee", mention: "Ann Lee", in: text)),
            Fixture.record("Four,", in: text),
        ]
        let report = Fixture.score([doc], ["e": preds])
        let block = report.directExact
        XCTAssertCounts(block.spans, tp: 3, fp: 1, fn: 0)
        XCTAssertClose(block.spans.precision, 0.75)
        XCTAssertClose(block.spans.f1, 6.0 / 7.0)
        XCTAssertEqual(block.speaker, Ratio(correct: 2, total: 3))
        // End to end: 2 right of 4 predicted and 3 gold.
        XCTAssertCounts(block.endToEnd, tp: 2, fp: 2, fn: 1)
        XCTAssertClose(block.endToEnd.precision, 0.5)
        XCTAssertClose(block.endToEnd.recall, 2.0 / 3.0)
        XCTAssertClose(block.endToEnd.f1, 4.0 / 7.0)
        XCTAssertClose(report.headline["direct_e2e_f1"]!, 4.0 / 7.0)
        XCTAssertClose(report.headline["all_e2e_f1"]!, 4.0 / 7.0)
    }
}
