/// A relative pronoun that is the object of a cue verb: `X, which S V` reports that S V'd X.
///
///     The levy, which Carvalho supports, goes to a vote in May.   -> indirect "which", Carvalho
///
/// The reported content is the pronoun itself, as the annotation convention has it (what it
/// stands for is its antecedent): "a plan which the mayor called reckless", "Rubio, who he dubbed
/// the little senator". "that" and "what" are left out: after a noun or a verb they are far more
/// often a complementizer ("the notion that people want", "told reporters that he believes") or a
/// free relative no annotator marked ("asked what he thought") than a reported object.
public struct RelativeObjectRule: AttributionRule {
    public let id = "relative-object"
    public let examples = [
        RuleExample("The levy, which Ines Carvalho supports, goes to a vote in May.",
                    quote: "which", type: .indirect, speaker: "Ines Carvalho"),
        RuleExample("Rafael Ostrow inspected the new pumps, which he described as long overdue.",
                    quote: "which", type: .indirect, speaker: "Rafael Ostrow"),
        // Not when the verb reports a quotation: the quotation keeps its own record.
        RuleExample("Rafael Ostrow inspected the new pumps, which he called \"long overdue.\"",
                    quote: "long overdue.", speaker: "Rafael Ostrow", rule: "speaker-verb-quote"),
        RuleExample("The board hired Tom Vance, whom two engineers recommended for the job.",
                    quote: "whom", type: .indirect, speaker: "two engineers"),
    ]

    /// True for the pronouns "which", "who" and "whom" (three words compared as they are held:
    /// the rule asks it of every lowercase stop word of a unit with a cue).
    @inline(__always)
    static func isPronoun(_ token: Token) -> Bool {
        token.hasText("which") || token.hasText("who") || token.hasText("whom")
    }

    public init() {}

    /// Units with a relative pronoun and a cue verb form or a cue word: the clause after the
    /// pronoun ends at one. (Offered every unit with a cue, the rule read every token of ~5,500
    /// units of the dev set, ~700 instructions each, for the sixth of them with a pronoun.)
    public var trigger: UnitFeatures? { [.cue, .relativePronoun] }

    public func apply(_ unit: Unit, _ context: RuleContext) -> [Attribution] {
        let tokens = unit.tokens
        let analyzer = context.analyzer
        let last = unit.lastContentToken
        var results: [Attribution] = []
        for index in tokens.indices where index + 2 <= last {
            let pronoun = tokens[index]
            // The three pronouns are stop words starting with "w": most words are passed on a
            // trait and a byte.
            guard pronoun.isWord, !pronoun.isCapitalized, pronoun.has(.stopWord),
                  pronoun.firstByte == UInt8(ascii: "w"), Self.isPronoun(pronoun) else { continue }
            // After a preposition the pronoun is its object, not the verb's: "a case in which he said".
            if index >= 1, tokens[index - 1].isWord,
               tokens[index - 1].has(.rolePreposition) || tokens[index - 1].has(.stopWord) { continue }
            // The subject follows the pronoun, and a cue verb ends it within a few words.
            guard let verbIndex = ((index + 2)...min(last, index + 10)).first(where: { candidate in
                      !tokens[candidate].isWord
                          || Tokens.isFiniteCue(tokens[candidate], analyzer, classes: Tokens.reporting) != nil
                  }),
                  let verb = Tokens.isFiniteCue(tokens[verbIndex], analyzer, classes: Tokens.reporting),
                  !context.usedCues.contains(tokens[verbIndex].range.lowerBound),
                  let subject = analyzer.subject(tokens, verb: verbIndex, lower: index + 1)
            else { continue }
            // "whom he called a "con artist"": the quotation is what the verb reports (reported speech
            // makes it a mixed record); the pronoun is left to it.
            if Tokens.quotationFollows(tokens, after: verbIndex, last: last, within: 6) { continue }
            guard subject.start == tokens[index + 1].range.lowerBound else { continue }
            results.append(Attribution(rule: id, type: .indirect, quote: nil, content: pronoun.range, speaker: subject,
                                       via: nil, cue: tokens[verbIndex].range, cueLemma: verb.lemma,
                                       confidence: confidence(0.5, subject), claimed: [], unit: unit.index))
        }
        return results
    }
}
