import CQuoteScan
import QuoteSchema

/// A document's text as UTF-16 code units, with conversions to the offsets users ask for.
///
/// Every stage works on UTF-16 offsets into `units`; only output converts them.
public struct TextBuffer: Sendable {
    /// UTF-16 code units of the text as read (a leading byte-order mark already removed by the
    /// reader).
    public let units: [UInt16]
    /// UTF-16 offsets of the high surrogates, ascending; empty for text inside the BMP.
    private let surrogateStarts: [Int]

    public init(_ string: String) {
        var starts: [Int] = []
        self.units = TextBuffer.utf16(string, surrogateStarts: &starts)
        self.surrogateStarts = starts
    }

    /// The buffer of a text already in UTF-16.
    public init(_ text: UTF16Text) {
        units = text.units
        surrogateStarts = text.surrogateStarts
    }

    /// The text as a `String` (made from the units: nothing in the pipeline reads it).
    public var string: String { String(decoding: units, as: UTF16.self) }

    /// `Array(string.utf16)`, decoded straight from the string's UTF-8 (always valid) instead of
    /// through the generic UTF-16 view; `surrogateStarts` gets the offsets of the high surrogates
    /// (only four-byte sequences make them).
    static func utf16(_ string: String, surrogateStarts: inout [Int]) -> [UInt16] {
        string.withUTF8Bytes { utf8 in
            [UInt16](unsafeUninitializedCapacity: utf8.count) { buffer, count in
                var index = 0
                var out = 0
                let end = utf8.count
                guard let base = utf8.baseAddress else {
                    count = 0
                    return
                }
                while index < end {
                    // Runs of ASCII widened sixteen bytes at a time (`qscan_widen_ascii`).
                    let ascii = qscan_widen_ascii(base + index, end - index, buffer.baseAddress! + out)
                    index += ascii
                    out += ascii
                    guard index < end else { break }
                    let byte = utf8[index]
                    if byte < 0x80 {
                        buffer[out] = UInt16(byte)
                        index += 1
                        out += 1
                    } else if byte < 0xE0 {
                        buffer[out] = (UInt16(byte & 0x1F) << 6) | UInt16(utf8[index + 1] & 0x3F)
                        index += 2
                        out += 1
                    } else if byte < 0xF0 {
                        buffer[out] = (UInt16(byte & 0x0F) << 12) | (UInt16(utf8[index + 1] & 0x3F) << 6)
                            | UInt16(utf8[index + 2] & 0x3F)
                        index += 3
                        out += 1
                    } else {
                        let scalar = (UInt32(byte & 0x07) << 18) | (UInt32(utf8[index + 1] & 0x3F) << 12)
                            | (UInt32(utf8[index + 2] & 0x3F) << 6) | UInt32(utf8[index + 3] & 0x3F)
                        let offset = scalar - 0x10000
                        surrogateStarts.append(out)
                        buffer[out] = UInt16(truncatingIfNeeded: 0xD800 + (offset >> 10))
                        buffer[out + 1] = UInt16(truncatingIfNeeded: 0xDC00 + (offset & 0x3FF))
                        index += 4
                        out += 2
                    }
                }
                count = out
            }
        }
    }

    /// Number of UTF-16 code units.
    public var count: Int { units.count }

    /// Number of Unicode code points.
    public var scalarCount: Int { units.count - surrogateStarts.count }

    /// The text of a UTF-16 range.
    public func text(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, units.count))
        let upper = max(lower, min(range.upperBound, units.count))
        return UTF16String.make(units, lower..<upper)
    }

    /// Converts a UTF-16 offset into a code-point offset.
    public func scalarOffset(_ utf16Offset: Int) -> Int {
        if surrogateStarts.isEmpty { return utf16Offset }
        // Count surrogate pairs that start before the offset.
        var low = 0
        var high = surrogateStarts.count
        while low < high {
            let mid = (low + high) / 2
            if surrogateStarts[mid] < utf16Offset { low = mid + 1 } else { high = mid }
        }
        return utf16Offset - low
    }

    /// Converts a UTF-16 offset into the requested unit.
    public func offset(_ utf16Offset: Int, in unit: OffsetUnit, utf8Table: [Int]?) -> Int {
        switch unit {
        case .utf16: return utf16Offset
        case .codepoint: return scalarOffset(utf16Offset)
        case .utf8: return utf8Table?[utf16Offset] ?? utf16Offset
        }
    }

    /// A table from every UTF-16 offset (0...count) to its UTF-8 offset.
    public func utf8OffsetTable() -> [Int] {
        var table = [Int](repeating: 0, count: units.count + 1)
        var utf8 = 0
        var index = 0
        while index < units.count {
            table[index] = utf8
            let unit = units[index]
            if unit < 0x80 {
                utf8 += 1
            } else if unit < 0x800 {
                utf8 += 2
            } else if unit & 0xFC00 == 0xD800, index + 1 < units.count,
                      units[index + 1] & 0xFC00 == 0xDC00 {
                utf8 += 4
                index += 1
                table[index] = utf8 - 4
            } else {
                utf8 += 3
            }
            index += 1
        }
        table[units.count] = utf8
        return table
    }
}
