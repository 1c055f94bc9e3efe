import QuoteCore
import QuoteSchema

/// Which speaker names the store tracks as people and organisations.
///
/// The record keeps whatever name the extractor gave; the speaker directory (identity, aliases,
/// roles) gets only names that can be somebody. Left out, conservatively:
/// - unresolved pronouns ("I", "we");
/// - headline fragments: a Title Case phrase of a person with a capitalised function word inside
///   ("Attacks On Donald Trump", "Growls In Response To Kaine");
/// - clauses: a word ending in a negation ("What I don't", "The NEA didn't");
/// - a person's name with a comma before anything but a suffix ("Hillary Clinton, triumphant in
///   several states"; "Joseph Biden, Jr." stays), or longer than eight words;
/// - a person's name that opens with a capitalised sentence starter ("Despite Trump").
enum SpeakerNameFilter {
    /// Function words that a name does not have in its middle, as a headline capitalises them.
    /// "A" is left out: it is a middle initial ("John A Smith").
    static let functionWords: Set<Substring> = [
        "On", "Of", "For", "To", "With", "And", "In", "At", "By", "From", "About", "Against", "Over", "Into",
        "Onto", "After", "Before", "Under", "Than", "The", "An", "Is", "Are", "Was", "Were", "Or", "But", "Not", "Vs",
    ]

    /// What may follow a comma in a name.
    static let suffixes: Set<String> = ["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV", "Esq.", "Ph.D.", "M.D."]

    /// True when the store should give `speaker` an identity.
    ///
    /// Read on the name's bytes in one pass (`NameShape`), with no array and no substring for the
    /// names nearly all speakers have: words of ASCII letters between single spaces. The few
    /// others (a word starting beyond ASCII, a comma) take the general steps, which answer alike.
    static func isTrackable(_ speaker: Speaker) -> Bool {
        let name = speaker.name
        if speaker.resolution == "unresolved", Lexicon.isBundledPronounAsWrittenOrLowercased(name) { return false }
        let shape = name.withUTF8Bytes { NameShape($0) }
        if shape.isNegated { return false }
        guard speaker.kind == .person else { return true }
        if shape.words > 8 { return false }
        if shape.words >= 3 && isHeadlineFragment(name, shape) { return false }
        // "Despite Trump", "Like Trump": a capitalised sentence starter is no first name.
        if shape.words >= 2 && opensWithSentenceStarter(name, firstWordEnd: shape.firstWordEnd) { return false }
        if let comma = shape.comma {  // the first comma's byte offset
            let rest = name[name.index(after: name.utf8.index(name.utf8.startIndex, offsetBy: comma))...]
                .split(whereSeparator: { $0 == " " || $0 == "," })
            if !rest.allSatisfy({ suffixes.contains(String($0)) }) { return false }
        }
        return true
    }

    /// What `isTrackable` reads of a name's bytes, in one pass: its words between spaces (empty
    /// ones left out), whether one ends in a negation, where the first word ends and the first
    /// comma is, and whether every word starts with an ASCII capital (nil when some word starts
    /// with a character that is not a lone ASCII byte, which `Character.isUppercase` decides).
    struct NameShape {
        var words = 0
        var isNegated = false
        var firstWordEnd = 0
        var comma: Int? = nil
        var allCapitalized: Bool? = true

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            comma = bytes.firstIndex(of: 0x2C)
            UTF8Words.forEach(in: bytes, separatedBy: { $0 == 0x20 }) { word in
                words += 1
                if words == 1 { firstWordEnd = word.upperBound }
                if endsInNegation(UnsafeBufferPointer(rebasing: bytes[word])) { isNegated = true }
                let first = bytes[word.lowerBound]
                if first >= 0x80 || (word.count > 1 && bytes[word.lowerBound + 1] >= 0x80) {
                    if allCapitalized == true { allCapitalized = nil }  // a character beyond ASCII: undecided
                } else if first < 0x41 || first > 0x5A {
                    allCapitalized = false
                }
                return true
            }
        }
    }

    /// `isHeadlineFragment(_:)` of the name's words: decided on the bytes when every word starts
    /// with an ASCII byte alone, or when some word starts with a byte that is no ASCII capital.
    static func isHeadlineFragment(_ name: String, _ shape: NameShape) -> Bool {
        switch shape.allCapitalized {
        case false?:
            return false
        case true?:
            // A function word in the middle: ASCII words, compared byte for byte (no word beyond
            // ASCII equals one of these ASCII words, nor does a word with a mark on a letter).
            return name.withUTF8Bytes { bytes in
                var number = 0  // of the word: the first (0) and the last (`shape.words - 1`) are no middle
                var found = false
                UTF8Words.forEach(in: bytes, separatedBy: { $0 == 0x20 }) { word in
                    defer { number += 1 }
                    guard number > 0 && number < shape.words - 1 else { return true }
                    found = functionWordBytes.contains { $0.elementsEqual(UnsafeBufferPointer(rebasing: bytes[word])) }
                    return !found
                }
                return found
            }
        case nil:
            let utf8 = name.utf8
            let parts = name.withUTF8Bytes { UTF8Words.ranges(in: $0) { $0 == 0x20 } }.map { range in
                Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
            }
            return isHeadlineFragment(parts)
        }
    }

    private static let functionWordBytes: [[UInt8]] = functionWords.map { Array($0.utf8) }

    /// True when the name's first word (its first `firstWordEnd` bytes) is a sentence starter
    /// and no title. An ASCII word the filter rules out is neither (most first names).
    static func opensWithSentenceStarter(_ name: String, firstWordEnd: Int) -> Bool {
        let filtered = name.withUTF8Bytes { bytes in
            bytes[..<firstWordEnd].allSatisfy { $0 < 0x80 } && !starterFilter.mayContain(ascii: bytes, 0..<firstWordEnd)
        }
        if filtered { return false }
        let utf8 = name.utf8
        let first = String(Substring(utf8[utf8.startIndex..<utf8.index(utf8.startIndex, offsetBy: firstWordEnd)]))
        return Lexicon.bundled.sentenceStarters.contains(first) && Lexicon.bundled.titles[first] == nil
    }

    /// Which ASCII words may be a sentence starter (in the lexicon's case).
    private static let starterFilter = ASCIIKeyFilter(Lexicon.bundled.sentenceStarters)

    /// True when `word` ends in "n't" or "n\u{2019}t" (a typographic apostrophe).
    static func endsInNegation(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = word.count
        if count >= 3, word[count - 3] == 0x6E, word[count - 2] == 0x27, word[count - 1] == 0x74 { return true }
        // "n" U+2019 "t": 6E E2 80 99 74.
        return count >= 5 && word[count - 5] == 0x6E && word[count - 4] == 0xE2 && word[count - 3] == 0x80
            && word[count - 2] == 0x99 && word[count - 1] == 0x74
    }

    /// Three or more capitalised words with a capitalised function word between the first and
    /// the last.
    static func isHeadlineFragment(_ words: [Substring]) -> Bool {
        guard words.count >= 3, words.allSatisfy({ $0.first?.isUppercase ?? false }) else { return false }
        return words.dropFirst().dropLast().contains { functionWords.contains($0) }
    }
}
