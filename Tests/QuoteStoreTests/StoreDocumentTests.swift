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
}
