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

    /// Appends `record` as one JSON object (keys in `JSONEncoder`'s sorted order); a
    /// `schemaVersion` given here is written instead of the record's own.
    public mutating func append(_ record: QuoteRecord, schemaVersion: String? = nil) {
        write(record, schemaVersion: schemaVersion, newline: false)
    }

    /// Most bytes `record` can take: keys, punctuation, numbers, and six bytes for each byte of
    /// text (`\u00XX` is the longest escape).
    static func bound(_ record: QuoteRecord, schemaVersion: String?) -> Int {
        func text(_ speaker: Speaker?) -> Int {
            guard let speaker else { return 0 }
            return speaker.name.utf8.count + speaker.kind.rawValue.utf8.count + (speaker.role?.utf8.count ?? 0)
                + (speaker.mention?.text.utf8.count ?? 0) + (speaker.resolution?.utf8.count ?? 0)
        }
        var characters = record.document.utf8.count + record.id.utf8.count + record.quote.text.utf8.count
            + record.rule.utf8.count + record.type.rawValue.utf8.count + text(record.speaker) + text(record.via)
            + ((schemaVersion ?? record.schemaVersion)?.utf8.count ?? 0)
        if let cue = record.cue { characters += cue.text.utf8.count + cue.lemma.utf8.count }
        var pieces = 0
        if let diagnostics = record.diagnostics {
            pieces += diagnostics.count
            for diagnostic in diagnostics { characters += diagnostic.utf8.count }
        }
        // 64 bytes for each diagnostic or part ("," + 2 quotes, or two keys and integers), 1,024
        // for the fixed keys (about 600 bytes at most with their integers, nulls and the number).
        return 6 * characters + 64 * (pieces + (record.quote.parts?.count ?? 0)) + 1_024
    }

    /// Writes `record` through a cursor into room reserved for its bound, then gives back the rest.
    private mutating func write(_ record: QuoteRecord, schemaVersion: String?, newline: Bool) {
        let bound = JSONLineWriter.bound(record, schemaVersion: schemaVersion)
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: bound))
        let written = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
            var out = Cursor(buffer.baseAddress! + start)
            out.record(record, schemaVersion: schemaVersion)
            if newline { out.byte(0x0A) }
            return out.pointer - (buffer.baseAddress! + start)
        }
        precondition(written <= bound, "JSONLineWriter wrote \(written) bytes into a bound of \(bound)")
        bytes.removeLast(bound - written)
    }

    /// Writes at a pointer with no capacity checks: `write` reserved the room first.
    private struct Cursor {
        var pointer: UnsafeMutablePointer<UInt8>

        init(_ pointer: UnsafeMutablePointer<UInt8>) { self.pointer = pointer }

        @inline(__always) mutating func byte(_ value: UInt8) {
            pointer.pointee = value
            pointer += 1
        }

        @inline(__always) mutating func raw(_ source: UnsafeBufferPointer<UInt8>) {
            guard let base = source.baseAddress, !source.isEmpty else { return }
            pointer.update(from: base, count: source.count)
            pointer += source.count
        }

        mutating func record(_ record: QuoteRecord, schemaVersion: String?) {
            byte(UInt8(ascii: "{"))
            key("confidence", first: true)
            number(record.confidence)
            key("cue")
            if let cue = record.cue {
                byte(UInt8(ascii: "{"))
                key("end", first: true)
                integer(cue.end)
                key("lemma")
                string(cue.lemma)
                key("start")
                integer(cue.start)
                key("text")
                string(cue.text)
                byte(UInt8(ascii: "}"))
            } else {
                null()
            }
            if let diagnostics = record.diagnostics {
                key("diagnostics")
                byte(UInt8(ascii: "["))
                for (index, diagnostic) in diagnostics.enumerated() {
                    if index > 0 { byte(UInt8(ascii: ",")) }
                    string(diagnostic)
                }
                byte(UInt8(ascii: "]"))
            }
            key("document")
            string(record.document)
            key("id")
            string(record.id)
            key("quote")
            byte(UInt8(ascii: "{"))
            key("end", first: true)
            integer(record.quote.end)
            if let parts = record.quote.parts {
                key("parts")
                byte(UInt8(ascii: "["))
                for (index, part) in parts.enumerated() {
                    if index > 0 { byte(UInt8(ascii: ",")) }
                    byte(UInt8(ascii: "{"))
                    key("end", first: true)
                    integer(part.end)
                    key("start")
                    integer(part.start)
                    byte(UInt8(ascii: "}"))
                }
                byte(UInt8(ascii: "]"))
            }
            key("start")
            integer(record.quote.start)
            key("text")
            string(record.quote.text)
            byte(UInt8(ascii: "}"))
            key("rule")
            string(record.rule)
            if let version = schemaVersion ?? record.schemaVersion {
                key("schemaVersion")
                string(version)
            }
            key("speaker")
            speaker(record.speaker)
            key("type")
            string(record.type.rawValue)
            key("via")
            speaker(record.via)
            byte(UInt8(ascii: "}"))
        }

        private mutating func speaker(_ speaker: Speaker?) {
            guard let speaker else { return null() }
            byte(UInt8(ascii: "{"))
            key("kind", first: true)
            string(speaker.kind.rawValue)
            key("mention")
            if let mention = speaker.mention {
                byte(UInt8(ascii: "{"))
                key("end", first: true)
                integer(mention.end)
                key("start")
                integer(mention.start)
                key("text")
                string(mention.text)
                byte(UInt8(ascii: "}"))
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
            byte(UInt8(ascii: "}"))
        }

        @inline(__always) private mutating func key(_ name: StaticString, first: Bool = false) {
            if !first { byte(UInt8(ascii: ",")) }
            byte(UInt8(ascii: "\""))
            name.withUTF8Buffer { raw($0) }
            byte(UInt8(ascii: "\""))
            byte(UInt8(ascii: ":"))
        }

        private mutating func null() {
            byte(UInt8(ascii: "n"))
            byte(UInt8(ascii: "u"))
            byte(UInt8(ascii: "l"))
            byte(UInt8(ascii: "l"))
        }

        private mutating func integer(_ value: Int) {
            if value >= 0 && value < 10 {
                byte(UInt8(truncatingIfNeeded: 48 + value))
            } else if value > 0 {
                // The digits, lowest first from the end of a small buffer, as `String(value)` writes them.
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
                    var rest = value
                    var start = digits.count
                    while rest > 0 {
                        start -= 1
                        digits[start] = UInt8(truncatingIfNeeded: 48 + rest % 10)
                        rest /= 10
                    }
                    raw(UnsafeBufferPointer(rebasing: digits[start...]))
                }
            } else {
                utf8(String(value))
            }
        }

        private mutating func utf8(_ text: String) {
            var text = text
            text.withUTF8 { raw($0) }
        }

        /// Doubles as `JSONEncoder` writes them: Swift's shortest form, without a trailing ".0".
        private mutating func number(_ value: Double) {
            let scaled = (value * 100).rounded()
            if scaled >= 0, scaled <= 100, Double(Int(scaled)) / 100 == value, value.sign == .plus {
                // The very double `Double(k) / 100`: its text is in the table.
                return utf8(JSONLineWriter.hundredths[Int(scaled)])
            }
            utf8(JSONLineWriter.numberText(value))
        }

        /// A JSON string: quotes, backslashes and control characters escaped as `JSONEncoder` does.
        private mutating func string(_ value: String) {
            byte(UInt8(ascii: "\""))
            var value = value
            value.withUTF8 { utf8 in
                var runStart = 0
                var index = 0
                while index < utf8.count {
                    // Eight bytes at a time while none needs an escape (most text).
                    if index + 8 <= utf8.count,
                       !JSONLineWriter.mayNeedEscape(UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                        index += 8
                        continue
                    }
                    let current = utf8[index]
                    index += 1
                    guard current < 0x20 || current == UInt8(ascii: "\"") || current == UInt8(ascii: "\\") else { continue }
                    let position = index - 1
                    if runStart < position { raw(UnsafeBufferPointer(rebasing: utf8[runStart..<position])) }
                    runStart = position + 1
                    byte(UInt8(ascii: "\\"))
                    switch current {
                    case UInt8(ascii: "\""): byte(UInt8(ascii: "\""))
                    case UInt8(ascii: "\\"): byte(UInt8(ascii: "\\"))
                    case 0x0A: byte(UInt8(ascii: "n"))
                    case 0x0D: byte(UInt8(ascii: "r"))
                    case 0x09: byte(UInt8(ascii: "t"))
                    case 0x08: byte(UInt8(ascii: "b"))
                    case 0x0C: byte(UInt8(ascii: "f"))
                    default:
                        byte(UInt8(ascii: "u"))
                        byte(UInt8(ascii: "0"))
                        byte(UInt8(ascii: "0"))
                        byte(JSONLineWriter.hex[Int(current >> 4)])
                        byte(JSONLineWriter.hex[Int(current & 0x0F)])
                    }
                }
                if runStart < utf8.count { raw(UnsafeBufferPointer(rebasing: utf8[runStart...])) }
            }
            byte(UInt8(ascii: "\""))
        }
    }

    /// The texts of the hundredths 0.00 to 1.00 (confidences are rounded to them).
    private static let hundredths: [String] = (0...100).map { JSONLineWriter.numberText(Double($0) / 100) }

    /// Swift's shortest form of a double, without a trailing ".0".
    private static func numberText(_ value: Double) -> String {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// False only when none of the eight bytes of `word` is a control character, a quotation mark
    /// or a backslash (the usual tests for a zero byte and for a byte below 0x20; a true answer
    /// may be wrong, and the caller then looks at the bytes one by one).
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let below = (word &- ones &* 0x20) & ~word & highs != 0
        return below || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
    }
}
