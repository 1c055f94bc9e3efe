import QuoteCore

/// Which of a record's roles the speaker directory keeps as the speaker's roles.
///
/// The extractor's `role` is the text before a name or an appositive after it, so besides
/// "Sen.", "former ambassador" or "Republican presidential nominee" it holds words the phrase
/// reader took in ("a defiant", "attack", "the", "who has told aides ..."). The record keeps
/// what the extractor gave; `quotes speakers` lists only roles with a title or a person's role
/// noun of the lexicon among their words ("GOP front-runner", "billionaire businessman", "Mr.").
enum SpeakerRoleFilter {
    /// True when `role` names a function or a title.
    static func isRole(_ role: String) -> Bool {
        // Each table is read from the bundled lexicon in place: a copy of the `Lexicon` retained
        // and released every one of its tables (~1,900 instructions a call).
        // Relative clauses describe, they do not name a function.
        let utf8 = role.utf8
        if let start = utf8.firstIndex(where: { $0 != 0x20 }) {
            let first = utf8[start..<(utf8[start...].firstIndex(of: 0x20) ?? utf8.endIndex)]
            let isRelative = first.allSatisfy { $0 < 0x80 }
                ? relativeWords.contains { first.elementsEqual($0.utf8) { $0 | 0x20 == $1 } }
                : relativeWords.contains(Substring(first).lowercased())
            if isRelative { return false }
        }
        // The words between spaces, commas and parentheses, found on the contiguous bytes (the
        // UTF-8 view's generic split took ~2,500 instructions a role).
        var role = role
        let words = role.withUTF8 { bytes in
            UTF8Words.ranges(in: bytes) { $0 == 0x20 || $0 == 0x2C || $0 == 0x28 || $0 == 0x29 }.map { range in
                let word = UnsafeBufferPointer(rebasing: bytes[range])
                return (text: String(decoding: word, as: UTF8.self), isASCII: word.allSatisfy { $0 < 0x80 })
            }
        }
        return words.contains { text, isASCII in
            if Lexicon.bundled.titles[text] != nil { return true }
            let lower = text.lowercased()
            if Lexicon.bundled.roleNouns[lower] == .person { return true }
            // `capitalized` (Foundation) is slow; for ASCII text it can only give a one-word
            // title if the lowercased word is a title's lowercased word.
            if isASCII && !Lexicon.bundled.titleWords.contains(lower) { return false }
            return Lexicon.bundled.titles[text.capitalized] != nil
        }
    }

    /// A role that starts with one of these words (in any case) is a relative clause.
    private static let relativeWords = ["who", "whose", "which", "that"]
}
