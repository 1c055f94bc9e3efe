import CQuoteScan
import QuoteSchema

/// Reads the usual JSONL line, one object of strings (or, with `nested`, also of integers, booleans,
/// null, arrays and objects), without `JSONDecoder`.
///
/// It answers only for lines that `JSONDecoder` reads to the same `JSONValue`: a non-empty object
/// with no duplicate keys at any depth, strings with no raw control characters or DEL, valid UTF-8
/// and escapes other than `\u0000` and lone surrogates, integers of at most 15 digits (exact as
/// `Double`s; no fractions, exponents or `-0`) and at most 32 levels of nesting. Anything else gives
/// nil and goes through the decoder as before, so what is accepted, rejected and reported does not
/// change.
struct FlatJSONObject {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    /// Unescaped bytes of the string being read.
    private var scratch: [UInt8] = []
    /// Whether values other than strings are read.
    private var nested = false
    /// Whether `documentMembers` decodes a string text into UTF-16.
    private var textAsUTF16 = false

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The fields of `bytes` (a trimmed line) when all its values are strings, or nil when the
    /// decoder must read it.
    static func fields(_ bytes: UnsafeBufferPointer<UInt8>) -> [String: JSONValue]? {
        var parser = FlatJSONObject(bytes)
        return parser.object()
    }

    /// The fields of `bytes` (a trimmed line) whose values may also be integers, booleans, null,
    /// arrays and objects (gold files carry their annotations so), or nil when the decoder must
    /// read it.
    static func nestedFields(_ bytes: UnsafeBufferPointer<UInt8>) -> [String: JSONValue]? {
        var parser = FlatJSONObject(bytes)
        parser.nested = true
        return parser.object()
    }

    /// The `id` and `text` of a document's line.
    struct DocumentFields: Equatable {
        var id = Field.absent
        var text = Field.absent

        /// A field as the reader needs it: a string held as it is, any other value as the
        /// `JSONValue` the decoder makes (an indirect enum: each value a heap box, made and
        /// freed for a string too).
        enum Field: Equatable {
            case absent
            case string(String)
            /// A string decoded straight into UTF-16 (the text, when asked for so).
            case utf16(UTF16Text)
            case other(JSONValue)

            /// `value` (nil: the line has no such field) as a field.
            init(_ value: JSONValue?) {
                switch value {
                case nil: self = .absent
                case .string(let text)?: self = .string(text)
                case let value?: self = .other(value)
                }
            }
        }
    }

    /// Only the `id` and `text` fields of what `nestedFields` reads, for callers that drop the
    /// metadata: every other value is checked as `nestedFields` checks it (so the same lines give
    /// nil) but not built. Nested objects may repeat a key here; the decoder accepts that too.
    ///
    /// No dictionary: gathered into one, the two fields were taken out of it again, and making,
    /// searching and freeing it, with the keys' strings, cost ~2,800 instructions a line (most of
    /// reading a short document's line). "id" and "text" are matched on their bytes. With
    /// `textAsUTF16`, a string text is decoded into UTF-16 (`utf16Literal()`).
    static func documentFields(_ bytes: UnsafeBufferPointer<UInt8>, textAsUTF16: Bool = false) -> DocumentFields? {
        var parser = FlatJSONObject(bytes)
        parser.nested = true
        parser.textAsUTF16 = textAsUTF16
        guard !bytes.isEmpty, bytes[0] == UInt8(ascii: "{") else { return nil }
        parser.index = 1
        guard let fields = parser.documentMembers() else { return nil }
        return parser.index == bytes.count ? fields : nil
    }

    /// A top-level key of a document's line.
    private enum DocumentKey {
        case id, text
        case other(String)
    }

    /// `members(depth: 0)` keeping `id` and `text` only: the members of the line's object, whose
    /// `{` was just read, through its `}`; nil for an empty object and for a repeated key.
    private mutating func documentMembers() -> DocumentFields? {
        var fields = DocumentFields()
        var otherKeys: Set<String> = []  // an empty set allocates nothing: most lines have no other key
        while true {
            skipSpace()
            guard let key = documentKey(), colon() else { return nil }
            switch key {
            case .id:
                guard fields.id == .absent, let value = documentValue() else { return nil }
                fields.id = value
            case .text:
                guard fields.text == .absent else { return nil }
                if textAsUTF16, index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                    guard let text = utf16Literal() else { return nil }
                    fields.text = .utf16(text)
                } else {
                    guard let value = documentValue() else { return nil }
                    fields.text = value
                }
            case .other(let name):
                guard skipValue(depth: 1), otherKeys.insert(name).inserted else { return nil }
            }
            guard let more = separator(closing: UInt8(ascii: "}")) else { return nil }
            if !more { return fields }
        }
    }

    /// The value of `id` or `text` at `index`: a string as it is, anything else as `value` reads it.
    private mutating func documentValue() -> DocumentFields.Field? {
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") { return string().map { .string($0) } }
        return value(depth: 1).map { .other($0) }
    }

    /// The key at `index`: `"id"` and `"text"` as they are mostly written are read from their
    /// bytes (no string built), anything else as a string.
    private mutating func documentKey() -> DocumentKey? {
        if startsWith(#""id""#) {
            index += 4
            return .id
        }
        if startsWith(#""text""#) {
            index += 6
            return .text
        }
        guard let key = string() else { return nil }
        return key == "id" ? .id : key == "text" ? .text : .other(key)
    }

    /// Whether the bytes at `index` are `literal`'s.
    private func startsWith(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard bytes.count - index >= count else { return false }
        let start = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != start[offset] { return false }
        return true
    }

    /// The whole line as one non-empty object.
    private mutating func object() -> [String: JSONValue]? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        guard let fields = members(depth: 0) else { return nil }
        return index == bytes.count ? fields : nil
    }

    /// The members of an object whose `{` was just read, through its `}`; only nested objects
    /// (`depth` > 0) may be empty.
    private mutating func members(depth: Int) -> [String: JSONValue]? {
        var fields: [String: JSONValue] = [:]
        // A document's line has an id, a text and maybe a few metadata fields: room for them
        // from the start (grown from empty, the table was made three times for two keys).
        if depth == 0 { fields.reserveCapacity(4) }
        skipSpace()
        if depth > 0, index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return fields
        }
        while true {
            skipSpace()
            guard let key = string(), colon() else { return nil }
            guard let value = nested ? self.value(depth: depth + 1) : string().map(JSONValue.string) else { return nil }
            guard fields.updateValue(value, forKey: key) == nil else { return nil }
            guard let more = separator(closing: UInt8(ascii: "}")) else { return nil }
            if !more { return fields }
        }
    }

    /// Any value at `index` that the decoder reads the same way, at nesting level `depth`.
    private mutating func value(depth: Int) -> JSONValue? {
        guard index < bytes.count, depth <= 32 else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return string().map(JSONValue.string)
        case UInt8(ascii: "{"):
            index += 1
            return members(depth: depth).map(JSONValue.object)
        case UInt8(ascii: "["):
            index += 1
            return elements(depth: depth).map(JSONValue.array)
        case UInt8(ascii: "t"):
            return literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"):
            return literal("false") ? .bool(false) : nil
        case UInt8(ascii: "n"):
            return literal("null") ? .null : nil
        default:
            return integer()
        }
    }

    /// The elements of an array whose `[` was just read, through its `]`.
    private mutating func elements(depth: Int) -> [JSONValue]? {
        var values: [JSONValue] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return values
        }
        while true {
            skipSpace()
            guard let value = self.value(depth: depth + 1) else { return nil }
            values.append(value)
            guard let more = separator(closing: UInt8(ascii: "]")) else { return nil }
            if !more { return values }
        }
    }

    /// The colon after a member's key, with the white space around it; false when there is none.
    private mutating func colon() -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
        index += 1
        skipSpace()
        return true
    }

    /// After a member or an element: true at a comma (more follow), false at `close` (the end),
    /// nil at anything else; reads it.
    private mutating func separator(closing close: UInt8) -> Bool? {
        skipSpace()
        guard index < bytes.count else { return nil }
        let byte = bytes[index]
        index += 1
        if byte == UInt8(ascii: ",") { return true }
        return byte == close ? false : nil
    }

    /// Reads the value at `index` as `value(depth:)` would, without building it; false where
    /// `value(depth:)` gives nil, except that nested objects may repeat a key.
    private mutating func skipValue(depth: Int) -> Bool {
        guard index < bytes.count, depth <= 32 else { return false }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return string(building: false) != nil
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let close = bytes[index] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            index += 1
            skipSpace()
            if index < bytes.count, bytes[index] == close {
                index += 1
                return true
            }
            while true {
                skipSpace()
                if close == UInt8(ascii: "}") {
                    guard string(building: false) != nil else { return false }
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
                    index += 1
                    skipSpace()
                }
                guard skipValue(depth: depth + 1), let more = separator(closing: close) else { return false }
                if !more { return true }
            }
        case UInt8(ascii: "t"):
            return literal("true")
        case UInt8(ascii: "f"):
            return literal("false")
        case UInt8(ascii: "n"):
            return literal("null")
        default:
            return integer() != nil
        }
    }

    /// `String(validating: bytes, as: UTF8.self)`. That initialiser is generic code that looks up
    /// three types' metadata at run time on every call (~1,800 instructions: a tenth of the work
    /// of a one-sentence document, whose id, text and their keys are four strings); a short run
    /// is checked here and decoded instead. A long one (an article's text) is left to it: the
    /// decoding validates again, and twice over the text costs more than the look-ups.
    static func validString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.count <= 256 else { return String(validating: bytes, as: UTF8.self) }
        return isValidUTF8(bytes) ? String(decoding: bytes, as: UTF8.self) : nil
    }

    /// Whether `run` is well-formed UTF-8, as `String(validating:as:)` requires: no overlong forms,
    /// surrogates or scalars above U+10FFFF, no cut sequences (`UTF16Text.scalar` checks each
    /// sequence beyond ASCII, as the UTF-16 decoders do).
    static func isValidUTF8(_ run: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = run.count
        while index < count {
            while index + 8 <= count,
                  UnsafeRawPointer(run.baseAddress! + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            guard index < count else { break }
            if run[index] < 0x80 {
                index += 1
            } else if UTF16Text.scalar(run, at: &index, before: count) == nil {
                return false
            }
        }
        return true
    }

    /// Whether `word` (`true`, `false` or `null`) is at `index`; reads it if so.
    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
        index += count
        return true
    }

    /// An integer of 1 to 15 digits at `index` with no leading zero, no fraction or exponent and
    /// not `-0`: exact as a `Double`, as the decoder reads it.
    private mutating func integer() -> JSONValue? {
        var cursor = index
        let negative = bytes[cursor] == UInt8(ascii: "-")
        if negative { cursor += 1 }
        let first = cursor
        var magnitude = 0
        while cursor < bytes.count, bytes[cursor] &- UInt8(ascii: "0") < 10 {
            magnitude = magnitude &* 10 &+ Int(bytes[cursor] &- UInt8(ascii: "0"))
            cursor += 1
        }
        let digits = cursor - first
        guard digits >= 1, digits <= 15 else { return nil }
        if bytes[first] == UInt8(ascii: "0"), digits > 1 || negative { return nil }
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ".") || bytes[cursor] | 0x20 == UInt8(ascii: "e") { return nil }
        index = cursor
        return .number(Double(negative ? -magnitude : magnitude))
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D else { return }
            index += 1
        }
    }

    /// A string literal at `index`, unescaped; when not `building`, only checked: "" where the
    /// built string would be valid, nil where it would not.
    private mutating func string(building: Bool = true) -> String? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        index += 1
        scratch.removeAll(keepingCapacity: true)
        var runStart = index
        while index < bytes.count {
            // Past the bytes that cannot end the run, sixteen at a time.
            index = qscan_u8_json_stop(bytes.baseAddress!, index, bytes.count)
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let run = UnsafeBufferPointer(rebasing: bytes[runStart..<index])
                index += 1
                if !building { return FlatJSONObject.isValidUTF8(run) ? "" : nil }
                if scratch.isEmpty { return FlatJSONObject.validString(run) }  // no escapes: no copy
                scratch.append(contentsOf: run)
                return scratch.withUnsafeBufferPointer(FlatJSONObject.validString)
            }
            if byte < 0x20 || byte == 0x7F { return nil }
            if byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            // Escapes are ASCII and decode to whole scalars, so runs between them can be checked alone.
            let run = UnsafeBufferPointer(rebasing: bytes[runStart..<index])
            if building {
                scratch.append(contentsOf: run)
            } else if !FlatJSONObject.isValidUTF8(run) {
                return nil
            }
            index += 1
            guard let scalar = escapedScalar() else { return nil }
            if building { appendUTF8(scalar) }
            runStart = index
        }
        return nil
    }

    /// The scalar of the escape after a backslash, read; nil for `\u0000`, lone surrogates and
    /// anything that is not an escape.
    private mutating func escapedScalar() -> UInt32? {
        guard index < bytes.count else { return nil }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return UInt32(escape)
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "f"): return 0x0C
        case UInt8(ascii: "n"): return 0x0A
        case UInt8(ascii: "r"): return 0x0D
        case UInt8(ascii: "t"): return 0x09
        case UInt8(ascii: "u"):
            guard let unit = hex4() else { return nil }
            if unit & 0xFC00 == 0xD800 {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    return nil
                }
                index += 2
                guard let low = hex4(), low & 0xFC00 == 0xDC00 else { return nil }
                return 0x10000 + ((UInt32(unit) & 0x3FF) << 10) + (UInt32(low) & 0x3FF)
            }
            return unit & 0xFC00 == 0xDC00 || unit == 0 ? nil : UInt32(unit)
        default:
            return nil
        }
    }

    /// The string literal at `index` decoded into UTF-16: what `string()` reads, as its units.
    /// Nil where `string()` gives nil (the line then goes through the decoder).
    ///
    /// One pass from the line's bytes to the units: plain ASCII widened sixteen or thirty-two
    /// bytes at a time, escapes and UTF-8 sequences decoded (and checked as `isValidUTF8` checks
    /// them) one by one, until the closing mark. (The closing mark was found by a scan of its
    /// own first, to size the array: the units are never more than the literal's bytes, so the
    /// rest of the line is room enough. That scan read every byte twice: 0.6% of the dev set's
    /// instructions.)
    private mutating func utf16Literal() -> UTF16Text? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        index += 1
        // The array is reserved here and the units decoded into its spare capacity by a
        // sequence that `append(contentsOf:)` hands it to (`LiteralUnits`), with no closure:
        // `Array(unsafeUninitializedCapacity:)` allocates in the standard library, where finding
        // the storage class for `UInt16` is a generic look-up (~365 instructions a document,
        // 1.2% of 10,000 one-paragraph briefs), and a closure held by the sequence had its
        // captured variables moved to the heap.
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count - index)
        var surrogateStarts: [Int] = []
        var closed = false
        withUnsafeMutablePointer(to: &self) { object in
            withUnsafeMutablePointer(to: &surrogateStarts) { surrogateStarts in
                withUnsafeMutablePointer(to: &closed) { closed in
                    units.append(contentsOf: LiteralUnits(object: object, surrogateStarts: surrogateStarts, closed: closed))
                }
            }
        }
        guard closed else { return nil }
        index += 1  // past the closing mark
        return UTF16Text(checkedUnits: units, surrogateStarts: surrogateStarts)
    }

    /// The units of the string literal whose content starts at `object`'s index, decoded into
    /// the spare capacity of the array they are appended to (`utf16Literal`); `object`'s index
    /// ends at the closing mark, and `closed` tells whether it was reached (nothing invalid
    /// before it).
    private struct LiteralUnits: Sequence, IteratorProtocol {
        let object: UnsafeMutablePointer<FlatJSONObject>
        let surrogateStarts: UnsafeMutablePointer<[Int]>
        let closed: UnsafeMutablePointer<Bool>

        var underestimatedCount: Int { 0 }

        mutating func next() -> UInt16? { nil }

        func _copyContents(initializing buffer: UnsafeMutableBufferPointer<UInt16>) -> (LiteralUnits, Int) {
            let bytes = object.pointee.bytes
            let limit = bytes.count
            // The array was reserved for the rest of the line: the units are never more than
            // the literal's bytes (an escape of 2, 6 or 12 bytes gives 1, 1 or 2 units, a UTF-8
            // sequence of n bytes 1 or 2).
            precondition(buffer.count >= limit - object.pointee.index, "room for \(buffer.count) units")
            guard let out = buffer.baseAddress, let base = bytes.baseAddress else { return (self, 0) }
            var index = object.pointee.index
            defer { object.pointee.index = index }
            var written = 0
            while index < limit {
                // Room for the whole block the kernel may write: `written` is at most the bytes read.
                let plain = qscan_widen_json(base + index, limit - index, out + written)
                index += plain
                written += plain
                guard index < limit else { break }
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    closed.pointee = true
                    break
                }
                let scalar: UInt32?
                if byte == UInt8(ascii: "\\") {
                    object.pointee.index = index + 1
                    scalar = object.pointee.escapedScalar()
                    index = object.pointee.index
                } else {
                    // UTF-8 beyond ASCII; a control character or DEL is no scalar here.
                    scalar = UTF16Text.scalar(bytes, at: &index, before: limit)
                }
                guard let scalar else { break }  // not closed: invalid
                UTF16Text.append(scalar, to: out, at: &written, surrogateStarts: &surrogateStarts.pointee)
            }
            return (self, written)
        }
    }

    /// Four hex digits at `index`.
    private mutating func hex4() -> UInt16? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        if scalar < 0x80 {
            scratch.append(UInt8(truncatingIfNeeded: scalar))
        } else if scalar < 0x800 {
            scratch.append(UInt8(truncatingIfNeeded: 0xC0 | (scalar >> 6)))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | (scalar & 0x3F)))
        } else if scalar < 0x10000 {
            scratch.append(UInt8(truncatingIfNeeded: 0xE0 | (scalar >> 12)))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | ((scalar >> 6) & 0x3F)))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | (scalar & 0x3F)))
        } else {
            scratch.append(UInt8(truncatingIfNeeded: 0xF0 | (scalar >> 18)))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | ((scalar >> 12) & 0x3F)))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | ((scalar >> 6) & 0x3F)))
            scratch.append(UInt8(truncatingIfNeeded: 0x80 | (scalar & 0x3F)))
        }
    }
}
