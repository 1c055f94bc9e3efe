/// Character classes on single UTF-16 code units: the hot loops never build `Character`s.
enum CodeUnit {
    static let space: UInt16 = 0x20
    static let tab: UInt16 = 0x09
    static let lineFeed: UInt16 = 0x0A
    static let carriageReturn: UInt16 = 0x0D
    static let noBreakSpace: UInt16 = 0xA0
    static let lineSeparator: UInt16 = 0x2028
    static let paragraphSeparator: UInt16 = 0x2029
    static let period: UInt16 = 0x2E
    static let comma: UInt16 = 0x2C
    static let colon: UInt16 = 0x3A
    static let colonByte: UInt8 = 0x3A
    static let apostrophe: UInt16 = 0x27
    static let quotationMark: UInt16 = 0x22
    static let hyphen: UInt16 = 0x2D
    static let backtick: UInt16 = 0x60

    /// True for spaces of any width (not line breaks).
    @inline(__always)
    static func isHorizontalSpace(_ unit: UInt16) -> Bool {
        unit == space || unit == tab || unit == noBreakSpace || unit == 0x202F
            || (unit >= 0x2000 && unit <= 0x200B) || unit == 0x3000 || unit == 0xFEFF
    }

    /// True for line breaks of any convention.
    @inline(__always)
    static func isLineBreak(_ unit: UInt16) -> Bool {
        unit == lineFeed || unit == carriageReturn || unit == lineSeparator
            || unit == paragraphSeparator || unit == 0x0B || unit == 0x0C || unit == 0x85
    }

    /// True for any white space, line breaks included.
    @inline(__always)
    static func isWhitespace(_ unit: UInt16) -> Bool {
        if unit > space && unit < 0x80 { return false }  // printable ASCII, most of any text
        return isHorizontalSpace(unit) || isLineBreak(unit)
    }

    /// True for letters (ASCII fast path; otherwise Unicode's alphabetic property).
    @inline(__always)
    static func isLetter(_ unit: UInt16) -> Bool {
        if unit < 0x80 {
            return (unit >= 0x41 && unit <= 0x5A) || (unit >= 0x61 && unit <= 0x7A)
        }
        return isLetterBeyondASCII(unit)
    }

    /// `isLetter` for units of U+0080 and above: not inlined, so that the loops that inline
    /// `isLetter` stay small (inlined, this grew the tokenizer's loop until Swift boxed its
    /// captured variables: twice the instructions).
    @inline(never)
    static func isLetterBeyondASCII(_ unit: UInt16) -> Bool {
        if unit & 0xF800 == 0xD800 { return true }  // surrogates: treat as letters of a word
        // News text's commonest units past ASCII, answered without Unicode's property tables
        // (~330 instructions a look-up); CodeUnitTests compares every unit with the tables.
        if unit >= 0xC0 && unit <= 0x24F { return unit != 0xD7 && unit != 0xF7 }  // Latin letters
        if unit >= 0x2000 && unit <= 0x206F { return false }  // General Punctuation: ’ ” – — …
        guard let scalar = Unicode.Scalar(unit) else { return false }
        return scalar.properties.isAlphabetic
    }

    /// True for ASCII digits and other decimal digits.
    @inline(__always)
    static func isDigit(_ unit: UInt16) -> Bool {
        if unit < 0x80 { return unit >= 0x30 && unit <= 0x39 }
        return isDigitBeyondASCII(unit)
    }

    /// `isDigit` for units of U+0080 and above (not inlined, as `isLetterBeyondASCII`).
    @inline(never)
    static func isDigitBeyondASCII(_ unit: UInt16) -> Bool {
        // No decimal digit before the Arabic-Indic ones (U+0660), none among General Punctuation.
        if unit < 0x660 || (unit >= 0x2000 && unit <= 0x206F) { return false }
        guard let scalar = Unicode.Scalar(unit) else { return false }
        return scalar.properties.numericType == .decimal
    }

    /// True for letters and digits.
    @inline(__always)
    static func isAlphanumeric(_ unit: UInt16) -> Bool { isLetter(unit) || isDigit(unit) }

    /// True for uppercase letters.
    @inline(__always)
    static func isUppercase(_ unit: UInt16) -> Bool {
        if unit < 0x80 { return unit >= 0x41 && unit <= 0x5A }
        return isUppercaseBeyondASCII(unit)
    }

    /// `isUppercase` for units of U+0080 and above (not inlined, as `isLetterBeyondASCII`).
    @inline(never)
    static func isUppercaseBeyondASCII(_ unit: UInt16) -> Bool {
        if unit >= 0xC0 && unit <= 0xFF { return isLatin1Capital(unit) }
        if unit >= 0x2000 && unit <= 0x206F { return false }
        guard let scalar = Unicode.Scalar(unit) else { return false }
        return scalar.properties.isUppercase
    }

    /// True for lowercase letters.
    @inline(__always)
    static func isLowercase(_ unit: UInt16) -> Bool {
        if unit < 0x80 { return unit >= 0x61 && unit <= 0x7A }
        return isLowercaseBeyondASCII(unit)
    }

    /// A capital of Latin-1's letters, À-Þ but ×: each lowercases to the unit 0x20 above.
    @inline(__always)
    static func isLatin1Capital(_ unit: UInt16) -> Bool {
        unit >= 0xC0 && unit <= 0xDE && unit != 0xD7
    }

    /// `isLowercase` for units of U+0080 and above (not inlined, as `isLetterBeyondASCII`).
    @inline(never)
    static func isLowercaseBeyondASCII(_ unit: UInt16) -> Bool {
        if unit >= 0xC0 && unit <= 0xFF { return unit >= 0xDF && unit != 0xF7 }  // ß-ÿ but ÷
        if unit >= 0x2000 && unit <= 0x206F { return false }
        guard let scalar = Unicode.Scalar(unit) else { return false }
        return scalar.properties.isLowercase
    }

    /// True for dashes used as punctuation (en, em, horizontal bar, minus).
    @inline(__always)
    static func isDash(_ unit: UInt16) -> Bool {
        unit == 0x2013 || unit == 0x2014 || unit == 0x2015 || unit == 0x2212
    }

    /// The number of units of the emoji or pictograph that starts at `index` (0 when none):
    /// symbols and pictographs of U+1F000-1FAFF and the tag characters (two units each), the
    /// BMP's miscellaneous symbols, dingbats and stars (U+2600-27BF, U+2B00-2BFF), the emoji
    /// variation selector U+FE0F, the keycap mark U+20E3, and a zero-width joiner followed by
    /// one of these. Words never hold them: a name followed by "🇺🇸" or "👍" is still a name.
    @inline(__always)
    static func pictographLength(_ units: UnsafeBufferPointer<UInt16>, _ index: Int, _ end: Int) -> Int {
        let unit = units[index]
        if unit < 0x200D { return 0 }
        switch unit {
        case 0xD83C...0xD83E:  // high surrogates of U+1F000-1FBFF
            guard index + 1 < end, units[index + 1] & 0xFC00 == 0xDC00 else { return 0 }
            let scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(units[index + 1]) - 0xDC00)
            return scalar <= 0x1FAFF ? 2 : 0
        case 0xDB40:  // U+E0000-E03FF: the tags of subdivision flags
            guard index + 1 < end, units[index + 1] & 0xFC00 == 0xDC00 else { return 0 }
            let scalar = 0xE0000 + (UInt32(units[index + 1]) - 0xDC00)
            return scalar >= 0xE0020 && scalar <= 0xE007F ? 2 : 0
        case 0x2600...0x27BF, 0x2B00...0x2BFF, 0xFE0F, 0x20E3:
            return 1
        case 0x200D:
            return index + 1 < end && pictographLength(units, index + 1, end) > 0 ? 1 : 0
        default:
            return 0
        }
    }

    /// True for an apostrophe-like mark inside a word (straight or curly).
    @inline(__always)
    static func isApostrophe(_ unit: UInt16) -> Bool {
        unit == apostrophe || unit == 0x2019 || unit == 0x02BC
    }

    /// True for sentence-final punctuation.
    @inline(__always)
    static func isTerminal(_ unit: UInt16) -> Bool {
        unit == period || unit == 0x3F || unit == 0x21 || unit == 0x2026
    }

    /// `range` without white space at either end.
    @inline(__always)
    static func trimmed(_ units: [UInt16], _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, isWhitespace(units[lower]) { lower += 1 }
        while upper > lower, isWhitespace(units[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// True for opening brackets.
    @inline(__always)
    static func isOpenBracket(_ unit: UInt16) -> Bool {
        unit == 0x28 || unit == 0x5B || unit == 0x7B
    }
}
