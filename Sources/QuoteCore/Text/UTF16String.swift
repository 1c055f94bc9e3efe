import CQuoteScan
import QuoteSchema

/// Fast `String` construction from UTF-16 code units: ASCII text (most of English news) is
/// copied byte by byte instead of going through the general UTF-16 decoder.
enum UTF16String {
    /// The text of `units[range]`.
    @inline(__always)
    static func make(_ units: [UInt16], _ range: Range<Int>) -> String {
        ascii(units, range, lowercase: false) ?? transcoded(units, range)
    }

    /// UTF-16 to UTF-8 in one pass straight into the string's storage; a lone surrogate becomes
    /// U+FFFD, as `String(decoding:as:)` repairs it. (The standard library's decoder goes through
    /// its generic repairing path, several times slower on long quotations with curly marks.)
    /// With `foldingLatin1`, the capitals of ASCII and Latin-1 (A-Z, À-Þ but ×) are written
    /// lowercased: 0x20 more, as Unicode maps each of them.
    static func transcoded(_ units: [UInt16], _ range: Range<Int>, foldingLatin1: Bool = false) -> String {
        String(unsafeUninitializedCapacity: range.count * 3) { buffer in
            var out = 0
            var index = range.lowerBound
            let end = range.upperBound
            while index < end {
                if !foldingLatin1 && end - index >= 16 {
                    // A run of ASCII narrowed sixteen units at a time.
                    let narrowed = units.withUnsafeBufferPointer {
                        qscan_narrow_ascii($0.baseAddress! + index, end - index, buffer.baseAddress! + out)
                    }
                    index += narrowed
                    out += narrowed
                    if index == end { break }
                }
                var unit = units[index]
                index += 1
                if unit < 0x80 {
                    var byte = UInt8(truncatingIfNeeded: unit)
                    if foldingLatin1 && byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                    buffer[out] = byte
                    out += 1
                } else if unit < 0x800 {
                    if foldingLatin1 && CodeUnit.isLatin1Capital(unit) { unit += 0x20 }
                    buffer[out] = UInt8(truncatingIfNeeded: 0xC0 | (unit >> 6))
                    buffer[out + 1] = UInt8(truncatingIfNeeded: 0x80 | (unit & 0x3F))
                    out += 2
                } else if unit & 0xFC00 == 0xD800, index < end, units[index] & 0xFC00 == 0xDC00 {
                    let scalar = 0x10000 + ((UInt32(unit) & 0x3FF) << 10) + (UInt32(units[index]) & 0x3FF)
                    index += 1
                    buffer[out] = UInt8(truncatingIfNeeded: 0xF0 | (scalar >> 18))
                    buffer[out + 1] = UInt8(truncatingIfNeeded: 0x80 | ((scalar >> 12) & 0x3F))
                    buffer[out + 2] = UInt8(truncatingIfNeeded: 0x80 | ((scalar >> 6) & 0x3F))
                    buffer[out + 3] = UInt8(truncatingIfNeeded: 0x80 | (scalar & 0x3F))
                    out += 4
                } else {
                    // A lone surrogate is replaced; other units are three bytes.
                    let scalar: UInt16 = unit & 0xF800 == 0xD800 ? 0xFFFD : unit
                    buffer[out] = UInt8(truncatingIfNeeded: 0xE0 | (scalar >> 12))
                    buffer[out + 1] = UInt8(truncatingIfNeeded: 0x80 | ((scalar >> 6) & 0x3F))
                    buffer[out + 2] = UInt8(truncatingIfNeeded: 0x80 | (scalar & 0x3F))
                    out += 3
                }
            }
            return out
        }
    }

    /// The lowercased text of `units[range]`; ASCII letters are folded without Unicode tables.
    @inline(__always)
    static func lowercased(_ units: [UInt16], _ range: Range<Int>) -> String {
        ascii(units, range, lowercase: true) ?? lowercasedWide(units, range)
    }

    /// `String(decoding: units[range], as: UTF16.self).lowercased()` for text that is not all
    /// ASCII. ASCII and Latin-1 (whose capitals lowercase to the unit 0x20 above) beside General
    /// Punctuation, super- and subscripts and currency signs (U+2000-20FF: curly quotation marks,
    /// dashes, ellipses; none has a lowercase mapping) are folded unit by unit, as
    /// `UTF16StringTests` checks for each of these units. Other text is transcoded here and
    /// lowercased by the standard library, which maps every scalar through Unicode's tables (a
    /// short line with a curly quotation mark took ~36,000 instructions; decoding the slice with
    /// `String(decoding:as:)`, its generic path, ~5,000 a word more).
    static func lowercasedWide(_ units: [UInt16], _ range: Range<Int>) -> String {
        for index in range {
            let unit = units[index]
            if unit >= 0x100 && unit & 0xFF00 != 0x2000 {
                return transcoded(units, range).lowercased()
            }
        }
        return transcoded(units, range, foldingLatin1: true)
    }

    /// The string of an all-ASCII range, optionally lowercased; nil for other text.
    @inline(__always)
    private static func ascii(_ units: [UInt16], _ range: Range<Int>, lowercase: Bool) -> String? {
        let count = range.count
        if count == 0 { return "" }
        return units.withUnsafeBufferPointer { units -> String? in
            if !lowercase && count >= 16 {
                // Long text (a quotation's): narrowed sixteen units at a time, and given up at
                // the first unit that is not ASCII (testing first, then copying, took 0.3% more
                // of the dev set's instructions than a wasted string for the texts that are not).
                var isASCII = true
                let text = String(unsafeUninitializedCapacity: count) { buffer in
                    let narrowed = qscan_narrow_ascii(units.baseAddress! + range.lowerBound, count, buffer.baseAddress!)
                    isASCII = narrowed == count
                    return isASCII ? count : 0
                }
                return isASCII ? text : nil
            }
            var other: UInt16 = 0
            for index in range { other |= units[index] }
            if other >= 0x80 { return nil }
            if lowercase { return lowercasedASCII(units, range) }
            if count <= smallCapacity && smallLayoutHolds { return small(units, range, lowercase: false) }
            return String(unsafeUninitializedCapacity: count) { buffer in
                var out = 0
                for index in range {
                    buffer[out] = UInt8(truncatingIfNeeded: units[index])
                    out += 1
                }
                return count
            }
        }
    }

    /// The text of `units[range]`, which is all ASCII, with its capitals lowercased.
    @inline(__always)
    static func lowercasedASCII(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> String {
        if range.count <= smallCapacity && smallLayoutHolds { return small(units, range, lowercase: true) }
        return String(unsafeUninitializedCapacity: range.count) { buffer in
            var out = 0
            for index in range {
                var byte = UInt8(truncatingIfNeeded: units[index])
                if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                buffer[out] = byte
                out += 1
            }
            return out
        }
    }

    /// The most ASCII bytes a `String` holds inline, in its own 16 bytes (a "small" string).
    static let smallCapacity = 15

    /// The small string of `units[range]` (all ASCII, at most `smallCapacity` units), optionally
    /// lowercased, put together from its bytes; only when `smallLayoutHolds`.
    ///
    /// `String(unsafeUninitializedCapacity:initializingUTF8With:)` validates the bytes as UTF-8
    /// and then packs them: ~160 instructions for a word, and the tokenizer makes one for about
    /// half the words of news text. A small ASCII string is its bytes, first byte lowest, in 15
    /// bytes, and a last byte of 0xE0 plus the count (the standard library's discriminator: an
    /// immortal, small, ASCII string): the value is written here directly, bit for bit the one
    /// the standard library makes for the same bytes.
    @inline(__always)
    static func small(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, lowercase: Bool) -> String {
        TokenText.string(smallBits(units, range, lowercase: lowercase))
    }

    /// The two words of `small(_:_:lowercase:)`, without making the `String`.
    @inline(__always)
    static func smallBits(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, lowercase: Bool) -> TokenText.Bits {
        #if _endian(little)
        if range.count >= 4 { return smallBitsByGroups(units, range, lowercase: lowercase) }
        #endif
        // A running shift rather than `place(_:at:low:high:)` per byte: the position worked out
        // from the index each time cost the tokenizer and `TextBuffer.text` 1.1M instructions
        // more on the dev set.
        var low: UInt64 = 0
        var high: UInt64 = 0
        var shift: UInt64 = 0
        for index in range {
            var byte = UInt64(truncatingIfNeeded: units[index])
            if lowercase && byte &- 0x41 < 26 { byte |= 0x20 }
            if shift < 64 { low |= byte &<< shift } else { high |= byte &<< (shift &- 64) }
            shift &+= 8
        }
        return smallBits(low: low, high: high, count: range.count)
    }

    #if _endian(little)
    /// `smallBits(_:_:lowercase:)` for 4 to 15 units, four at a time: each group of four units is
    /// read as one word and narrowed to four bytes, the last group (which may overlap the one
    /// before) gives the units left over, and both words are lowercased at once
    /// (`lowercasedASCIIBytes`). Byte by byte, the tokenizer's words of 9 to 15 letters took
    /// ~3.3M instructions of the dev set. Reads only `units[range]`.
    @inline(__always)
    private static func smallBitsByGroups(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>,
                                          lowercase: Bool) -> TokenText.Bits {
        let count = range.count
        let base = UnsafeRawPointer(units.baseAddress! + range.lowerBound)
        @inline(__always) func group(_ index: Int) -> UInt64 {
            narrowedASCII(base.loadUnaligned(fromByteOffset: 2 &* index, as: UInt64.self))
        }
        var low = group(0)
        var high: UInt64 = 0
        if count >= 8 { low |= group(4) &<< 32 }
        if count >= 12 { high = group(8) }
        let left = count & 3
        if left != 0 {
            // The last four units' bytes, the first `4 - left` of them (taken above) shifted out.
            let tail = group(count &- 4) &>> UInt64(8 &* (4 &- left))
            let position = count &- left
            if position < 8 { low |= tail &<< UInt64(8 &* position) } else { high |= tail &<< UInt64(8 &* (position &- 8)) }
        }
        if lowercase {
            low = lowercasedASCIIBytes(low)
            high = lowercasedASCIIBytes(high)
        }
        return smallBits(low: low, high: high, count: count)
    }
    #endif

    /// The four ASCII code units in `word` (each below 0x80, first lowest) as four bytes in its
    /// low half, first lowest.
    @inline(__always)
    static func narrowedASCII(_ word: UInt64) -> UInt64 {
        let pairs = (word | word &>> 8) & 0x0000_FFFF_0000_FFFF
        return (pairs | pairs &>> 16) & 0xFFFF_FFFF
    }

    /// The eight bytes of `word`, each below 0x80, with "A"-"Z" lowercased: a byte plus 0x3F
    /// reaches 0x80 from "A" on, plus 0x25 from "[" on, and no sum carries into the next byte.
    @inline(__always)
    static func lowercasedASCIIBytes(_ word: UInt64) -> UInt64 {
        let fromA = word &+ 0x3F3F_3F3F_3F3F_3F3F
        let pastZ = word &+ 0x2525_2525_2525_2525
        return word | (fromA & ~pastZ & 0x8080_8080_8080_8080) &>> 2
    }

    /// Puts `byte` at `index` of the bytes `small(low:high:count:)` takes: the first eight in
    /// `low`, the next seven in `high`, each first byte lowest; an index of 15 or more is
    /// dropped (the text is then too long for a small string, and its caller builds it another way).
    @inline(__always)
    static func place(_ byte: UInt8, at index: Int, low: inout UInt64, high: inout UInt64) {
        if index < 8 {
            low |= UInt64(byte) &<< UInt64(index &* 8)
        } else if index < smallCapacity {
            high |= UInt64(byte) &<< UInt64((index &- 8) &* 8)
        }
    }

    /// The small ASCII string of `count` bytes (at most `smallCapacity`) held in `low` (the first
    /// eight, first byte lowest) and `high` (the rest); the bytes past `count` must be zero.
    /// Only when `smallLayoutHolds`.
    @inline(__always)
    static func small(low: UInt64, high: UInt64 = 0, count: Int) -> String {
        TokenText.string(smallBits(low: low, high: high, count: count))
    }

    /// The two words of `small(low:high:count:)`, without making the `String`.
    @inline(__always)
    static func smallBits(low: UInt64, high: UInt64 = 0, count: Int) -> TokenText.Bits {
        SmallStringLayout.words(low: low, high: high, count: count)
    }

    /// True when small ASCII strings are laid out as `small` writes them (`SmallStringLayout`):
    /// if a later Swift lays out small strings otherwise, this is false and strings are built the
    /// standard way. A constant the optimizer folds (`Token.hasText` reads it at nearly every
    /// comparison; as a lazy global it was a `swift_once` call, ~215,000 a run of the dev set).
    @inline(__always) static var smallLayoutHolds: Bool { SmallStringLayout.holds }
}
