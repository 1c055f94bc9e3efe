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
        skipSpace()
        if depth > 0, index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return fields
        }
        while true {
            skipSpace()
            guard let key = string() else { return nil }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            index += 1
            skipSpace()
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

    /// A string literal at `index`, unescaped.
    private mutating func string() -> String? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
        index += 1
        scratch.removeAll(keepingCapacity: true)
        var runStart = index
        while index < bytes.count {
            // Eight bytes at a time while none of them can end the run.
            while index + 8 <= bytes.count,
                  !FlatJSONObject.hasSpecialByte(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                index += 8
            }
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let run = UnsafeBufferPointer(rebasing: bytes[runStart..<index])
                index += 1
                if scratch.isEmpty { return String(validating: run, as: UTF8.self) }  // no escapes: no copy
                scratch.append(contentsOf: run)
                return String(validating: scratch, as: UTF8.self)
            }
            if byte < 0x20 || byte == 0x7F { return nil }
            if byte != UInt8(ascii: "\\") {
                index += 1
                continue
            }
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            index += 1
            guard index < bytes.count else { return nil }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escape)
            case UInt8(ascii: "b"): scratch.append(0x08)
            case UInt8(ascii: "f"): scratch.append(0x0C)
            case UInt8(ascii: "n"): scratch.append(0x0A)
            case UInt8(ascii: "r"): scratch.append(0x0D)
            case UInt8(ascii: "t"): scratch.append(0x09)
            case UInt8(ascii: "u"):
                guard let unit = hex4() else { return nil }
                var scalar = UInt32(unit)
                if unit & 0xFC00 == 0xD800 {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        return nil
                    }
                    index += 2
                    guard let low = hex4(), low & 0xFC00 == 0xDC00 else { return nil }
                    scalar = 0x10000 + ((UInt32(unit) & 0x3FF) << 10) + (UInt32(low) & 0x3FF)
                } else if unit & 0xFC00 == 0xDC00 || unit == 0 {
                    return nil
                }
                appendUTF8(scalar)
            default:
                return nil
            }
            runStart = index
        }
        return nil
    }

    /// True when one of the eight bytes of `word` is a quotation mark, a backslash, a control
    /// character or DEL (exact: the zero-byte tests have no false negatives or positives for
    /// "some byte is").
    @inline(__always)
    static func hasSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let below = (word &- ones &* 0x20) & ~word & highs != 0  // some byte < 0x20
        return below || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C)) || hasZero(word ^ (ones &* 0x7F))
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
