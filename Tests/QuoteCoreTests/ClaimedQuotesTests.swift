@testable import QuoteCore
import XCTest

/// An attribution's claimed quotations read the same whether held as one quotation or as a list.
final class ClaimedQuotesTests: XCTestCase {
    func testDirectAttributionClaimsItsQuotation() {
        let direct = Attribution(rule: "r", directQuote: 7, speaker: nil, via: nil, cue: nil, cueLemma: nil,
                                 confidence: 0.9, unit: 2)
        XCTAssertEqual(Array(direct.claimed), [7])
        XCTAssertEqual(direct.quote, 7)
        XCTAssertEqual(direct.type, .direct)
        XCTAssertNil(direct.content)
    }

    func testListedClaimsStayAsGiven() {
        for list in [[], [3], [3, 5, 9]] {
            let clause = Attribution(rule: "r", type: list.isEmpty ? .indirect : .mixed, quote: list.first, content: 0..<4,
                                     speaker: nil, via: nil, cue: nil, cueLemma: nil, confidence: 0.8, claimed: list, unit: 0)
            XCTAssertEqual(Array(clause.claimed), list)
            XCTAssertEqual(clause.claimed.count, list.count)
        }
    }
}
