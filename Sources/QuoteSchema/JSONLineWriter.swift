/// Writes quotation records as compact JSON with sorted keys, byte for byte what `JSONEncoder`
/// gives with `[.sortedKeys, .withoutEscapingSlashes]`, about ten times faster.
///
/// JSONL output spends most of its encoding time in `JSONEncoder`'s generic containers; records
/// have a fixed shape, so their keys are written here in sorted order directly. The test suite
/// checks the equality with `JSONEncoder` on every Corpus article and on hostile strings.
public struct JSONLineWriter {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Empties the buffer, keeping its storage.
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Appends `record` and a newline; a `schemaVersion` given here is written instead of the
    /// record's own (no copy of the record to set it).
    public mutating func appendLine(_ record: QuoteRecord, schemaVersion: String? = nil) {
        write(record, schemaVersion: schemaVersion, newline: true)
    }

    /// Appends each of `records` and a newline, as `appendLine` does, and leaves `records`
    /// empty.
    ///
    /// Each record is moved out of the array, written and freed: read in place, as `for record
    /// in records` reads it, each was copied (its strings retained) and the copy freed (released)
    /// before the array freed the original, ~600 instructions and ~20 atomic reference counts a
    /// record.
    public mutating func appendLines(taking records: inout [QuoteRecord], schemaVersion: String? = nil) {
        records.takeEach { record in write(record, schemaVersion: schemaVersion, newline: true) }
    }

    /// Appends `record` as one JSON object (keys in `JSONEncoder`'s sorted order); a
    /// `schemaVersion` given here is written instead of the record's own.
    public mutating func append(_ record: QuoteRecord, schemaVersion: String? = nil) {
        write(record, schemaVersion: schemaVersion, newline: false)
    }

    /// Writes `record` into room reserved for its bound.
    /// Inlined: called out of line from `appendLines(taking:)`'s closure, it cost ~20
    /// instructions a record more.
    @inline(__always)
    private mutating func write(_ record: QuoteRecord, schemaVersion: String?, newline: Bool) {
        JSONCursor.append(to: &bytes, bound: JSONCursor.bound(record, schemaVersion: schemaVersion)) { out in
            out.record(record, schemaVersion: schemaVersion)
            if newline { out.byte(0x0A) }
        }
    }
}
