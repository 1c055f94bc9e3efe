import Foundation
import QuoteCore
import QuoteSchema
@testable import QuoteStore
import XCTest

/// The rows a document is stored as do not depend on the process that wrote them.
final class StoreDocumentTests: XCTestCase {
    func testMetadataIsStoredWithSortedKeysWhateverTheDictionaryOrder() throws {
        let keys = ["url", "title", "site", "published", "format", "encoding", "author", "byline", "section", "lang"]
        var metadata: [String: JSONValue] = [:]
        for (index, key) in keys.enumerated() { metadata[key] = .string("v\(index)/x") }
        metadata["meta"] = .object(["zeta": .number(1), "alpha": .bool(true), "mid": .null])
        let text = "\"The pier is closed,\" Mayor Ines Carvalho said."
        let document = SourceDocument(id: "a", text: text, metadata: metadata)
        let stored = try StoreDocument(document: document, result: Extractor().extract(text: text, document: "a", metadata: metadata))
        XCTAssertEqual(stored.metadataJSON, """
            {"author":"v6/x","byline":"v7/x","encoding":"v5/x","format":"v4/x","lang":"v9/x",\
            "meta":{"alpha":true,"mid":null,"zeta":1},"published":"v3/x","section":"v8/x","site":"v2/x",\
            "title":"v1/x","url":"v0/x"}
            """)
    }

    func testTitleIsTheFirstLineWhateverItsLineEnd() {
        func title(_ text: String) -> String? { StoreSchema.title(SourceDocument(id: "d", text: text)) }
        XCTAssertEqual(title("Harbour reopens\nThe ferry runs again."), "Harbour reopens")
        XCTAssertEqual(title("Harbour reopens\r\nThe ferry runs again."), "Harbour reopens")
        XCTAssertEqual(title("Harbour reopens\rThe ferry runs again."), "Harbour reopens")
        XCTAssertEqual(title("  Caf\u{E9} owners \u{2018}relieved\u{2019}\t\nText"), "Caf\u{E9} owners \u{2018}relieved\u{2019}")
        // At most 200 characters, cut where they end.
        XCTAssertEqual(title(String(repeating: "word ", count: 100)), String(repeating: "word ", count: 40))
        XCTAssertNil(title("\n\nText after a blank first line"))
        XCTAssertNil(title(""))
    }

    /// The byte-level first line equals Foundation's trimming and `Character` prefix on texts
    /// of ASCII and other white space, line ends, accents, curly marks and long lines.
    func testFirstLineOnBytesEqualsTheCharacterReading() {
        let pieces = ["word", "Caf\u{E9}", "\u{2019}s", " ", "  ", "\t", "\u{A0}", "\u{3000}", "\u{2003}", "\n", "\r", "\r\n",
                      "e\u{301}", "\u{1F600}", String(repeating: "x", count: 90), String(repeating: "\u{E9}", count: 60)]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<4_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(StoreSchema.firstLine(text), StoreSchema.firstLineByCharacters(text), text.debugDescription)
        }
    }

    func testContentHashIsFNV1aOfTheUTF8() {
        XCTAssertEqual(StoreSchema.contentHash(""), "cbf29ce484222325")
        XCTAssertEqual(StoreSchema.contentHash("a"), "af63dc4c8601ec8c")
        XCTAssertNotEqual(StoreSchema.contentHash("caf\u{E9}"), StoreSchema.contentHash("cafe\u{301}"))
    }

    /// The extraction hash is of the values the rows hold (`FieldHasher`); the legacy one the
    /// writer falls back on is of the records' JSON as JSONEncoder writes it (the bytes the store
    /// kept in `record` until `v7`); the `parts` and `diagnostics` columns are JSONEncoder's arrays.
    func testHashAndJSONColumnsAreOfWhatJSONEncoderWrites() throws {
        let text = "\"The pier is closed,\" Mayor Ines Carvalho said. \"It opens\nin May/June,\" she said.\n\n"
            + "Carvalho told reporters the caf\u{E9} \"stays\" open. \"The pier comes first.\n\n"
            + "\"The ferry comes second,\" she said.\n\nCarvalho said: \"The tolls stay where they are."
        var result = Extractor().extract(text: text, document: "a/b")
        XCTAssertGreaterThanOrEqual(result.quotes.count, 5)
        XCTAssertTrue(result.quotes.contains { $0.quote.parts != nil } && result.quotes.contains { $0.diagnostics != nil })
        let stored = try StoreDocument(document: SourceDocument(id: "a/b", text: text), result: result)
        var hasher = FieldHasher()
        hasher.add(stored.title)
        hasher.add(stored.published)
        hasher.add(stored.metadataJSON)
        hasher.add(result.quotes.count)
        for record in result.quotes { hasher.add(record) }
        XCTAssertEqual(stored.extractionHash, StoreDocument.extractionHashPrefix + hasher.hex)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = try result.quotes.flatMap { Array(try encoder.encode($0)) }
        XCTAssertEqual(stored.legacyExtractionHash(), StoreDocument.legacyExtractionHash(
            title: stored.title, published: stored.published, metadataJSON: stored.metadataJSON, records: json))
        // One byte more or less in the records is another hash.
        XCTAssertNotEqual(stored.legacyExtractionHash(), StoreDocument.legacyExtractionHash(
            title: stored.title, published: stored.published, metadataJSON: stored.metadataJSON, records: Array(json.dropLast())))
        // A record left out is another hash.
        var fewer = result
        fewer.quotes.removeLast()
        XCTAssertNotEqual(try StoreDocument(document: SourceDocument(id: "a/b", text: text), result: fewer).extractionHash,
                          stored.extractionHash)
        XCTAssertEqual(stored.quotes.map(\.partsJSON),
                       try result.quotes.map { try $0.quote.parts.map { String(decoding: try encoder.encode($0), as: UTF8.self) } })
        XCTAssertEqual(stored.quotes.map(\.diagnosticsJSON),
                       try result.quotes.map { try $0.diagnostics.map { String(decoding: try encoder.encode($0), as: UTF8.self) } })
        // A confidence JSON cannot hold is refused, as JSONEncoder refuses it.
        result.quotes[1].confidence = .nan
        XCTAssertThrowsError(try StoreDocument(document: SourceDocument(id: "a/b", text: text), result: result))
    }
}
