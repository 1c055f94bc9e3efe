/// Finds the first place where a JSONL line is not valid JSON (RFC 8259), so that a broken line
/// is reported with where and why, the same way on every run.
///
/// `JSONDecoder` reads some invalid lines (raw control characters in strings, "-06") and then
/// fails while building the value, naming whichever key it met first in a dictionary: the key
/// can change from run to run, and "expected a dictionary, found a number" hides the cause. The
/// reader asks this checker first and falls back to the decoder's message only for lines that
/// are valid JSON and still fail.
enum JSONSyntax {
    /// Deeper nesting than this is reported rather than read.
    static let maximumDepth = 512

    /// The byte offset in `bytes` and the reason of the first error, or nil for valid JSON.
    static func firstError(_ bytes: UnsafeBufferPointer<UInt8>) -> (offset: Int, reason: String)? {
        var checker = Checker(bytes: bytes)
        checker.skipSpace()
        if let error = checker.value(depth: 0) { return error }
        checker.skipSpace()
        return checker.index < bytes.count ? (checker.index, "text after the JSON value") : nil
    }

    private struct Checker {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        /// Reads one value; the error where it is not one.
        mutating func value(depth: Int) -> (offset: Int, reason: String)? {
            guard index < bytes.count else { return (index, "the line ends where a value should be") }
            guard depth < JSONSyntax.maximumDepth else { return (index, "nested deeper than \(JSONSyntax.maximumDepth) levels") }
            switch bytes[index] {
            case UInt8(ascii: "{"): return container(close: UInt8(ascii: "}"), keyed: true, depth: depth)
            case UInt8(ascii: "["): return container(close: UInt8(ascii: "]"), keyed: false, depth: depth)
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
            default: return (index, "expected a value, found \(Self.describe(bytes[index]))")
            }
        }

        /// An object (`keyed`) or an array whose opening bracket is at `index`.
        mutating func container(close: UInt8, keyed: Bool, depth: Int) -> (offset: Int, reason: String)? {
            index += 1
            skipSpace()
            if index < bytes.count, bytes[index] == close {
                index += 1
                return nil
            }
            let closeText = keyed ? "'}'" : "']'"
            while true {
                skipSpace()
                if keyed {
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                        return (index, index < bytes.count ? "expected a string key, found \(Self.describe(bytes[index]))"
                                                           : "the line ends inside an object")
                    }
                    if let error = string() { return error }
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                        return (index, "expected ':' after an object key")
                    }
                    index += 1
                    skipSpace()
                }
                if let error = value(depth: depth + 1) { return error }
                skipSpace()
                guard index < bytes.count else { return (index, "the line ends before \(closeText)") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard bytes[index] == close else {
                    return (index, "expected ',' or \(closeText), found \(Self.describe(bytes[index]))")
                }
                index += 1
                return nil
            }
        }

        /// A string whose opening quotation mark is at `index`.
        mutating func string() -> (offset: Int, reason: String)? {
            index += 1
            var runStart = index
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    if !FlatJSONObject.isValidUTF8(UnsafeBufferPointer(rebasing: bytes[runStart..<index])) {
                        return (runStart, "invalid UTF-8 in a string")
                    }
                }
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return nil
                }
                if byte < 0x20 {
                    return (index, "a raw control character (\(Self.describe(byte))) in a string; JSON needs it escaped")
                }
                if byte == UInt8(ascii: "\\") {
                    let escape = index
                    index += 1
                    guard index < bytes.count else { break }
                    switch bytes[index] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                         UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                        index += 1
                    case UInt8(ascii: "u"):
                        guard index + 4 < bytes.count, (1...4).allSatisfy({ Self.isHexDigit(bytes[index + $0]) }) else {
                            return (escape, "a \\u escape needs four hexadecimal digits")
                        }
                        index += 5
                    default:
                        return (escape, "an unknown escape after '\\': \(Self.describe(bytes[index]))")
                    }
                    runStart = index
                    continue
                }
                index += 1
            }
            return (index, "the line ends inside a string")
        }

        /// A number at `index`, by the JSON grammar: no leading zeros, no bare fraction or exponent.
        mutating func number() -> (offset: Int, reason: String)? {
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, Self.isDigit(bytes[index]) else { return (start, "a '-' without digits") }
            if bytes[index] == UInt8(ascii: "0"), index + 1 < bytes.count, Self.isDigit(bytes[index + 1]) {
                return (start, "a number with a leading zero")
            }
            while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard index < bytes.count, Self.isDigit(bytes[index]) else { return (start, "a number with no digits after '.'") }
                while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
            }
            if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard index < bytes.count, Self.isDigit(bytes[index]) else { return (start, "a number with no digits in its exponent") }
                while index < bytes.count, Self.isDigit(bytes[index]) { index += 1 }
            }
            return nil
        }

        /// `word` (true, false or null) at `index`.
        mutating func literal(_ word: StaticString) -> (offset: Int, reason: String)? {
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count,
                  (0..<count).allSatisfy({ bytes[index + $0] == word.utf8Start[$0] }) else {
                return (index, "expected a value, found \(Self.describe(bytes[index]))")
            }
            index += count
            return nil
        }

        static func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

        static func isHexDigit(_ byte: UInt8) -> Bool { isDigit(byte) || (byte | 0x20) &- UInt8(ascii: "a") < 6 }

        /// A byte as a message shows it: printable ASCII quoted, anything else as U+XXXX or 0xXX.
        static func describe(_ byte: UInt8) -> String {
            if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
            if byte < 0x80 {
                let hex = String(byte, radix: 16, uppercase: true)
                return "U+" + String(repeating: "0", count: 4 - hex.count) + hex
            }
            return "byte 0x" + String(byte, radix: 16, uppercase: true)
        }
    }
}
