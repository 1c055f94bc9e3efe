/// `S VERB ..., "Q"` with no cue verb: a quotation that closes a sentence after a comma or a colon
/// is the sentence subject's, when that subject is a name or a pronoun.
///
///     Ines Carvalho closed the meeting with one more line, "The pumps will not wait another winter."
///
/// It runs after reported speech, so a quoted fragment inside a reported clause stays mixed, and
/// only takes quotations no earlier rule attributed.
public struct SentenceSubjectRule: AttributionRule {
    public let id = "sentence-subject"
    public let examples = [
        RuleExample("Ines Carvalho closed the meeting with one more line for the contractors, \"The pumps will not wait another winter.\"",
                    quote: "The pumps will not wait another winter.", speaker: "Ines Carvalho"),
    ]

    public init() {}

    /// Units with a quotation token: the rule reads only those.
    public var trigger: UnitFeatures? { .quotation }

    public func apply(_ unit: Unit, _ context: RuleContext) -> [Attribution] {
        let tokens = unit.tokens
        // One quotation, closing the sentence, after a comma or colon.
        guard let quoteIndex = tokens.firstIndex(where: { $0.isQuote }), quoteIndex >= 3,
              tokens[quoteIndex].part == 0, !context.claimed.contains(tokens[quoteIndex].quote),
              tokens[quoteIndex - 1].isPunct(",") || tokens[quoteIndex - 1].isPunct(":"),
              Tokens.onlyPunctuation(tokens, from: quoteIndex + 1),
              let subject = context.analyzer.leadingSubject(tokens, before: quoteIndex - 1),
              subject.form == .name || subject.form == .pronoun
        else { return [] }
        return [direct(tokens[quoteIndex].quote, subject, cue: nil, lemma: nil,
                       confidence: confidence(0.5, subject), unit: unit)]
    }
}
