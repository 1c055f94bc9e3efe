@testable import QuoteCore
import QuoteSchema
import XCTest

/// Quotation-mark pairing on small texts.
final class QuoteScannerTests: XCTestCase {
    private func spans(_ text: String) -> (quotes: [String], diagnostics: [String]) {
        let buffer = TextBuffer(text)
        let layout = Layout(text: buffer, lexicon: .bundled)
        let (quotes, diagnostics) = QuoteScanner().scan(layout)
        return (quotes.map { buffer.text($0.content) }, diagnostics.map(\.code))
    }

    func testStraightAndCurlyDoubleQuotes() {
        XCTAssertEqual(spans(#"He said "yes, now" and “no, later.”"#).quotes, ["yes, now", "no, later."])
    }

    func testApostrophesAreNotQuotes() {
        let text = "Don't go back to the '90s, said O'Brien of Dabagh’s rock 'n' roll band and the Joneses' house."
        XCTAssertEqual(spans(text).quotes, [])
    }

    func testSingleQuotesAtTopLevel() {
        XCTAssertEqual(spans("U.S. Envoy Cites 'Similarity' with Iran").quotes, ["Similarity"])
        XCTAssertEqual(spans("Mayor Warns of ‘Tough Choices’ on Budget").quotes, ["Tough Choices"])
    }

    func testNestedSingleQuotesStayInsideTheOuterQuotation() {
        let text = #""She told me, 'Wait here,' and left," he said."#
        XCTAssertEqual(spans(text).quotes, ["She told me, 'Wait here,' and left,"])
    }

    func testGuillemetsLowQuotesAndDoubledApostrophes() {
        XCTAssertEqual(spans("He said «non merci» twice.").quotes, ["non merci"])
        XCTAssertEqual(spans("She said „nicht heute“ firmly.").quotes, ["nicht heute"])
        XCTAssertEqual(spans("''The campaign helped,'' she said.").quotes, ["The campaign helped,"])
    }

    func testMultiParagraphQuotationIsOneSpanWithParts() {
        let text = "He said: \"First part.\n\n\"Second part.\n\nAdvertisement\n\n\"Third part.\"\n\nAfter."
        let buffer = TextBuffer(text)
        let (quotes, diagnostics) = QuoteScanner().scan(Layout(text: buffer, lexicon: .bundled))
        XCTAssertEqual(quotes.count, 1)
        XCTAssertEqual(quotes[0].parts.map { buffer.text($0) }, ["First part.", "Second part.", "Third part."])
        XCTAssertTrue(quotes[0].isClosed)
        XCTAssertEqual(diagnostics, [])
    }

    /// A quotation reopened in paragraph after paragraph (each part once grew a copy of all
    /// the parts before it) is one span with one part per paragraph, in order.
    func testQuotationOverThousandsOfParagraphs() {
        let paragraphs = (0..<5_000).map { "\"Item \($0) is on the list." }
        let buffer = TextBuffer(paragraphs.joined(separator: "\n\n") + "\"\n")
        let (quotes, diagnostics) = QuoteScanner().scan(Layout(text: buffer, lexicon: .bundled))
        XCTAssertEqual(quotes.count, 1)
        XCTAssertEqual(quotes.first?.parts.map { buffer.text($0) }, paragraphs.map { String($0.dropFirst()) })
        XCTAssertEqual(quotes.first?.isClosed, true)
        XCTAssertEqual(diagnostics, [])
    }

    func testUnclosedQuoteEndsAtParagraphWithDiagnostic() {
        let result = spans("\"This never closes.\n\nNext paragraph, \"closed here,\" she said.")
        XCTAssertEqual(result.quotes, ["This never closes.", "closed here,"])
        XCTAssertEqual(result.diagnostics, ["unclosed-quote"])
    }

    func testThousandsOfUnmatchedMarksStayLinearAndBounded() {
        let text = String(repeating: "word \" ", count: 20_000) + String(repeating: "“a ", count: 20_000)
        let result = spans(text)
        XCTAssertLessThanOrEqual(result.diagnostics.count, QuoteScanner.diagnosticLimit + 1)
    }
}
