@testable import QuoteCore
import QuoteSchema
import XCTest

/// A thread's scratch, reused from one document to the next, changes no result.
final class ExtractionScratchTests: XCTestCase {
    /// Documents of every shape the scratch's arrays see: the Corpus, an empty text, one of
    /// many short lines (more than `keptCapacity`), a run-on sentence read in windows, a text
    /// of CRLF lines without blank lines, and one beyond ASCII.
    private func documents() throws -> [SourceDocument] {
        var documents = try CorpusArticle.all.map { article in
            SourceDocument(id: article.name, text: try String(contentsOf: article.textURL, encoding: .utf8))
        }
        XCTAssertGreaterThanOrEqual(documents.count, 10)
        let manyLines = (0..<(ExtractionScratch.keptCapacity + 500)).map { "Line \($0) of the log." }
        let runOn = Array(repeating: "and the council voted again", count: 120).joined(separator: " ")
        documents += [
            SourceDocument(id: "empty", text: ""),
            SourceDocument(id: "many-lines", text: manyLines.joined(separator: "\n\n")
                + "\n\n\"We are done,\" Mayor Ines Carvalho said."),
            SourceDocument(id: "run-on", text: "\"It passed,\" Tomas Berg said, " + runOn + ". Berg said it would pass again."),
            SourceDocument(id: "crlf", text: "\"The pier is shut,\" said Ana Ruiz.\r\nRuiz said it would open in May.\r\n"
                + "Photo: the pier\r\n\"We wait,\" Ruiz told reporters."),
            SourceDocument(id: "accents", text: "« Nous verrons », a déclaré Zoë Müller. “Später,” sagte Ünal Şahin."),
        ]
        return documents
    }

    /// Each document extracted with one scratch, in two different orders (so that each follows
    /// documents of other shapes), gives the result it has with a scratch of its own.
    func testResultsAreTheSameWithAScratchReused() throws {
        let extractor = Extractor()
        let documents = try documents()
        let alone = documents.map { extractor.extract($0) }
        XCTAssertEqual(alone.first { $0.document == "many-lines" }?.quotes.count, 1)
        XCTAssertEqual(alone.first { $0.document == "run-on" }?.diagnostics.map(\.code).contains("overlong-sentence"), true)
        let scratch = ExtractionScratch()
        for order in [Array(documents.indices), documents.indices.reversed() + documents.indices.filter { $0 % 2 == 0 }] {
            for index in order {
                // (`XCTAssertTrue`, not `XCTAssertEqual`: a failure names the document, not two
                // whole results.)
                XCTAssertTrue(extractor.extract(documents[index], scratch: scratch) == alone[index],
                              "\(documents[index].id) differs after the documents before it")
                // What the next document finds: empty arrays, none larger than kept, no token pending.
                XCTAssertTrue(scratch.isEmpty, documents[index].id)
                XCTAssertNotNil(scratch.pending?.count, documents[index].id)  // the buffer is kept
                XCTAssertLessThanOrEqual(scratch.largestCapacity, ExtractionScratch.keptCapacity, documents[index].id)
            }
        }
    }

    /// A huge document's arrays are let go, not kept for the thread's life.
    func testArraysGrownBeyondTheLimitAreLetGo() {
        let scratch = ExtractionScratch()
        let small = SourceDocument(id: "small", text: "\"Yes,\" she said.\n\nThe pier opens on Monday.")
        _ = Extractor().extract(small, scratch: scratch)
        XCTAssertGreaterThan(scratch.lines.capacity, 0, "a small document's lines are kept")
        let lines = (0..<(ExtractionScratch.keptCapacity * 2)).map { "Line \($0)." }.joined(separator: "\n")
        _ = Extractor().extract(SourceDocument(id: "huge", text: lines), scratch: scratch)
        XCTAssertLessThanOrEqual(scratch.lines.capacity, ExtractionScratch.keptCapacity)
        XCTAssertLessThanOrEqual(scratch.lineKinds.capacity, ExtractionScratch.keptCapacity)
        // A paragraph of more sentences than that, each a candidate of the rules (a quotation).
        let sentences = Array(repeating: "\"The pier opens on Monday,\" Ana Ruiz said.", count: ExtractionScratch.keptCapacity + 100)
        let result = Extractor().extract(SourceDocument(id: "long-paragraph", text: sentences.joined(separator: " ")),
                                         scratch: scratch)
        XCTAssertEqual(result.quotes.count, sentences.count)
        XCTAssertLessThanOrEqual(scratch.largestCapacity, ExtractionScratch.keptCapacity)
        // A small document's tables are kept (the bound above is not met by keeping nothing).
        _ = Extractor().extract(small, scratch: scratch)
        XCTAssertGreaterThan(scratch.largestCapacity, 0)
        XCTAssertTrue(scratch.isEmpty)
    }
}
