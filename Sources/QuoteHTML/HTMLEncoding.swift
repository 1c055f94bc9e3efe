import Foundation

/// Finds a saved page's character encoding and decodes it to a Swift string.
///
/// Order, as browsers do it: a byte order mark, then a `<meta charset>` or
/// `<meta http-equiv="Content-Type" content="...; charset=...">` in the first 4 KB, then
/// detection (valid UTF-8 is UTF-8, anything else Windows-1252). ISO-8859-1 and US-ASCII
/// labels mean Windows-1252, as the HTML standard says.
public enum HTMLEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    case windows1252 = "windows-1252"

    /// The encoding of `bytes` and how many leading bytes are a byte order mark.
    public static func detect(_ bytes: [UInt8]) -> (encoding: HTMLEncoding, bomLength: Int) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8, 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return (.utf16LittleEndian, 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return (.utf16BigEndian, 2) }
        if let label = declaredCharset(bytes), let declared = fromLabel(label) {
            // A page saying UTF-8 that is not valid UTF-8 was almost always re-saved as Windows-1252.
            if declared == .utf8, !isValidUTF8(bytes) { return (.windows1252, 0) }
            return (declared, 0)
        }
        return (isValidUTF8(bytes) ? .utf8 : .windows1252, 0)
    }

    /// Maps a charset label to an encoding; nil for labels this reader does not know.
    public static func fromLabel(_ label: String) -> HTMLEncoding? {
        switch label.lowercased().trimmingCharacters(in: .whitespaces) {
        case "utf-8", "utf8", "unicode-1-1-utf-8": return .utf8
        // UTF-16 labels in a page readable as ASCII are wrong; the standard says use UTF-8.
        case "utf-16", "utf-16le", "utf-16be", "unicode": return .utf8
        case "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1",
             "l1", "us-ascii", "ascii", "iso-ir-100", "cp819", "ibm819", "iso_8859-1:1987", "csisolatin1":
            return .windows1252
        default: return nil
        }
    }

    /// The charset named by the first `<meta>` tag in the first 4 KB, if any.
    ///
    /// A byte scan, not a parse: the encoding must be known before the parser can run.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
        var index = 0
        let meta = Array("<meta".utf8)
        let charset = Array("charset".utf8)
        while index + meta.count < head.count {
            guard head[index..<(index + meta.count)].elementsEqual(meta) else { index += 1; continue }
            var end = index + meta.count
            while end < head.count, head[end] != UInt8(ascii: ">") { end += 1 }
            let tag = Array(head[index..<end])
            var position = 0
            while position + charset.count <= tag.count {
                if tag[position..<(position + charset.count)].elementsEqual(charset) {
                    var cursor = position + charset.count
                    while cursor < tag.count, tag[cursor] == 0x20 { cursor += 1 }
                    if cursor < tag.count, tag[cursor] == UInt8(ascii: "=") {
                        cursor += 1
                        while cursor < tag.count, [0x20, 0x22, 0x27].contains(tag[cursor]) { cursor += 1 }
                        var stop = cursor
                        while stop < tag.count, ![0x20, 0x22, 0x27, 0x3B, 0x2F, 0x3E].contains(tag[stop]) { stop += 1 }
                        if stop > cursor { return String(decoding: tag[cursor..<stop], as: UTF8.self) }
                    }
                }
                position += 1
            }
            index = end
        }
        return nil
    }

    /// Whether `bytes` is well-formed UTF-8.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// Decodes `bytes` (the byte order mark already removed); invalid sequences become U+FFFD.
    public func decode<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        switch self {
        case .utf8:
            return String(decoding: bytes, as: UTF8.self)
        case .utf16LittleEndian, .utf16BigEndian:
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var iterator = bytes.makeIterator()
            while let first = iterator.next(), let second = iterator.next() {
                units.append(self == .utf16LittleEndian ? UInt16(first) | UInt16(second) << 8
                                                        : UInt16(first) << 8 | UInt16(second))
            }
            return String(decoding: units, as: UTF16.self)
        case .windows1252:
            var scalars = String.UnicodeScalarView()
            for byte in bytes {
                if byte >= 0x80, byte <= 0x9F {
                    scalars.append(Unicode.Scalar(HTMLEncoding.windows1252High[Int(byte - 0x80)]) ?? "\u{FFFD}")
                } else {
                    scalars.append(Unicode.Scalar(byte))
                }
            }
            return String(scalars)
        }
    }

    /// Windows-1252 bytes 0x80–0x9F; the five undefined ones map to the C1 controls, as browsers do.
    static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
