import Foundation
import GRDB
import QuoteCore
import QuoteSchema
@testable import QuoteStore
import XCTest

/// A document that comes back with the input and the extractor its stored rows were made from is
/// not extracted again: the store ends as it would had every document been extracted, whatever
/// repeats in the store, in a batch, and across the parts of one transaction.
final class UnchangedInputTests: TemporaryDirectoryTestCase {
    private let parallel = ParallelExtractor(extractor: Extractor(), jobs: 2)

    private func source(id: String, text: Int, date: Int) -> SourceDocument {
        let body = "\"Pier \(text) is closed,\" Mayor Ines Carvalho said.\n\nWork on pier \(text) resumes soon, Tomas Reyes said."
        return SourceDocument(id: id, text: body, metadata: ["published": .string("2026-01-0\(date)"), "site": .number(Double(text))])
    }

    private func store(_ name: String) throws -> QuoteStore {
        try QuoteStore(path: directory.appendingPathComponent(name).path)
    }

    /// Indexes `documents` in one run of an indexer; `fingerprint` nil extracts every document.
    @discardableResult
    private func index(_ documents: [SourceDocument], into store: QuoteStore, fingerprint: String?,
                       batchSize: Int = 1_000, partSize: Int = 100) throws -> (summary: QuoteStore.BatchSummary, extracted: Int) {
        let indexer = StoreIndexer(store: store, extractor: parallel, batchSize: batchSize, partSize: partSize)
        indexer.fingerprint = fingerprint
        for document in documents { indexer.add(document) }
        let (summary, timings) = try indexer.finish()
        return (summary, timings.extracted)
    }

    /// Every document's columns but the input hash and the time, and every record as `query`
    /// reads it back, as comparable text.
    private func contents(_ store: QuoteStore) throws -> [String] {
        let documents = try DatabaseQueue(path: store.path).read { db in
            try String.fetchAll(db, sql: """
                SELECT id || '|' || content_hash || '|' || coalesce(title, '') || '|' || coalesce(published, '') || '|'
                    || coalesce(metadata, '') || '|' || text || '|' || coalesce(extraction_hash, '') FROM documents ORDER BY id
                """)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let records = try store.query(QuoteQuery()).quotes.map { String(decoding: try encoder.encode($0.record), as: UTF8.self) }
        return documents + records.sorted()
    }

    func testAnUnchangedDocumentIsNotExtractedAgain() throws {
        let store = try store("q.sqlite")
        let documents = [source(id: "a", text: 1, date: 1), source(id: "b", text: 2, date: 1)]
        XCTAssertEqual(try index(documents, into: store, fingerprint: "f1").extracted, 2)
        let before = try contents(store)
        let again = try index(documents, into: store, fingerprint: "f1")
        XCTAssertEqual(again.extracted, 0)
        XCTAssertEqual(again.summary.unchanged, 2)
        XCTAssertEqual(again.summary.quotes, 4, "the stored quotations are counted")
        XCTAssertEqual(try contents(store), before)
        // Other metadata, another text, or another extractor: extracted.
        var changed = documents
        changed[0].metadata?["site"] = .string("harbour")
        changed[1].text += " More."
        let third = try index(changed, into: store, fingerprint: "f1")
        XCTAssertEqual(third.extracted, 2)
        XCTAssertEqual(third.summary.replaced, 2)
        let fourth = try index(changed, into: store, fingerprint: "f2")
        XCTAssertEqual(fourth.extracted, 2)
        XCTAssertEqual(fourth.summary.unchanged, 2, "found unchanged by their records")
        // ...and from then on known under the new extractor.
        XCTAssertEqual(try index(changed, into: store, fingerprint: "f2").extracted, 0)
        // Without a fingerprint every document is extracted.
        XCTAssertEqual(try index(changed, into: store, fingerprint: nil).extracted, 2)
        XCTAssertTrue(try store.health().isIntact)
    }

    /// Ids that JSON must escape are looked up like any other.
    func testIdsWithQuotesBackslashesAndControlCharactersAreFound() throws {
        let store = try store("q.sqlite")
        let ids = ["a\"b", "c\\d", "e\u{1}f\nnext", "caf\u{E9} \u{1F600}", "plain"]
        let documents = ids.enumerated().map { index, id in
            var document = source(id: "x", text: index, date: 1)
            document.id = id
            return document
        }
        XCTAssertEqual(try index(documents, into: store, fingerprint: "f1").extracted, ids.count)
        XCTAssertEqual(try Set(store.inputHashes(ids: ids).keys), Set(ids))
        XCTAssertEqual(try index(documents, into: store, fingerprint: "f1").extracted, 0)
    }

    /// A row read as this document's before the transaction, then replaced by an earlier part of
    /// the same transaction: the writer extracts the document after all.
    func testADocumentWhoseRowAnEarlierPartReplacedIsExtractedByTheWriter() throws {
        let skipping = try store("skip.sqlite"), extracting = try store("all.sqlite")
        let original = source(id: "a", text: 1, date: 1)
        for store in [skipping, extracting] { try index([original], into: store, fingerprint: "f1") }
        // One batch in parts of one: "a" with another text, then "a" as it was stored.
        let run = [source(id: "a", text: 2, date: 1), source(id: "b", text: 3, date: 2), original]
        let skipped = try index(run, into: skipping, fingerprint: "f1", partSize: 1)
        XCTAssertEqual(skipped.extracted, 2, "the last was looked up and found as stored")
        let all = try index(run, into: extracting, fingerprint: nil, partSize: 1)
        XCTAssertEqual(skipped.summary, all.summary)
        XCTAssertEqual(try contents(skipping), try contents(extracting))
        XCTAssertTrue(try store(original: skipping).contains("Pier 1 is closed"))
        XCTAssertTrue(try skipping.health().isIntact)
    }

    /// The quotation texts stored for document "a".
    private func store(original store: QuoteStore) throws -> String {
        try DatabaseQueue(path: store.path).read { db in
            try String.fetchAll(db, sql: "SELECT q.text FROM quotes q JOIN documents d ON d.number = q.document WHERE d.id = 'a'")
        }.joined(separator: "|")
    }

    /// Random runs of documents (three ids, three texts, two dates), in random batch and part
    /// sizes: a store that skips unchanged inputs ends each run as one that extracts everything.
    func testRunsEndAsIfEveryDocumentWereExtracted() throws {
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var skippedAtAll = 0
        for trial in 0..<16 {
            let skipping = try store("skip-\(trial).sqlite"), extracting = try store("all-\(trial).sqlite")
            for run in 0..<5 {
                let documents = (0..<(1 + next(8))).map { _ in source(id: ["a", "b", "c"][next(3)], text: next(3), date: 1 + next(2)) }
                let batchSize = 1 + next(6), partSize = 1 + next(3)
                let skipped = try index(documents, into: skipping, fingerprint: "f1", batchSize: batchSize, partSize: partSize)
                let all = try index(documents, into: extracting, fingerprint: nil, batchSize: batchSize, partSize: partSize)
                XCTAssertEqual(all.extracted, documents.count)
                skippedAtAll += documents.count - skipped.extracted
                XCTAssertEqual(skipped.summary, all.summary, "trial \(trial), run \(run)")
                XCTAssertEqual(try contents(skipping), try contents(extracting), "trial \(trial), run \(run)")
            }
            XCTAssertTrue(try skipping.health().isIntact, "trial \(trial)")
        }
        // How many are skipped depends on the threads' timing: a part is looked up before it is
        // extracted, and an earlier batch of the same run may not have committed yet (its rows
        // are then not found, and the document is extracted). 21-24 here, idle or with both
        // cores busy; the bound asks only that the runs exercise the skip at all, often.
        XCTAssertGreaterThanOrEqual(skippedAtAll, 10, "the runs hardly ever found a document unchanged")
    }

    /// The input hash reads the id, the text and the metadata (members in any order), under the
    /// fingerprint.
    func testTheInputHashReadsIdTextMetadataAndFingerprint() {
        let document = source(id: "a", text: 1, date: 1)
        let hash = StoreDocument.inputHash(of: document, fingerprint: "f1")
        XCTAssertTrue(hash.hasPrefix(StoreDocument.inputHashPrefix))
        var reordered = SourceDocument(id: "a", text: document.text)
        reordered.metadata = [:]
        for key in document.metadata!.keys.sorted().reversed() { reordered.metadata?[key] = document.metadata![key] }
        XCTAssertEqual(StoreDocument.inputHash(of: reordered, fingerprint: "f1"), hash)
        var others: [SourceDocument] = []
        for change in 0..<5 {
            var other = document
            switch change {
            case 0: other.id = "b"
            case 1: other.text += " "
            case 2: other.metadata?["site"] = .string("1")
            case 3: other.metadata = nil
            default: other.metadata?["extra"] = .null
            }
            others.append(other)
        }
        for (index, other) in others.enumerated() {
            XCTAssertNotEqual(StoreDocument.inputHash(of: other, fingerprint: "f1"), hash, "change \(index)")
        }
        XCTAssertNotEqual(StoreDocument.inputHash(of: document, fingerprint: "f2"), hash)
    }

    /// The process's fingerprint: the same for the same extractor, another for other rules or
    /// another offset unit.
    func testTheFingerprintFollowsTheExtractorsConfiguration() throws {
        #if !os(Linux)
        try XCTSkipIf(Extractor().fingerprint == nil, "no build ids to read on this system: documents are always extracted")
        #endif
        // On Linux every object this process loads has a GNU build id (the toolchain's default).
        let fingerprint = try XCTUnwrap(Extractor().fingerprint, "no build ids on this system")
        XCTAssertEqual(Extractor().fingerprint, fingerprint)
        XCTAssertNotEqual(Extractor(offsetUnit: .utf16).fingerprint, fingerprint)
        XCTAssertNotEqual(Extractor(rules: Array(RuleRegistry.rules.dropLast())).fingerprint, fingerprint)
        // Every setting of an extractor is in its fingerprint: a new one must be added there
        // (`Extractor.fingerprint`) and here, or unchanged documents would keep the old output.
        // The splitter and the tokenizer are made from the lexicon alone (its source hash is in
        // the fingerprint).
        XCTAssertEqual(Mirror(reflecting: Extractor()).children.map(\.label),
                       ["lexicon", "offsetUnit", "engine", "splitter", "tokenizer"])
    }
}
