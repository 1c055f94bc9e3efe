import QuoteCore
import QuoteSchema
import XCTest

/// Parallel extraction gives the same results, in the same order, as one thread.
final class ParallelExtractorTests: XCTestCase {
    func testResultsDoNotDependOnTheNumberOfJobs() {
        let documents = (0..<40).map { index in
            SourceDocument(id: "doc\(index)", text: """
            Mayor Ines Carvalho spoke on day \(index). "We will look at the numbers,\" Carvalho told reporters.

            "The bridge is safe," said Tomas Berg, the city engineer. Berg said repairs would take \(index) weeks.
            """)
        }
        let one = ParallelExtractor(extractor: Extractor(), jobs: 1).extract(documents)
        let four = ParallelExtractor(extractor: Extractor(), jobs: 4).extract(documents)
        XCTAssertEqual(one.map(\.document), documents.map(\.id))
        XCTAssertEqual(one, four)
        XCTAssertEqual(one[7].quotes.filter { $0.type == .direct }.count, 2)
    }
}
