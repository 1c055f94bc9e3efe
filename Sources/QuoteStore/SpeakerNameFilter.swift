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
    static func isTrackable(_ speaker: Speaker) -> Bool {
        let name = speaker.name
        if speaker.resolution == "unresolved", Lexicon.bundled.pronouns[name] != nil || Lexicon.bundled.pronouns[name.lowercased()] != nil {
            return false
        }
        // The words between spaces as ranges of the name's UTF-8, found on its contiguous bytes:
        // splitting the UTF-8 view into `Substring`s and comparing their suffixes generically took
        // ~8,000 instructions a name (by `Character`, more).
        let (words, negated, comma) = name.withUTF8Bytes { bytes -> ([Range<Int>], Bool, Int?) in
            let words = UTF8Words.ranges(in: bytes) { $0 == 0x20 }
            return (words, words.contains { endsInNegation(UnsafeBufferPointer(rebasing: bytes[$0])) }, bytes.firstIndex(of: 0x2C))
        }
        if negated { return false }
        guard speaker.kind == .person else { return true }
        if words.count > 8 { return false }
        if words.count >= 3 {
            let utf8 = name.utf8
            let parts = words.map { range in
                Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
            }
            if isHeadlineFragment(parts) { return false }
        }
        // "Despite Trump", "Like Trump": a capitalised sentence starter is no first name.
        if words.count >= 2 {
            let utf8 = name.utf8
            let first = String(Substring(utf8[utf8.startIndex..<utf8.index(utf8.startIndex, offsetBy: words[0].upperBound)]))
            if Lexicon.bundled.sentenceStarters.contains(first), Lexicon.bundled.titles[first] == nil { return false }
        }
        if let comma {  // the first comma's byte offset, found with the words
            let rest = name[name.index(after: name.utf8.index(name.utf8.startIndex, offsetBy: comma))...]
                .split(whereSeparator: { $0 == " " || $0 == "," })
            if !rest.allSatisfy({ suffixes.contains(String($0)) }) { return false }
        }
        return true
    }

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
