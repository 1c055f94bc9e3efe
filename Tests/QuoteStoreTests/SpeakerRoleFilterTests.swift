import Foundation
import QuoteCore
import QuoteSchema
import QuoteStore
import XCTest

/// A speaker's roles in the directory are functions and titles, not the stray words the phrase
/// reader gives as a record's role; the records themselves keep their roles.
final class SpeakerRoleFilterTests: TemporaryDirectoryTestCase {

    func testOnlyTitlesAndRoleNounsBecomeSpeakerRoles() throws {
        let roles = ["Sen.", "Republican presidential nominee", "billionaire businessman", "a defiant", "attack", "the",
                     "who has told aides he sees the issues as interconnected", "the State Department"]
        let text = roles.indices.map { "\"Point \($0) stands,\" Donald Trump said." }.joined(separator: "\n\n")
        var result = Extractor().extract(text: text, document: "d")
        XCTAssertEqual(result.quotes.count, roles.count, "the extractor did not find one quotation per paragraph")
        for (index, role) in roles.enumerated() where index < result.quotes.count {
            result.quotes[index].speaker?.role = role
        }
        let store = try QuoteStore(path: directory.appendingPathComponent("roles.sqlite").path)
        try store.index([(document: SourceDocument(id: "d", text: text), result: result)])

        let trump = try XCTUnwrap(try store.speakers().first { $0.name == "Donald Trump" })
        XCTAssertEqual(Set(trump.roles), ["Sen.", "Republican presidential nominee", "billionaire businessman"])
        // The records keep the role the extractor gave.
        let stored = try store.query(QuoteQuery(speaker: "Donald Trump")).quotes.compactMap { $0.record.speaker?.role }
        XCTAssertEqual(Set(stored), Set(roles))
    }
}
