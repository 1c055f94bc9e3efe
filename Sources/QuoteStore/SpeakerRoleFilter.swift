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
        let lexicon = Lexicon.bundled
        // Relative clauses describe, they do not name a function.
        if let first = role.split(separator: " ").first?.lowercased(), ["who", "whose", "which", "that"].contains(first) {
            return false
        }
        return role.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" }).contains { word in
            let text = String(word)
            return lexicon.titles[text] != nil || lexicon.titles[text.capitalized] != nil
                || lexicon.roleNouns[text.lowercased()] == .person
        }
    }
}
