import CQuoteICU
import CQuoteScan

/// ICU's sentence boundaries for text of common characters, found without ICU.
///
/// ICU's sentence break iterator runs a state machine over every character (some 60
/// instructions a UTF-16 unit, a tenth of the whole extraction). Its rules are those of
/// UAX #29; with no Extend, Format or Sep character in the text they come down to: break after
/// CR, LF or CR LF; after a sentence terminator with the closing marks and spaces that follow
/// it (ATerm/STerm Close* Sp*, and a line break right after them), unless
/// - SB6: a full stop is followed directly by a digit ("3.5"),
/// - SB7: a full stop between two letters is followed by a capital ("U.S.A"),
/// - SB8: after a full stop (with its marks and spaces) the next letter is lowercase, with no
///   terminator or line break before it ("e.g. the", "No. 5 in"),
/// - SB8a: the next character is a comma-like SContinue or another terminator.
/// Characters are classed by ICU's own Sentence_Break property, read once for U+0000-U+024F and
/// U+2000-U+206F (Latin letters, punctuation, typographic quotes and dashes). Text with any
/// other character, or with an Extend, Format or Sep one, gets nil: the caller asks ICU.
/// `SentenceBreakRulesTests` compares the two on random strings of the tricky characters.
enum SentenceBreakRules {
    /// ICU's `USentenceBreak` values.
    enum ICUClass: Int32 {
        case other = 0, aTerm = 1, close = 2, format = 3, lower = 4, numeric = 5, oLetter = 6, sep = 7
        case sp = 8, sTerm = 9, upper = 10, cr = 11, extend = 12, lf = 13, sContinue = 14
    }

    /// The classes as the scan uses them: the ones it stops at come last, so that one compare
    /// skips the rest.
    enum Class: UInt8 {
        case other, close, lower, numeric, oLetter, sp, upper, sContinue
        case aTerm, sTerm, cr, lf
        /// Characters left to ICU: outside the table, or Extend, Format or Sep.
        case unsupported

        /// The first class the scan stops at.
        static let firstStop = Class.aTerm.rawValue

        init(_ icu: ICUClass) {
            switch icu {
            case .other: self = .other
            case .aTerm: self = .aTerm
            case .close: self = .close
            case .lower: self = .lower
            case .numeric: self = .numeric
            case .oLetter: self = .oLetter
            case .sp: self = .sp
            case .sTerm: self = .sTerm
            case .upper: self = .upper
            case .cr: self = .cr
            case .lf: self = .lf
            case .sContinue: self = .sContinue
            case .format, .extend, .sep: self = .unsupported
            }
        }
    }

    /// How many code units the table covers: U+0000 to U+206F.
    static let tableSize = 0x2070

    /// Classes of U+0000 to U+206F, `unsupported` outside the two ranges read from ICU; made
    /// once and never freed.
    static let classes: UnsafePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: tableSize)
        table.initialize(repeating: Class.unsupported.rawValue, count: tableSize)
        for codePoint in Array(0..<0x250) + Array(0x2000..<tableSize) {
            if let icu = ICUClass(rawValue: qicu_sentence_break_class(Int32(codePoint))) {
                table[codePoint] = Class(icu).rawValue
            }
        }
        return UnsafePointer(table)
    }()

    /// The boundaries ICU's sentence iterator gives for `text` (offsets after 0, the last one
    /// `text.count`), or nil when the text has a character these rules leave to ICU.
    static func boundaries(_ text: UnsafeBufferPointer<UInt16>) -> [Int32]? {
        var result: [Int32] = []
        return boundaries(text, into: &result) ? result : nil
    }

    /// `boundaries(_:)` written into `result` (emptied first, its storage kept for the next
    /// paragraph); false when the text has a character these rules leave to ICU.
    static func boundaries(_ text: UnsafeBufferPointer<UInt16>, into result: inout [Int32]) -> Bool {
        result.removeAll(keepingCapacity: true)
        let count = text.count
        guard count > 0, let units = text.baseAddress else { return true }
        let table = classes
        @inline(__always) func kind(_ index: Int) -> UInt8 {
            let unit = Int(units[index])
            return unit < tableSize ? table[unit] : Class.unsupported.rawValue
        }
        let unsupported = Class.unsupported.rawValue, cr = Class.cr.rawValue, lf = Class.lf.rawValue
        let aTerm = Class.aTerm.rawValue, sTerm = Class.sTerm.rawValue
        var index = 0
        while index < count {
            // Printable ASCII other than . ! ? is of a class the scan passes (`SentenceBreakRulesTests`
            // checks the table): skipped eight units at a time.
            index = qscan_u16_sentence_stop(units, index, count)
            guard index < count else { break }
            let current = kind(index)
            if current < Class.firstStop {
                index += 1
                continue
            }
            if current == unsupported { return false }
            if current == cr || current == lf {
                // SB3, SB4: CR LF stay together, a break follows a line break.
                index += current == cr && index + 1 < count && kind(index + 1) == lf ? 2 : 1
                result.append(Int32(index))
                continue
            }
            if current == aTerm, index + 1 < count {
                let next = kind(index + 1)
                if next == unsupported { return false }
                // SB6 and SB7.
                if next == Class.numeric.rawValue { index += 1; continue }
                if next == Class.upper.rawValue, index > 0 {
                    let before = kind(index - 1)
                    if before == Class.upper.rawValue || before == Class.lower.rawValue { index += 1; continue }
                }
            }
            // SB9, SB10: no break inside the terminator's Close* Sp*.
            var end = index + 1
            while end < count, kind(end) == Class.close.rawValue { end += 1 }
            while end < count, kind(end) == Class.sp.rawValue { end += 1 }
            if end == count { break }
            let next = kind(end)
            if next == unsupported { return false }
            if next == cr || next == lf {
                // SB11 with its ParaSep: the break comes after the line break.
                end += next == cr && end + 1 < count && kind(end + 1) == lf ? 2 : 1
                result.append(Int32(end))
                index = end
                continue
            }
            if current == aTerm {
                // SB8: the first letter, terminator or line break ahead decides.
                var ahead = end
                var lowercaseFollows = false
                while ahead < count {
                    let kindAhead = kind(ahead)
                    if kindAhead == unsupported { return false }
                    if kindAhead == Class.lower.rawValue { lowercaseFollows = true; break }
                    if kindAhead == Class.oLetter.rawValue || kindAhead == Class.upper.rawValue || kindAhead >= Class.firstStop { break }
                    ahead += 1
                }
                if lowercaseFollows { index = end; continue }
            }
            // SB8a; then SB11.
            if next != Class.sContinue.rawValue && next != aTerm && next != sTerm {
                result.append(Int32(end))
            }
            index = end
        }
        if result.last != Int32(count) { result.append(Int32(count)) }
        return true
    }
}
