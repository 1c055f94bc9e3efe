import Foundation
import GRDB
import QuoteSchema

/// A quotation record as columns of the `quotes` table: written by the indexer, read back whole
/// by `query` and `show`.
///
/// Until `v7 records as columns` each row also kept the record's JSON (`record`, ~525 bytes on the
/// dev text), which repeated the row's own columns, the document's id and the quotation's text:
/// 44% of the store file (docs/store.md). A record read
/// back from the columns equals the record that was indexed, but for `schemaVersion`, which the
/// store does not keep (the extractor leaves it unset on records; `quotes extract` writes it
/// only on its output lines).
enum RecordColumns {
    /// The columns `bind` binds, in its order. `OR FAIL`: with SQLite's default (`ABORT`) an
    /// insert of several rows keeps a statement journal, to undo its earlier rows when a later
    /// one breaks a constraint, and copied every page it touched there: 16 KiB pages, spilled
    /// to a temporary file (dev text x20: 10 times as many page writes, system time 0.25 ->
    /// 0.6 s). A failing insert fails its whole batch, whose transaction is rolled back anyway.
    private static let insertColumns = """
        INSERT OR FAIL INTO quotes (document, record_id, type, text, start, "end", speaker_id, speaker_name,
            speaker_mention, via_name, cue, cue_lemma, confidence, rule, record_document, parts,
            speaker_kind, speaker_role, speaker_resolution, speaker_mention_start, speaker_mention_end,
            via_kind, via_role, via_resolution, via_mention, via_mention_start, via_mention_end,
            cue_start, cue_end, diagnostics)
        """

    /// The most rows one insert statement writes. Each statement run opens and closes cursors
    /// on the table and its indexes and starts and ends a program: ~3,000 instructions a run,
    /// shared by its rows.
    static let rowsPerInsert = 8

    /// The insert of `rows` quotations (1 to `rowsPerInsert`), each bound by `bind` in turn.
    static func insertSQL(rows: Int) -> String { insertSQLs[rows - 1] }

    private static let insertSQLs: [String] = (1...rowsPerInsert).map { rows in
        let row = "(" + QuoteStore.placeholders(30) + ")"
        return insertColumns + "VALUES " + Array(repeating: row, count: rows).joined(separator: ", ")
    }

    /// The columns `record(_:)` reads, for a query over `quotes q JOIN documents d`.
    static let selectSQL = """
        d.id AS document_id, q.record_document, q.record_id, q.type, q.text, q.start, q."end", q.parts,
        q.speaker_name, q.speaker_kind, q.speaker_role, q.speaker_mention, q.speaker_mention_start,
        q.speaker_mention_end, q.speaker_resolution, q.via_name, q.via_kind, q.via_role, q.via_mention,
        q.via_mention_start, q.via_mention_end, q.via_resolution, q.cue, q.cue_lemma, q.cue_start, q.cue_end,
        q.confidence, q.rule, q.diagnostics
        """

    /// Binds the row of the quotation `quote` points to, in document number `document` under
    /// speaker `speakerID`.
    ///
    /// Through a pointer: handed the quotation itself, the caller copied it whole for the call
    /// (its record's dozen strings retained, then released: ~1.7% of the writer thread), where
    /// the fields are read in place.
    static func bind(_ quote: UnsafePointer<StoreDocument.Quote>, document: Int64, documentID: String,
                     speakerID: Int64?, to row: inout BoundStatement.Binder) {
        row.integer(document)
        row.text(quote.pointee.record.id)
        row.text(quote.pointee.record.type.rawValue)
        row.text(quote.pointee.record.quote.text)
        row.integer(Int64(quote.pointee.record.quote.start))
        row.integer(Int64(quote.pointee.record.quote.end))
        row.integer(speakerID)
        row.text(quote.pointee.record.speaker?.name)
        row.text(quote.pointee.record.speaker?.mention?.text)
        row.text(quote.pointee.record.via?.name)
        row.text(quote.pointee.record.cue?.text)
        row.text(quote.pointee.record.cue?.lemma)
        row.real(quote.pointee.record.confidence)
        row.text(quote.pointee.record.rule)
        // The record's document is the document's id but for records made elsewhere.
        row.text(quote.pointee.record.document == documentID ? nil : quote.pointee.record.document)
        row.text(quote.pointee.partsJSON)
        row.text(quote.pointee.record.speaker?.kind.rawValue)
        row.text(quote.pointee.record.speaker?.role)
        row.text(quote.pointee.record.speaker?.resolution)
        row.integer(quote.pointee.record.speaker?.mention?.start)
        row.integer(quote.pointee.record.speaker?.mention?.end)
        row.text(quote.pointee.record.via?.kind.rawValue)
        row.text(quote.pointee.record.via?.role)
        row.text(quote.pointee.record.via?.resolution)
        row.text(quote.pointee.record.via?.mention?.text)
        row.integer(quote.pointee.record.via?.mention?.start)
        row.integer(quote.pointee.record.via?.mention?.end)
        row.integer(quote.pointee.record.cue?.start)
        row.integer(quote.pointee.record.cue?.end)
        row.text(quote.pointee.diagnosticsJSON)
    }

    /// The record of a row read with `selectSQL`, or nil when its columns do not make one (a
    /// speaker kind or quotation type this version does not know, a value of another type than
    /// its column's, a `parts` or `diagnostics` column that is not their JSON array).
    static func record(_ row: Row) -> QuoteRecord? {
        let row = Columns(row: row)
        guard let typeName: String = row["type"], let type = QuoteType(rawValue: typeName),
              let documentID: String = row["document_id"], let id: String = row["record_id"],
              let text: String = row["text"], let start: Int = row["start"], let end: Int = row["end"],
              let confidence: Double = row["confidence"], let rule: String = row["rule"] else { return nil }
        var parts: [OffsetRange]?
        var diagnostics: [String]?
        guard row.decode("parts", into: &parts), row.decode("diagnostics", into: &diagnostics) else { return nil }
        var speaker: Speaker?
        var via: Speaker?
        guard row.speaker("speaker", into: &speaker), row.speaker("via", into: &via) else { return nil }
        var cue: Cue?
        if let cueText: String = row["cue"] {
            guard let lemma: String = row["cue_lemma"], let cueStart: Int = row["cue_start"],
                  let cueEnd: Int = row["cue_end"] else { return nil }
            cue = Cue(text: cueText, lemma: lemma, start: cueStart, end: cueEnd)
        }
        return QuoteRecord(document: row["record_document"] ?? documentID, id: id, type: type,
                           quote: QuoteContent(text: text, start: start, end: end, parts: parts),
                           speaker: speaker, via: via, cue: cue, confidence: confidence, rule: rule,
                           diagnostics: diagnostics)
    }

    /// A row's columns by name, nil for NULL and for a value of another type (GRDB's own
    /// subscript stops the process on those).
    private struct Columns {
        let row: Row

        subscript<Value: DatabaseValueConvertible>(_ name: String) -> Value? {
            let value: DatabaseValue = row[name]
            return Value.fromDatabaseValue(value)
        }

        /// Decodes the JSON of column `name` into `value` (left nil for NULL); false when the
        /// column holds something else.
        func decode<Value: Decodable>(_ name: String, into value: inout Value?) -> Bool {
            guard let json: String = self[name] else {
                let stored: DatabaseValue = row[name]
                return stored.isNull
            }
            guard let decoded = try? JSONDecoder().decode(Value.self, from: Data(json.utf8)) else { return false }
            value = decoded
            return true
        }

        /// The speaker (`prefix` "speaker") or relaying speaker ("via") into `value` (left nil
        /// when the row has none); false when its columns are not a speaker's.
        func speaker(_ prefix: String, into value: inout Speaker?) -> Bool {
            guard let kindName: String = self[prefix + "_kind"] else { return true }
            guard let kind = SpeakerKind(rawValue: kindName), let name: String = self[prefix + "_name"] else { return false }
            var mention: TextSpan?
            if let mentionStart: Int = self[prefix + "_mention_start"] {
                guard let mentionText: String = self[prefix + "_mention"],
                      let mentionEnd: Int = self[prefix + "_mention_end"] else { return false }
                mention = TextSpan(text: mentionText, start: mentionStart, end: mentionEnd)
            }
            value = Speaker(name: name, kind: kind, role: self[prefix + "_role"], mention: mention,
                            resolution: self[prefix + "_resolution"])
            return true
        }
    }

    /// A quotation's parts as the `parts` column holds them: the JSON array of the record's
    /// `quote.parts` (`[{"end":9,"start":1}]`), nil when the record has none.
    static func partsJSON(_ parts: [OffsetRange]?) -> String? {
        guard let parts else { return nil }
        var json = "["
        for (index, part) in parts.enumerated() {
            if index > 0 { json += "," }
            json += "{\"end\":\(part.end),\"start\":\(part.start)}"
        }
        return json + "]"
    }

    /// Diagnostics as the `diagnostics` column holds them: their JSON array, nil when none.
    static func diagnosticsJSON(_ diagnostics: [String]?) -> String? {
        diagnostics.map(JSONStringArray.text)
    }
}
