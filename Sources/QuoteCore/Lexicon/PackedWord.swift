import Foundation
import QuoteSchema

/// A word of 1 to 15 ASCII bytes as two integers, the key `WordSet` and `WordMap` find words by.
///
/// The first eight bytes and the next seven, each first byte lowest, then 0xE0 plus the count in
/// the top byte: two words pack alike only when they are equal. That is the standard library's
/// own layout of a small ASCII string, so when it holds (`UTF16String.smallLayoutHolds`) a small
/// string's two words are read as they are, without visiting its bytes: nearly every word the
/// rules and the resolver look up is one.
enum PackedWord {
    /// The two integers of `word`, or nil when it is empty, longer than 15 bytes or not ASCII.
    @inline(__always)
    static func of(_ word: String) -> (low: UInt64, high: UInt64)? {
        if UTF16String.smallLayoutHolds {
            let bits = TokenText.bits(word)
            if TokenText.isSmallASCII(bits.high) && bits.high &>> 56 & 0xF != 0 { return bits }
        }
        return word.withUTF8Bytes { pack($0, lowercase: false) }
    }

    /// The two integers of `word` lowercased (ASCII capitals made small letters), or nil when
    /// it is empty, longer than 15 bytes or not ASCII: what `of(word.lowercased())` gives, without
    /// building the lowercased string.
    static func lowercased(_ word: String) -> (low: UInt64, high: UInt64)? {
        word.withUTF8Bytes { pack($0, lowercase: true) }
    }

    /// The two integers of `bytes`, optionally lowercased, packed one by one.
    @inline(__always)
    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>, lowercase: Bool) -> (low: UInt64, high: UInt64)? {
        guard bytes.count >= 1, bytes.count <= 15 else { return nil }
        var low: UInt64 = 0
        var high: UInt64 = (0xE0 | UInt64(bytes.count)) &<< 56
        for index in 0..<bytes.count {
            var byte = bytes[index]
            if byte >= 0x80 { return nil }
            if lowercase && byte &- 0x41 < 26 { byte |= 0x20 }
            UTF16String.place(byte, at: index, low: &low, high: &high)
        }
        return (low, high)
    }

    /// The first slot to probe for a packed word (its bits mixed), before the table's mask.
    @inline(__always)
    static func slot(_ packed: (low: UInt64, high: UInt64)) -> Int {
        let mixed = (packed.low ^ (packed.high &* 0xBF58_476D_1CE4_E5B9)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed &>> 40)
    }

    /// True when some of `keys` is not ASCII but canonically equal to an ASCII text (its
    /// decomposed form is ASCII, as U+212A KELVIN SIGN's is "K"): an ASCII word not found among
    /// the packed keys may then still equal a key, which only the strings' own comparison finds.
    /// A key that stays beyond ASCII when decomposed equals no ASCII word.
    static func someKeyEqualsASCII(_ keys: some Sequence<String>) -> Bool {
        keys.contains {
            !$0.utf8.allSatisfy { $0 < 0x80 } && $0.decomposedStringWithCanonicalMapping.utf8.allSatisfy { $0 < 0x80 }
        }
    }
}
