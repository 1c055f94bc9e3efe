import QuoteSchema

/// A span of the gold text (speaker or cue) with its code-point offsets, end exclusive.
public struct GoldSpan: Codable, Hashable, Sendable {
    /// The text as annotated; `document.text[start..<end]` in code points.
    public var text: String
    /// Code-point offset of the first character.
    public var start: Int
    /// Code-point offset one past the last character.
    public var end: Int

    public init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
}

/// One annotated quotation (or one fragment of a split quotation) in a gold document.
public struct GoldQuote: Codable, Hashable, Sendable {
    /// Code-point offset of the content's first character.
    public var start: Int
    /// Code-point offset one past the content's last character.
    public var end: Int
    /// The content text, `document.text[start..<end]`.
    public var text: String
    /// `direct`, `mixed` or `indirect` (derived from the quotation marks).
    public var type: QuoteType
    /// The annotated source noun phrase, or nil when the attribution names no source.
    public var speaker: GoldSpan?
    /// The annotated cue ("said", "according to", ":"), when there is one.
    public var cue: GoldSpan?
    /// Shared by all fragments of one attribution.
    public var attributionID: String?
    /// `[i, n]`: this is fragment `i` of `n` (counted from 0 in the dev set; `GoldReader` refuses
    /// an `i` outside 0...n; only carried through).
    public var fragment: [Int]?
    /// For a direct quote: its start including the opening mark.
    public var startWithMarks: Int?
    /// For a direct quote: its end including the closing mark.
    public var endWithMarks: Int?

    enum CodingKeys: String, CodingKey {
        case start, end, text, type, speaker, cue, fragment
        case attributionID = "attribution_id"
        case startWithMarks = "start_with_marks"
        case endWithMarks = "end_with_marks"
    }

    public init(start: Int, end: Int, text: String, type: QuoteType, speaker: GoldSpan? = nil,
                cue: GoldSpan? = nil, attributionID: String? = nil, fragment: [Int]? = nil,
                startWithMarks: Int? = nil, endWithMarks: Int? = nil) {
        self.start = start
        self.end = end
        self.text = text
        self.type = type
        self.speaker = speaker
        self.cue = cue
        self.attributionID = attributionID
        self.fragment = fragment
        self.startWithMarks = startWithMarks
        self.endWithMarks = endWithMarks
    }

    /// Decodes leniently: optional fields may be missing or null, `attribution_id` may be a
    /// number, and an unknown `type` is reported with its value.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        start = try c.decode(Int.self, forKey: .start)
        end = try c.decode(Int.self, forKey: .end)
        text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
        let rawType = try c.decode(String.self, forKey: .type)
        guard let parsed = QuoteType(rawValue: rawType) else {
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: c,
                debugDescription: "unknown quote type \"\(rawType)\" (expected direct, mixed or indirect)")
        }
        type = parsed
        speaker = try c.decodeIfPresent(GoldSpan.self, forKey: .speaker)
        cue = try c.decodeIfPresent(GoldSpan.self, forKey: .cue)
        if let id = try? c.decodeIfPresent(String.self, forKey: .attributionID) {
            attributionID = id
        } else if let id = try? c.decodeIfPresent(Int.self, forKey: .attributionID) {
            attributionID = String(id)
        } else {
            attributionID = nil
        }
        fragment = try c.decodeIfPresent([Int].self, forKey: .fragment)
        startWithMarks = try? c.decodeIfPresent(Int.self, forKey: .startWithMarks)
        endWithMarks = try? c.decodeIfPresent(Int.self, forKey: .endWithMarks)
    }
}

/// Document metadata from the gold file; the fields the scorer uses plus everything else.
public struct GoldMeta: Codable, Hashable, Sendable {
    /// The outlet ("nyt", "politico"), used for the per-publisher breakdown.
    public var publisher: String?
    /// The publication date as written in the file.
    public var publicationDate: String?
    /// Every metadata field as read, including the two above.
    public var fields: [String: JSONValue]

    public init(publisher: String? = nil, publicationDate: String? = nil,
                fields: [String: JSONValue] = [:]) {
        self.publisher = publisher
        self.publicationDate = publicationDate
        self.fields = fields
        if let publisher, fields["publisher"] == nil { self.fields["publisher"] = .string(publisher) }
        if let publicationDate, fields["publication_date"] == nil {
            self.fields["publication_date"] = .string(publicationDate)
        }
    }

    /// Reads any JSON object; `publisher` and `publication_date` are taken when they are strings.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        fields = (try? container.decode([String: JSONValue].self)) ?? [:]
        if case .string(let value)? = fields["publisher"] { publisher = value } else { publisher = nil }
        if case .string(let value)? = fields["publication_date"] {
            publicationDate = value
        } else {
            publicationDate = nil
        }
    }

    /// Writes the metadata object back as read.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(fields)
    }
}

/// One line of the gold JSONL file: an article with all its annotated quotations.
public struct GoldDocument: Codable, Hashable, Sendable {
    /// The document id (`polnear:<file>`), matched against the predictions' document ids.
    public var id: String
    /// The article text; gold offsets are code-point indices into it.
    public var text: String
    /// All annotated quotations; fragments of one attribution are separate entries.
    public var quotes: [GoldQuote]
    /// Publisher, date and other metadata, when present.
    public var meta: GoldMeta?

    enum CodingKeys: String, CodingKey {
        case id, text, quotes, meta
    }

    public init(id: String, text: String, quotes: [GoldQuote], meta: GoldMeta? = nil) {
        self.id = id
        self.text = text
        self.quotes = quotes
        self.meta = meta
    }

    /// Decodes leniently: unknown fields are ignored, `quotes` and `meta` may be missing.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        text = try c.decode(String.self, forKey: .text)
        quotes = try c.decodeIfPresent([GoldQuote].self, forKey: .quotes) ?? []
        meta = try? c.decodeIfPresent(GoldMeta.self, forKey: .meta)
    }

    /// The publisher named in the metadata, or `unknown`.
    public var publisher: String { meta?.publisher ?? "unknown" }
}
