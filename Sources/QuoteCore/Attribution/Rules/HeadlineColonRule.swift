/// Headline style `Name: "Q"` or `Name: 'Q'`: a colon after a bare name is the cue; in the
/// headline, `Name: claim` is reported speech too (also `LABEL – Name to Audience: claim`).
///
///     Whitcombe: 'We Will Not Back Down'                 -> direct, Whitcombe
///     Ortega: Port Deal Is 'Dead in the Water'           -> mixed, Ortega
public struct HeadlineColonRule: AttributionRule {
    public let id = "headline-colon"
    public let examples = [
        RuleExample("Whitcombe: 'We Will Not Back Down'\n\nSenator Dana Whitcombe spoke on Monday.",
                    quote: "We Will Not Back Down", speaker: "Dana Whitcombe"),
        RuleExample("Ortega: Port Deal Is 'Dead in the Water'\n\nGov. Luis Ortega spoke on Monday.",
                    quote: "Port Deal Is 'Dead in the Water'", type: .mixed, speaker: "Luis Ortega"),
        // A page label before a dash, and an audience after "to", are no part of the speaker.
        RuleExample("EXCLUSIVE – Ortega to Dock Workers: Port Deal Will Hold\n\nGov. Luis Ortega spoke on Monday.",
                    quote: "Port Deal Will Hold", type: .indirect, speaker: "Luis Ortega"),
    ]

    /// Words that label a headline rather than name who speaks in it.
    static let labels: WordSet = ["breaking", "latest", "update", "updated", "watch", "video", "exclusive", "analysis",
                                      "opinion", "editorial", "live", "factbox", "explainer", "photos", "listen", "read",
                                      "correction", "developing", "just"]

    public init() {}

    /// Units with a colon, where the rule starts.
    public var trigger: UnitFeatures? { .colon }

    public func apply(_ unit: Unit, _ context: RuleContext) -> [Attribution] {
        let tokens = unit.tokens
        guard let colon = tokens.firstIndex(where: { $0.isPunct(":") }), colon >= 1, colon <= 10,
              colon + 1 < tokens.count else { return [] }
        // "EXCLUSIVE – Roger Stone: ...": a page label and a dash before the name.
        var first = 0
        if colon >= 3, HeadlineColonRule.labels.contains(tokens[0].lower), Tokens.isDash(tokens[1]) {
            first = 2
        }
        // "Clinton to Planned Parenthood: ...": the audience after "to" is not the speaker.
        var nameEnd = colon - 1
        if let to = (first..<colon).first(where: { tokens[$0].hasText("to") && !tokens[$0].isCapitalized }),
           to > first {
            nameEnd = to - 1
        }
        guard nameEnd - first <= 5,
              (first...nameEnd).allSatisfy({ context.analyzer.isNameWord(tokens[$0]) }),
              let speaker = context.analyzer.parse(tokens, first...nameEnd),
              speaker.form == .name || speaker.form == .organization,
              // "Breaking: ...", "The Latest: ...": labels of the page, not speakers.
              !HeadlineColonRule.labels.contains(tokens[nameEnd].lower) else { return [] }
        if tokens[colon + 1].isQuote, Tokens.onlyPunctuation(tokens, from: colon + 2) {
            guard !context.claimed.contains(tokens[colon + 1].quote) else { return [] }
            return [direct(tokens[colon + 1].quote, speaker, cue: tokens[colon], lemma: ":", confidence: 0.8, unit: unit)]
        }
        // A headline (first paragraph) "Name: claim": the claim is reported speech.
        guard unit.paragraph == 0, unit.lastContentToken > colon + 1,
              let found = clause(tokens, (colon + 1)...unit.lastContentToken, speaker, cue: tokens[colon], lemma: ":",
                                 confidence: 0.7, unit: unit) else { return [] }
        return [found]
    }
}
