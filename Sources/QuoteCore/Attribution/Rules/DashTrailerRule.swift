/// Pull-quote style `"Q" — S` or `"Q" -- S, ROLE`: a dash after the quotation names the speaker.
///
///     "Nobody reads the fine print." — Carla Mendes, tenant organizer  -> Carla Mendes
public struct DashTrailerRule: AttributionRule {
    public let id = "dash-trailer"
    public let examples = [
        RuleExample("\"Nobody reads the fine print.\" — Carla Mendes, tenant organizer",
                    quote: "Nobody reads the fine print.", speaker: "Carla Mendes"),
    ]

    public init() {}

    /// Units with a quotation token: the rule reads only those.
    public var trigger: UnitFeatures? { .quotation }

    public func apply(_ unit: Unit, _ context: RuleContext) -> [Attribution] {
        let tokens = unit.tokens
        guard let quoteIndex = tokens.firstIndex(where: { $0.isQuote }),
              Tokens.onlyPunctuation(tokens, before: quoteIndex), quoteIndex + 2 < tokens.count,
              tokens[quoteIndex + 1].isPunct("—"), !context.claimed.contains(tokens[quoteIndex].quote) else { return [] }
        let dash = quoteIndex + 1
        guard let object = context.analyzer.object(tokens, after: dash, upper: tokens.count),
              object.phrase.form == .name || object.phrase.form == .organization,
              Tokens.onlyPunctuation(tokens, from: object.end + 1) else { return [] }
        return [direct(tokens[quoteIndex].quote, object.phrase, cue: tokens[dash], lemma: "—",
                       confidence: 0.85, unit: unit)]
    }
}
