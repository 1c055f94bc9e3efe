import Foundation
import GRDB
import QuoteCore
import QuoteSchema

/// The store's tables, created and upgraded by numbered migrations (see docs/store.md).
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE documents (
                    id TEXT PRIMARY KEY,
                    content_hash TEXT NOT NULL,
                    title TEXT,
                    published TEXT,
                    metadata TEXT,
                    text TEXT NOT NULL,
                    indexed_at TEXT NOT NULL
                );
                CREATE INDEX documents_hash ON documents(content_hash);
                CREATE INDEX documents_published ON documents(published);
                CREATE TABLE speakers (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL,
                    key TEXT NOT NULL,
                    last_key TEXT NOT NULL,
                    words INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    UNIQUE(key, kind)
                );
                CREATE INDEX speakers_last_key ON speakers(last_key);
                CREATE TABLE aliases (
                    speaker_id INTEGER NOT NULL REFERENCES speakers(id),
                    alias TEXT NOT NULL,
                    alias_key TEXT NOT NULL,
                    count INTEGER NOT NULL,
                    PRIMARY KEY (speaker_id, alias)
                );
                CREATE INDEX aliases_key ON aliases(alias_key);
                CREATE TABLE speaker_roles (
                    speaker_id INTEGER NOT NULL REFERENCES speakers(id),
                    role TEXT NOT NULL,
                    count INTEGER NOT NULL,
                    PRIMARY KEY (speaker_id, role)
                );
                CREATE TABLE quotes (
                    id TEXT PRIMARY KEY,
                    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                    type TEXT NOT NULL,
                    text TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    speaker_id INTEGER REFERENCES speakers(id),
                    speaker_name TEXT,
                    speaker_mention TEXT,
                    via_name TEXT,
                    cue TEXT,
                    cue_lemma TEXT,
                    confidence REAL NOT NULL,
                    rule TEXT NOT NULL,
                    record TEXT NOT NULL
                );
                CREATE INDEX quotes_document ON quotes(document_id);
                CREATE INDEX quotes_speaker ON quotes(speaker_id);
                CREATE VIRTUAL TABLE quotes_fts USING fts5(quote_id UNINDEXED, text);
                """)
        }
        // Each quotation records the rowid of its full-text row, so that replacing a document
        // deletes those rows by rowid. Before, the delete matched FTS5's unindexed `quote_id`,
        // which reads every full-text row of the store for each replaced document: re-indexing
        // was quadratic (1,510 replaced documents over 26,100 quotations took 20 s, 1 s fresh).
        // The temporary table keys the existing links so that filling the column stays
        // O(n log n) on a large store.
        migrator.registerMigration("v2 search rowid") { db in
            try db.execute(sql: """
                ALTER TABLE quotes ADD COLUMN search_rowid INTEGER;
                CREATE TEMP TABLE search_links (quote_id TEXT PRIMARY KEY, search_rowid INTEGER NOT NULL);
                INSERT OR IGNORE INTO search_links (quote_id, search_rowid) SELECT quote_id, rowid FROM quotes_fts;
                UPDATE quotes SET search_rowid = (SELECT search_rowid FROM search_links WHERE quote_id = quotes.id);
                DROP TABLE search_links;
                """)
        }
        // Integer keys and a full-text index that reads the quotations' own text. Until v2 a
        // quotation was keyed by "record id@document id" (80 bytes on the dev text) and referred
        // to its document by the document's id (60 bytes), each in its own index, and FTS5 kept a
        // second copy of every quotation's text with that id: a third of the store's bytes and
        // of the writer's work (dev text x20: 187 MB). Documents and quotations now have
        // `number INTEGER PRIMARY KEY` (stable: VACUUM keeps an INTEGER PRIMARY KEY, not a bare
        // rowid); a quotation names its document by number, keeps its record id (unique per
        // document), and is its full-text row's rowid (an external-content FTS5 table).
        migrator.registerMigration("v3 integer keys") { db in
            try db.execute(sql: """
                CREATE TABLE documents_v3 (
                    number INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    content_hash TEXT NOT NULL,
                    title TEXT,
                    published TEXT,
                    metadata TEXT,
                    text TEXT NOT NULL,
                    indexed_at TEXT NOT NULL
                );
                INSERT INTO documents_v3 (id, content_hash, title, published, metadata, text, indexed_at)
                    SELECT id, content_hash, title, published, metadata, text, indexed_at FROM documents ORDER BY rowid;
                CREATE TABLE quotes_v3 (
                    number INTEGER PRIMARY KEY,
                    document INTEGER NOT NULL REFERENCES documents_v3(number) ON DELETE CASCADE,
                    record_id TEXT NOT NULL,
                    type TEXT NOT NULL,
                    text TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL,
                    speaker_id INTEGER REFERENCES speakers(id),
                    speaker_name TEXT,
                    speaker_mention TEXT,
                    via_name TEXT,
                    cue TEXT,
                    cue_lemma TEXT,
                    confidence REAL NOT NULL,
                    rule TEXT NOT NULL,
                    record TEXT NOT NULL
                );
                INSERT INTO quotes_v3 (document, record_id, type, text, start, "end", speaker_id, speaker_name,
                        speaker_mention, via_name, cue, cue_lemma, confidence, rule, record)
                    SELECT d.number, substr(q.id, 1, instr(q.id, '@') - 1), q.type, q.text, q.start, q."end",
                        q.speaker_id, q.speaker_name, q.speaker_mention, q.via_name, q.cue, q.cue_lemma,
                        q.confidence, q.rule, q.record
                    FROM quotes q JOIN documents_v3 d ON d.id = q.document_id ORDER BY q.rowid;
                DROP TABLE quotes_fts;
                DROP TABLE quotes;
                DROP TABLE documents;
                ALTER TABLE documents_v3 RENAME TO documents;
                ALTER TABLE quotes_v3 RENAME TO quotes;
                CREATE INDEX documents_hash ON documents(content_hash);
                CREATE INDEX documents_published ON documents(published);
                CREATE UNIQUE INDEX quotes_record ON quotes(record_id, document);
                CREATE INDEX quotes_document ON quotes(document);
                CREATE INDEX quotes_speaker ON quotes(speaker_id);
                CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='number');
                INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');
                """)
        }
        // A document indexed again with the same id, text, metadata and records is left as it is
        // (re-indexing an archive rewrote every row of it). The hash is of what the extraction
        // gave (`StoreDocument.extractionHash`); NULL for rows written before, which are replaced
        // once and get one.
        migrator.registerMigration("v4 extraction hash") { db in
            try db.execute(sql: "ALTER TABLE documents ADD COLUMN extraction_hash TEXT")
        }
        // The quotations' unique index led with the record id, a hash: every insert went to a
        // random leaf, so each batch dirtied most of the index (a quarter of the writer's time on
        // the dev text x20). Led by the document's number it grows at its end, and it also serves
        // what `quotes(document)` served (a document's quotations, the cascade). A record id
        // alone (`quotes show q...`) is found by scanning this index, which holds every record id
        // (a few MB for 100,000 quotations), not the table.
        migrator.registerMigration("v5 document-ordered records") { db in
            try db.execute(sql: """
                DROP INDEX quotes_record;
                DROP INDEX quotes_document;
                CREATE UNIQUE INDEX quotes_record ON quotes(document, record_id);
                """)
        }
        // FTS5 gathers a transaction's new entries in memory and writes them out as a segment
        // whenever they pass its `hashsize` (1 MiB by default), then merges segments four at a
        // time: a batch of the dev text made several small segments, each soon merged and
        // rewritten. With `fullTextHashSize` a batch (at most `StoreIndexer.defaultBatchBytes` of
        // text) makes one. Instructions of the full-text inserts of the dev text x80's
        // quotations in 28 transactions (sqlite3 under callgrind): 14.25G -> 10.32G. The
        // setting is kept in the index's own `quotes_fts_config` table; the entries stay as
        // they are, and queries see fewer segments, not more.
        migrator.registerMigration("v6 full-text hash size") { db in
            try db.execute(sql: "INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('hashsize', ?)",
                           arguments: [fullTextHashSize])
        }
        // A quotation's record as columns (`RecordColumns`), not as JSON beside them: the JSON
        // (~525 bytes a quotation on the dev text) repeated the row's columns, the document's id
        // and the quotation's text, and was 44% of the store file. The columns are filled from
        // each row's JSON; a row whose `record` is not JSON keeps the columns it had (before, no
        // query could read it). `record_document` is NULL when the record's document is the
        // document's id (always, for records the extractor made).
        migrator.registerMigration(recordsAsColumns) { db in
            try db.execute(sql: """
                ALTER TABLE quotes ADD COLUMN record_document TEXT;
                ALTER TABLE quotes ADD COLUMN parts TEXT;
                ALTER TABLE quotes ADD COLUMN speaker_kind TEXT;
                ALTER TABLE quotes ADD COLUMN speaker_role TEXT;
                ALTER TABLE quotes ADD COLUMN speaker_resolution TEXT;
                ALTER TABLE quotes ADD COLUMN speaker_mention_start INTEGER;
                ALTER TABLE quotes ADD COLUMN speaker_mention_end INTEGER;
                ALTER TABLE quotes ADD COLUMN via_kind TEXT;
                ALTER TABLE quotes ADD COLUMN via_role TEXT;
                ALTER TABLE quotes ADD COLUMN via_resolution TEXT;
                ALTER TABLE quotes ADD COLUMN via_mention TEXT;
                ALTER TABLE quotes ADD COLUMN via_mention_start INTEGER;
                ALTER TABLE quotes ADD COLUMN via_mention_end INTEGER;
                ALTER TABLE quotes ADD COLUMN cue_start INTEGER;
                ALTER TABLE quotes ADD COLUMN cue_end INTEGER;
                ALTER TABLE quotes ADD COLUMN diagnostics TEXT;
                UPDATE quotes SET
                    record_document = CASE
                        WHEN json_extract(record, '$.document') IS NOT (SELECT id FROM documents d WHERE d.number = quotes.document)
                        THEN json_extract(record, '$.document') END,
                    parts = json_extract(record, '$.quote.parts'),
                    speaker_kind = json_extract(record, '$.speaker.kind'),
                    speaker_role = json_extract(record, '$.speaker.role'),
                    speaker_resolution = json_extract(record, '$.speaker.resolution'),
                    speaker_mention_start = json_extract(record, '$.speaker.mention.start'),
                    speaker_mention_end = json_extract(record, '$.speaker.mention.end'),
                    via_kind = json_extract(record, '$.via.kind'),
                    via_role = json_extract(record, '$.via.role'),
                    via_resolution = json_extract(record, '$.via.resolution'),
                    via_mention = json_extract(record, '$.via.mention.text'),
                    via_mention_start = json_extract(record, '$.via.mention.start'),
                    via_mention_end = json_extract(record, '$.via.mention.end'),
                    cue_start = json_extract(record, '$.cue.start'),
                    cue_end = json_extract(record, '$.cue.end'),
                    diagnostics = json_extract(record, '$.diagnostics')
                WHERE json_valid(record);
                ALTER TABLE quotes DROP COLUMN record;
                """)
        }
        // A document whose input (id, text, metadata) and extractor (`Extractor.fingerprint`)
        // are those it was stored with would give the same rows: `StoreIndexer` does not extract
        // it again. NULL for rows written before, and by a `quotes` without a fingerprint. The
        // index answers the indexer's look-up of a part's ids from the index alone: through the
        // table, each look-up read the rows' pages, texts and all, into the reader's page cache
        // (30 MB more memory re-indexing the dev text x20).
        migrator.registerMigration("v8 input hash") { db in
            try db.execute(sql: """
                ALTER TABLE documents ADD COLUMN input_hash TEXT;
                CREATE INDEX documents_input ON documents(id, input_hash);
                """)
        }
        // FTS5 wrote each entry's token count into its own table (`quotes_fts_docsize`: a row,
        // through a statement of its own, for every quotation): ~3,900 instructions a quotation,
        // 7.5% of the writer thread on the dev text x5. Only ranking reads those counts (bm25,
        // `xColumnSize`), and the store's searches filter, they do not rank. The index is made
        // again without them (`columnsize=0`) from the quotations' text. `quotes check` counts the
        // entries from FTS5's own total and finds a quotation without its entry through
        // `quotes_fts_instances` (FTS5's table of every token's document; it holds no data).
        migrator.registerMigration("v9 search without sizes") { db in
            try db.execute(sql: """
                DROP TABLE quotes_fts;
                CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', content_rowid='number', columnsize=0);
                INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('hashsize', \(fullTextHashSize));
                INSERT INTO quotes_fts (quotes_fts) VALUES ('rebuild');
                CREATE VIRTUAL TABLE quotes_fts_instances USING fts5vocab(quotes_fts, instance);
                """)
        }
        return migrator
    }

    /// The migration that moves records from JSON to columns.
    static let recordsAsColumns = "v7 records as columns"

    /// True when migrating `db` will run `recordsAsColumns` over stored quotations (an upgrade,
    /// not a new store).
    static func upgradesRecords(_ db: Database) throws -> Bool {
        guard try db.tableExists("quotes"), try !migrator.appliedIdentifiers(db).contains(recordsAsColumns) else {
            return false
        }
        return try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM quotes)") ?? false
    }

    /// Bytes of new full-text entries FTS5 keeps in memory before it writes them out (8 MiB).
    static let fullTextHashSize = 8 << 20

    /// FNV-1a of the text's UTF-8: the same text under another id replaces the earlier document.
    static func contentHash(_ text: String) -> String {
        var text = text
        // Through the contiguous bytes: iterating `String.UTF8View` took ~30 instructions a byte.
        let hash = text.withUTF8 { bytes in fnv1a(bytes) }
        return String(hash, radix: 16)
    }

    /// FNV-1a's 64-bit offset basis: the hash of no bytes.
    static let fnvBasis: UInt64 = 0xcbf29ce484222325

    /// FNV-1a (64 bits) of `bytes`, continuing from `hash`.
    static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>, from hash: UInt64 = fnvBasis) -> UInt64 {
        var hash = hash
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100000001b3
        }
        return hash
    }

    /// The document's title: metadata `title`, else its first line.
    static func title(_ document: SourceDocument) -> String? {
        if case .string(let title)? = document.metadata?["title"] { return title }
        if case .object(let meta)? = document.metadata?["meta"], case .string(let title)? = meta["title"] { return title }
        return firstLine(document.text)
    }

    /// Most characters a title taken from the first line keeps.
    static let titleLength = 200

    /// The text's first line without the white space around it, cut to `titleLength` characters;
    /// nil when it is empty. Read on the bytes when the line's edges are ASCII and it is short or
    /// all ASCII (Foundation's `trimmingCharacters` took ~44,000 instructions a document, 1.3% of
    /// an index); `firstLineByCharacters` otherwise, which gives the same text.
    static func firstLine(_ text: String) -> String? {
        let fast = text.withUTF8Bytes { bytes -> String?? in
            var end = 0
            while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
            var start = 0
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            if start == end { return .some(nil) }
            // A non-ASCII edge may be white space of another kind (U+00A0, U+3000).
            guard bytes[start] < 0x80, bytes[end - 1] < 0x80 else { return nil }
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if line.count > titleLength {
                // Characters are bytes only in ASCII text.
                guard line.allSatisfy({ $0 < 0x80 }) else { return nil }
                return String(decoding: UnsafeBufferPointer(rebasing: line[..<titleLength]), as: UTF8.self)
            }
            return String(decoding: line, as: UTF8.self)
        }
        return fast ?? firstLineByCharacters(text)
    }

    /// `firstLine` through Foundation and `Character`s. The line ends at the first line feed or
    /// carriage return, found on the bytes ("\r\n" is one `Character`, so a walk by characters
    /// ran a CRLF text's title on past its first line).
    static func firstLineByCharacters(_ text: String) -> String? {
        let utf8 = text.utf8
        let lineEnd = utf8.firstIndex { $0 == 0x0A || $0 == 0x0D } ?? utf8.endIndex
        let first = text[..<lineEnd].trimmingCharacters(in: .whitespaces)
        return first.isEmpty ? nil : String(first.prefix(titleLength))
    }

    /// An ISO date (yyyy-mm-dd) from `published`, `publication_date`, `date` or `meta.*`.
    static func published(_ metadata: [String: JSONValue]?) -> String? {
        guard let metadata else { return nil }
        var sources = [metadata]
        if case .object(let meta)? = metadata["meta"] { sources.append(meta) }
        for source in sources {
            for key in ["published", "publication_date", "date", "datePublished"] {
                if case .string(let value)? = source[key], value.count >= 10 {
                    let day = String(value.prefix(10))
                    if day.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil { return day }
                }
            }
        }
        return nil
    }

    /// An FTS5 query that matches all the words, each as a plain term.
    static func ftsQuery(_ text: String) -> String {
        text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map { "\"\($0)\"" }.joined(separator: " ")
    }
}
