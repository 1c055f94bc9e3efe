import CQuoteSQLite
import Foundation
import GRDB
import QuoteCore
import QuoteSchema

/// An SQLite file of documents, quotations and speakers, queried by speaker across articles.
///
/// WAL mode (a `DatabasePool`), so queries run while indexing goes on; every `index(_:)` call is
/// one transaction, so an interrupted batch leaves the store as it was before it.
public final class QuoteStore {
    let pool: DatabasePool
    /// The store file, as given.
    public let path: String
    private let speakerCache = SpeakerDirectory.Cache()

    /// Speakers this store's writer has looked up in the file (the rest came from its cache).
    var speakerLookUps: Int { speakerCache.lookUps }
    /// Copies the log into the file while indexing goes on (every connection's commits report
    /// to it; commits happen only inside this store's methods, while it is alive).
    let checkpointer: Checkpointer

    /// SQLite's process-wide options, set once before the first store opens (see
    /// `qsqlite_configure`): 0, or SQLite's code when it was already initialised by other code
    /// of the process and kept its defaults (slower, not less safe).
    static let sqliteConfiguration = qsqlite_configure()

    /// Bytes per page of a new store file.
    static let pageSize = 16_384

    /// Opens (or creates) the store at `path` and brings its schema up to date.
    ///
    /// `maxPageCount` caps the file at that many pages (SQLite's `max_page_count`; `pageSize`
    /// bytes in a new store, 4 KiB in one made before the thirteenth session): a batch that would
    /// grow it further fails with `StoreError.full`, as on a full disk. Throws `StoreError`.
    public convenience init(path: String, maxPageCount: Int? = nil) throws {
        try self.init(path: path, maxPageCount: maxPageCount, checkpointer: Checkpointer(path: path))
    }

    /// `init(path:maxPageCount:)` with the checkpointer's thresholds chosen (tests).
    init(path: String, maxPageCount: Int? = nil, checkpointer: Checkpointer) throws {
        _ = Self.sqliteConfiguration
        self.path = path
        self.checkpointer = checkpointer
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.prepareDatabase { db in
            // A new store gets 16 KiB pages (SQLite's default is 4 KiB; an existing file keeps
            // its own). SQLite writes, reads back and checkpoints a page per system call, and a
            // document's text spanned overflow pages: on the dev text x20 the writer's processor
            // time went 1.97 -> 1.56 s and the process's system time 0.62 -> 0.37 s (about as
            // many instructions); queries as fast. 64 KiB gave no more and a slower close.
            try db.execute(sql: "PRAGMA page_size = \(QuoteStore.pageSize)")
            // A batch dirties more pages than SQLite's default 2 MiB cache holds; spilling them to
            // the WAL mid-transaction writes many pages several times.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            // Debian builds SQLite with SECURE_DELETE: every freed cell and page was zeroed.
            // Re-indexing the dev text x5 over other texts (every document replaced): writer
            // thread 3,652M -> 3,406M instructions (`memset` 260M -> 12M); a fresh index -1.8%.
            // The bytes of deleted rows stay in free pages until reused, as in SQLite's own
            // default: the store holds published articles, not secrets.
            try db.execute(sql: "PRAGMA secure_delete = OFF")
            // Checkpoints run on the checkpointer's thread, not on the committing one (SQLite's
            // automatic checkpoint every 4 MiB synced the log and the file on the writer thread:
            // 98 `fdatasync`s and ~1 s blocked on the dev text x20). The log file stays under
            // `foregroundFrames` pages (256 MiB) plus a batch and is removed when the store closes.
            if let connection = db.sqliteConnection {
                checkpointer.install(on: connection)
            }
            if let maxPageCount {
                try db.execute(sql: "PRAGMA max_page_count = \(maxPageCount)")
            }
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            let upgradesRecords = try pool.read { db in try StoreSchema.upgradesRecords(db) }
            try StoreSchema.migrator.migrate(pool)
            if upgradesRecords {
                // `v7 records as columns` shrank every quotation in place, leaving its pages
                // part empty (SQLite does not merge them): the file grew by a tenth. Rewritten
                // once, it is about half its size. Best effort: a store that cannot be rewritten
                // now (another process reading it) works as well, only larger.
                try? pool.writeWithoutTransaction { db in try db.execute(sql: "VACUUM") }
            }
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// The checkpointer's thread ends (after the checkpoint it runs, if any) before the pool's
    /// connections close: the last to close copies what is left of the log and removes it.
    deinit {
        checkpointer.stop()
    }

    /// Result of indexing one batch.
    public struct BatchSummary: Sendable, Equatable {
        public var documents = 0
        public var quotes = 0
        public var replaced = 0
        /// Documents stored before with the same id, text and extraction: left as they were
        /// (counted in `documents` and `quotes` too).
        public var unchanged = 0

        public init() {}

        /// Adds another batch's counts.
        public mutating func add(_ other: BatchSummary) {
            documents += other.documents
            quotes += other.quotes
            replaced += other.replaced
            unchanged += other.unchanged
        }
    }

    /// Indexes a batch of extracted documents in one transaction (see `index(_:)` on prepared
    /// documents).
    @discardableResult
    public func index(_ batch: [(document: SourceDocument, result: DocumentResult)]) throws -> BatchSummary {
        let documents: [StoreDocument]
        do {
            documents = try batch.map { try StoreDocument(document: $0.document, result: $0.result) }
        } catch {
            throw StoreError(error, path: path)
        }
        return try index(documents)
    }

    /// Indexes a batch of prepared documents in one transaction: when this returns, the whole
    /// batch is committed; when it throws (a `StoreError`), none of it is. A document whose id or
    /// text is already stored replaces the earlier one (its quotations are deleted first), unless
    /// it is that one again: same id, text, metadata and records (`BatchSummary.unchanged`).
    @discardableResult
    public func index(_ batch: [StoreDocument]) throws -> BatchSummary {
        var parts = [batch]
        return try index(parts: { parts.popLast() })
    }

    /// Indexes documents handed over in parts, all in one transaction: `nextPart` is called
    /// until it returns nil, and the transaction commits after that. Each part is written as it
    /// comes (so `StoreIndexer` writes a transaction's first documents while its later ones are
    /// still extracted), and the end state and counts are those of `index(_:)` with the parts'
    /// documents in order. When `nextPart` or a write throws, nothing of any part is committed
    /// and the error comes out as a `StoreError`. Each part is handed to `written` once it is
    /// written, so that the caller can free it on a thread of its choosing.
    @discardableResult
    public func index(parts nextPart: () throws -> [StoreDocument]?,
                      written: ([StoreDocument]) -> Void = { _ in }) throws -> BatchSummary {
        do {
            return try pool.writeWithoutTransaction { db in
                // The index writes every row with parents it has just read or written in this
                // transaction, so SQLite's check of each quotation's two foreign keys (a look-up
                // of its document and of its speaker) found nothing: ~3,100 instructions a
                // quotation, 5.7% of the writer thread on the dev text x5. The checks are off for
                // the index's transactions (`PRAGMA foreign_keys` cannot change inside one) and
                // the cascade they did is written out (`insert`); `quotes check` still runs
                // SQLite's `foreign_key_check`.
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                // The speaker merges' `INSERT ... SELECT` from the table it writes copies the rows
                // into a temporary table first, which SQLite kept in a file of its own: on 25,000
                // short articles with a merge in most, a file a transaction and ~15,000 page
                // writes to it (wall 2.44-2.77 -> 1.97-2.29 s, system time 0.6 -> 0.5 s). The
                // index's temporary tables are a few rows each; kept in memory for its
                // transactions only (`VACUUM` builds its copy of the store in the temporary store).
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
                defer {
                    try? db.execute(sql: "PRAGMA foreign_keys = ON")
                    try? db.execute(sql: "PRAGMA temp_store = DEFAULT")
                }
                var summary = BatchSummary()
                try db.inTransaction {
                    // Inside the transaction, which holds the write lock from its start: no
                    // other connection commits between this read and the commit.
                    speakerCache.beginTransaction(dataVersion: try Int64.fetchOne(db, sql: "PRAGMA data_version"))
                    var search = SearchChanges()
                    while let part = try nextPart() {
                        summary.add(try insert(part, in: db, search: &search))
                        written(part)
                    }
                    try SpeakerDirectory.writeCounts(in: db, cache: speakerCache)
                    // Surname-only speakers join a full name seen in this or any earlier batch.
                    try SpeakerDirectory.mergeSurnames(in: db, cache: speakerCache)
                    // Last: no statement after it can make FTS5 write its pending entries early.
                    try search.write(in: db)
                    return .commit
                }
                speakerCache.transactionCommitted()
                return summary
            }
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// Writes one part of a transaction's documents. A document of an earlier part is found in
    /// the store like any stored one (the transaction sees its own rows), so a later part
    /// replaces it, or leaves it as it is, as `index(_:)` one document at a time would. The
    /// full-text entries it removes and adds go to `search`, written at the transaction's end.
    private func insert(_ batch: [StoreDocument], in db: Database, search: inout SearchChanges) throws -> BatchSummary {
        var summary = BatchSummary()
        // Each stored document this one replaces, whether it has this one's id and text, and the
        // hashes of its extraction and of its input.
        let earlier = BoundStatement(try db.cachedStatement(sql: """
            SELECT number, id = ?1 AND content_hash = ?2, extraction_hash, input_hash FROM documents
            WHERE id = ?1 OR content_hash = ?2
            """))
        // A stored document found unchanged gets the current hashes when its own are older (an
        // extraction hash of the records' JSON; an input hash under another extractor, or none).
        let updateHashes = BoundStatement(try db.cachedStatement(sql: """
            UPDATE documents SET extraction_hash = ?2, input_hash = ?3 WHERE number = ?1
            """))
        // The quotations of a document left as it is without being extracted, for the counts.
        let countQuotes = BoundStatement(try db.cachedStatement(sql: "SELECT count(*) FROM quotes WHERE document = ?"))
        // The full-text index reads the quotations' text (external content), so a replaced
        // document's entries are removed with the text they were made from, read here before its
        // quotations are deleted (`SearchChanges`).
        let replacedSearch = BoundStatement(try db.cachedStatement(sql: """
            SELECT number, text FROM quotes WHERE document IN (SELECT value FROM json_each(?))
            """))
        // The cascade of `quotes.document` (`ON DELETE CASCADE`), which SQLite does not run while
        // the index's transaction has foreign keys off (`index(parts:)`).
        let deleteQuotes = BoundStatement(try db.cachedStatement(sql: """
            DELETE FROM quotes WHERE document IN (SELECT value FROM json_each(?))
            """))
        let deleteDocuments = BoundStatement(try db.cachedStatement(sql: """
            DELETE FROM documents WHERE number IN (SELECT value FROM json_each(?))
            """))
        let insertDocument = BoundStatement(try db.cachedStatement(sql: """
            INSERT INTO documents (id, content_hash, title, published, metadata, text, extraction_hash, input_hash,
                indexed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, datetime('now'))
            """))
        // A record id is unique within its document (the extractor ensures it), and a replaced
        // document's quotations are deleted first, so no insert can conflict (`OR FAIL`, see
        // `RecordColumns`; "INSERT OR REPLACE" made each insert about three times as slow here).
        var insertQuotes: [BoundStatement] = []
        for rows in 1...RecordColumns.rowsPerInsert {
            insertQuotes.append(BoundStatement(try db.cachedStatement(sql: RecordColumns.insertSQL(rows: rows))))
        }
        var speakerIDs: [Int64?] = []
        // What each document does, decided before anything is written: left as it is, or
        // inserted after the stored copies it replaces are deleted. A later document of the batch
        // with the same id or text replaces an earlier one, which is then not inserted at all
        // (the end state and the counts of one document at a time).
        var replacedNumbers: Set<Int64> = []
        var inserted: [StoreDocument?] = []
        inserted.reserveCapacity(batch.count)
        var pendingByID: [String: Int] = [:]
        var pendingByText: [String: Int] = [:]
        for var document in batch {
            summary.documents += 1
            let stored = try earlier.rows(in: db) { row in
                row.text(document.id)
                row.text(document.contentHash)
            } read: { columns in
                (number: columns.integer(0), sameText: columns.integer(1) == 1, hash: columns.text(2),
                 inputHash: columns.text(3))
            }
            let pending = Set([pendingByID[document.id], pendingByText[document.contentHash]].compactMap { $0 })
            let isStoredAsItIs = pending.isEmpty && stored.count == 1 && stored[0].sameText
                && !replacedNumbers.contains(stored[0].number)
            if document.isUnextracted {
                if isStoredAsItIs, stored[0].inputHash == document.inputHash {
                    summary.quotes += Int(try countQuotes.integer(in: db) { $0.integer(stored[0].number) } ?? 0)
                    summary.unchanged += 1
                    continue
                }
                // The row read before this transaction is not this document's any more.
                document = try document.extracted()
            }
            summary.quotes += document.quotes.count
            if isStoredAsItIs, let hash = stored[0].hash {
                // Indexed before the hash of the values: the same records have the same JSON.
                if hash == document.extractionHash
                    || (!hash.hasPrefix(StoreDocument.extractionHashPrefix) && hash == document.legacyExtractionHash()) {
                    if hash != document.extractionHash || (document.inputHash != nil && stored[0].inputHash != document.inputHash) {
                        try updateHashes.execute(in: db) { row in
                            row.integer(stored[0].number)
                            row.text(document.extractionHash)
                            row.text(document.inputHash ?? stored[0].inputHash)
                        }
                    }
                    summary.unchanged += 1
                    continue
                }
            }
            // The same document twice in a batch: the second finds the first as it is (any stored
            // copy that matches it matched the first too, and is already replaced).
            if pending.count == 1, let earlier = inserted[pending.first!], earlier.id == document.id,
               earlier.contentHash == document.contentHash, earlier.extractionHash == document.extractionHash {
                summary.unchanged += 1
                continue
            }
            for row in stored where replacedNumbers.insert(row.number).inserted {
                summary.replaced += 1
            }
            for index in pending {
                if let earlier = inserted[index] {
                    pendingByID[earlier.id] = nil
                    pendingByText[earlier.contentHash] = nil
                }
                inserted[index] = nil
                summary.replaced += 1
            }
            pendingByID[document.id] = inserted.count
            pendingByText[document.contentHash] = inserted.count
            inserted.append(document)
        }
        if !replacedNumbers.isEmpty {
            let numbers = "[" + replacedNumbers.sorted().map(String.init).joined(separator: ",") + "]"
            let entries = try replacedSearch.rows(in: db) { $0.text(numbers) } read: { columns in
                (number: columns.integer(0), text: columns.text(1) ?? "")
            }
            for entry in entries { search.remove(entry.number, text: entry.text) }
            try deleteQuotes.execute(in: db) { $0.text(numbers) }
            try deleteDocuments.execute(in: db) { $0.text(numbers) }
        }
        for case let document? in inserted {
            let documentNumber = try insertDocument.insert(in: db) { row in
                row.text(document.id)
                row.text(document.contentHash)
                row.text(document.title)
                row.text(document.published)
                row.text(document.metadataJSON)
                row.text(document.text)
                row.text(document.extractionHash)
                row.text(document.inputHash)
            }
            // Read in place from the array's storage: a `for quote in` loop copied each quotation
            // and its record (every string retained, then released: ~2.5% of the writer thread).
            // So did handing a quotation, or its `Speaker?`, to a function: `RecordColumns.bind`
            // gets a pointer, the speaker directory the two fields it reads.
            try document.quotes.withUnsafeBufferPointer { buffer in
                guard let quotes = buffer.baseAddress else { return }
                // Up to `rowsPerInsert` quotations a statement.
                var start = 0
                while start < buffer.count {
                    let end = min(start + RecordColumns.rowsPerInsert, buffer.count)
                    speakerIDs.removeAll(keepingCapacity: true)
                    for index in start..<end {
                        // An unresolved pronoun or a headline fragment names nobody the store can track.
                        // (`isTrackable` is false without a speaker.)
                        let quote = quotes + index
                        var speakerID: Int64? = nil
                        if quote.pointee.isTrackable, let kind = quote.pointee.record.speaker?.kind,
                           let name = quote.pointee.record.speaker?.name {
                            speakerID = try SpeakerDirectory.speakerID(name: name, kind: kind, role: quote.pointee.listedRole,
                                                                       in: db, cache: speakerCache)
                        }
                        speakerIDs.append(speakerID)
                    }
                    let last = try insertQuotes[end - start - 1].insert(in: db) { row in
                        for index in start..<end {
                            RecordColumns.bind(quotes + index, document: documentNumber, documentID: document.id,
                                               speakerID: speakerIDs[index - start], to: &row)
                        }
                    }
                    // SQLite numbers a new row one past the largest in the table (until that is
                    // 2^63 - 1): the statement's rows are numbered in turn, up to `last`.
                    for index in start..<end {
                        // The full-text entry under the quotation's number, from the same text.
                        search.add(last - Int64(end - 1 - index), text: (quotes + index).pointee.record.quote.text)
                    }
                    start = end
                }
            }
        }
        return summary
    }

    /// Speakers with their counts, most quoted first, at most `limit` of them (nil: all).
    ///
    /// Throws `QueryError.negativeLimit` for a negative `limit` (it used to mean "all").
    public func speakers(limit: Int? = nil) throws -> [SpeakerSummary] {
        if let limit, limit < 0 { throw QueryError.negativeLimit(limit) }
        return try read { db in try Self.speakers(in: db, limit: limit) }
    }

    /// SQLite's integrity check and the store's own invariants.
    public func health() throws -> StoreHealth {
        try read { db in try StoreHealth.check(db) }
    }

    /// The ids of all stored documents.
    public func documentIDs() throws -> Set<String> {
        try read { db in Set(try String.fetchAll(db, sql: "SELECT id FROM documents")) }
    }

    /// Whether the store holds any document.
    func hasDocuments() throws -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM documents)") ?? false }
    }

    /// The input hashes of the stored documents of `ids` that have one, by id, as last committed.
    func inputHashes(ids: [String]) throws -> [String: String] {
        guard !ids.isEmpty else { return [:] }
        // The ids as a JSON array for `json_each`: JSONEncoder took ~460,000 instructions for a
        // part's hundred ids.
        let list = JSONStringArray.text(ids)
        return try read { db in
            var hashes: [String: String] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, input_hash FROM documents
                WHERE id IN (SELECT value FROM json_each(?)) AND input_hash IS NOT NULL
                """, arguments: [list])
            while let row = try rows.next() { hashes[row[0]] = row[1] }
            return hashes
        }
    }

    /// A read transaction whose SQLite errors come out as `StoreError`.
    private func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch {
            throw StoreError(error, path: path)
        }
    }

    /// `count` SQL parameters, comma-separated (an `IN (...)` list, a row of `VALUES`): "?,?,?".
    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ",")
    }

    /// Speakers with quotations, most quoted first: all of them, or those of `ids` (a query's
    /// matches: summing the whole store's speakers to keep a few made every query read it all).
    static func speakers(in db: Database, limit: Int? = nil, ids: [Int64]? = nil) throws -> [SpeakerSummary] {
        do {
            let only = ids.map { "WHERE s.id IN (\(placeholders($0.count)))" } ?? ""
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.id, s.name, s.kind, COUNT(*) AS quotes, COUNT(DISTINCT q.document) AS documents
                FROM speakers s JOIN quotes q ON q.speaker_id = s.id \(only)
                GROUP BY s.id ORDER BY quotes DESC, s.name LIMIT ?
                """, arguments: StatementArguments((ids ?? []).map { $0.databaseValue } + [(limit ?? -1).databaseValue]))
            return try rows.map { row in
                let id: Int64 = row["id"]
                return SpeakerSummary(
                    id: id, name: row["name"], kind: row["kind"],
                    aliases: try String.fetchAll(db, sql: "SELECT alias FROM aliases WHERE speaker_id = ? ORDER BY count DESC, alias", arguments: [id]),
                    roles: try String.fetchAll(db, sql: "SELECT role FROM speaker_roles WHERE speaker_id = ? ORDER BY count DESC, role", arguments: [id]),
                    quotes: row["quotes"], documents: row["documents"])
            }
        }
    }

    /// Quotations matching a query, newest first, with the speakers the query matched.
    public func query(_ query: QuoteQuery) throws -> QueryResult {
        try query.validate()
        return try read { db in
            var conditions: [String] = []
            var arguments: [(any DatabaseValueConvertible)?] = []
            var matched: [SpeakerSummary] = []
            if let speaker = query.speaker {
                let ids = try SpeakerDirectory.matches(speaker, in: db)
                if ids.isEmpty { return QueryResult(quotes: [], speakers: []) }
                conditions.append("q.speaker_id IN (\(Self.placeholders(ids.count)))")
                arguments.append(contentsOf: ids.map { $0 })
                matched = try Self.speakers(in: db, ids: ids)
            }
            for text in [query.text, query.search].compactMap({ $0 }) {
                conditions.append("q.number IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
                arguments.append(StoreSchema.ftsQuery(text))
            }
            if let since = query.since {
                conditions.append("d.published >= ?")
                arguments.append(since)
            }
            if let until = query.until {
                conditions.append("d.published <= ?")
                arguments.append(until)
            }
            if let type = query.type {
                conditions.append("q.type = ?")
                arguments.append(type.rawValue)
            }
            let sql = """
                SELECT \(RecordColumns.selectSQL), d.published, d.title FROM quotes q JOIN documents d ON d.number = q.document
                \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "))
                ORDER BY d.published IS NULL, d.published DESC, d.id, q.start LIMIT ?
                """
            arguments.append(query.limit ?? -1)
            let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments.map { $0?.databaseValue ?? .null }))
            let quotes = rows.compactMap { row -> StoredQuote? in
                guard let record = RecordColumns.record(row) else { return nil }
                return StoredQuote(record: record, published: row["published"], title: row["title"])
            }
            return QueryResult(quotes: quotes, speakers: matched)
        }
    }

    /// One stored quotation with the sentence around it: `id` is a record id (the same record id
    /// in several documents gives the first document by id) or "record id@document id".
    public func show(id: String) throws -> (quote: StoredQuote, context: String)? {
        // Record ids never contain "@"; document ids may.
        let parts = id.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        let document = parts.count == 2 ? String(parts[1]) : nil
        // With a document: its number by id, then the (document, record id) index. A record id
        // alone: the quotations' numbers from a scan of that index (it holds every record id;
        // `quotes` itself holds the whole records), then the first document by id.
        let sql = document != nil ? """
            SELECT \(RecordColumns.selectSQL), d.text AS document_text, d.published, d.title
            FROM documents d JOIN quotes q ON q.document = d.number AND q.record_id = ?1 WHERE d.id = ?2
            """ : """
            SELECT \(RecordColumns.selectSQL), d.text AS document_text, d.published, d.title
            FROM (SELECT number, document FROM quotes WHERE record_id = ?1) f
            JOIN quotes q ON q.number = f.number JOIN documents d ON d.number = f.document
            ORDER BY d.id LIMIT 1
            """
        return try read { db in
            guard let row = try Row.fetchOne(db, sql: sql,
                                             arguments: document.map { [String(parts[0]), $0] } ?? [String(parts[0])]),
                  let record = RecordColumns.record(row),
                  let text: String = row["document_text"] else { return nil }
            let scalars = Array(text.unicodeScalars)
            let start = record.quote.start
            let end = record.quote.end
            let lower = max(0, start - 200)
            let upper = min(scalars.count, end + 200)
            let context = String(String.UnicodeScalarView(scalars[lower..<upper]))
            return (StoredQuote(record: record, published: row["published"], title: row["title"]), context)
        }
    }
}

/// A speaker with the names and roles seen for them and their counts.
public struct SpeakerSummary: Codable, Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var kind: String
    public var aliases: [String]
    public var roles: [String]
    public var quotes: Int
    public var documents: Int
}

/// What to look for in the store.
public struct QuoteQuery: Sendable {
    public var speaker: String?
    public var text: String?
    public var search: String?
    public var since: String?
    public var until: String?
    public var type: QuoteType?
    public var limit: Int?

    public init(speaker: String? = nil, text: String? = nil, search: String? = nil, since: String? = nil,
                until: String? = nil, type: QuoteType? = nil, limit: Int? = nil) {
        self.speaker = speaker
        self.text = text
        self.search = search
        self.since = since
        self.until = until
        self.type = type
        self.limit = limit
    }

    /// Throws for a query the store cannot answer as asked: words to search for with no letter
    /// or digit (full-text search has nothing to match, and SQLite's own message is a syntax
    /// error), a date that is not yyyy, yyyy-mm or yyyy-mm-dd, a negative limit.
    public func validate() throws {
        for (field, value) in [("text", text), ("search", search)] {
            if let value, StoreSchema.ftsQuery(value).isEmpty { throw QueryError.noWords(field: field, value: value) }
        }
        for (field, value) in [("since", since), ("until", until)] {
            if let value, !QuoteQuery.isDate(value) { throw QueryError.notADate(field: field, value: value) }
        }
        if let limit, limit < 0 { throw QueryError.negativeLimit(limit) }
    }

    /// yyyy, yyyy-mm or yyyy-mm-dd with a month of 01-12 and a day of 01-31 (dates are compared
    /// as text: a year or a month stands for its start).
    static func isDate(_ value: String) -> Bool {
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return false }
        if parts.count >= 2 { guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return false } }
        if parts.count == 3 { guard parts[2].count == 2, let day = Int(parts[2]), (1...31).contains(day) else { return false } }
        return true
    }
}

/// A query the store cannot answer as asked, quoting the value at fault.
public enum QueryError: Error, Equatable, CustomStringConvertible {
    /// A full-text search (`text` or `search`) with no letter or digit to look for.
    case noWords(field: String, value: String)
    /// A `since` or `until` that is not yyyy, yyyy-mm or yyyy-mm-dd.
    case notADate(field: String, value: String)
    case negativeLimit(Int)

    public var description: String {
        switch self {
        case .noWords(let field, let value):
            return "\(field) '\(value)' has no letters or digits to search for"
        case .notADate(let field, let value):
            return "\(field) '\(value)' is not a date: give yyyy-mm-dd (or yyyy, yyyy-mm)"
        case .negativeLimit(let limit):
            return "limit \(limit) is negative: give 0 or more"
        }
    }
}

/// A stored quotation with its document's date and title.
public struct StoredQuote: Codable, Sendable, Equatable {
    public var record: QuoteRecord
    public var published: String?
    public var title: String?
}

/// Quotations found, and the speakers the query matched (several means it was ambiguous).
public struct QueryResult: Codable, Sendable {
    public var quotes: [StoredQuote]
    public var speakers: [SpeakerSummary]

    public var isAmbiguous: Bool { speakers.count > 1 }
}
