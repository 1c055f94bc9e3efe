import Foundation
import QuoteCore
import QuoteSchema

/// One extracted document in the form the store writes it: hashes, title, date and every JSON
/// column computed up front, so that none of that work happens inside the write transaction.
///
/// Build these on the extraction threads (`ParallelExtractor.extract(_:transform:)`): the store's
/// single writer then only binds values to prepared statements.
public struct StoreDocument: Sendable {
    /// One quotation row with its record encoded once, and what the speaker directory needs to
    /// know of its speaker (worked out here, off the writer thread).
    struct Quote: Sendable {
        var record: QuoteRecord
        var json: String
        /// The speaker names somebody the store can track (`SpeakerNameFilter.isTrackable`).
        var isTrackable: Bool
        /// The speaker's role when it is one the directory lists (`SpeakerRoleFilter.isRole`).
        var listedRole: String?

        init(record: QuoteRecord, json: String, filters: inout SpeakerFilters) {
            self.record = record
            self.json = json
            isTrackable = record.speaker.map { filters.isTrackable($0) } ?? false
            listedRole = record.speaker?.role.flatMap { !$0.isEmpty && filters.isRole($0) ? $0 : nil }
        }
    }

    /// The speaker filters' answers for one document: its quotations repeat the same few
    /// speakers and roles, and each answer is a pure function of the text.
    struct SpeakerFilters {
        /// The parts of a speaker `SpeakerNameFilter.isTrackable` reads.
        private struct Name: Hashable {
            var name: String
            var kind: SpeakerKind
            var isUnresolved: Bool
        }

        private var trackable: [Name: Bool] = [:]
        private var roles: [String: Bool] = [:]

        mutating func isTrackable(_ speaker: Speaker) -> Bool {
            let name = Name(name: speaker.name, kind: speaker.kind, isUnresolved: speaker.resolution == "unresolved")
            if let known = trackable[name] { return known }
            let answer = SpeakerNameFilter.isTrackable(speaker)
            trackable[name] = answer
            return answer
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

    /// Prepares `document` and its extraction `result` for `QuoteStore.index(_:)`; throws
    /// `EncodingError` when a record cannot be written as JSON (a confidence that is not a number).
    public init(document: SourceDocument, result: DocumentResult) throws {
        let encoder = JSONEncoder()
        // Sorted keys: a dictionary's order changes from process to process, and the same
        // document must give the same row whenever it is indexed (as `quotes extract` writes it).
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        id = document.id
        text = document.text
        contentHash = StoreSchema.contentHash(document.text)
        title = StoreSchema.title(document)
        published = StoreSchema.published(document.metadata)
        metadataJSON = try document.metadata.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        var writer = JSONLineWriter(capacity: 1024)
        var filters = SpeakerFilters()
        quotes = try result.quotes.map { record in
            // JSONLineWriter writes JSONEncoder's bytes for finite numbers; JSONEncoder refuses the rest.
            guard record.confidence.isFinite else {
                return Quote(record: record,
                             json: String(decoding: try encoder.encode(record), as: UTF8.self), filters: &filters)
            }
            writer.removeAll()
            writer.append(record)
            return Quote(record: record, json: String(decoding: writer.bytes, as: UTF8.self),
                         filters: &filters)
        }
    }
}
