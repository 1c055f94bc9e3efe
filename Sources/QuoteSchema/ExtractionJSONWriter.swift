import Foundation

/// Writes `ExtractionOutput` as pretty-printed JSON one document at a time: byte for byte what
/// `JSONEncoder` gives with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, without
/// holding every document until the end.
///
/// `quotes extract --format json` used to collect every `DocumentResult` and encode them at the
/// end, so its memory grew with the input (540 MB for 27 MB of articles) and `JSONEncoder` took
/// more time than the extraction. The envelope's keys sort "documents" before "schemaVersion",
/// so the documents can be written as they come: `opening()` or a separator before each
/// (`separator()` knows which), `document(_:)` for each (on any thread), `closing()` at the end.
/// A document's `metadata` (any JSON the input line carried) goes through `JSONEncoder` itself,
/// re-indented, so its key order and number forms are `JSONEncoder`'s by construction.
public struct ExtractionJSONWriter {
    /// Documents written so far (separators handed out).
    public private(set) var documentCount = 0
    private let schemaVersion: String

    public init(schemaVersion: String = QuoteSchemaVersion.current) {
        self.schemaVersion = schemaVersion
    }

    /// The envelope up to the "documents" array's bracket.
    private static let opening = Array("{\n  \"documents\" : [".utf8)

    /// Containers open around a document object: the envelope and its "documents" array.
    static let documentDepth = 2

    /// The bytes that go before the next document: the envelope's opening before the first,
    /// a comma after the others, then the document's line.
    public mutating func separator() -> [UInt8] {
        defer { documentCount += 1 }
        let line: [UInt8] = [0x0A] + Array(repeating: 0x20, count: 2 * Self.documentDepth)
        return documentCount == 0 ? Self.opening + line : [UInt8(ascii: ",")] + line
    }

    /// The bytes that end the output (without a final newline): the "documents" array closed,
    /// empty when no document was written, and the schema version.
    public func closing() -> [UInt8] {
        var bytes = documentCount == 0 ? Self.opening : []
        Self.appendClosing(to: &bytes, depth: Self.documentDepth, emptyArray: documentCount == 0,
                           schemaVersion: schemaVersion)
        return bytes
    }

    /// Closes the array the object's last member holds (the envelope's "documents", a
    /// document's "quotes"), then writes the object's "schemaVersion" and closes the object.
    private static func appendClosing(to bytes: inout [UInt8], depth: Int, emptyArray: Bool, schemaVersion: String) {
        JSONCursor.append(to: &bytes, bound: 6 * schemaVersion.utf8.count + 64
                            + JSONCursor.layoutBound(lines: 4, depth: depth, levels: 2),
                          depth: depth, pretty: true) { out in
            out.close(UInt8(ascii: "]"), empty: emptyArray)
            out.key("schemaVersion")
            out.string(schemaVersion)
            out.close(UInt8(ascii: "}"))
        }
    }

    /// `result` as an element of the "documents" array, from its `{` to its `}`.
    public static func document(_ result: DocumentResult) -> [UInt8] {
        var bytes: [UInt8] = []
        let depth = documentDepth
        // Diagnostics, the document id and its length.
        var text = result.document.utf8.count
        for diagnostic in result.diagnostics {
            text += diagnostic.code.utf8.count + diagnostic.message.utf8.count + diagnostic.severity.rawValue.utf8.count
        }
        let lines = 16 + 8 * result.diagnostics.count
        var inside = JSONCursor.append(
            to: &bytes, bound: 6 * text + 128 * lines + JSONCursor.layoutBound(lines: lines, depth: depth, levels: 3),
            depth: depth, pretty: true
        ) { out in
            out.open(UInt8(ascii: "{"))
            out.key("diagnostics", first: true)
            out.open(UInt8(ascii: "["))
            for (index, diagnostic) in result.diagnostics.enumerated() {
                out.element(first: index == 0)
                out.open(UInt8(ascii: "{"))
                out.key("code", first: true)
                out.string(diagnostic.code)
                if let end = diagnostic.end {
                    out.key("end")
                    out.integer(end)
                }
                out.key("message")
                out.string(diagnostic.message)
                out.key("severity")
                out.string(diagnostic.severity.rawValue)
                if let start = diagnostic.start {
                    out.key("start")
                    out.integer(start)
                }
                out.close(UInt8(ascii: "}"))
            }
            out.close(UInt8(ascii: "]"), empty: result.diagnostics.isEmpty)
            out.key("document")
            out.string(result.document)
            out.key("length")
            out.integer(result.length)
            if result.metadata != nil { out.key("metadata") }
        }
        if let metadata = result.metadata {
            appendIndented(encodedMetadata(metadata), depth: inside, to: &bytes)
        }
        inside = JSONCursor.append(to: &bytes, bound: 256 + JSONCursor.layoutBound(lines: 4, depth: depth, levels: 2),
                                   depth: inside, pretty: true) { out in
            out.key("offsetUnit")
            out.string(result.offsetUnit.rawValue)
            out.key("quotes")
            out.open(UInt8(ascii: "["))
        }
        for (index, record) in result.quotes.enumerated() {
            let bound = JSONCursor.bound(record, schemaVersion: nil)
                + JSONCursor.layoutBound(lines: JSONCursor.lines(record), depth: inside, levels: 4)
            inside = JSONCursor.append(to: &bytes, bound: bound, depth: inside, pretty: true) { out in
                out.element(first: index == 0)
                out.record(record, schemaVersion: nil)
            }
        }
        appendClosing(to: &bytes, depth: inside, emptyArray: result.quotes.isEmpty, schemaVersion: result.schemaVersion)
        return bytes
    }

    /// `metadata` as `JSONEncoder` writes it on its own (its value at depth 0).
    private static func encodedMetadata(_ metadata: [String: JSONValue]) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // A JSON value decoded from the input always encodes (no infinities or NaNs in JSON).
        return Array((try? encoder.encode(metadata)) ?? Data("null".utf8))
    }

    /// Appends `json`, written at depth 0, as a value at `depth`: every line but a blank one gets
    /// the indentation of `depth` (strings hold no raw line breaks: JSON escapes them).
    private static func appendIndented(_ json: [UInt8], depth: Int, to bytes: inout [UInt8]) {
        bytes.reserveCapacity(bytes.count + json.count + 64)
        var index = 0
        while let newline = json[index...].firstIndex(of: 0x0A) {
            bytes.append(contentsOf: json[index...newline])
            if newline + 1 < json.count, json[newline + 1] != 0x0A {
                bytes.append(contentsOf: repeatElement(0x20, count: 2 * depth))
            }
            index = newline + 1
        }
        bytes.append(contentsOf: json[index...])
    }
}
