import Foundation
import QuoteCore
import QuoteSchema
import QuoteStore
import XCTest

/// Headline fragments and clauses that the extractor gives as speaker names stay out of the
/// speaker directory; real names, including unusual ones, stay in.
final class SpeakerNameFilterTests: TemporaryDirectoryTestCase {

    /// A store holding one document whose quotations are attributed to `names` (in order).
    private func store(speakers names: [(String, SpeakerKind)]) throws -> QuoteStore {
        let text = names.indices.map { "\"Point \($0) stands,\" Donald Trump said." }.joined(separator: "\n\n")
        var result = Extractor().extract(text: text, document: "d")
        XCTAssertEqual(result.quotes.count, names.count, "the extractor did not find one quotation per paragraph")
        for (index, (name, kind)) in names.enumerated() where index < result.quotes.count {
            result.quotes[index].speaker?.name = name
            result.quotes[index].speaker?.kind = kind
            result.quotes[index].speaker?.resolution = "name"
        }
        let store = try QuoteStore(path: directory.appendingPathComponent("names.sqlite").path)
        try store.index([(document: SourceDocument(id: "d", text: text), result: result)])
        return store
    }

    func testHeadlineFragmentsAndClausesGetNoSpeakerButKeepTheirQuotation() throws {
        let store = try store(speakers: [
            ("Donald Trump", .person), ("Attacks On Donald Trump", .person), ("Growls In Response To Kaine", .person),
            ("Big Win For Bernie", .person), ("What I don\u{2019}t", .person), ("The NEA didn't", .organization),
            ("Hillary Clinton, triumphant in several states on during a string of primaries", .person),
            ("Even before the identities and nationalities of the attackers were known", .person),
            ("Despite Trump", .person), ("Like Trump", .person),
        ])
        let speakers = try store.speakers()
        XCTAssertEqual(speakers.map(\.name), ["Donald Trump"])
        XCTAssertEqual(speakers.first?.aliases, ["Donald Trump"])
        XCTAssertEqual(try store.query(QuoteQuery()).quotes.count, 10)
        XCTAssertEqual(try store.query(QuoteQuery(speaker: "Trump")).quotes.count, 1)
    }

    func testUnusualRealNamesAreKept() throws {
        let names: [(String, SpeakerKind)] = [
            ("John A Smith", .person), ("Joseph R. Biden, Jr.", .person), ("Marine Le Pen", .person),
            ("President Barack Obama", .person), ("Governor Ana Ruiz", .person),
            ("Jean de La Fontaine", .person), ("Robert Gordon of Northwestern University", .person),
            ("Bank Of America", .organization), ("Center for Responsive Politics", .organization),
        ]
        let store = try store(speakers: names)
        XCTAssertEqual(Set(try store.speakers().flatMap(\.aliases)), Set(names.map(\.0)))
    }
}
