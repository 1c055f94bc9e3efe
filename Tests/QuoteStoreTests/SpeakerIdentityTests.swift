import Foundation
import GRDB
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

/// The batch's surname merge looks only at the surnames of persons added in that batch; after
/// every batch, the whole store must still hold no surname-only person with exactly one
/// full-named person of that surname (what a merge over all speakers would find).
final class SurnameMergeTests: TemporaryDirectoryTestCase {
    /// Surname-only persons that have exactly one full-named person with their surname.
    private func unmergedPairs(_ path: String) throws -> Int {
        try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM speakers s WHERE s.words = 1 AND s.kind = 'person'
                  AND (SELECT COUNT(*) FROM speakers f WHERE f.last_key = s.key AND f.words >= 2 AND f.kind = 'person') = 1
                """) ?? -1
        }
    }

    func testNoMergeIsMissedAcrossRandomBatches() throws {
        let path = directory.appendingPathComponent("q.sqlite").path
        let store = try QuoteStore(path: path)
        let firsts = ["Dana", "Lena", "Tomas", "Ines", "Rafael", "Mira"]
        let lasts = ["Okafor", "Reyes", "Carvalho", "Lindqvist", "Abara", "Moreau", "Petrov", "Sato"]
        var generator = SplitMix(seed: 11)
        var documentNumber = 0
        for batch in 0..<12 {
            var articles: [(SourceDocument, DocumentResult)] = []
            for _ in 0..<(1 + generator.next(3)) {
                documentNumber += 1
                let surname = lasts[generator.next(lasts.count)]
                // Either a surname alone or a full name of somebody with one of the surnames.
                let text = generator.next(2) == 0
                    ? "\"The ferry will run,\" \(surname) said."
                    : "\"The ferry will run,\" said \(firsts[generator.next(firsts.count)]) \(surname), a pilot."
                let id = "d\(documentNumber)"
                articles.append((SourceDocument(id: id, text: text), Extractor().extract(text: text, document: id)))
            }
            try store.index(articles)
            XCTAssertEqual(try unmergedPairs(path), 0, "after batch \(batch)")
        }
        // The run did exercise the merge and its refusal to merge shared surnames.
        let speakers = try store.speakers()
        XCTAssertTrue(speakers.contains { $0.name.split(separator: " ").count == 1 }, "\(speakers.map(\.name))")
        XCTAssertTrue(speakers.contains { $0.aliases.contains { !$0.contains(" ") } && $0.name.contains(" ") },
                      "no surname joined a full name: \(speakers.map(\.name))")
    }

    func testASurnameFromAnEarlierBatchJoinsAFullNameSeveralBatchesLater() throws {
        let path = directory.appendingPathComponent("q.sqlite").path
        let store = try QuoteStore(path: path)
        func index(_ id: String, _ text: String) throws {
            try store.index([(SourceDocument(id: id, text: text), Extractor().extract(text: text, document: id))])
        }
        try index("1", "\"We wait,\" Lindqvist said.")
        try index("2", "\"The pier is closed,\" said Rafael Moreau, a pilot.")
        try index("3", "\"Nothing yet,\" Sato said.")
        XCTAssertEqual(Set(try store.speakers().map(\.name)), ["Lindqvist", "Rafael Moreau", "Sato"])
        try index("4", "\"We still wait,\" said Mira Lindqvist, the harbour master.")
        let speakers = try store.speakers()
        XCTAssertEqual(Set(speakers.map(\.name)), ["Mira Lindqvist", "Rafael Moreau", "Sato"])
        XCTAssertEqual(speakers.first { $0.name == "Mira Lindqvist" }?.quotes, 2)
        XCTAssertEqual(try unmergedPairs(path), 0)
    }
}

/// A small deterministic generator (SplitMix64) for reproducible random batches.
private struct SplitMix {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    /// A number in 0..<bound.
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

/// The writer keeps the speaker ids it found from one transaction to the next while no other
/// connection writes the store (`SpeakerDirectory.Cache.beginTransaction(dataVersion:)`).
final class SpeakerCacheAcrossBatchesTests: TemporaryDirectoryTestCase {
    private func index(_ store: QuoteStore, _ id: String, _ text: String) throws {
        try store.index([(SourceDocument(id: id, text: text), Extractor().extract(text: text, document: id))])
    }

    /// Quotations whose speaker is not in the store.
    private func danglingSpeakers(_ path: String) throws -> Int {
        try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM quotes WHERE speaker_id IS NOT NULL
                  AND speaker_id NOT IN (SELECT id FROM speakers)
                """) ?? -1
        }
    }

    func testNamesSeenInAnEarlierBatchAreNotLookedUpAgain() throws {
        let store = try QuoteStore(path: directory.appendingPathComponent("q.sqlite").path)
        try index(store, "1", "\"The ferry will run,\" said Dana Okafor, a pilot. \"It is late,\" Reyes said.")
        let first = store.speakerLookUps
        XCTAssertEqual(first, 2)
        try index(store, "2", "\"It runs,\" said Dana Okafor. \"Later,\" Reyes said.")
        try index(store, "3", "\"Still late,\" Reyes said.")
        XCTAssertEqual(store.speakerLookUps, first, "names of earlier batches came from the cache")
        // A new full name with Reyes's surname (the document's "Reyes" is hers already): one
        // look-up, and the surname-only speaker of the earlier batches joins her.
        try index(store, "4", "\"We wait,\" said Ana Reyes, the mayor. \"Soon,\" Reyes said.")
        XCTAssertEqual(store.speakerLookUps, first + 1)
        try index(store, "5", "\"Later,\" Reyes said.")
        XCTAssertEqual(store.speakerLookUps, first + 2, "the new full name made \"Reyes\" be looked up again")
        let speakers = try store.speakers()
        XCTAssertEqual(Set(speakers.map(\.name)), ["Dana Okafor", "Ana Reyes"])
        XCTAssertEqual(speakers.first { $0.name == "Ana Reyes" }?.quotes, 6)
    }

    func testAnotherConnectionsWriteSendsEveryNameToTheStoreAgain() throws {
        let path = directory.appendingPathComponent("q.sqlite").path
        let store = try QuoteStore(path: path)
        try index(store, "1", "\"We are ready,\" Okafor said.")
        let first = store.speakerLookUps
        // Another connection removes the speaker and its quotation (as a cleanup would).
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DELETE FROM quotes")
            try db.execute(sql: "DELETE FROM aliases")
            try db.execute(sql: "DELETE FROM speakers")
        }
        try index(store, "2", "\"We are still ready,\" Okafor said.")
        XCTAssertEqual(store.speakerLookUps, first + 1, "the store was written by another connection")
        XCTAssertEqual(try danglingSpeakers(path), 0)
        XCTAssertEqual(try store.speakers().map(\.name), ["Okafor"])
    }

    func testARolledBackBatchLeavesNoIdBehind() throws {
        let path = directory.appendingPathComponent("q.sqlite").path
        let store = try QuoteStore(path: path)
        try index(store, "1", "\"We are ready,\" Okafor said.")
        let first = store.speakerLookUps
        // A batch that adds a speaker and then fails: its speaker is rolled back.
        let text = "\"Nothing yet,\" said Mira Lindqvist, a pilot."
        struct Refused: Error {}
        var parts = [[try StoreDocument(document: SourceDocument(id: "2", text: text),
                                        result: Extractor().extract(text: text, document: "2"), inputHash: nil)]]
        XCTAssertThrowsError(try store.index(parts: {
            if let part = parts.popLast() { return part }
            throw Refused()
        }))
        try index(store, "3", "\"Again,\" said Mira Lindqvist. \"Yes,\" Okafor said.")
        // The failed batch looked Mira Lindqvist up; after its rollback both names are again.
        XCTAssertEqual(store.speakerLookUps, first + 3, "after a rollback every name is looked up again")
        XCTAssertEqual(try danglingSpeakers(path), 0)
        XCTAssertEqual(Set(try store.speakers().map(\.name)), ["Mira Lindqvist", "Okafor"])
    }
}
