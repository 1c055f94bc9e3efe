/// The layout of the standard library's small ASCII strings, which this project's hot paths read
/// and write as two words: the bytes first byte lowest (eight in the first word, up to seven in
/// the second), then a last byte of 0xE0 plus the count (immortal, small, ASCII).
///
/// The layout of a `String` is the standard library's own, not a promise to programs: `holds`
/// says whether this Swift lays small strings out so, and where it does not, callers take the
/// standard way. `SmallStringTests` checks that it agrees with strings built at run time.
///
/// Not part of the record schema: public and inlinable only so that the project's other modules
/// fold `holds` to a constant (declared `package`, it was called, not inlined, from the
/// tokenizer's loop: the dev set +2.6M instructions).
public enum SmallStringLayout {
    /// A `String`'s two words.
    @inlinable @inline(__always)
    public static func bits(_ text: String) -> (low: UInt64, high: UInt64) {
        unsafeBitCast(text, to: (low: UInt64, high: UInt64).self)
    }

    /// True when small ASCII strings are laid out as described above. Read from string literals
    /// of 0, 1, 8, 9 and 15 bytes, which the optimizer folds to a constant (a lazy global that
    /// compared strings at run time was a `swift_once` call at every read).
    @inlinable @inline(__always)
    public static var holds: Bool {
        literalLayout("", 0, low: 0, high: 0)
            && literalLayout("a", 1, low: 0x61, high: 0)
            && literalLayout("abcdefgh", 8, low: 0x6867_6665_6463_6261, high: 0)
            && literalLayout("abcdefghi", 9, low: 0x6867_6665_6463_6261, high: 0x69)
            && literalLayout("abcdefghijklmno", 15, low: 0x6867_6665_6463_6261, high: 0x6F_6E6D_6C6B_6A69)
    }

    /// True when `high`, a string's second word, is that of a small ASCII string (its top byte
    /// 0xE0 plus the count). Meaningful only where `holds`.
    @inlinable @inline(__always)
    public static func isSmallASCII(_ high: UInt64) -> Bool {
        high &>> 60 == 0xE
    }

    /// The two words of the small ASCII string of `count` bytes (at most 15) held in `low` (the
    /// first eight, first byte lowest) and `high` (the rest; zero past `count`).
    @inlinable @inline(__always)
    public static func words(low: UInt64, high: UInt64, count: Int) -> (low: UInt64, high: UInt64) {
        (low, high | (0xE0 | UInt64(truncatingIfNeeded: count)) << 56)
    }

    /// The byte count of the small ASCII string whose second word is `high`.
    @inlinable @inline(__always)
    public static func count(_ high: UInt64) -> Int {
        Int(truncatingIfNeeded: high &>> 56 & 0xF)
    }

    /// True when the string literal `literal` of `count` bytes is the two words `low` and `high`
    /// with the small ASCII discriminator and the count in the top byte.
    @inlinable @inline(__always)
    static func literalLayout(_ literal: String, _ count: Int, low: UInt64, high: UInt64) -> Bool {
        let bits = bits(literal)
        let expected = words(low: low, high: high, count: count)
        return bits.low == expected.low && bits.high == expected.high
    }
}
