import Foundation
import QuoteSchema

/// How a predicted speaker compares with the gold speaker of a matched quotation.
public enum SpeakerVerdict: String, Codable, Hashable, Sendable {
    /// The predicted mention overlaps the gold speaker span.
    case mentionOverlap = "mention-overlap"
    /// The predicted name shares a name word with the gold speaker text.
    case sharedNameWord = "shared-name-word"
    /// Gold has no speaker and neither has the prediction.
    case bothNull = "both-null"
    /// Gold has a speaker and the prediction has none.
    case missingSpeaker = "missing-speaker"
    /// Gold has no speaker but the prediction names one.
    case spuriousSpeaker = "spurious-speaker"
    /// Gold is a pronoun and the predicted mention does not overlap it.
    case pronounWithoutOverlap = "pronoun-without-overlap"
    /// Neither the mention nor a name word agrees.
    case different

    /// Whether this verdict counts as a right speaker.
    public var isCorrect: Bool {
        switch self {
        case .mentionOverlap, .sharedNameWord, .bothNull: return true
        default: return false
        }
    }
}

/// Decides whether a predicted speaker is the gold speaker (see docs/evaluation.md).
public enum SpeakerMatcher {
    /// Gold speakers made of just one of these need the predicted mention to overlap them.
    public static let pronouns: Set<String> = [
        "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "us", "me",
    ]

    /// Capitalised words that are not names: pronouns, determiners, titles, party labels.
    public static let stopWords: Set<String> = [
        // pronouns and determiners
        "the", "a", "an", "he", "she", "they", "it", "we", "i", "you", "his", "her", "hers",
        "their", "its", "our", "my", "your", "him", "them", "us", "me", "this", "that", "these",
        "those", "some", "many", "most", "several", "other", "another", "both", "all", "one",
        "two", "three", "who", "which", "according", "and", "but", "in", "on", "of", "for",
        // titles and roles
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sen", "senator", "rep",
        "representative", "congressman", "congresswoman", "gov", "governor", "lt", "president",
        "vice", "presidential", "candidate", "nominee", "secretary", "mayor", "judge", "justice",
        "gen", "general", "col", "colonel", "capt", "captain", "sgt", "adm", "admiral", "rev",
        "reverend", "sir", "chairman", "chairwoman", "chair", "chief", "speaker", "leader",
        "minister", "prime", "former", "spokesman", "spokeswoman", "spokesperson", "attorney",
        "ambassador", "jr", "sr",
        // party labels and other descriptors shared by many different speakers
        "democratic", "democrat", "democrats", "republican", "republicans", "gop", "american",
        "us",
    ]

    /// The name words of a speaker string: words of at least two letters that start with an
    /// uppercase letter and are not in `stopWords`, lowercased, without possessive 's / ’s and
    /// with ’ written as '. Words are split at anything but letters, digits and apostrophes, so
    /// "Wasserman-Schultz" gives two words and "U.S." none.
    public static func nameWords(_ text: String) -> Set<String> {
        var words: Set<String> = []
        var current = String.UnicodeScalarView()
        func flush() {
            defer { current = String.UnicodeScalarView() }
            var scalars = Array(current)
            func isApostrophe(_ s: Unicode.Scalar) -> Bool { s == "'" || s == "\u{2019}" || s == "\u{2018}" }
            while let first = scalars.first, isApostrophe(first) { scalars.removeFirst() }
            while let last = scalars.last, isApostrophe(last) { scalars.removeLast() }
            if scalars.count >= 2, isApostrophe(scalars[scalars.count - 2]),
               scalars[scalars.count - 1] == "s" || scalars[scalars.count - 1] == "S" {
                scalars.removeLast(2)
                while let last = scalars.last, isApostrophe(last) { scalars.removeLast() }
            }
            guard let first = scalars.first, first.properties.isUppercase else { return }
            let letters = scalars.filter { $0.properties.isAlphabetic }.count
            guard letters >= 2 else { return }
            var view = String.UnicodeScalarView()
            for s in scalars { view.append(isApostrophe(s) ? "'" : s) }
            let word = String(view).lowercased()
            guard !stopWords.contains(word) else { return }
            words.insert(word)
        }
        for scalar in text.unicodeScalars {
            let props = scalar.properties
            if props.isAlphabetic || props.numericType != nil || scalar == "'" || scalar == "\u{2019}"
                || scalar == "\u{2018}" || props.generalCategory == .nonspacingMark {
                current.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// Whether the gold speaker text is a bare pronoun ("he", "They").
    public static func isPronoun(_ text: String) -> Bool {
        let cleaned = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        return pronouns.contains(cleaned)
    }

    /// Compares a predicted speaker with the gold speaker of the same quotation.
    public static func verdict(gold: GoldSpan?, predicted: Speaker?) -> SpeakerVerdict {
        guard let gold else { return predicted == nil ? .bothNull : .spuriousSpeaker }
        guard let predicted else { return .missingSpeaker }
        if let mention = predicted.mention {
            let g = Interval(start: gold.start, end: gold.end)
            let m = Interval(start: mention.start, end: mention.end)
            if g.intersection(m) > 0 { return .mentionOverlap }
        }
        if isPronoun(gold.text) { return .pronounWithoutOverlap }
        if !nameWords(gold.text).isDisjoint(with: nameWords(predicted.name)) { return .sharedNameWord }
        return .different
    }
}
