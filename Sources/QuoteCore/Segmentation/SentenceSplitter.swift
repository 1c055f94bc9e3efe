import CQuoteICU

/// Splits paragraphs into sentences with ICU, then repairs ICU's splits after abbreviations.
///
/// ICU 72 breaks after "U.S.", "Sen.", "Dr.", "a.m." and initials before a capital letter, and
/// after `?"` even before a lowercase word. The merge pass joins such pieces again unless the next
/// word is a usual sentence start ("The", "He", ...).
public struct SentenceSplitter: Sendable {
    let lexicon: Lexicon

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
    }

    /// Sentence ranges (trimmed) inside one paragraph of the shadow text.
    public func sentences(in paragraph: Range<Int>, shadow: [UInt16]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var boundaries: [Int32] = []
        appendSentences(in: paragraph, shadow: shadow, to: &result, boundaries: &boundaries)
        return result
    }

    /// `sentences(in:shadow:)` appended to `result`, with `boundaries` as room for the breaks:
    /// `Extractor` keeps both from one paragraph to the next (two arrays made and freed for
    /// every paragraph otherwise).
    func appendSentences(in paragraph: Range<Int>, shadow: [UInt16], to result: inout [Range<Int>],
                         boundaries: inout [Int32]) {
        let length = paragraph.count
        guard length > 0 else { return }
        var found: Int32 = -1
        shadow.withUnsafeBufferPointer { buffer in
            let text = UnsafeBufferPointer(rebasing: buffer[paragraph])
            // The same boundaries without ICU when the paragraph's characters allow.
            if SentenceBreakRules.boundaries(text, into: &boundaries) {
                found = Int32(boundaries.count)
                return
            }
            (boundaries, found) = Self.icuBoundaries(text)
        }
        guard found > 0 else {
            result.append(paragraph)
            return
        }
        result.reserveCapacity(result.count + Int(found) + 1)
        var start = paragraph.lowerBound
        for index in 0..<Int(found) {
            let boundary = paragraph.lowerBound + Int(boundaries[index])
            if boundary < paragraph.upperBound && shouldMerge(at: boundary, from: start, shadow: shadow,
                                                                paragraphEnd: paragraph.upperBound) {
                continue
            }
            appendTrimmed(start..<boundary, shadow: shadow, to: &result)
            start = boundary
        }
        if start < paragraph.upperBound {
            appendTrimmed(start..<paragraph.upperBound, shadow: shadow, to: &result)
        }
    }

    /// How many sentence boundaries ICU finds in `text` (UBRK_SENTENCE, `en`), or -1 when ICU
    /// fails: `quotes bench` times it as the yardstick the pipeline is measured against, ICU's
    /// sentence breaking alone on the same text (`../shared/notes/icu-on-linux.md`).
    package static func icuSentenceCount(_ text: UnsafeBufferPointer<UInt16>) -> Int {
        guard !text.isEmpty else { return 0 }
        return Int(icuBoundaries(text).found)
    }

    /// ICU's sentence boundaries in `text`: offsets after 0, the last one `text.count`; `found`
    /// is their count, or -1 when ICU failed.
    static func icuBoundaries(_ text: UnsafeBufferPointer<UInt16>) -> (boundaries: [Int32], found: Int32) {
        var boundaries = [Int32](repeating: 0, count: max(16, text.count / 40))
        var status: Int32 = 0
        let base = text.baseAddress!
        var found = qicu_sentence_boundaries(base, Int32(text.count), &boundaries, Int32(boundaries.count), &status)
        if found > Int32(boundaries.count) {
            boundaries = [Int32](repeating: 0, count: Int(found))
            found = qicu_sentence_boundaries(base, Int32(text.count), &boundaries, Int32(boundaries.count), &status)
        }
        return (boundaries, found)
    }

    private func appendTrimmed(_ range: Range<Int>, shadow: [UInt16], to result: inout [Range<Int>]) {
        let trimmed = CodeUnit.trimmed(shadow, range)
        if !trimmed.isEmpty { result.append(trimmed) }
    }

    /// Decides whether ICU's break at `boundary` splits inside a sentence.
    func shouldMerge(at boundary: Int, from start: Int, shadow: [UInt16], paragraphEnd: Int) -> Bool {
        // The next word after the break.
        var next = boundary
        while next < paragraphEnd, CodeUnit.isWhitespace(shadow[next]) { next += 1 }
        guard next < paragraphEnd else { return false }
        let nextUnit = shadow[next]
        var wordEnd = next
        while wordEnd < paragraphEnd, CodeUnit.isLetter(shadow[wordEnd]) { wordEnd += 1 }
        // Asked only on the few paths that need it: most breaks are decided before.
        func nextIsStarter() -> Bool { lexicon.sentenceStarters.contains(UTF16String.make(shadow, next..<wordEnd)) }
        let nextIsLower = CodeUnit.isLowercase(nextUnit)

        // The piece before the break, without trailing space.
        var end = boundary
        while end > start, CodeUnit.isWhitespace(shadow[end - 1]) { end -= 1 }
        guard end > start else { return false }
        let last = shadow[end - 1]
        if last != CodeUnit.period {
            // `?"` or `!"` before a lowercase word: "Is it?" she asked.
            return nextIsLower
        }
        // The token that ends with this period: letters, digits and inner periods.
        var tokenStart = end - 1
        while tokenStart > start {
            let unit = shadow[tokenStart - 1]
            if CodeUnit.isLetter(unit) || unit == CodeUnit.period || unit == CodeUnit.hyphen { tokenStart -= 1 } else { break }
        }
        if nextIsLower { return true }
        let isOpeningQuote = nextUnit == 0x201C || nextUnit == CodeUnit.quotationMark || nextUnit == 0x2018
        // The token after its last hyphen, its abbreviation kind, and its one letter if it has one.
        let kind: Lexicon.AbbreviationKind?
        var only: UInt16? = nil
        // Whether the token is ASCII and where its last hyphen is, in one pass by index (slices
        // of the shadow, each searched on its own, cost ~550 instructions a break).
        var isASCII = true
        var lastHyphen = -1
        for index in tokenStart..<end {
            let unit = shadow[index]
            if unit >= 0x80 {
                isASCII = false
                break
            }
            if unit == CodeUnit.hyphen { lastHyphen = index }
        }
        if isASCII {
            // ASCII: characters are code units, and the filter spares most lookups.
            let keyStart = lastHyphen >= 0 ? lastHyphen + 1 : tokenStart
            kind = lexicon.wordTable.abbreviationFilter.mayContain(shadow, keyStart..<end)
                ? lexicon.abbreviationMap[UTF16String.make(shadow, keyStart..<end)] : nil
            var letters = 0
            for index in keyStart..<end where shadow[index] != CodeUnit.period {
                letters += 1
                only = shadow[index]
            }
            if letters != 1 { only = nil }
        } else {
            var token = UTF16String.make(shadow, tokenStart..<end)
            if let dash = token.lastIndex(of: "-") { token = String(token[token.index(after: dash)...]) }
            kind = lexicon.abbreviationMap[token]
            let letters = token.utf16.filter { $0 != CodeUnit.period }
            if letters.count == 1 { only = letters.first }
        }
        if let kind {
            switch kind {
            case .title: return !isOpeningQuote
            case .name, .general:
                // "Feb. 28", "No. 14", "U.S. Ambassador": not before "The" or a quotation.
                return !nextIsStarter() && !isOpeningQuote && (CodeUnit.isLetter(nextUnit) || CodeUnit.isDigit(nextUnit))
            }
        }
        // A single initial ("John F. Kennedy").
        if let only, CodeUnit.isUppercase(only) {
            return !nextIsStarter() && CodeUnit.isUppercase(nextUnit)
        }
        return false
    }
}
