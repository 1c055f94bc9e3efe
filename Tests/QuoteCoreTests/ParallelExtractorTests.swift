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

    /// What the reader found wrong with a document (an empty file) comes first among its
    /// result's diagnostics; a document read without a problem adds none.
    func testTheReadersDiagnosticsComeFirst() {
        let read = Diagnostic(code: "empty-document", severity: .warning, message: "the file is empty")
        let documents = [
            SourceDocument(id: "empty", text: "", diagnostics: [read]),
            SourceDocument(id: "plain", text: "The pier opens on Monday."),
            SourceDocument(id: "open", text: "\"The pier opens on Monday, the mayor said.", diagnostics: [read]),
        ]
        for jobs in [1, 2] {
            let results = ParallelExtractor(extractor: Extractor(), jobs: jobs).extract(documents)
            XCTAssertEqual(results[0].diagnostics.first, read, "jobs \(jobs)")
            XCTAssertEqual(results[1].diagnostics, Extractor().extract(text: documents[1].text, document: "plain").diagnostics)
            XCTAssertEqual(results[2].diagnostics.first, read)
            XCTAssertEqual(Array(results[2].diagnostics.dropFirst()),
                           Extractor().extract(text: documents[2].text, document: "open").diagnostics, "jobs \(jobs)")
        }
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
