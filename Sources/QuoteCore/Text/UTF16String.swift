/// Fast `String` construction from UTF-16 code units: ASCII text (most of English news) is
/// copied byte by byte instead of going through the general UTF-16 decoder.
enum UTF16String {
    /// The text of `units[range]`.
    @inline(__always)
    static func make(_ units: [UInt16], _ range: Range<Int>) -> String {
        ascii(units, range, lowercase: false) ?? String(decoding: units[range], as: UTF16.self)
    }

    /// The lowercased text of `units[range]`; ASCII letters are folded without Unicode tables.
    @inline(__always)
    static func lowercased(_ units: [UInt16], _ range: Range<Int>) -> String {
        ascii(units, range, lowercase: true) ?? String(decoding: units[range], as: UTF16.self).lowercased()
    }

    /// The string of a short all-ASCII range, optionally lowercased; nil for other text.
    @inline(__always)
    private static func ascii(_ units: [UInt16], _ range: Range<Int>, lowercase: Bool) -> String? {
        let count = range.count
        if count == 0 { return "" }
        guard count <= 64 else { return nil }
        for index in range where units[index] >= 0x80 { return nil }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var out = 0
            for index in range {
                var byte = UInt8(truncatingIfNeeded: units[index])
                if lowercase && byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                buffer[out] = byte
                out += 1
            }
            return count
        }
    }
}
