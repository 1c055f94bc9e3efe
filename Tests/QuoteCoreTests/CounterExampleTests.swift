import QuoteCore
import QuoteSchema
import XCTest

/// Sentences that look like attributions and are not: no record may name a speaker for them.
final class CounterExampleTests: XCTestCase {
    private func speakers(_ text: String) -> [String?] {
        Extractor().extract(text: text, document: "counter").quotes.map { $0.speaker?.name }
    }

    /// Headline labels are not speakers ("Breaking: ...", "The Latest: ...").
    func testHeadlineLabelsAreNoSpeakers() {
        XCTAssertEqual(speakers("Breaking: Council Approves Pier Budget After Long Night\n\nThe vote was close."), [])
        XCTAssertEqual(speakers("The Latest: Mayor To Veto Pier Budget\n\nThe vote was close."), [])
        // A name before the colon still is one.
        XCTAssertEqual(speakers("Carvalho: Pier Budget Is Dead On Arrival\n\nThe vote was close."), ["Carvalho"])
    }

    /// A passive cue's agent is the speaker's name, not something reported: no record.
    func testPassiveAgentIsNoReport() {
        XCTAssertEqual(speakers("The levy was criticized by two council members at the hearing on Tuesday."), [])
        XCTAssertEqual(speakers("Her plan was quickly derided by Rafael Ostrow, the board's treasurer."), [])
        // The active voice still reports.
        XCTAssertEqual(speakers("Rafael Ostrow derided the plan as a blank check for the county."), ["Rafael Ostrow"])
    }

    /// "began" and "continued" introduce quotations but report no clause of their own.
    func testBeganAndContinuedReportNothing() {
        XCTAssertEqual(speakers("Ridership began to fall in October, and the board continued the old timetable."), [])
        // With a quotation they still attribute it.
        XCTAssertEqual(speakers("\"We will keep the early boat,\" Tomas Lindqvist continued."), ["Tomas Lindqvist"])
    }

    /// What sets the scene before a parenthetical cue is not reported; what follows the cue is.
    func testSceneBeforeParentheticalCueIsNotReported() {
        // The question is reported for its unnamed asker ("asked-question"), never for Carvalho.
        let quotes = Extractor().extract(text: "When asked about the levy, Ines Carvalho said, the pumps are safe to use.",
                                         document: "counter").quotes.map { "\($0.quote.text) | \($0.speaker?.name ?? "-")" }
        XCTAssertEqual(quotes, ["about the levy | -", "the pumps are safe to use | Ines Carvalho"])
        // A lone conjunction before the cue is no fragment either.
        let after = Extractor().extract(text: "But, Ines Carvalho said, the pumps are safe to use.",
                                        document: "counter").quotes.map(\.quote.text)
        XCTAssertEqual(after, ["the pumps are safe to use"])
    }

    /// Speaking at a place, to someone or for an hour reports nothing; speaking about a topic does.
    func testSpeakingReportsOnlyATopic() {
        XCTAssertEqual(speakers("Ines Carvalho spoke at a memorial service in Lisbon on Sunday."), [])
        XCTAssertEqual(speakers("Ines Carvalho spoke with voters outside the polling station."), [])
        XCTAssertEqual(speakers("Ines Carvalho spoke about the need for new pumps at the harbour."), ["Ines Carvalho"])
    }
}
