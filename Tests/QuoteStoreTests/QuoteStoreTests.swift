import Dispatch
import Foundation
import GRDB
import QuoteCore
import QuoteSchema
import QuoteStore
import XCTest

/// The store against real SQLite files in a temporary directory.
final class QuoteStoreTests: TemporaryDirectoryTestCase {
    private let extractor = Extractor()

    private func store() throws -> QuoteStore {
        try QuoteStore(path: directory.appendingPathComponent("quotes.sqlite").path)
    }

    private func batch(_ documents: [(id: String, text: String, date: String?)]) -> [(document: SourceDocument, result: DocumentResult)] {
        documents.map { item in
            let metadata: [String: JSONValue]? = item.date.map { ["published": .string($0)] }
            let document = SourceDocument(id: item.id, text: item.text, metadata: metadata)
            return (document, extractor.extract(text: item.text, document: item.id, metadata: metadata))
        }
    }

    func testReindexingReplacesInsteadOfDuplicating() throws {
        let store = try store()
        let article = (id: "a", text: "\"We will look at it,\" Mayor Ines Carvalho said.\n\n\"Not today,\" Carvalho said.", date: Optional("2026-01-02"))
        let first = try store.index(batch([article]))
        XCTAssertEqual(first.quotes, 2)
        // The same document with other metadata replaces its earlier copy.
        let second = try store.index(batch([(id: article.id, text: article.text, date: "2026-01-03")]))
        XCTAssertEqual(second.replaced, 1)
        XCTAssertEqual(second.unchanged, 0)
        XCTAssertEqual(try store.query(QuoteQuery()).quotes.map(\.published), ["2026-01-03", "2026-01-03"])
        // The same text under another id replaces too.
        let third = try store.index(batch([(id: "b", text: article.text, date: article.date)]))
        XCTAssertEqual(third.replaced, 1)
        XCTAssertEqual(try store.query(QuoteQuery()).quotes.count, 2)
        XCTAssertEqual(try store.speakers().map(\.quotes), [2])
    }

    /// A document indexed again as it was (same id, text, metadata and records) is left in place:
    /// counted, not rewritten; the same id with other records is replaced.
    func testAnUnchangedDocumentIsLeftAsItWas() throws {
        let store = try store()
        let article = (id: "a", text: "\"We will look at it,\" Mayor Ines Carvalho said.\n\n\"Not today,\" Carvalho said.", date: Optional("2026-01-02"))
        let other = (id: "b", text: "\"The ferry runs at dawn,\" engineer Tomas Reyes said.", date: Optional<String>.none)
        try store.index(batch([article, other]))
        let numbers = try documentNumbers()
        let again = try store.index(batch([article, other]))
        XCTAssertEqual(again, summary(documents: 2, quotes: 3, replaced: 0, unchanged: 2))
        XCTAssertEqual(try documentNumbers(), numbers, "rewritten")
        XCTAssertEqual(try store.speakers().map(\.quotes), [2, 1])

        // Same id and text, but the extraction gave other records (here: one left out).
        var changed = batch([article])
        changed[0].result.quotes.removeLast()
        let replaced = try store.index(changed)
        XCTAssertEqual(replaced, summary(documents: 1, quotes: 1, replaced: 1, unchanged: 0))
        XCTAssertNotEqual(try documentNumbers()["a"], numbers["a"])
        XCTAssertEqual(try documentNumbers()["b"], numbers["b"])
        XCTAssertEqual(try store.query(QuoteQuery()).quotes.count, 2)
        XCTAssertTrue(try store.health().isIntact)
    }

    private func summary(documents: Int, quotes: Int, replaced: Int, unchanged: Int) -> QuoteStore.BatchSummary {
        var summary = QuoteStore.BatchSummary()
        summary.documents = documents
        summary.quotes = quotes
        summary.replaced = replaced
        summary.unchanged = unchanged
        return summary
    }

    /// Each stored document's row number by id: a replaced document gets a new one.
    private func documentNumbers() throws -> [String: Int64] {
        try DatabaseQueue(path: directory.appendingPathComponent("quotes.sqlite").path).read { db in
            var numbers: [String: Int64] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, number FROM documents") { numbers[row["id"]] = row["number"] }
            return numbers
        }
    }

    func testNameVariantsMergeIntoOneSpeakerWithAliases() throws {
        let store = try store()
        try store.index(batch([
            (id: "1", text: "\"Talks take time,\" said U.S. Ambassador Ryan Crocker.", date: "2007-05-28"),
            (id: "2", text: "\"We will see,\" RYAN CROCKER said.", date: "2007-05-29"),
            (id: "3", text: "Ryan Crocker arrived late. \"No comment,\" Crocker said.", date: "2007-05-30"),
            (id: "4", text: "\"There are good intentions,\" Ali al-Dabagh said.", date: "2007-05-28"),
            (id: "5", text: "\"It went well,\" Al Dabagh said.", date: "2007-05-29"),
        ]))
        let speakers = try store.speakers()
        let crocker = try XCTUnwrap(speakers.first { $0.name == "Ryan Crocker" })
        XCTAssertEqual(crocker.quotes, 3)
        XCTAssertEqual(crocker.documents, 3)
        XCTAssertTrue(crocker.aliases.contains("RYAN CROCKER"), "\(crocker.aliases)")
        XCTAssertTrue(crocker.roles.contains { $0.contains("Ambassador") }, "\(crocker.roles)")
        let dabagh = speakers.filter { NameKey.key($0.name).hasSuffix("dabagh") }
        XCTAssertEqual(dabagh.count, 1, "\(dabagh.map(\.name))")
        XCTAssertEqual(dabagh.first?.quotes, 2)
        // Any spelling finds him; newest first.
        let found = try store.query(QuoteQuery(speaker: "ryan crocker"))
        XCTAssertEqual(found.quotes.map(\.published), ["2007-05-30", "2007-05-29", "2007-05-28"])
        XCTAssertFalse(found.isAmbiguous)
        XCTAssertEqual(try store.query(QuoteQuery(speaker: "al-Dabagh")).quotes.count, 2)
    }

    func testSurnameQueryIsAmbiguousAndDoesNotMergePeople() throws {
        let store = try store()
        try store.index(batch([
            (id: "1", text: "\"The economy grew,\" Bill Clinton said.", date: "2016-01-01"),
            (id: "2", text: "\"I am running,\" Hillary Clinton said.", date: "2016-02-01"),
        ]))
        XCTAssertEqual(Set(try store.speakers().map(\.name)), ["Bill Clinton", "Hillary Clinton"])
        let result = try store.query(QuoteQuery(speaker: "Clinton"))
        XCTAssertTrue(result.isAmbiguous)
        XCTAssertEqual(result.quotes.count, 2)
        XCTAssertEqual(try store.query(QuoteQuery(speaker: "Hillary Clinton")).quotes.count, 1)
    }

    /// A query sums only the speakers it matched, as they stand in the whole directory: same
    /// names, aliases, roles and counts, most quoted first.
    func testQuerySummarisesTheMatchedSpeakersAsTheDirectoryDoes() throws {
        let store = try store()
        try store.index(batch([
            (id: "1", text: "\"The economy grew,\" Bill Clinton, the former president, said. \"It did,\" Clinton added.", date: "2016-01-01"),
            (id: "2", text: "\"I am running,\" Hillary Clinton said. \"We will win,\" Sen. Hillary Clinton said.", date: "2016-02-01"),
            (id: "3", text: "\"Not so fast,\" Ana Ruiz said. \"Later,\" said Lee Marsh.", date: "2016-03-01"),
            (id: "4", text: "\"Again,\" Hillary Clinton said.", date: "2016-04-01"),
        ]))
        let directory = try store.speakers()
        for name in ["Clinton", "Hillary Clinton", "Ana Ruiz", "Marsh", "ruiz"] {
            let matched = try store.query(QuoteQuery(speaker: name)).speakers
            XCTAssertFalse(matched.isEmpty, name)
            XCTAssertEqual(matched, directory.filter { summary in matched.contains { $0.id == summary.id } }, name)
        }
        XCTAssertEqual(try store.query(QuoteQuery(speaker: "Clinton")).speakers.map(\.name), ["Hillary Clinton", "Bill Clinton"])
    }

    /// A query the store cannot answer as asked is a typed error quoting the value, not SQLite's
    /// syntax error and not an empty answer.
    func testQueriesWithNoWordsOrBadDatesAreTypedErrors() throws {
        let store = try store()
        try store.index(batch([(id: "1", text: "\"Rates will rise,\" Ana Ruiz said.", date: "2016-01-01")]))
        for text in ["*", "'", "(", "", " - "] {
            XCTAssertThrowsError(try store.query(QuoteQuery(text: text))) { error in
                XCTAssertEqual(error as? QueryError, .noWords(field: "text", value: text))
            }
        }
        XCTAssertThrowsError(try store.query(QuoteQuery(speaker: "Ruiz", search: "\"\""))) { error in
            XCTAssertEqual(error as? QueryError, .noWords(field: "search", value: "\"\""))
        }
        for date in ["yesterday", "2016-13-01", "2016-01-32", "16-01-01", "2016-1-1", "2016-01-01T00"] {
            XCTAssertThrowsError(try store.query(QuoteQuery(since: date))) { error in
                XCTAssertEqual(error as? QueryError, .notADate(field: "since", value: date))
                XCTAssertTrue("\(error)".contains("'\(date)'"))
            }
        }
        XCTAssertThrowsError(try store.query(QuoteQuery(until: "soon"))) { XCTAssertEqual($0 as? QueryError, .notADate(field: "until", value: "soon")) }
        XCTAssertThrowsError(try store.query(QuoteQuery(limit: -1))) { XCTAssertEqual($0 as? QueryError, .negativeLimit(-1)) }
        XCTAssertThrowsError(try store.speakers(limit: -1)) { XCTAssertEqual($0 as? QueryError, .negativeLimit(-1)) }
        XCTAssertEqual(try store.speakers(limit: 0).count, 0)
        XCTAssertEqual(try store.speakers(limit: 1).count, min(1, try store.speakers().count))
        // Accepted: a year, a month, a day; words among punctuation.
        XCTAssertEqual(try store.query(QuoteQuery(since: "2016")).quotes.count, 1)
        XCTAssertEqual(try store.query(QuoteQuery(since: "2016-02")).quotes.count, 0)
        XCTAssertEqual(try store.query(QuoteQuery(until: "2016-01-31")).quotes.count, 1)
        XCTAssertEqual(try store.query(QuoteQuery(text: "(rates!)")).quotes.count, 1)
    }

    func testFullTextAndDateFilters() throws {
        let store = try store()
        try store.index(batch([
            (id: "1", text: "\"Iran must stop funding the militias,\" Ryan Crocker said.", date: "2007-05-28"),
            (id: "2", text: "\"A trilateral mechanism is possible,\" Ryan Crocker said.", date: "2007-06-10"),
        ]))
        XCTAssertEqual(try store.query(QuoteQuery(text: "trilateral")).quotes.map(\.record.document), ["2"])
        XCTAssertEqual(try store.query(QuoteQuery(speaker: "Crocker", search: "Iran militias")).quotes.count, 1)
        XCTAssertEqual(try store.query(QuoteQuery(speaker: "Crocker", since: "2007-06-01")).quotes.count, 1)
        XCTAssertTrue(try store.query(QuoteQuery(speaker: "Nobody Here")).quotes.isEmpty)
    }

    func testShowFindsARecordIDAloneOrWithItsDocument() throws {
        let store = try store()
        // Record ids hash the text, and a store keeps one document per text; a record id can still
        // come twice (a collision, or an extraction stored under another text), so the same one
        // is given to both documents here.
        let text = "\"The bridge reopens in May,\" engineer Tomas Reyes said."
        let result = extractor.extract(text: text, document: "z@site")
        var copy = result
        copy.document = "m"
        copy.quotes = copy.quotes.map { var record = $0; record.document = "m"; return record }
        try store.index([(SourceDocument(id: "z@site", text: text), result), (SourceDocument(id: "m", text: text + "\n"), copy)])
        let ids = try store.query(QuoteQuery()).quotes.map(\.record.id)
        XCTAssertEqual(ids.count, 2)
        let id = try XCTUnwrap(ids.first)
        XCTAssertEqual(Set(ids), [id])
        // A record id alone: the first document by id.
        XCTAssertEqual(try store.show(id: id)?.quote.record.document, "m")
        // With a document id, which may itself hold "@".
        XCTAssertEqual(try store.show(id: id + "@z@site")?.quote.record.document, "z@site")
        let shown = try XCTUnwrap(store.show(id: id + "@m"))
        XCTAssertEqual(shown.quote.record.quote.text, "The bridge reopens in May,")
        XCTAssertTrue(shown.context.contains("engineer Tomas Reyes said."), shown.context)
        XCTAssertNil(try store.show(id: id + "@elsewhere"))
        XCTAssertNil(try store.show(id: String(id.dropLast())))
        XCTAssertNil(try store.show(id: "%"))
    }

    func testReaderRunsWhileAnotherConnectionIndexes() throws {
        let path = directory.appendingPathComponent("quotes.sqlite").path
        let writer = try QuoteStore(path: path)
        let reader = try QuoteStore(path: path)
        let documents = (0..<40).map { index in
            (id: "d\(index)", text: "\"Number \(index) is fine,\" Mayor Ines Carvalho said.", date: Optional("2026-01-01"))
        }
        let batches = stride(from: 0, to: documents.count, by: 4).map { batch(Array(documents[$0..<min($0 + 4, documents.count)])) }
        let done = DispatchSemaphore(value: 0)
        // The writer waits for the reader's first read before its second batch, so that at least
        // one read happens while indexing goes on, however fast the writer is.
        let firstRead = DispatchSemaphore(value: 0)
        let failures = FailureBox()
        DispatchQueue.global().async {
            do {
                for (number, item) in batches.enumerated() {
                    if number == 1 { firstRead.wait() }
                    try writer.index(item)
                }
            } catch {
                failures.record(error)
            }
            done.signal()
        }
        var reads = 0
        var lastCount = 0
        repeat {
            let count = try reader.query(QuoteQuery()).quotes.count
            XCTAssertEqual(count % 4, 0, "a reader saw a half-written batch")
            XCTAssertGreaterThanOrEqual(count, lastCount)
            lastCount = count
            reads += 1
            if reads == 1 { firstRead.signal() }
        } while done.wait(timeout: .now()) == .timedOut
        XCTAssertNil(failures.error)
        XCTAssertEqual(try reader.query(QuoteQuery()).quotes.count, 40)
        XCTAssertGreaterThan(reads, 0)
    }
}

/// An error recorded by another thread.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?

    func record(_ error: Error) {
        lock.lock()
        stored = error
        lock.unlock()
    }

    var error: Error? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
