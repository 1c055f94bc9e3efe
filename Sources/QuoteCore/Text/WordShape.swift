/// Questions about a word's text that the standard library answers by characters, answered on
/// its UTF-8 bytes where that gives the same answer (the rules and the word table ask them of
/// many words, nearly all ASCII).
enum WordShape {
    /// `word.hasSuffix(suffix)` for a suffix of ASCII letters, read on the UTF-8 bytes when that
    /// gives the same answer: the last bytes must be the suffix's, and then the characters agree
    /// unless the byte before them is not ASCII (a prepended mark could join the suffix's first
    /// letter into one character with it), which is left to `hasSuffix`. (`hasSuffix` compares
    /// characters: ~130-160 instructions for a word, asked of many words by the rules.)
    @inline(__always) static func hasASCIISuffix(_ word: String, _ suffix: StaticString) -> Bool {
        let length = suffix.utf8CodeUnitCount
        let letters = suffix.utf8Start
        let bytes: (matches: Bool, asciiBefore: Bool) = word.withUTF8Bytes { bytes in
            let count = bytes.count
            guard count >= length else { return (false, true) }
            for offset in 0..<length where bytes[count - length + offset] != letters[offset] { return (false, true) }
            return (true, count == length || bytes[count - length - 1] < 0x80)
        }
        guard bytes.matches else { return false }
        return bytes.asciiBefore || word.hasSuffix(suffix.description)
    }

    /// `word.count > limit`, without counting characters when the word is printable ASCII (one
    /// character a byte; `count` walks grapheme breaks: ~290 instructions for a word).
    @inline(__always) static func hasMoreCharacters(than limit: Int, _ word: String) -> Bool {
        let answer: Bool? = word.withUTF8Bytes { bytes in
            guard bytes.count > limit else { return false }  // never more characters than bytes
            for byte in bytes where byte < 0x20 || byte >= 0x80 { return nil }
            return true
        }
        return answer ?? (word.count > limit)
    }
}
