import Foundation
import QuoteCore
import QuoteSchema
@testable import QuoteStore
import XCTest

/// Speaker identity details: order of indexing, organizations.
final class SpeakerIdentityTests: TemporaryDirectoryTestCase {

    private func index(_ store: QuoteStore, _ articles: [(id: String, text: String)]) throws {
        try store.index(articles.map { article in
            (SourceDocument(id: article.id, text: article.text, metadata: nil),
             Extractor().extract(text: article.text, document: article.id))
        })
    }

    func testSurnameIndexedBeforeTheFullNameJoinsIt() throws {
        let store = try QuoteStore(path: directory.appendingPathComponent("q.sqlite").path)
        try index(store, [(id: "1", text: "\"We are ready,\" Okafor said.")])
        XCTAssertEqual(try store.speakers().map(\.name), ["Okafor"])
        try index(store, [(id: "2", text: "\"We are still ready,\" said Dana Okafor, the harbor master.")])
        let speakers = try store.speakers()
        XCTAssertEqual(speakers.map(\.name), ["Dana Okafor"])
        XCTAssertEqual(speakers.first?.quotes, 2)
        XCTAssertEqual(Set(speakers.first?.aliases ?? []), ["Okafor", "Dana Okafor"])
        // Two people with the surname: a later surname-only speaker stays apart.
        try index(store, [(id: "3", text: "\"Not me,\" said Lena Okafor, her sister."),
                          (id: "4", text: "\"Ask them,\" Okafor said.")])
        XCTAssertEqual(Set(try store.speakers().map(\.name)), ["Dana Okafor", "Lena Okafor", "Okafor"])
    }

    func testOrganizationsKeepTheWordsATitleListWouldDrop() {
        XCTAssertNotEqual(SpeakerDirectory.identity("State Department", kind: .organization).key,
                          SpeakerDirectory.identity("Justice Department", kind: .organization).key)
        XCTAssertEqual(SpeakerDirectory.identity("Senator Ana Ruiz").name, "Ana Ruiz")
    }
}
