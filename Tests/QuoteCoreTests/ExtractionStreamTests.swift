import QuoteCore
import QuoteSchema
import XCTest

/// A stream hands results back in input order, whatever the jobs and limits, and never loses one.
final class ExtractionStreamTests: XCTestCase {
    /// Articles of different lengths, so that workers finish out of order.
    private let documents: [SourceDocument] = (0..<60).map { index in
        let paragraph = """
        "We will look at the numbers on day \(index)," Mayor Ines Carvalho told reporters. \
        Tomas Berg, the city engineer, said repairs would take \(index % 7 + 1) weeks.
        """
        return SourceDocument(id: "doc\(index)", text: Array(repeating: paragraph, count: index % 9 + 1).joined(separator: "\n\n"))
    }

    /// `byClosure`: results handed to `submit(_:each:)`'s closure instead of returned.
    private func streamed(jobs: Int, maxPendingDocuments: Int, maxPendingBytes: Int, drainEvery: Int? = nil,
                          byClosure: Bool = false) -> [DocumentResult] {
        let stream = ExtractionStream(extractor: ParallelExtractor(extractor: Extractor(), jobs: jobs),
                                      maxPendingDocuments: maxPendingDocuments, maxPendingBytes: maxPendingBytes) { $0 }
        var results: [DocumentResult] = []
        for (index, document) in documents.enumerated() {
            if byClosure {
                stream.submit(document) { results.append($0) }
            } else {
                results += stream.submit(document)
            }
            if let drainEvery, index % drainEvery == drainEvery - 1 {
                results += stream.drain()
                XCTAssertEqual(results.count, index + 1, "a drain hands back every document submitted before it")
            }
        }
        results += stream.drain()
        XCTAssertTrue(stream.drain().isEmpty, "a second drain has nothing left")
        return results
    }

    func testResultsComeBackInInputOrderForAnyJobsAndLimits() {
        let expected = ParallelExtractor(extractor: Extractor(), jobs: 1).extract(documents)
        XCTAssertEqual(expected.map(\.document), documents.map(\.id))
        XCTAssertEqual(streamed(jobs: 1, maxPendingDocuments: 256, maxPendingBytes: 1 << 20), expected)
        XCTAssertEqual(streamed(jobs: 2, maxPendingDocuments: 256, maxPendingBytes: 16 << 20), expected)
        // Tight limits make `submit` wait for the workers again and again.
        XCTAssertEqual(streamed(jobs: 2, maxPendingDocuments: 3, maxPendingBytes: 1 << 20), expected)
        XCTAssertEqual(streamed(jobs: 4, maxPendingDocuments: 5, maxPendingBytes: 2_000), expected)
        XCTAssertEqual(streamed(jobs: 3, maxPendingDocuments: 8, maxPendingBytes: 1 << 20, drainEvery: 7), expected)
        // The same through `submit(_:each:)`, with one job (no array) and with several.
        XCTAssertEqual(streamed(jobs: 1, maxPendingDocuments: 256, maxPendingBytes: 1 << 20, byClosure: true), expected)
        XCTAssertEqual(streamed(jobs: 2, maxPendingDocuments: 3, maxPendingBytes: 1 << 20, byClosure: true), expected)
        XCTAssertEqual(streamed(jobs: 3, maxPendingDocuments: 8, maxPendingBytes: 1 << 20, drainEvery: 7, byClosure: true), expected)
    }

    func testADocumentLargerThanTheByteLimitStillGoesThrough() {
        let expected = ParallelExtractor(extractor: Extractor(), jobs: 1).extract(documents)
        // Every document is over 100 bytes: each waits until nothing else is pending.
        XCTAssertEqual(streamed(jobs: 2, maxPendingDocuments: 64, maxPendingBytes: 100), expected)
    }

    func testResultsAreTransformedOnTheWorkers() {
        let summary: @Sendable (DocumentResult) -> String = { "\($0.document): \($0.quotes.count) quotations" }
        let stream = ExtractionStream(extractor: ParallelExtractor(extractor: Extractor(), jobs: 2)) { result in
            (summary(result), Thread.isMainThread)
        }
        var lines: [(String, Bool)] = []
        for document in documents.prefix(10) { lines += stream.submit(document) }
        lines += stream.drain()
        let expected = ParallelExtractor(extractor: Extractor(), jobs: 1).extract(Array(documents.prefix(10))).map(summary)
        XCTAssertEqual(lines.map(\.0), expected)
        XCTAssertFalse(lines.contains { $0.1 }, "with two jobs no result is transformed on the caller's thread")
    }

    func testDroppingAStreamWithWorkPendingEndsItsWorkers() {
        weak var dropped: AnyObject?
        do {
            let stream = ExtractionStream(extractor: ParallelExtractor(extractor: Extractor(), jobs: 2)) { $0.document }
            for document in documents { _ = stream.submit(document) }
            dropped = stream
        }
        XCTAssertNil(dropped, "the stream is freed although documents were still pending")
    }
}
