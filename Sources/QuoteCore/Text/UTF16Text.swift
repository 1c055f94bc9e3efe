import CQuoteScan

/// A text as well-formed UTF-16 code units, with the offsets of its high surrogates: what a
/// `TextBuffer` is made of, decoded by `DocumentReader` straight from a file's or a JSONL line's
/// bytes (`DocumentReader.readsUTF16`).
///
/// Read through a `String`, a document's text was validated as UTF-8 when the string was made
/// (~6 instructions a byte in the standard library; no public initialiser skips it) and decoded
/// into UTF-16 again for the `TextBuffer`; `quotes extract` needs the units alone.
public struct UTF16Text: Sendable, Equatable {
    /// The code units: every high surrogate is followed by a low one, and no low one stands alone.
    public let units: [UInt16]
    /// The offsets in `units` of the high surrogates, ascending.
    public let surrogateStarts: [Int]

    /// Units that the caller has checked (the decoders here and in the JSONL reader make only
    /// well-formed ones).
    init(checkedUnits units: [UInt16], surrogateStarts: [Int]) {
        self.units = units
        self.surrogateStarts = surrogateStarts
    }

    /// The units of `string`.
    public init(_ string: String) {
        var starts: [Int] = []
        units = TextBuffer.utf16(string, surrogateStarts: &starts)
        surrogateStarts = starts
    }

    /// The text as a `String`.
    public var string: String { String(decoding: units, as: UTF16.self) }

    /// The units of well-formed UTF-8 `bytes`, or nil where `String(validating:as:)` gives nil:
    /// ASCII widened sixteen bytes at a time, other sequences decoded one by one.
    init?(validatingUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else {
            self.init(checkedUnits: [], surrogateStarts: [])
            return
        }
        let end = bytes.count
        var surrogateStarts: [Int] = []
        var valid = true
        let units = [UInt16](unsafeUninitializedCapacity: end) { buffer, initialized in
            let out = buffer.baseAddress!
            var index = 0
            var written = 0
            while index < end {
                let ascii = qscan_widen_ascii(base + index, end - index, out + written)
                index += ascii
                written += ascii
                guard index < end else { break }
                guard let scalar = UTF16Text.scalar(bytes, at: &index, before: end) else {
                    valid = false
                    break
                }
                UTF16Text.append(scalar, to: out, at: &written, surrogateStarts: &surrogateStarts)
            }
            initialized = written
        }
        guard valid else { return nil }
        self.init(checkedUnits: units, surrogateStarts: surrogateStarts)
    }

    /// The scalar of the UTF-8 sequence at `index` (its lead byte at or above 0x80), ending
    /// before `end`, read (`index` moves past it); nil for a sequence that well-formed UTF-8 does
    /// not have (overlong forms, surrogates, scalars above U+10FFFF, cut sequences) and for ASCII.
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: inout Int, before end: Int) -> UInt32? {
        let lead = bytes[index]
        let start = index
        @inline(__always) func continuation(_ offset: Int) -> UInt32? {
            let byte = bytes[start + offset]
            return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
        }
        switch lead {
        case 0xC2..<0xE0:
            guard start + 1 < end, let second = continuation(1) else { return nil }
            index += 2
            return UInt32(lead & 0x1F) << 6 | second
        case 0xE0..<0xF0:
            guard start + 2 < end, let second = continuation(1), let third = continuation(2) else { return nil }
            if lead == 0xE0, second < 0x20 { return nil }  // overlong: a second byte below 0xA0
            if lead == 0xED, second > 0x1F { return nil }  // a surrogate: a second byte above 0x9F
            index += 3
            return UInt32(lead & 0x0F) << 12 | second << 6 | third
        case 0xF0..<0xF5:
            guard start + 3 < end, let second = continuation(1), let third = continuation(2),
                  let fourth = continuation(3) else { return nil }
            if lead == 0xF0, second < 0x10 { return nil }  // overlong: a second byte below 0x90
            if lead == 0xF4, second > 0x0F { return nil }  // above U+10FFFF: a second byte above 0x8F
            index += 4
            return UInt32(lead & 0x07) << 18 | second << 12 | third << 6 | fourth
        default:
            return nil
        }
    }

    /// `scalar`'s one or two units written at `out + written` (`written` moves past them; a high
    /// surrogate's offset is added to `surrogateStarts`).
    @inline(__always)
    static func append(_ scalar: UInt32, to out: UnsafeMutablePointer<UInt16>, at written: inout Int,
                       surrogateStarts: inout [Int]) {
        if scalar < 0x10000 {
            out[written] = UInt16(truncatingIfNeeded: scalar)
            written += 1
        } else {
            let offset = scalar - 0x10000
            surrogateStarts.append(written)
            out[written] = UInt16(truncatingIfNeeded: 0xD800 + (offset >> 10))
            out[written + 1] = UInt16(truncatingIfNeeded: 0xDC00 + (offset & 0x3FF))
            written += 2
        }
    }
}
