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

    /// Appends `record` and a newline.
    public mutating func appendLine(_ record: QuoteRecord) {
        append(record)
        bytes.append(0x0A)
    }

    /// Appends `record` as one JSON object (keys in `JSONEncoder`'s sorted order).
    public mutating func append(_ record: QuoteRecord) {
        bytes.append(UInt8(ascii: "{"))
        key("confidence", first: true)
        number(record.confidence)
        key("cue")
        if let cue = record.cue {
            bytes.append(UInt8(ascii: "{"))
            key("end", first: true)
            integer(cue.end)
            key("lemma")
            string(cue.lemma)
            key("start")
            integer(cue.start)
            key("text")
            string(cue.text)
            bytes.append(UInt8(ascii: "}"))
        } else {
            null()
        }
        if let diagnostics = record.diagnostics {
            key("diagnostics")
            bytes.append(UInt8(ascii: "["))
            for (index, diagnostic) in diagnostics.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                string(diagnostic)
            }
            bytes.append(UInt8(ascii: "]"))
        }
        key("document")
        string(record.document)
        key("id")
        string(record.id)
        key("quote")
        bytes.append(UInt8(ascii: "{"))
        key("end", first: true)
        integer(record.quote.end)
        if let parts = record.quote.parts {
            key("parts")
            bytes.append(UInt8(ascii: "["))
            for (index, part) in parts.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(UInt8(ascii: "{"))
                key("end", first: true)
                integer(part.end)
                key("start")
                integer(part.start)
                bytes.append(UInt8(ascii: "}"))
            }
            bytes.append(UInt8(ascii: "]"))
        }
        key("start")
        integer(record.quote.start)
        key("text")
        string(record.quote.text)
        bytes.append(UInt8(ascii: "}"))
        key("rule")
        string(record.rule)
        if let version = record.schemaVersion {
            key("schemaVersion")
            string(version)
        }
        key("speaker")
        speaker(record.speaker)
        key("type")
        string(record.type.rawValue)
        key("via")
        speaker(record.via)
        bytes.append(UInt8(ascii: "}"))
    }

    private mutating func speaker(_ speaker: Speaker?) {
        guard let speaker else { return null() }
        bytes.append(UInt8(ascii: "{"))
        key("kind", first: true)
        string(speaker.kind.rawValue)
        key("mention")
        if let mention = speaker.mention {
            bytes.append(UInt8(ascii: "{"))
            key("end", first: true)
            integer(mention.end)
            key("start")
            integer(mention.start)
            key("text")
            string(mention.text)
            bytes.append(UInt8(ascii: "}"))
        } else {
            null()
        }
        key("name")
        string(speaker.name)
        if let resolution = speaker.resolution {
            key("resolution")
            string(resolution)
        }
        key("role")
        if let role = speaker.role { string(role) } else { null() }
        bytes.append(UInt8(ascii: "}"))
    }

    @inline(__always) private mutating func key(_ name: StaticString, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    private mutating func null() {
        bytes.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
    }

    private mutating func integer(_ value: Int) {
        if value >= 0 && value < 10 {
            bytes.append(UInt8(truncatingIfNeeded: 48 + value))
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
    }

    /// Doubles as `JSONEncoder` writes them: Swift's shortest form, without a trailing ".0".
    private mutating func number(_ value: Double) {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A JSON string: quotes, backslashes and control characters escaped as `JSONEncoder` does.
    private mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                runStart = index + 1
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                default:
                    bytes.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                              JSONLineWriter.hex[Int(byte >> 4)], JSONLineWriter.hex[Int(byte & 0x0F)]])
                }
            }
            if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
