@testable import QuoteCore
import QuoteSchema
import XCTest

/// `ContinuationRule` walks back unit by unit to the latest earlier attribution; it must find
/// what reading the whole list of accepted attributions found (the rule before it walked, kept
/// here as `WholeListContinuation`), on documents that mix every case the walk stops at.
final class ContinuationWalkTests: XCTestCase {
    /// The rule as it was: every accepted attribution filtered, the latest taken, then the
    /// paragraph test and a search for a quotation in between (quadratic in the attributions);
    /// the attribution it makes is built by the rule itself.
    struct WholeListContinuation: AttributionRule {
        let id = "continuation"
        let examples: [RuleExample] = []

        func apply(_ unit: QuoteCore.Unit, _ context: RuleContext) -> [Attribution] {
            let tokens = unit.tokens
            guard unit.isQuoteOnly,
                  let quoteToken = tokens.first(where: { $0.kind == .quote }), quoteToken.part == 0,
                  !context.claimed.contains(quoteToken.quote) else { return [] }
            guard let previous = context.accepted.filter({ candidate in
                candidate.unit < unit.index && candidate.speaker != nil
                    && (candidate.type != .indirect || (candidate.unit == unit.index - 1 && ContinuationRule().closesUnit(candidate, context.units[candidate.unit])))
            }).max(by: { ($0.unit, $0.cue?.lowerBound ?? 0) < ($1.unit, $1.cue?.lowerBound ?? 0) }) else { return [] }
            let previousUnit = context.units[previous.unit]
            let previousParagraph = previous.quote.map { context.quotes[$0].lastParagraph } ?? previousUnit.paragraph
            guard unit.paragraph - previousParagraph <= 1, unit.paragraph - previousUnit.paragraph <= 1 else { return [] }
            for between in (previous.unit + 1)..<unit.index where context.units[between].tokens.contains(where: { $0.kind == .quote }) {
                return []
            }
            return [ContinuationRule().continuation(of: previous, in: previousUnit, quote: quoteToken.quote, unit: unit)]
        }
    }

    /// Sentences that make, break or stand between continuations: attributed quotations (one
    /// unit with two attributions), quote-only sentences, indirect speech that closes its
    /// sentence or not, unquoted sentences, quotations nobody is credited with, a quotation
    /// over two sentences.
    static let pieces = [
        "\"We will act soon,\" Dana Okafor said.",
        "\"It is fine.\"",
        "\"Is it?\"",
        "\"Not yet,\" said Lee Marsh, and \"maybe never,\" Ana Ruiz added.",
        "The vote is on Tuesday.",
        "Prices rose, he says.",
        "He says prices rose in the spring and the summer as well.",
        "The plan, which costs \"too much\" for some, is sound.",
        "Marsh told reporters that the plan was sound.",
        "\"First part. Second part.\"",
        "\u{201C}Curly and closed,\u{201D} the mayor said.",
        "\u{201C}Left open.",
    ]

    /// A small deterministic generator (the same documents on every run and machine).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static func document(_ generator: inout Generator) -> String {
        var text = ""
        for _ in 0..<(5 + generator.next(30)) {
            text += pieces[generator.next(pieces.count)]
            switch generator.next(4) {
            case 0: text += "\n\n"
            case 1: text += "\n"
            default: text += " "
            }
        }
        return text
    }

    func testTheWalkFindsWhatTheWholeListFound() {
        let walking = Extractor()
        let reference = Extractor(rules: RuleRegistry.rules.map { $0 is ContinuationRule ? WholeListContinuation() : $0 })
        var generator = Generator(state: 20261201)
        var continuations = 0
        for number in 0..<400 {
            let text = ContinuationWalkTests.document(&generator)
            let found = walking.extract(text: text, document: "d\(number)")
            let expected = reference.extract(text: text, document: "d\(number)")
            XCTAssertTrue(found == expected, "the walk and the whole list differ on: \(text)")
            continuations += found.quotes.filter { $0.rule == "continuation" }.count
        }
        // The documents exercise the rule: many quotations are continued.
        XCTAssertGreaterThan(continuations, 200)
    }

    /// Thousands of continued quotations in one paragraph: each walks back one unit.
    func testManyContinuationsInOneParagraph() {
        let text = String(repeating: "\"We will act soon,\" Dana Okafor said. \"It is fine.\" ", count: 3_000)
        let result = Extractor().extract(text: text, document: "long")
        let continued = result.quotes.filter { $0.rule == "continuation" }
        XCTAssertEqual(continued.count, 3_000)
        XCTAssertTrue(continued.allSatisfy { $0.speaker?.name == "Dana Okafor" })
    }
}
