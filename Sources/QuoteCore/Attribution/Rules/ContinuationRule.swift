/// A quote-only sentence or paragraph right after an attributed quotation inherits its speaker.
///
///     "We will consider that," Crocker said. "The purpose was not to arrange meetings."
///     -> the second quotation is Crocker's; so is a quote-only paragraph right after it.
public struct ContinuationRule: AttributionRule {
    public let id = "continuation"
    public let examples = [
        RuleExample("\"We will consider it,\" Ana Ruiz said. \"The rest is up to the board.\"",
                    quote: "The rest is up to the board.", speaker: "Ana Ruiz"),
        RuleExample("\"We will consider it,\" Ana Ruiz said.\n\n\"The rest is up to the board.\"",
                    quote: "The rest is up to the board.", speaker: "Ana Ruiz"),
    ]

    public init() {}

    public func apply(_ unit: Unit, _ context: RuleContext) -> [Attribution] {
        let tokens = unit.tokens
        guard unit.isQuoteOnly,
              let quoteToken = tokens.first(where: { $0.kind == .quote }), quoteToken.part == 0,
              !context.claimed.contains(quoteToken.quote) else { return [] }
        // The latest attribution in an earlier unit of this paragraph or the previous one.
        guard let previous = context.accepted.filter({ $0.unit < unit.index && $0.speaker != nil && $0.type != .indirect })
                .max(by: { $0.unit < $1.unit }) else { return [] }
        let previousUnit = context.units[previous.unit]
        guard let previousQuote = previous.quote else { return [] }
        let previousParagraph = context.quotes[previousQuote].lastParagraph
        guard unit.paragraph - previousParagraph <= 1, unit.paragraph - previousUnit.paragraph <= 1 else { return [] }
        // No unattributed quotation in between.
        for between in (previous.unit + 1)..<unit.index where context.units[between].tokens.contains(where: { $0.kind == .quote }) {
            return []
        }
        let sameParagraph = previousUnit.paragraph == unit.paragraph
        var result = direct(quoteToken.quote, previous.speaker, cue: nil, lemma: nil,
                            confidence: previous.confidence * (sameParagraph ? 0.9 : 0.8), unit: unit,
                            via: previous.via)
        result.cue = previous.cue
        result.cueLemma = previous.cueLemma
        return [result]
    }
}
