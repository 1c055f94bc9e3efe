/// The version of the JSON output contract. Bump the major part on any breaking change.
public enum QuoteSchemaVersion {
    /// The schema version written into every output.
    public static let current = "1.0"
}

/// How a quotation is rendered in the source text.
public enum QuoteType: String, Codable, Sendable, CaseIterable {
    /// Everything inside quotation marks; the span excludes the marks.
    case direct
    /// Reported speech that contains a quoted fragment; the span is the reported clause.
    case mixed
    /// Reported speech without quotation marks; the span is the reported clause.
    case indirect
}

/// What kind of entity a speaker is.
public enum SpeakerKind: String, Codable, Sendable {
    case person
    case organization
    case unknown
}

/// A piece of the input text with its offsets (end exclusive).
public struct TextSpan: Codable, Hashable, Sendable {
    /// The text exactly as it stands between `start` and `end`.
    public var text: String
    /// Offset of the first unit (code point by default; see `DocumentResult.offsetUnit`).
    public var start: Int
    /// Offset one past the last unit.
    public var end: Int

    @inlinable public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
}

/// A start/end pair without text, used for the parts of a quotation.
public struct OffsetRange: Codable, Hashable, Sendable {
    public var start: Int
    public var end: Int

    @inlinable public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}

/// The quoted or reported content.
public struct QuoteContent: Codable, Hashable, Sendable {
    /// The text between `start` and `end`, exactly as in the input.
    public var text: String
    public var start: Int
    public var end: Int
    /// For a quotation that runs over several paragraphs: one range per paragraph, without the
    /// marks. Absent for a single-paragraph quotation.
    public var parts: [OffsetRange]?

    @inlinable public init(text: String, start: Int, end: Int, parts: [OffsetRange]? = nil) {
        self.text = text
        self.start = start
        self.end = end
        self.parts = parts
    }
}

/// Who said something: a resolved name, its kind and role, and where the text names them.
public struct Speaker: Codable, Hashable, Sendable {
    // `kind` is declared first, as `QuoteRecord.schemaVersion` is: the memberwise initialiser
    // then takes another order than the public one (in an extension, below), which calls it.
    public var kind: SpeakerKind
    /// The fullest name the article uses for this speaker, or the nominal itself when it could not
    /// be resolved to a name ("a senior official").
    public var name: String
    /// Role or title kept apart from the name ("U.S. Ambassador to Iraq").
    public var role: String?
    /// The mention that the attribution rule found (a name, surname, pronoun or nominal).
    public var mention: TextSpan?
    /// How `name` was obtained from the mention: `name`, `surname`, `pronoun`, `nominal`,
    /// `unresolved`.
    public var resolution: String?

    enum CodingKeys: String, CodingKey {
        case name, kind, role, mention, resolution
    }

    /// Writes `role` and `mention` as `null` when absent, so every record has the same keys.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(kind, forKey: .kind)
        try container.encode(role, forKey: .role)
        try container.encode(mention, forKey: .mention)
        try container.encodeIfPresent(resolution, forKey: .resolution)
    }
}

extension Speaker {
    /// A speaker of these fields, built by the memberwise initialiser (as `QuoteRecord`'s is, and
    /// for the same reason: assigned field by field, the finished value was copied once more).
    public init(name: String, kind: SpeakerKind, role: String? = nil, mention: TextSpan? = nil,
                resolution: String? = nil) {
        self.init(kind: kind, name: name, role: role, mention: mention, resolution: resolution)
    }
}

/// The words that signal the attribution ("said", "told", "according to").
public struct Cue: Codable, Hashable, Sendable {
    public var text: String
    /// The dictionary form of the cue's verb ("tell" for "told").
    public var lemma: String
    public var start: Int
    public var end: Int

    @inlinable public init(text: String, lemma: String, start: Int, end: Int) {
        self.text = text
        self.lemma = lemma
        self.start = start
        self.end = end
    }
}

/// One quotation with its attribution: the unit of output.
public struct QuoteRecord: Codable, Hashable, Sendable {
    // `schemaVersion` is declared first so that the memberwise initialiser Swift makes for this
    // struct (the public one is in an extension, below, which keeps it) takes its arguments in
    // another order than the public one and does not clash with it.
    /// Set on JSONL output lines, where no envelope carries it.
    public var schemaVersion: String?
    /// The document this quotation comes from: a JSONL `id`, a path as given, or `-`.
    public var document: String
    /// Stable id: the same document text gives the same ids.
    public var id: String
    public var type: QuoteType
    public var quote: QuoteContent
    public var speaker: Speaker?
    /// Who relays the quotation, for "X quoted S as saying".
    public var via: Speaker?
    public var cue: Cue?
    /// 0...1, the rule's confidence, lowered by diagnostics on the quotation.
    public var confidence: Double
    /// The id of the attribution rule that decided the speaker (or `none`).
    public var rule: String
    /// Problems found while reading this quotation (for example an unclosed quotation mark).
    public var diagnostics: [String]?

    enum CodingKeys: String, CodingKey {
        case document, id, type, quote, speaker, via, cue, confidence, rule, diagnostics, schemaVersion
    }

    /// Writes `speaker`, `via` and `cue` as `null` when absent, as the contract shows them.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(schemaVersion, forKey: .schemaVersion)
        try container.encode(document, forKey: .document)
        try container.encode(id, forKey: .id)
        try container.encode(type, forKey: .type)
        try container.encode(quote, forKey: .quote)
        try container.encode(speaker, forKey: .speaker)
        try container.encode(via, forKey: .via)
        try container.encode(cue, forKey: .cue)
        try container.encode(confidence, forKey: .confidence)
        try container.encode(rule, forKey: .rule)
        try container.encodeIfPresent(diagnostics, forKey: .diagnostics)
    }
}

extension QuoteRecord {
    /// A record of these fields, built by the memberwise initialiser.
    ///
    /// Written as assignments to `self`'s fields, this initialiser copied the finished record
    /// (every string retained) and destroyed the original once more, ~700 instructions and ~20
    /// atomic reference counts a record (Swift 6.3.1); the memberwise initialiser builds the
    /// value in place.
    public init(document: String, id: String, type: QuoteType, quote: QuoteContent,
                speaker: Speaker?, via: Speaker? = nil, cue: Cue?, confidence: Double,
                rule: String, diagnostics: [String]? = nil, schemaVersion: String? = nil) {
        self.init(schemaVersion: schemaVersion, document: document, id: id, type: type, quote: quote,
                  speaker: speaker, via: via, cue: cue, confidence: confidence, rule: rule, diagnostics: diagnostics)
    }
}
