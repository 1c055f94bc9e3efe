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
        // Split and compared on UTF-8: by `Character` these were most of the filter's time.
        let words = name.utf8.split(separator: 0x20).map { Substring($0) }
        if words.contains(where: { endsInNegation($0.utf8) }) { return false }
        guard speaker.kind == .person else { return true }
        if words.count > 8 || isHeadlineFragment(words) { return false }
        // "Despite Trump", "Like Trump": a capitalised sentence starter is no first name.
        if words.count >= 2, let first = words.first, Lexicon.bundled.sentenceStarters.contains(String(first)),
           Lexicon.bundled.titles[String(first)] == nil {
            return false
        }
        if let comma = name.utf8.firstIndex(of: 0x2C) {
            let rest = name[name.index(after: comma)...].split(whereSeparator: { $0 == " " || $0 == "," })
            if !rest.allSatisfy({ suffixes.contains(String($0)) }) { return false }
        }
        return true
    }

    /// True when `word` ends in "n't" or "n\u{2019}t" (a typographic apostrophe).
    static func endsInNegation(_ word: Substring.UTF8View) -> Bool {
        word.suffix(3).elementsEqual("n't".utf8) || word.suffix(5).elementsEqual("n\u{2019}t".utf8)
    }

    /// Three or more capitalised words with a capitalised function word between the first and
    /// the last.
    static func isHeadlineFragment(_ words: [Substring]) -> Bool {
        guard words.count >= 3, words.allSatisfy({ $0.first?.isUppercase ?? false }) else { return false }
        return words.dropFirst().dropLast().contains { functionWords.contains($0) }
    }
}
