import Foundation
import QuoteCore
import QuoteSchema

/// One extracted document in the form the store writes it: hashes, title, date and every JSON
/// column computed up front, so that none of that work happens inside the write transaction.
///
/// Build these on the extraction threads (`ParallelExtractor.extract(_:transform:)`): the store's
/// single writer then only binds values to prepared statements.
public struct StoreDocument: Sendable {
    /// One quotation row: its record, its two JSON columns (`RecordColumns`), and what the
    /// speaker directory needs to know of its speaker, all worked out here, off the writer thread.
    struct Quote: Sendable {
        var record: QuoteRecord
        /// The `parts` column: the JSON array of the quotation's parts, or nil.
        var partsJSON: String?
        /// The `diagnostics` column: the JSON array of the record's diagnostics, or nil.
        var diagnosticsJSON: String?
        /// The speaker names somebody the store can track (`SpeakerNameFilter.isTrackable`).
        var isTrackable: Bool
        /// The speaker's role when it is one the directory lists (`SpeakerRoleFilter.isRole`).
        var listedRole: String?
    }

    /// The role filter's answers for one document: its quotations repeat the same few roles,
    /// and each answer is a pure function of the text. (The name filter's were kept too, until it
    /// was read on the name's bytes: a look-up in a dictionary of names then cost more than the
    /// filter, ~1,700 instructions a name; `SpeakerNameFilter.isTrackable` is asked directly.)
    struct SpeakerFilters {
        private var roles: [String: Bool] = [:]

        /// Filters for a document of `records` records: room for an answer per record from the
        /// start (grown from empty, the table rehashed its strings ~3 times a document).
        init(records: Int) {
            roles.reserveCapacity(min(records, 256))
        }

        mutating func isRole(_ role: String) -> Bool {
            if let known = roles[role] { return known }
            let answer = SpeakerRoleFilter.isRole(role)
            roles[role] = answer
            return answer
        }
    }

    /// The document id (JSONL id or path).
    public let id: String
    let contentHash: String
    let title: String?
    let published: String?
    let metadataJSON: String?
    let text: String
    let quotes: [Quote]
    /// What indexing the document writes besides its id and text, hashed: title, date, metadata
    /// and records (`FieldHasher`, hex, after `extractionHashPrefix`). The same id, text hash and
    /// extraction hash as a stored document mean the rows would come out the same, and the
    /// document is left as it is.
    let extractionHash: String
    /// The hash of the document's input under the extractor's fingerprint (`inputHash(of:fingerprint:)`),
    /// or nil when the extractor has none: stored with the rows, so that the same input under the
    /// same extractor is not extracted again.
    let inputHash: String?
    /// For a document not extracted (`init(unextracted:inputHash:extractor:)`): what extracts it
    /// if the writer finds that it must write it after all.
    private let extraction: (document: SourceDocument, extractor: Extractor)?

    /// True for a document whose input hash matched its stored row's when its part was read, so
    /// that it was not extracted: the writer leaves it as it is when the row still matches, and
    /// calls `extracted()` otherwise.
    var isUnextracted: Bool { extraction != nil }

    /// Begins every extraction hash of the values (`extractionHash`); the hashes of the records'
    /// JSON written before (`legacyExtractionHash()`) are bare hexadecimal.
    static let extractionHashPrefix = "v2:"

    /// Prepares `document` and its extraction `result` for `QuoteStore.index(_:)`; throws
    /// `EncodingError` when a record cannot be written as JSON (a confidence that is not a number).
    ///
    /// The result is consumed: its records move into the rows (read out of its array, each was
    /// copied, every string retained and released again).
    public init(document: SourceDocument, result: consuming DocumentResult, inputHash: String? = nil) throws {
        self.inputHash = inputHash
        extraction = nil
        id = document.id
        text = document.text
        contentHash = StoreSchema.contentHash(document.text)
        title = StoreSchema.title(document)
        published = StoreSchema.published(document.metadata)
        metadataJSON = try document.metadata.map { String(decoding: try Self.encoder.encode($0), as: UTF8.self) }
        var hasher = FieldHasher()
        hasher.add(title)
        hasher.add(published)
        hasher.add(metadataJSON)
        hasher.add(result.quotes.count)
        var filters = SpeakerFilters(records: result.quotes.count)
        var quotes: [Quote] = []
        quotes.reserveCapacity(result.quotes.count)
        try result.quotes.takeEach { record in
            // JSON has no NaN or infinity: `query` could not give such a record back.
            guard record.confidence.isFinite else {
                throw EncodingError.invalidValue(record.confidence, EncodingError.Context(
                    codingPath: [], debugDescription: "record \(record.id) has confidence \(record.confidence), not a number JSON can hold"))
            }
            hasher.add(record)
            quotes.append(Quote(record: record, filters: &filters))
        }
        self.quotes = quotes
        extractionHash = Self.extractionHashPrefix + hasher.hex
    }

    /// A document whose stored row has its input hash: its id, text and hashes, no records. The
    /// writer counts it unchanged when the row still has them in the write transaction (a row read
    /// before the transaction may have been replaced since, by an earlier part of it).
    init(unextracted document: SourceDocument, inputHash: String, extractor: Extractor) {
        self.inputHash = inputHash
        extraction = (document, extractor)
        id = document.id
        text = document.text
        contentHash = StoreSchema.contentHash(document.text)
        title = nil
        published = nil
        metadataJSON = nil
        quotes = []
        extractionHash = ""
    }

    /// The document extracted and prepared as `init(document:result:inputHash:)` does; itself
    /// when it was extracted already.
    func extracted() throws -> StoreDocument {
        guard let (document, extractor) = extraction else { return self }
        let result = extractor.extract(text: document.text, document: document.id, metadata: document.metadata)
        return try StoreDocument(document: document, result: result, inputHash: inputHash)
    }

    /// Begins every input hash; a later way of hashing inputs gets another prefix.
    static let inputHashPrefix = "i1:"

    /// The hash of what an extraction under `fingerprint` reads of `document`: its id, its text
    /// and its metadata (objects by sorted keys). Records are a function of these and of the
    /// extractor, so the same hash means the same rows.
    static func inputHash(of document: SourceDocument, fingerprint: String) -> String {
        var hasher = FieldHasher()
        hasher.add(fingerprint)
        hasher.add(document.id)
        hasher.add(document.text)
        hasher.add(document.metadata) { hasher, metadata in hasher.add(JSONValue.object(metadata)) }
        return inputHashPrefix + hasher.hex
    }

    /// Sorted keys: a dictionary's order changes from process to process, and the same document
    /// must give the same row whenever it is indexed (as `quotes extract` writes it).
    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The extraction hash the store wrote before `extractionHashPrefix` (up to the nineteenth
    /// session): FNV-1a of the records' JSON as `quotes extract` writes it. The writer works it
    /// out only for a stored document that has such a hash and the same id and text, so that
    /// documents indexed before stay "unchanged".
    func legacyExtractionHash() -> String {
        var writer = JSONLineWriter(capacity: 1024)
        var json: [UInt8] = []
        json.reserveCapacity(640 * quotes.count)
        for quote in quotes {
            // Finite confidences only (`init`): JSONLineWriter writes JSONEncoder's bytes for them.
            writer.removeAll()
            writer.append(quote.record)
            json.append(contentsOf: writer.bytes)
        }
        return Self.legacyExtractionHash(title: title, published: published, metadataJSON: metadataJSON, records: json)
    }

    /// The legacy hash of the columns a document's extraction decides; each part is preceded by
    /// its length (nil as -1), so that no two different sets of parts give the same bytes.
    static func legacyExtractionHash(title: String?, published: String?, metadataJSON: String?, records: [UInt8]) -> String {
        var hash = StoreSchema.fnvBasis
        func add(_ bytes: UnsafeBufferPointer<UInt8>?) {
            withUnsafeBytes(of: Int64(bytes?.count ?? -1).littleEndian) { length in
                hash = StoreSchema.fnv1a(length.bindMemory(to: UInt8.self), from: hash)
            }
            if let bytes { hash = StoreSchema.fnv1a(bytes, from: hash) }
        }
        for part in [title, published, metadataJSON] {
            if var part {
                part.withUTF8 { add($0) }
            } else {
                add(nil)
            }
        }
        records.withUnsafeBufferPointer { add($0) }
        return String(hash, radix: 16)
    }
}

extension StoreDocument.Quote {
    /// The row of `record`, which it takes. (An initialiser in the type, assigning `self`'s
    /// fields, copied the finished row once more, its record's strings retained and released;
    /// this one builds it with the memberwise initialiser, in place.)
    init(record: consuming QuoteRecord, filters: inout StoreDocument.SpeakerFilters) {
        let partsJSON = RecordColumns.partsJSON(record.quote.parts)
        let diagnosticsJSON = RecordColumns.diagnosticsJSON(record.diagnostics)
        let isTrackable = record.speaker.map { SpeakerNameFilter.isTrackable($0) } ?? false
        let listedRole = record.speaker?.role.flatMap { !$0.isEmpty && filters.isRole($0) ? $0 : nil }
        self.init(record: record, partsJSON: partsJSON, diagnosticsJSON: diagnosticsJSON, isTrackable: isTrackable,
                  listedRole: listedRole)
    }
}
