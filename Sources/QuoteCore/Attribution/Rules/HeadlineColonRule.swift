/// Headline style `Name: "Q"` or `Name: 'Q'`: a colon after a bare name is the cue.
///
///     Whitcombe: 'We Will Not Back Down'                 -> Whitcombe
public struct HeadlineColonRule: AttributionRule {
    public let id = "headline-colon"
    public let examples = [
        RuleExample("Whitcombe: 'We Will Not Back Down'\n\nSenator Dana Whitcombe spoke on Monday.",
                    quote: "We Will Not Back Down", speaker: "Dana Whitcombe"),
    ]

    public init() {}

    public func apply(_ unit: Unit, _ context: RuleContext) -> [Attribution] {
        let tokens = unit.tokens
        guard let colon = tokens.firstIndex(where: { $0.isPunct(":") }), colon >= 1, colon <= 6,
              colon + 1 < tokens.count, tokens[colon + 1].kind == .quote,
              !context.claimed.contains(tokens[colon + 1].quote),
              (0..<colon).allSatisfy({ context.analyzer.isNameWord(tokens[$0]) }),
              let speaker = context.analyzer.parse(tokens, 0...(colon - 1)),
              speaker.form == .name || speaker.form == .organization else { return [] }
        return [direct(tokens[colon + 1].quote, speaker, cue: tokens[colon], lemma: ":", confidence: 0.8, unit: unit)]
    }
}
