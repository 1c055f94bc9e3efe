@testable import QuoteCore
import QuoteSchema
import XCTest

/// An overlong sentence is read in windows of at most `Extractor.maxUnitTokens` tokens, cut after
/// a full stop, semicolon or quotation in a window's last quarter, and the windows together hold
/// exactly the sentence's tokens.
final class WindowTests: XCTestCase {
    private func units(_ text: String) -> (units: [QuoteCore.Unit], tokens: [Token], diagnostics: [Diagnostic]) {
        let buffer = TextBuffer(text)
        let layout = Layout(text: buffer, lexicon: .bundled)
        let (quotes, _) = QuoteScanner().scan(layout)
        var diagnostics: [Diagnostic] = []
        let units = Extractor().buildUnits(layout: layout, quotes: quotes, diagnostics: &diagnostics)
        let tokens = Tokenizer(lexicon: .bundled).tokens(layout.shadow, 0..<layout.shadow.count, atoms: [])
        return (units, tokens, diagnostics)
    }

    func testWindowsPartitionTheSentenceAndCutAtStops() {
        // 4 tokens per piece, no sentence end; a comma, then a colon-free stop every 60 pieces.
        for pieces in [63, 64, 65, 200, 1_000] {
            var text = ""
            for piece in 0..<pieces { text += piece % 60 == 59 ? "alpha beta gamma ; " : "alpha beta gamma , " }
            let (units, tokens, diagnostics) = units(text)
            let max = Extractor.maxUnitTokens
            XCTAssertEqual(units.flatMap { $0.tokens.map(\.range) }, tokens.map(\.range), "\(pieces) pieces")
            XCTAssertTrue(units.allSatisfy { !$0.tokens.isEmpty && $0.tokens.count <= max }, "\(pieces) pieces")
            for unit in units.dropLast() {
                // A full window, or one ending at the semicolon in its last quarter.
                XCTAssertTrue(unit.tokens.count == max || unit.tokens.last!.isPunct(";"), "\(pieces) pieces")
                XCTAssertGreaterThan(unit.tokens.count, max * 3 / 4)
                XCTAssertEqual(unit.range, unit.tokens.first!.range.lowerBound..<unit.tokens.last!.range.upperBound)
            }
            let overlong = diagnostics.filter { $0.code == "overlong-sentence" }
            if tokens.count > max {
                XCTAssertEqual(overlong.map(\.message), ["sentence of \(tokens.count) tokens read in windows of \(max)"])
                XCTAssertGreaterThan(units.count, 1)
            } else {
                XCTAssertTrue(overlong.isEmpty)
                XCTAssertEqual(units.count, 1)
            }
        }
    }
}
