/// A word, a punctuation mark, or a whole quotation part seen as one atom.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case word
        case punctuation
        /// A quotation part with its marks; `quote` indexes the document's quote spans.
        case quote
    }

    // Offsets and indexes are stored in 32 bits: a document has tens of tokens per sentence and
    // millions per megabyte of run-on text, and the token's size is most of the memory a large
    // document takes (96 bytes with `Int`s and the verb inline, 40 with 32-bit fields, 32 with
    // the fields a quotation token does not use sharing bits with the ones it does).
    // `Extractor` does not read texts of 2^31 UTF-16 units or more.
    private var start: Int32
    private var end: Int32
    /// The lowercased text's two words (`TokenText`): a token is plain data, copied and freed
    /// without retaining or releasing its text.
    private var textLow: UInt64
    private var textHigh: UInt64
    /// Words and punctuation: the verb index in the low 16 bits (as `Int16`), the traits in the
    /// high 16. Quotations: the index of their quotation span.
    private var info: UInt32
    /// Bits 0-1: the kind. Words and punctuation: bit 2 capitalised, bit 3 all capitals, bits
    /// 8-15 the mark. Quotations: bits 2-31 the part index (a part needs at least three units,
    /// so a text of under 2^31 has fewer than 2^30 parts).
    private var flags: UInt32

    /// Lowercased text for words and punctuation; empty for quotes.
    public var lower: String {
        @inline(__always) get { TokenText.string((textLow, textHigh)) }
    }

    /// The text's two words as held (for tests).
    var textBits: TokenText.Bits { (textLow, textHigh) }

    private static let kindMask: UInt32 = 0b11
    private static let capitalizedBit: UInt32 = 1 << 2
    private static let allCapsBit: UInt32 = 1 << 3
    /// A word's `info` before `describe`: verb index -1, no traits.
    private static let plainInfo = UInt32(UInt16(bitPattern: -1))

    public var kind: Kind {
        switch flags & Self.kindMask {
        case 0: return .word
        case 1: return .punctuation
        default: return .quote
        }
    }

    /// Index of the cue verb this word form is in `WordTable.verbList`, or -1 (read it with
    /// `PhraseAnalyzer.verb(_:)`).
    var verbID: Int16 {
        get { isQuote ? -1 : Int16(truncatingIfNeeded: info) }
        set {
            guard !isQuote else { return }
            info = info & 0xFFFF_0000 | UInt32(UInt16(bitPattern: newValue))
        }
    }

    /// What the word lists say about a word token (empty for punctuation and quotations).
    public var traits: WordTraits {
        get { isQuote ? [] : WordTraits(rawValue: UInt16(truncatingIfNeeded: info >> 16)) }
        set {
            guard !isQuote else { return }
            info = info & 0xFFFF | UInt32(newValue.rawValue) << 16
        }
    }

    /// For punctuation, the byte of a one-byte `lower`, or `Token.dashMark` for "—"; else 0.
    /// `isPunct` compares it instead of the strings (the rules ask about every token they pass).
    private var mark: UInt8 { isQuote ? 0 : UInt8(truncatingIfNeeded: flags >> 8) }

    /// True when a word starts with an uppercase letter or a digit-free capital form.
    public var isCapitalized: Bool {
        get { !isQuote && flags & Self.capitalizedBit != 0 }
        set { setFlag(Self.capitalizedBit, newValue) }
    }

    /// True for words of two or more letters, all uppercase ("DALLAS", "AP").
    public var isAllCaps: Bool {
        get { !isQuote && flags & Self.allCapsBit != 0 }
        set { setFlag(Self.allCapsBit, newValue) }
    }

    @inline(__always) private mutating func setFlag(_ bit: UInt32, _ value: Bool) {
        guard !isQuote else { return }
        flags = value ? flags | bit : flags & ~bit
    }

    /// UTF-16 offsets of the token in the document.
    public var range: Range<Int> {
        get { Range(uncheckedBounds: (Int(start), Int(end))) }
        set {
            start = Int32(truncatingIfNeeded: newValue.lowerBound)
            end = Int32(truncatingIfNeeded: newValue.upperBound)
        }
    }
    /// Index of the quotation span for `.quote` tokens, otherwise -1.
    public var quote: Int { isQuote ? Int(Int32(bitPattern: info)) : -1 }
    /// Index of the part inside the quotation span for `.quote` tokens, otherwise -1.
    public var part: Int { isQuote ? Int(flags >> 2) : -1 }

    /// A token of `lower`. A text that needs an owner (a string on the heap, over 15 bytes) is
    /// kept for the life of the process, one string for each distinct text
    /// (`TokenText.bitsKeptForever(_:)`); the tokenizer makes its tokens otherwise.
    public init(range: Range<Int>, kind: Kind, lower: String, isCapitalized: Bool, quote: Int, part: Int) {
        start = Int32(truncatingIfNeeded: range.lowerBound)
        end = Int32(truncatingIfNeeded: range.upperBound)
        (textLow, textHigh) = TokenText.bitsKeptForever(lower)
        switch kind {
        case .quote:
            precondition(quote >= 0 && part >= 0 && part < 1 << 30, "quotation token \(quote), part \(part)")
            info = UInt32(truncatingIfNeeded: quote)
            flags = 2 | UInt32(part) << 2
        case .word, .punctuation:
            info = Self.plainInfo
            flags = (kind == .word ? 0 : 1) | (isCapitalized ? Self.capitalizedBit : 0)
            if kind == .punctuation {
                let utf8 = lower.utf8
                let mark = utf8.count == 1 ? utf8[utf8.startIndex] : lower == "—" ? Token.dashMark : 0
                flags |= UInt32(mark) << 8
            }
        }
    }

    /// `mark` of the dash "—" (no one-byte text has this byte).
    static let dashMark: UInt8 = 0xFF

    /// A punctuation token of `lower` whose `mark` the caller knows: the byte of a one-byte
    /// `lower`, `dashMark` for "—", else 0 (what `init` works out from `lower`, spared for the
    /// tokenizer's one call per mark).
    @inline(__always)
    static func punctuation(_ range: Range<Int>, text: TokenText.Bits, mark: UInt8) -> Token {
        Token(start: Int32(truncatingIfNeeded: range.lowerBound), end: Int32(truncatingIfNeeded: range.upperBound),
              text: text, info: plainInfo, flags: 1 | UInt32(mark) << 8)
    }

    /// A word token of `text`, all its fields given at once (the tokenizer's: through the
    /// setters, each field was set after a test of the kind).
    @inline(__always)
    static func word(_ range: Range<Int>, text: TokenText.Bits, isCapitalized: Bool, isAllCaps: Bool,
                     traits: WordTraits, verbID: Int16) -> Token {
        Token(start: Int32(truncatingIfNeeded: range.lowerBound), end: Int32(truncatingIfNeeded: range.upperBound),
              text: text, info: UInt32(traits.rawValue) << 16 | UInt32(UInt16(bitPattern: verbID)),
              flags: (isCapitalized ? capitalizedBit : 0) | (isAllCaps ? allCapsBit : 0))
    }

    /// A quotation token (the tokenizer's).
    @inline(__always)
    static func quotation(_ range: Range<Int>, quote: Int, part: Int) -> Token {
        precondition(quote >= 0 && part >= 0 && part < 1 << 30, "quotation token \(quote), part \(part)")
        return Token(start: Int32(truncatingIfNeeded: range.lowerBound), end: Int32(truncatingIfNeeded: range.upperBound),
                     text: TokenText.bits(""), info: UInt32(truncatingIfNeeded: quote), flags: 2 | UInt32(part) << 2)
    }

    @inline(__always)
    private init(start: Int32, end: Int32, text: TokenText.Bits, info: UInt32, flags: UInt32) {
        self.start = start
        self.end = end
        (textLow, textHigh) = text
        self.info = info
        self.flags = flags
    }

    /// The `mark` bits of the possessive "'s" word token (other words have none): the phrase
    /// reader asks about every word it passes, and this spares comparing their texts.
    private static let possessiveMark: UInt8 = 0x27

    /// True for the possessive "'s", a token of its own after a name ("Obama" "'s").
    @inline(__always) public var isPossessive: Bool { isWord && mark == Token.possessiveMark }

    /// A word token of the possessive "'s".
    static func possessive(at start: Int) -> Token {
        // A word (kind 0), not capitalised, with the possessive's mark.
        Token(start: Int32(truncatingIfNeeded: start), end: Int32(truncatingIfNeeded: start + 2), text: TokenText.bits("'s"),
              info: plainInfo, flags: UInt32(possessiveMark) << 8)
    }

    /// Equal when every field is, the texts compared as strings (equal texts may have different
    /// storage, or be canonically equal in different code points).
    public static func == (left: Token, right: Token) -> Bool {
        left.start == right.start && left.end == right.end && left.info == right.info && left.flags == right.flags
            && left.lower == right.lower
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(start)
        hasher.combine(end)
        hasher.combine(lower)
        hasher.combine(info)
        hasher.combine(flags)
    }

    @inline(__always) public func has(_ trait: WordTraits) -> Bool { traits.contains(trait) }

    /// True when the lowercased text is `text` (`lower == text`, for the rules' many tests of
    /// one word). `==` on strings compares their two words and, when they differ, calls the
    /// standard library's general comparison (~45 instructions), which is nearly every time: a
    /// rule asks "and"? of words that are not "and". `TokenText.equals` lets differing words
    /// answer between two small ASCII strings.
    @inline(__always) public func hasText(_ text: String) -> Bool {
        TokenText.equals((textLow, textHigh), text)
    }

    /// The first byte of the lowercased text's UTF-8, or 0 for an empty text: read from the
    /// text's first word when it is a small ASCII string (`lower.utf8.first` went through the
    /// string's general UTF-8 view, ~20 instructions).
    @inline(__always) var firstByte: UInt8 {
        if TokenText.isSmallASCII(textHigh) && UTF16String.smallLayoutHolds { return UInt8(truncatingIfNeeded: textLow) }
        return lower.utf8.first ?? 0
    }

    /// True when the word is a form of a cue verb ("said", "argues").
    @inline(__always) public var isCueVerbForm: Bool { verbID >= 0 }

    // The kind's tests read its two bits: through `kind`, each compiled to the enum's switch
    // and a compare, inlined into every rule's test of a token.
    @inline(__always) public var isWord: Bool { flags & Self.kindMask == 0 }
    @inline(__always) public var isQuote: Bool { flags & Self.kindMask >= 2 }
    @inline(__always) public var isPunctuation: Bool { flags & Self.kindMask == 1 }
    /// True for a punctuation token whose text is `text` ("," or "—").
    @inline(__always) public func isPunct(_ text: Unicode.Scalar) -> Bool {
        guard isPunctuation else { return false }
        if text.value < 0x80 && text.value != 0 { return mark == UInt8(truncatingIfNeeded: text.value) }
        if text == "—" { return mark == Token.dashMark }
        return lower.unicodeScalars.count == 1 && lower.unicodeScalars.first == text
    }
}

/// Splits a range of the shadow text into tokens, treating quotation parts as atoms.
struct Tokenizer {
    /// The two tables it reads, not the whole lexicon: a tokenizer is made for every document,
    /// and a copy of the lexicon retains (and its end releases) every one of its tables.
    let wordTable: WordTable
    let abbreviations: WordMap<Lexicon.AbbreviationKind>
    /// `TokenText.ownerlessBitHolds`, read once here rather than through its lazy
    /// initialiser's check at each word.
    private let ownerless = TokenText.ownerlessBitHolds
    /// `wordTable.isASCIIIndexUsable`, read once here (a call at each word otherwise).
    private let asciiIndexUsable: Bool

    init(lexicon: Lexicon) {
        wordTable = lexicon.wordTable
        abbreviations = lexicon.abbreviationMap
        asciiIndexUsable = lexicon.wordTable.isASCIIIndexUsable
    }

    /// The one-character strings of the ASCII code units, built once for punctuation tokens.
    static let asciiPunctuation: [String] = (0..<128).map { UTF16String.make([UInt16($0)], 0..<1) }

    /// `abbreviations` has the text of `shadow[range]`; most words before a period are no
    /// abbreviation, and the filter answers for them without building the text.
    @inline(__always)
    private func isAbbreviation(_ shadow: [UInt16], _ range: Range<Int>) -> Bool {
        wordTable.abbreviationFilter.mayContain(shadow, range)
            && abbreviations[UTF16String.make(shadow, range)] != nil
    }

    /// Where tokenizing a range stopped: the next code unit and the next atom (an index of the
    /// atoms' slice, which need not start at 0).
    struct Cursor {
        var index: Int
        var atom: Int

        init(_ range: Range<Int>, firstAtom: Int = 0) {
            index = range.lowerBound
            atom = firstAtom
        }
    }

    /// Tokens of `range`; `atoms` are the quotation-part ranges inside it, sorted. For tests and
    /// one-off use: the texts the tokens hold that need an owner are kept for the life of the
    /// process (extraction keeps them per document).
    func tokens(_ shadow: [UInt16], _ range: Range<Int>, atoms: [(range: Range<Int>, quote: Int, part: Int)]) -> [Token] {
        var tokens = TokenBuffer(capacity: range.count / 5 + 4)
        var cursor = Cursor(range)
        append(shadow, range, atoms: atoms[...], to: &tokens, from: &cursor, upTo: .max)
        // No extraction keeps these tokens' texts: those that need an owner are kept for good.
        TokenText.keepForever(tokens.takeTexts())
        return tokens.removeFirst(tokens.count)
    }

    /// Appends the tokens of `range` from `cursor` on to `tokens` until `tokens` holds `limit`
    /// tokens or the range ends; `cursor` is left where the next call goes on.
    func append(_ shadow: [UInt16], _ range: Range<Int>, atoms: ArraySlice<(range: Range<Int>, quote: Int, part: Int)>,
                to tokens: inout TokenBuffer, from cursor: inout Cursor, upTo limit: Int) {
        shadow.withUnsafeBufferPointer {
            append(shadow, $0, range, atoms: atoms, to: &tokens, index: &cursor.index, atomIndex: &cursor.atom,
                   limit: limit)
        }
    }

    /// `append(_:_:atoms:to:from:upTo:)` reading the code units through `units`, the storage of `shadow`.
    private func append(_ shadow: [UInt16], _ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>,
                        atoms: ArraySlice<(range: Range<Int>, quote: Int, part: Int)>, to tokens: inout TokenBuffer,
                        index indexOut: inout Int, atomIndex atomIndexOut: inout Int, limit: Int) {
        // The cursor in locals, written back once.
        var index = indexOut
        var atomIndex = atomIndexOut
        // What the tokens made here give their unit (`TokenBuffer.note(_:)`), kept in a local.
        var features = UnitFeatures()
        defer {
            indexOut = index
            atomIndexOut = atomIndex
            tokens.note(features)
        }
        let end = range.upperBound
        let wordTable = self.wordTable
        var count = tokens.count  // `tokens.count`, kept here in a register
        // Where the next atom starts: before it, no atom can be due (they are sorted by start).
        let atomsEnd = atoms.endIndex
        var nextAtom = atomIndex < atomsEnd ? atoms[atomIndex].range.lowerBound : Int.max
        while index < end && count < limit {
            tokens.reserveOne()  // each turn appends at most one token
            if index >= nextAtom {
                while atomIndex < atomsEnd, atoms[atomIndex].range.upperBound <= index { atomIndex += 1 }
                if atomIndex < atomsEnd, atoms[atomIndex].range.lowerBound <= index {
                    let atom = atoms[atomIndex]
                    tokens.append(Token.quotation(atom.range, quote: atom.quote, part: atom.part))
                    features.insert(.quotation)
                    count += 1
                    index = atom.range.upperBound
                    atomIndex += 1
                }
                nextAtom = atomIndex < atomsEnd ? atoms[atomIndex].range.lowerBound : Int.max
                continue
            }
            let unit = units[index]
            if CodeUnit.isWhitespace(unit) {
                index += 1
                continue
            }
            // Emoji are no words and no punctuation: "Maria Lopez 🎉 said" is a name and a verb.
            // Its first test spelled out: the function is recursive (a joiner looks at what
            // follows), so the compiler calls it, for every token, where nearly every unit is
            // below the first pictograph.
            let pictograph = unit < 0x200D ? 0 : CodeUnit.pictographLength(units, index, end)
            if pictograph > 0 {
                index += pictograph
                continue
            }
            if CodeUnit.isAlphanumeric(unit) {
                let start = index
                var segmentStart = index
                // What the word holds, gathered as its units are taken (one pass): its case,
                // hyphens and periods, and the hash of its lowercased ASCII form.
                var isASCII = true
                var hasLower = false
                var hasUpperLetter = false
                var hasPeriod = false
                var lastHyphen = -1  // the last "-" in the word, or -1
                var hash = WordTable.hashSeed
                @inline(__always) func take(_ current: UInt16) {
                    if current >= 0x80 {
                        isASCII = false
                        if CodeUnit.isLowercase(current) {
                            hasLower = true
                        } else if CodeUnit.isLetter(current) {
                            hasUpperLetter = true
                        }
                    } else {
                        var byte = UInt8(truncatingIfNeeded: current)
                        if byte >= 0x61 && byte <= 0x7A {
                            hasLower = true
                        } else if byte >= 0x41 && byte <= 0x5A {
                            hasUpperLetter = true
                            byte += 0x20
                        } else if current == CodeUnit.hyphen {
                            lastHyphen = index
                        } else if current == CodeUnit.period {
                            hasPeriod = true
                        }
                        hash = WordTable.hash(lowercasedByte: byte, into: hash)
                    }
                    index += 1
                }
                take(unit)
                while index < end {
                    // ASCII letters and digits, most units of a text, in a loop of its own
                    // whose variables nothing else captures: `take` captures the word's, and
                    // updated here they were loaded from and stored to the stack at every unit.
                    // ASCII letters and digits all lowercase by setting bit 0x20 (and no unit
                    // beyond ASCII lands among the letters so); a letter's bit 0x20 says its
                    // case: set in some letter when `anyBits` has it, clear in some when
                    // `allBits` does not.
                    var position = index
                    var runHash = hash
                    var anyBits: UInt16 = 0
                    var allBits: UInt16 = 0xFFFF
                    while position < end {
                        let current = units[position]
                        let lowered = current | 0x20
                        if lowered &- 0x61 < 26 {
                            anyBits |= current
                            allBits &= current
                        } else if current &- 0x30 >= 10 {
                            break
                        }
                        runHash = WordTable.hash(lowercasedByte: UInt8(truncatingIfNeeded: lowered), into: runHash)
                        position += 1
                    }
                    if position > index {
                        if anyBits & 0x20 != 0 { hasLower = true }
                        if allBits & 0x20 == 0 { hasUpperLetter = true }
                        hash = runHash
                        index = position
                        guard index < end else { break }
                    }
                    let current = units[index]
                    // Past the run: no ASCII letter or digit here. (`CodeUnit.isAlphanumeric`
                    // called for every unit cost the dev set ~0.8% more instructions.)
                    if current < 0x80 {
                        // A space, which ends most words, passes none of the tests below.
                        if current == CodeUnit.space { break }
                    } else if CodeUnit.isAlphanumeric(current) {
                        take(current)
                        continue
                    }
                    let following: UInt16 = index + 1 < end ? units[index + 1] : 0
                    if current == CodeUnit.period && CodeUnit.isLetter(following) && index - segmentStart <= 2 {
                        // U.S., a.m., Ph.D.: periods between short letter groups.
                        take(current)
                        segmentStart = index
                        continue
                    }
                    if (current == 0x2C || current == CodeUnit.period) && CodeUnit.isDigit(following)
                        && CodeUnit.isDigit(units[index - 1]) {
                        // 2,400 and 3.2: a number's separators do not end it (nor a clause).
                        take(current)
                        continue
                    }
                    if (current == CodeUnit.hyphen || current == 0x2010) && CodeUnit.isAlphanumeric(following) {
                        take(current)
                        continue
                    }
                    if CodeUnit.isApostrophe(current) && CodeUnit.isLetter(following) {
                        // Possessive 's is a token of its own; O'Malley and don't stay whole.
                        let afterS: UInt16 = index + 2 < end ? units[index + 2] : 0
                        if (following == 0x73 || following == 0x53) && !CodeUnit.isLetter(afterS) { break }
                        take(current)
                        continue
                    }
                    break
                }
                // A trailing period that belongs to an abbreviation or an initial.
                if index < end, units[index] == CodeUnit.period {
                    let isInitial = index - start == 1 && CodeUnit.isUppercase(units[start])
                    if isInitial || hasPeriod || isAbbreviation(shadow, start..<(index + 1)) {
                        take(CodeUnit.period)
                    } else if lastHyphen >= 0, isAbbreviation(shadow, (lastHyphen + 1)..<(index + 1)) {
                        // "D-Mo." and "R-Calif.": the part after the hyphen decides.
                        take(CodeUnit.period)
                    }
                }
                let wordRange = start..<index
                let hasHyphen = lastHyphen >= 0
                // The word's text as a token holds it (`TokenText`); one that needs an owner is
                // kept by the buffer (and then by the unit the token goes to).
                var text: TokenText.Bits
                var entry: WordTable.Entry?
                if isASCII, asciiIndexUsable, let found = wordTable.asciiEntry(units, wordRange, hash: hash) {
                    (entry, text) = found  // the table's string of the word: nothing to build
                    if TokenText.needsOwner(text, ownerless: ownerless) { tokens.keep(TokenText.string(text)) }
                } else if isASCII && index - start <= UTF16String.smallCapacity && UTF16String.smallLayoutHolds {
                    // A small string's bits, made without a `String` (which is released after).
                    let count = index - start
                    if count <= 8 {
                        // Up to eight bytes the hash is the lowercased word's bytes, first
                        // highest (`WordTable.hash(lowercasedByte:into:)`): the small string's
                        // first word is the hash's bytes reversed.
                        text = UTF16String.smallBits(low: hash.byteSwapped &>> UInt64(8 * (8 - count)), count: count)
                    } else {
                        text = UTF16String.smallBits(units, wordRange, lowercase: true)
                    }
                    entry = asciiIndexUsable ? nil : wordTable.entries[TokenText.string(text)]
                } else {
                    let lower = isASCII ? UTF16String.lowercasedASCII(units, wordRange) : UTF16String.lowercased(shadow, wordRange)
                    entry = isASCII && asciiIndexUsable ? nil : wordTable.entries[lower]
                    text = TokenText.bits(lower)
                    if TokenText.needsOwner(text, ownerless: ownerless) { tokens.keep(consume lower) }
                }
                let isCapitalized = CodeUnit.isUppercase(units[start])
                let (traits, verbID) = wordTable.describe(
                    entry: entry, lower: TokenText.string(text), isCapitalized: isCapitalized,
                    hasUpper: isCapitalized || hasUpperLetter, hasHyphen: hasHyphen,
                    written: { wordTable.writtenTraits(units, wordRange) { UTF16String.make(shadow, wordRange) } })
                tokens.append(Token.word(wordRange, text: text, isCapitalized: isCapitalized,
                                         isAllCaps: index - start >= 2 && !hasLower, traits: traits, verbID: verbID))
                // What the word gives its unit: its entry's (words not in the table give nothing).
                if let entry { features.formUnion(entry.features) }
                count += 1
                // The space that ends most words, passed here rather than by a turn of the loop
                // (no atom starts before the next atom's start).
                if index < end, index < nextAtom, units[index] == CodeUnit.space { index += 1 }
                continue
            }
            // The possessive "'s" stands alone: "'saddle" is a mark and a word (as in the word
            // path above, a letter after the "s" makes it no possessive).
            if CodeUnit.isApostrophe(unit), index + 1 < end, units[index + 1] == 0x73 || units[index + 1] == 0x53,
               index + 2 >= end || !CodeUnit.isLetter(units[index + 2]) {
                var possessive = Token.possessive(at: index)
                (possessive.traits, possessive.verbID) = wordTable.possessive
                tokens.append(possessive)
                features.formUnion(wordTable.possessiveFeatures)
                count += 1
                index += 2
                continue
            }
            var length = 1
            if unit == CodeUnit.hyphen, index + 1 < end, units[index + 1] == CodeUnit.hyphen { length = 2 }
            let text: TokenText.Bits
            let mark: UInt8
            if length == 2 || CodeUnit.isDash(unit) {
                (text, mark) = (TokenText.bits("—"), Token.dashMark)
            } else if unit < 0x80 {
                // A one-byte small string made from its byte, as words are; the table of strings
                // (a lazy global: a `swift_once` for every mark) only where small strings are not
                // laid out as `UTF16String` expects.
                text = UTF16String.smallLayoutHolds ? UTF16String.smallBits(low: UInt64(unit), count: 1)
                    : TokenText.bits(Tokenizer.asciiPunctuation[Int(unit)])
                mark = UInt8(truncatingIfNeeded: unit)
            } else {
                // One unit of U+0080 or above: two or more bytes, and no "—" (a dash, above).
                let lower = UTF16String.make(shadow, index..<(index + 1))
                (text, mark) = (TokenText.bits(lower), 0)
                if TokenText.needsOwner(text, ownerless: ownerless) { tokens.keep(consume lower) }
            }
            tokens.append(Token.punctuation(index..<(index + length), text: text, mark: mark))
            if mark == 0x3A { features.insert(.colon) }
            count += 1
            index += length
            if index < end, index < nextAtom, units[index] == CodeUnit.space { index += 1 }  // as after a word
        }
    }
}
