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

    /// A transform that takes the document sees each document with its own result, on any job
    /// count, and its outputs keep input order.
    func testTransformsSeeEachDocumentWithItsResult() {
        let documents = (0..<30).map { index in
            SourceDocument(id: "d\(index)", text: String(repeating: "\"Pier \(index) is closed,\" Ines Carvalho said. ", count: 1 + index % 4))
        }
        for jobs in [1, 3] {
            let pairs = ParallelExtractor(extractor: Extractor(), jobs: jobs).extract(documents) { document, result in
                "\(document.id) \(result.document) \(result.quotes.count) \(document.text.count)"
            }
            XCTAssertEqual(pairs, documents.enumerated().map { index, document in
                "\(document.id) \(document.id) \(1 + index % 4) \(document.text.count)"
            }, "jobs \(jobs)")
        }
    }
}
