/// What ICU's name transform (`NameKey.icuKey`) makes of each character of three Latin blocks
/// on its own: Latin-1 Supplement and Latin Extended-A and -B (U+00A0-U+024F), Latin Extended
/// Additional (U+1E00-U+1EFF) and General Punctuation (U+2000-U+206F): "é" is "e", "ß" is "ss",
/// "’" and the dashes are nothing. Names written with these and ASCII get their key from this
/// table instead of ICU, whose transliterator costs about 40 ms to set up in each process.
///
/// Generated with ICU 72 (one `utrans_transUChars` call per character, the rules of
/// `qicu_name_key`); `NameKeyTests` compares every entry, in a name, with ICU.
enum LatinNameKeys {
    /// The first and last code point of each block, and its keys in code point order.
    static let blocks: [(first: UInt32, last: UInt32, keys: [String])] = [
        (0x00A0, 0x024F, [
            "", "", "", "", "", "", "", "", "", "c", "", "", "", "", "r", "",
            "", "", "", "", "", "", "", "", "", "", "", "", "14", "12", "34", "",
            "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
            "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss",
            "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
            "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
            "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",
            "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",
            "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",
            "i", "i", "ij", "ij", "j", "j", "k", "k", "q", "l", "l", "l", "l", "l", "l", "l",
            "l", "l", "l", "n", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
            "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",
            "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",
            "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",
            "b", "b", "b", "b", "", "", "", "c", "c", "d", "d", "d", "d", "", "", "",
            "e", "f", "f", "g", "", "hv", "i", "i", "k", "k", "l", "", "", "n", "n", "",
            "o", "o", "oi", "oi", "p", "p", "", "", "", "", "", "t", "t", "t", "t", "u",
            "u", "", "v", "y", "y", "z", "z", "", "", "", "", "", "", "", "", "",
            "", "", "", "", "dz", "dz", "dz", "lj", "lj", "lj", "nj", "nj", "nj", "a", "a", "i",
            "i", "o", "o", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "", "a", "a",
            "a", "a", "ae", "ae", "g", "g", "g", "g", "k", "k", "o", "o", "o", "o", "", "",
            "j", "dz", "dz", "dz", "g", "g", "", "", "n", "n", "a", "a", "ae", "ae", "o", "o",
            "a", "a", "a", "a", "e", "e", "e", "e", "i", "i", "i", "i", "o", "o", "o", "o",
            "r", "r", "r", "r", "u", "u", "u", "u", "s", "s", "t", "t", "", "", "h", "h",
            "", "d", "", "", "z", "z", "a", "a", "e", "e", "o", "o", "o", "o", "o", "o",
            "o", "o", "y", "y", "l", "n", "t", "j", "db", "qp", "a", "c", "c", "l", "t", "s",
            "z", "", "", "b", "u", "", "e", "e", "j", "j", "", "", "r", "r", "y", "y",
        ]),
        (0x1E00, 0x1EFF, [
            "a", "a", "b", "b", "b", "b", "b", "b", "c", "c", "d", "d", "d", "d", "d", "d",
            "d", "d", "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "f", "f",
            "g", "g", "h", "h", "h", "h", "h", "h", "h", "h", "h", "h", "i", "i", "i", "i",
            "k", "k", "k", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l", "l", "m", "m",
            "m", "m", "m", "m", "n", "n", "n", "n", "n", "n", "n", "n", "o", "o", "o", "o",
            "o", "o", "o", "o", "p", "p", "p", "p", "r", "r", "r", "r", "r", "r", "r", "r",
            "s", "s", "s", "s", "s", "s", "s", "s", "s", "s", "t", "t", "t", "t", "t", "t",
            "t", "t", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "v", "v", "v", "v",
            "w", "w", "w", "w", "w", "w", "w", "w", "w", "w", "x", "x", "x", "x", "y", "y",
            "z", "z", "z", "z", "z", "z", "h", "t", "w", "y", "a", "s", "s", "s", "ss", "",
            "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a",
            "a", "a", "a", "a", "a", "a", "a", "a", "e", "e", "e", "e", "e", "e", "e", "e",
            "e", "e", "e", "e", "e", "e", "e", "e", "i", "i", "i", "i", "o", "o", "o", "o",
            "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o",
            "o", "o", "o", "o", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u", "u",
            "u", "u", "y", "y", "y", "y", "y", "y", "y", "y", "ll", "ll", "v", "v", "y", "y",
        ]),
        (0x2000, 0x206F, [
            "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
            "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
            "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
            "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
            "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
            "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
            "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "",
        ]),
    ]

    /// The key of one character of the blocks, or nil for any other character.
    @inline(__always)
    static func key(_ scalar: UInt32) -> String? {
        for block in blocks where scalar >= block.first && scalar <= block.last {
            return block.keys[Int(scalar - block.first)]
        }
        return nil
    }
}
