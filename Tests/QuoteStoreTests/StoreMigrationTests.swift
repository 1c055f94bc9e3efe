import Foundation
import GRDB
import QuoteCore
import QuoteSchema
@testable import QuoteStore
import XCTest

/// The full-text index against the quotations it was made from: replacing a document removes
/// exactly its entries, in a new store and in stores written by the earlier schemas (`v1`, and
/// `v2 search rowid`, migrated to `v3 integer keys`), and `health()` reports an index that has
/// lost an entry or kept one too many.
final class StoreMigrationTests: TemporaryDirectoryTestCase {
    private let extractor = Extractor()
    private var path: String { directory.appendingPathComponent("quotes.sqlite").path }

    private func document(_ id: String, _ text: String) -> StoreDocument {
        let source = SourceDocument(id: id, text: text)
        return try! StoreDocument(document: source, result: extractor.extract(text: text, document: id))
    }

    /// "record id@document id" of each full-text entry matching `word`, read from the index
    /// itself (a store query joins entries to quotations and would hide entries left behind);
    /// an entry whose quotation is gone reads "missing".
    private func searchIDs(_ word: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: """
                SELECT coalesce(q.record_id || '@' || d.id, 'missing') AS found
                FROM (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?) f
                LEFT JOIN quotes q ON q.number = f.rowid LEFT JOIN documents d ON d.number = q.document
                ORDER BY found
                """, arguments: [word])
        }
    }

    func testReplacingADocumentDeletesItsFullTextEntriesOnly() throws {
        let store = try QuoteStore(path: path)
        try store.index([
            document("a", "\"The harbour stays open,\" Mayor Ines Carvalho said.\n\n\"No new tolls,\" Carvalho said."),
            document("b", "\"The harbour needs dredging,\" engineer Tomas Reyes said."),
        ])
        XCTAssertEqual(try searchIDs("harbour").count, 2)
        // "a" again with other words: its old entries go, "b" keeps its entry.
        let summary = try store.index([document("a", "\"The ferry runs at dawn,\" Mayor Ines Carvalho said.")])
        XCTAssertEqual(summary.replaced, 1)
        XCTAssertEqual(try searchIDs("harbour").map { $0.hasSuffix("@b") }, [true])
        XCTAssertEqual(try searchIDs("tolls"), [])
        XCTAssertEqual(try searchIDs("ferry").map { $0.hasSuffix("@a") }, [true])
        let health = try store.health()
        XCTAssertTrue(health.isIntact, "\(health)")
        XCTAssertEqual(health.quotes, 2)
        XCTAssertEqual(health.searchRows, 2)
    }

    /// A store as the first or second schema wrote it: quotations keyed by "record id@document
    /// id", full-text rows with their own copy of the text and the quote id, at rowids that are
    /// not the quotations' own (`v2` records them in `search_rowid`).
    private func writeEarlierStore(upTo migration: String) throws {
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: migration)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO quotes_fts (rowid, quote_id, text) VALUES (900, 'other', 'unrelated words')")
            for (document, quote, text) in [("a", "q1", "the harbour stays open"), ("a", "q2", "no new tolls"),
                                            ("b", "q3", "the harbour needs dredging")] {
                try db.execute(sql: """
                    INSERT OR IGNORE INTO documents (id, content_hash, text, indexed_at) VALUES (?, ?, ?, '2026-01-01')
                    """, arguments: [document, "hash-" + document, "text of " + document])
                try db.execute(sql: "INSERT INTO quotes_fts (quote_id, text) VALUES (?, ?)",
                               arguments: [quote + "@" + document, text])
                let searchRowID = db.lastInsertedRowID
                try db.execute(sql: """
                    INSERT INTO quotes (id, document_id, type, text, start, "end", confidence, rule, record)
                    VALUES (?, ?, 'direct', ?, 0, 1, 0.9, 'test', '{}')
                    """, arguments: [quote + "@" + document, document, text])
                if migration != "v1" {
                    try db.execute(sql: "UPDATE quotes SET search_rowid = ? WHERE id = ?", arguments: [searchRowID, quote + "@" + document])
                }
            }
            try db.execute(sql: "DELETE FROM quotes_fts WHERE quote_id = 'other'")
        }
    }

    func testStoresOfTheEarlierSchemasAreMigratedAndReplaceCleanly() throws {
        for migration in ["v1", "v2 search rowid"] {
            try? FileManager.default.removeItem(atPath: path)
            try writeEarlierStore(upTo: migration)
            let store = try QuoteStore(path: path)
            var health = try store.health()
            XCTAssertTrue(health.isIntact, "\(migration): \(health)")
            XCTAssertEqual(health.quotes, 3, migration)
            XCTAssertEqual(health.searchRows, 3, migration)
            XCTAssertEqual(try searchIDs("harbour"), ["q1@a", "q3@b"], migration)
            // Each quotation keeps its document: its record id and document id read back as before.
            let kept = try DatabaseQueue(path: path).read { db in
                try String.fetchAll(db, sql: """
                    SELECT q.record_id || '@' || d.id || ':' || q.text FROM quotes q JOIN documents d ON d.number = q.document
                    ORDER BY q.number
                    """)
            }
            XCTAssertEqual(kept, ["q1@a:the harbour stays open", "q2@a:no new tolls", "q3@b:the harbour needs dredging"], migration)

            try store.index([document("a", "\"The ferry runs at dawn,\" Mayor Ines Carvalho said.")])
            XCTAssertEqual(try searchIDs("harbour"), ["q3@b"], migration)
            XCTAssertEqual(try searchIDs("tolls"), [], migration)
            XCTAssertEqual(try searchIDs("ferry").map { $0.hasSuffix("@a") }, [true], migration)
            health = try store.health()
            XCTAssertTrue(health.isIntact, "\(migration): \(health)")
            XCTAssertEqual(health.searchRows, health.quotes, migration)
        }
    }

    /// From `v5` the quotations' unique index leads with the document (it grows at its end as
    /// documents are added) and stands in for the document index; a record id is still unique
    /// within its document, and a record id alone still finds its quotation.
    func testRecordIndexLeadsWithTheDocument() throws {
        try writeEarlierStore(upTo: "v2 search rowid")
        let store = try QuoteStore(path: path)
        try store.index([document("c", "\"The ferry runs at dawn,\" Mayor Ines Carvalho said.")])
        let queue = try DatabaseQueue(path: path)
        let indexes = try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT name, \"unique\" FROM pragma_index_list('quotes') WHERE origin = 'c' ORDER BY name")
                .map { row -> String in
                    let name: String = row["name"]
                    let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_index_info(?) ORDER BY seqno", arguments: [name])
                    return "\(name)(\(columns.joined(separator: ", ")))" + ((row["unique"] as Int) == 1 ? " unique" : "")
                }
        }
        XCTAssertEqual(indexes, ["quotes_record(document, record_id) unique", "quotes_speaker(speaker_id)"])
        XCTAssertThrowsError(try queue.write { db in
            try db.execute(sql: """
                INSERT INTO quotes (document, record_id, type, text, start, "end", confidence, rule)
                SELECT document, record_id, type, text, start, "end", confidence, rule FROM quotes LIMIT 1
                """)
        })
        let recordID = try XCTUnwrap(queue.read { db in
            try String.fetchOne(db, sql: "SELECT q.record_id FROM quotes q JOIN documents d ON d.number = q.document WHERE d.id = 'c'")
        })
        XCTAssertEqual(try store.show(id: recordID)?.quote.record.document, "c")
        XCTAssertEqual(try store.show(id: recordID + "@c")?.quote.record.quote.text, "The ferry runs at dawn,")
        XCTAssertNil(try store.show(id: recordID + "@a"))
    }

    /// From `v6` the full-text index keeps a transaction's new entries in memory up to
    /// `fullTextHashSize` bytes (FTS5's `hashsize`), in a new store and in an upgraded one: a
    /// batch whose entries pass FTS5's default 1 MiB then writes one segment, not several.
    func testFullTextEntriesOfABatchAreWrittenAsOneSegment() throws {
        // 150 documents of 60 quotations, each with three words of its own: 0.8 MB of text whose
        // new entries pass 1 MiB (two or three segments at FTS5's default).
        let batch = (0..<150).map { number in
            document("doc-\(number)", (0..<60).map {
                "\"Quay \(number) needs bollards k\(number)x\($0), m\(number)y\($0) and r\(number)z\($0),\" Harbour Master Ada Quist said."
            }.joined(separator: "\n\n"))
        }
        func segments() throws -> Int {
            // Each segment has rows of its own in the term index.
            try DatabaseQueue(path: path).read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT segid) FROM quotes_fts_idx") ?? 0
            }
        }
        for (earlier, hashSize) in [(nil, nil), ("v2 search rowid", nil), (nil, 1 << 20)] as [(String?, Int?)] {
            let name = "\(earlier ?? "new store"), hashsize \(hashSize.map(String.init) ?? "the store's")"
            try? FileManager.default.removeItem(atPath: path)
            if let earlier { try writeEarlierStore(upTo: earlier) }
            var store = try QuoteStore(path: path)
            let setting = try DatabaseQueue(path: path).read { db in
                try Int.fetchOne(db, sql: "SELECT v FROM quotes_fts_config WHERE k = 'hashsize'")
            }
            XCTAssertEqual(setting, StoreSchema.fullTextHashSize, name)
            if let hashSize {
                // Set while no connection has the index open (an open one keeps its setting).
                store = try QuoteStore(path: directory.appendingPathComponent("other.sqlite").path)
                try DatabaseQueue(path: path).write { db in
                    try db.execute(sql: "INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('hashsize', ?)", arguments: [hashSize])
                }
                store = try QuoteStore(path: path)
            }
            let before = try segments()
            try store.index(batch)
            if hashSize == nil {
                XCTAssertEqual(try segments(), before + 1, name)
            } else {
                XCTAssertGreaterThan(try segments(), before + 1, name)
            }
            XCTAssertTrue(try store.health().isIntact, name)
        }
    }

    /// Rows written before `v4 extraction hash` have none: the first index of the same document
    /// replaces the row (and gives it a hash), the next leaves it.
    func testARowWithoutAnExtractionHashIsReplacedOnce() throws {
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v3 integer keys")
        let text = "\"The harbour stays open,\" Mayor Ines Carvalho said."
        try queue.write { db in
            try db.execute(sql: "INSERT INTO documents (id, content_hash, text, indexed_at) VALUES ('a', ?, ?, '2026-01-01')",
                           arguments: [StoreSchema.contentHash(text), text])
        }
        try queue.close()
        let store = try QuoteStore(path: path)
        XCTAssertEqual(try store.index([document("a", text)]).replaced, 1)
        let again = try store.index([document("a", text)])
        XCTAssertEqual(again.replaced, 0)
        XCTAssertEqual(again.unchanged, 1)
        XCTAssertEqual(try searchIDs("harbour").count, 1)
        XCTAssertTrue(try store.health().isIntact)
    }

    /// A document indexed before the extraction hash of the values (its hash is FNV-1a of the
    /// records' JSON) is left as it is when its records are the same, and gets the new hash;
    /// one whose old hash is of other records is replaced.
    func testADocumentWithTheLegacyExtractionHashIsUnchangedWhenItsRecordsAre() throws {
        let store = try QuoteStore(path: path)
        let documents = Self.everyField.map { document($0.0, $0.1) }
        try store.index(documents)
        func rows() throws -> [String: (number: Int64, hash: String)] {
            try DatabaseQueue(path: path).read { db in
                var rows: [String: (Int64, String)] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT id, number, extraction_hash FROM documents") {
                    rows[row["id"]] = (row["number"], row["extraction_hash"])
                }
                return rows
            }
        }
        XCTAssertEqual(try rows()["fields-a"]?.hash, documents[0].extractionHash)
        XCTAssertTrue(documents[0].extractionHash.hasPrefix(StoreDocument.extractionHashPrefix))
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "UPDATE documents SET extraction_hash = ? WHERE id = 'fields-a'",
                           arguments: [documents[0].legacyExtractionHash()])
            // The legacy hash of other records: FNV-1a of one byte less of them.
            let other = StoreDocument.legacyExtractionHash(title: documents[1].title, published: nil, metadataJSON: nil,
                                                           records: Array("{}".utf8))
            // A title the rewrite replaces, to tell the rewritten row (SQLite may give it the same number).
            try db.execute(sql: "UPDATE documents SET extraction_hash = ?, title = 'stale' WHERE id = 'fields-b'",
                           arguments: [other])
        }
        let before = try rows()
        let again = try store.index(Self.everyField.map { document($0.0, $0.1) })
        XCTAssertEqual(again.unchanged, 1)
        XCTAssertEqual(again.replaced, 1)
        let after = try rows()
        XCTAssertEqual(after["fields-a"]?.number, before["fields-a"]?.number, "rewritten")
        XCTAssertEqual(after["fields-a"]?.hash, documents[0].extractionHash)
        XCTAssertEqual(try DatabaseQueue(path: path).read { db in
            try String.fetchOne(db, sql: "SELECT title FROM documents WHERE id = 'fields-b'")
        }, documents[1].title)
        XCTAssertEqual(after["fields-b"]?.hash, documents[1].extractionHash)
        // Upgraded, the document is found by its new hash.
        XCTAssertEqual(try store.index(Self.everyField.map { document($0.0, $0.1) }).unchanged, 2)
        XCTAssertTrue(try store.health().isIntact)
    }

    /// Articles whose records between them fill every column of a record: a role and a
    /// mention, a relaying speaker ("quoted ... as saying"), an organization, a quotation in two
    /// parts (continued into the next paragraph), an unclosed quotation's diagnostic.
    private static let everyField = [
        ("fields-a", "\"We will rebuild the pier,\" Mayor Ines Carvalho told reporters on Monday.\n\n"
            + "The Harbour Gazette quoted port director Tomas Reyes as saying the dredging \"cannot wait another "
            + "winter\" and the tolls \"must stay.\"\n\nThe ministry said in a statement that the harbour would "
            + "reopen in May.\n\nCarvalho spoke at the quay. \"The pier comes first. We have the money for it.\n\n"
            + "\"The ferry comes second,\" she said."),
        ("fields-b", "Mayor Ines Carvalho said: \"We will not raise the tolls this year, and the ferry keeps its timetable."),
    ]

    /// The records of `everyField`, checked to use every field (the test means nothing if a
    /// change of the extractor leaves one out).
    private func everyFieldRecords() throws -> [QuoteRecord] {
        let records = Self.everyField.flatMap { extractor.extract(text: $0.1, document: $0.0).quotes }
        XCTAssertTrue(records.contains { $0.via?.mention != nil && $0.via?.kind == .organization })
        XCTAssertTrue(records.contains { $0.speaker?.kind == .organization })
        XCTAssertTrue(records.contains { $0.speaker?.role != nil && $0.speaker?.mention != nil })
        XCTAssertTrue(records.contains { $0.speaker?.resolution == "pronoun" })
        XCTAssertTrue(records.contains { ($0.quote.parts?.count ?? 0) > 1 })
        XCTAssertTrue(records.contains { $0.diagnostics == ["unclosed-quote"] })
        XCTAssertTrue(records.contains { $0.type == .mixed } && records.contains { $0.type == .indirect })
        return records
    }

    /// Every stored quotation by "document/record id", as `query` reads it back.
    private func storedRecords(_ store: QuoteStore) throws -> [String: QuoteRecord] {
        let stored = try store.query(QuoteQuery()).quotes.map(\.record)
        return Dictionary(uniqueKeysWithValues: stored.map { ($0.document + "/" + $0.id, $0) })
    }

    /// From `v7` a quotation's record is kept as columns (no JSON copy): `query` and `show` read
    /// back each record exactly as it was indexed.
    func testRecordsReadBackAsTheyWereIndexed() throws {
        let store = try QuoteStore(path: path)
        try store.index(Self.everyField.map { document($0.0, $0.1) })
        let records = try everyFieldRecords()
        let stored = try storedRecords(store)
        XCTAssertEqual(stored.count, records.count)
        for record in records {
            XCTAssertEqual(stored[record.document + "/" + record.id], record)
            XCTAssertEqual(try store.show(id: record.id + "@" + record.document)?.quote.record, record)
        }
        let columns = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info('quotes')")
        }
        XCTAssertFalse(columns.contains("record"), "\(columns)")
    }

    /// A `v6` store's records (JSON in `record`) become columns: each reads back as it was
    /// written, a record whose document is not its row's keeps its own, and a row whose JSON is
    /// unreadable keeps its columns (before, no query could read it; now it reads them).
    func testRecordsOfAV6StoreBecomeColumns() throws {
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v6 full-text hash size")
        var records = try everyFieldRecords()
        records[0].document = "copied-from-elsewhere"
        try queue.write { db in
            for (id, text) in Self.everyField {
                try db.execute(sql: "INSERT INTO documents (id, content_hash, text, indexed_at) VALUES (?, ?, ?, '2026-01-01')",
                               arguments: [id, StoreSchema.contentHash(text), text])
            }
            var writer = JSONLineWriter(capacity: 1024)
            for (index, record) in records.enumerated() {
                writer.removeAll()
                writer.append(record)
                try db.execute(sql: """
                    INSERT INTO quotes (document, record_id, type, text, start, "end", speaker_name, speaker_mention,
                        via_name, cue, cue_lemma, confidence, rule, record)
                    VALUES ((SELECT number FROM documents WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [index == 0 ? "fields-a" : record.document, record.id, record.type.rawValue,
                                     record.quote.text, record.quote.start, record.quote.end, record.speaker?.name,
                                     record.speaker?.mention?.text, record.via?.name, record.cue?.text,
                                     record.cue?.lemma, record.confidence, record.rule,
                                     String(decoding: writer.bytes, as: UTF8.self)])
            }
            try db.execute(sql: """
                INSERT INTO quotes (document, record_id, type, text, start, "end", confidence, rule, record)
                VALUES ((SELECT number FROM documents WHERE id = 'fields-b'), 'q-unreadable', 'direct', 'ferry', 3, 8,
                        0.5, 'test', '{"speaker":')
                """)
        }
        try queue.close()
        let stored = try storedRecords(try QuoteStore(path: path))
        XCTAssertEqual(stored.count, records.count + 1)
        for record in records {
            XCTAssertEqual(stored[record.document + "/" + record.id], record)
        }
        XCTAssertEqual(stored["fields-b/q-unreadable"],
                       QuoteRecord(document: "fields-b", id: "q-unreadable", type: .direct,
                                   quote: QuoteContent(text: "ferry", start: 3, end: 8), speaker: nil, cue: nil,
                                   confidence: 0.5, rule: "test"))
    }

    /// Upgrading a store with quotations rewrites it once after `v7`: the records' JSON leaves
    /// the file instead of leaving part-empty pages behind; a new store is not rewritten.
    func testUpgradingAStoreGivesBackTheRecordsJSONSpace() throws {
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v6 full-text hash size")
        let record = try XCTUnwrap(try everyFieldRecords().first)
        var writer = JSONLineWriter(capacity: 1024)
        writer.append(record)
        let json = String(decoding: writer.bytes, as: UTF8.self)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO documents (id, content_hash, text, indexed_at) VALUES ('a', 'h', 'text', '2026-01-01')")
            for number in 0..<2_000 {
                try db.execute(sql: """
                    INSERT INTO quotes (document, record_id, type, text, start, "end", confidence, rule, record)
                    VALUES (1, ?, 'direct', ?, 0, 1, 0.9, 'test', ?)
                    """, arguments: ["q\(number)", record.quote.text, json])
            }
            XCTAssertTrue(try StoreSchema.upgradesRecords(db))
        }
        func pages() throws -> Int {
            try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        }
        let before = try pages()
        try queue.close()
        _ = try QuoteStore(path: path)
        let after = try pages()
        XCTAssertLessThan(after, before * 2 / 3, "\(before) -> \(after) pages")
        try DatabaseQueue(path: path).read { db in XCTAssertFalse(try StoreSchema.upgradesRecords(db)) }
        // A new file has nothing to upgrade.
        let fresh = try DatabaseQueue(path: directory.appendingPathComponent("fresh.sqlite").path)
        try fresh.read { db in XCTAssertFalse(try StoreSchema.upgradesRecords(db)) }
    }

    /// Every connection of the store gets its settings: 16 KiB pages in a new file, a 64 MiB
    /// page cache, and deletes that do not overwrite the freed bytes (Debian's SQLite is built
    /// to zero them: 7% of the writer's instructions when every document is replaced).
    func testConnectionsHaveTheStoresSettings() throws {
        let store = try QuoteStore(path: path)
        for settings in [try store.pool.read(Self.settings), try store.pool.write(Self.settings)] {
            XCTAssertEqual(settings, [QuoteStore.pageSize, -65536, 0])
        }
    }

    private static func settings(_ db: Database) throws -> [Int] {
        try ["page_size", "cache_size", "secure_delete"].map { try Int.fetchOne(db, sql: "PRAGMA \($0)") ?? -1 }
    }

    /// `v9 search without sizes` makes the full-text index again without the entries' token
    /// counts: a `v8` store's entries are all found as before, FTS5's settings are kept, and the
    /// health check counts the entries from FTS5's total.
    func testAnEighthSchemaStoreGetsItsFullTextIndexWithoutSizes() throws {
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v8 input hash")
        try queue.write { db in
            try db.execute(sql: "INSERT INTO documents (id, content_hash, text, indexed_at) VALUES ('a', 'h', 'text', '2026-01-01')")
            for (record, text) in [("q1", "the harbour stays open"), ("q2", "no new tolls"), ("q3", "the harbour needs dredging")] {
                try db.execute(sql: """
                    INSERT INTO quotes (document, record_id, type, text, start, "end", confidence, rule)
                    VALUES (1, ?, 'direct', ?, 0, 1, 0.9, 'test')
                    """, arguments: [record, text])
                try db.execute(sql: "INSERT INTO quotes_fts (rowid, text) VALUES (?, ?)",
                               arguments: [db.lastInsertedRowID, text])
            }
            XCTAssertTrue(try db.tableExists("quotes_fts_docsize"))
        }
        try queue.close()
        let store = try QuoteStore(path: path)
        XCTAssertEqual(try searchIDs("harbour"), ["q1@a", "q3@a"])
        XCTAssertEqual(try searchIDs("tolls"), ["q2@a"])
        let settings = try DatabaseQueue(path: path).read { db in
            (sizes: try db.tableExists("quotes_fts_docsize"),
             hashSize: try Int.fetchOne(db, sql: "SELECT v FROM quotes_fts_config WHERE k = 'hashsize'"),
             definition: try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'quotes_fts'") ?? "")
        }
        XCTAssertFalse(settings.sizes)
        XCTAssertEqual(settings.hashSize, StoreSchema.fullTextHashSize)
        XCTAssertTrue(settings.definition.contains("columnsize=0"), settings.definition)
        var health = try store.health()
        XCTAssertTrue(health.isIntact, "\(health)")
        XCTAssertEqual(health.searchRows, 3)
        // Replacing the document removes its three entries from the rebuilt index.
        try store.index([document("a", "\"The ferry runs at dawn,\" Mayor Ines Carvalho said.")])
        XCTAssertEqual(try searchIDs("harbour"), [])
        XCTAssertEqual(try searchIDs("ferry").count, 1)
        health = try store.health()
        XCTAssertTrue(health.isIntact, "\(health)")
        XCTAssertEqual(health.searchRows, 1)
    }

    /// A quotation of marks and emoji only has an entry without a token: the store is intact.
    /// Its entry lost, it is still not reported (its text gives no token to find it by); a
    /// quotation with a word that loses its entry is.
    func testAQuotationWithoutAWordHasNoTokenToLose() throws {
        let store = try QuoteStore(path: path)
        let text = "\"🎉 — …\" she said. \"Ça va,\" he said."
        let records = [("🎉 — …", 1), ("Ça va,", 23)].enumerated().map { index, quote in
            QuoteRecord(document: "marks", id: "q\(index)", type: .direct,
                        quote: QuoteContent(text: quote.0, start: quote.1, end: quote.1 + quote.0.utf16.count),
                        speaker: nil, cue: nil, confidence: 0.5, rule: "test")
        }
        let result = DocumentResult(document: "marks", offsetUnit: .utf16, length: text.utf16.count, quotes: records,
                                    diagnostics: [])
        try store.index([(document: SourceDocument(id: "marks", text: text), result: result)])
        var health = try store.health()
        XCTAssertTrue(health.isIntact, "\(health)")
        XCTAssertEqual(health.searchRows, 2)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO quotes_fts (quotes_fts, rowid, text) SELECT 'delete', number, text FROM quotes")
        }
        health = try store.health()
        XCTAssertEqual(health.searchRows, 0)
        XCTAssertEqual(health.unlinkedQuotes, 1)
        XCTAssertFalse(health.isIntact)
    }

    func testSearchTokensAreLettersNumbersAndPrivateUse() {
        for text in ["a", "É", "7", "½", "Ⅻ", "中", "\u{E000}", "ʰ", "— a —"] {
            XCTAssertTrue(StoreHealth.hasSearchToken(text), text)
        }
        for text in ["", " ", "— … !?", "🎉", "\u{301}", "\u{903}", "$ + ©", "_"] {
            XCTAssertFalse(StoreHealth.hasSearchToken(text), text)
        }
    }

    func testAQuotationWithoutItsFullTextEntryIsReported() throws {
        let store = try QuoteStore(path: path)
        try store.index([document("a", "\"The harbour stays open,\" Mayor Ines Carvalho said.")])
        try DatabaseQueue(path: path).write { db in
            // The quotation stays; its entry leaves the index.
            try db.execute(sql: "INSERT INTO quotes_fts (quotes_fts, rowid, text) SELECT 'delete', number, text FROM quotes")
        }
        let health = try store.health()
        XCTAssertFalse(health.isIntact)
        XCTAssertEqual(health.unlinkedQuotes, 1)
        XCTAssertEqual(health.searchRows, 0)
        XCTAssertTrue(health.description.contains("1 quotations without theirs"), health.description)
    }

    func testAFullTextEntryWithoutItsQuotationIsReported() throws {
        let store = try QuoteStore(path: path)
        try store.index([document("a", "\"The harbour stays open,\" Mayor Ines Carvalho said.")])
        try DatabaseQueue(path: path).write { db in
            // The quotation goes without its entry: a search would find a number nobody has.
            try db.execute(sql: "DELETE FROM quotes")
        }
        XCTAssertEqual(try searchIDs("harbour"), ["missing"])
        let health = try store.health()
        XCTAssertFalse(health.isIntact)
        XCTAssertEqual(health.quotes, 0)
        XCTAssertEqual(health.searchRows, 1)
    }
}
