/// The unit in which offsets are counted.
public enum OffsetUnit: String, Codable, Sendable, CaseIterable {
    /// Unicode scalar (code point) indices, as Python `str` indexing.
    case codepoint
    /// UTF-8 byte offsets.
    case utf8
    /// UTF-16 code unit offsets, as JavaScript, Java and ICU.
    case utf16
}

/// How serious a diagnostic is.
public enum DiagnosticSeverity: String, Codable, Sendable {
    case info
    case warning
    case error
}

/// Something odd found in the input; never fatal for the text itself.
public struct Diagnostic: Codable, Hashable, Sendable {
    /// Stable machine-readable code, such as `unclosed-quote`.
    public var code: String
    public var severity: DiagnosticSeverity
    /// A sentence for people, quoting the offending value.
    public var message: String
    public var start: Int?
    public var end: Int?

    public init(code: String, severity: DiagnosticSeverity, message: String, start: Int? = nil,
                end: Int? = nil) {
        self.code = code
        self.severity = severity
        self.message = message
        self.start = start
        self.end = end
    }
}

/// A JSON value kept as document metadata (other JSONL fields are carried through).
public indirect enum JSONValue: Codable, Hashable, Sendable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        case .null: try container.encodeNil()
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

/// Everything the extractor says about one document.
public struct DocumentResult: Codable, Hashable, Sendable {
    public var schemaVersion: String
    public var document: String
    public var offsetUnit: OffsetUnit
    /// Length of the document text in `offsetUnit`.
    public var length: Int
    /// Fields of a JSONL input line other than `id` and `text`.
    public var metadata: [String: JSONValue]?
    public var quotes: [QuoteRecord]
    public var diagnostics: [Diagnostic]

    public init(document: String, offsetUnit: OffsetUnit, length: Int,
                metadata: [String: JSONValue]? = nil, quotes: [QuoteRecord],
                diagnostics: [Diagnostic], schemaVersion: String = QuoteSchemaVersion.current) {
        self.schemaVersion = schemaVersion
        self.document = document
        self.offsetUnit = offsetUnit
        self.length = length
        self.metadata = metadata
        self.quotes = quotes
        self.diagnostics = diagnostics
    }
}

/// The top-level JSON output of `quotes extract --format json`.
public struct ExtractionOutput: Codable, Hashable, Sendable {
    public var schemaVersion: String
    public var documents: [DocumentResult]

    public init(documents: [DocumentResult], schemaVersion: String = QuoteSchemaVersion.current) {
        self.schemaVersion = schemaVersion
        self.documents = documents
    }
}
