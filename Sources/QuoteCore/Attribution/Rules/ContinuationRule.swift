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
        // An indirect attribution counts when it closes the sentence right before: "X, he says. "Q""
        guard let previous = context.accepted.filter({ candidate in
            candidate.unit < unit.index && candidate.speaker != nil
                && (candidate.type != .indirect || (candidate.unit == unit.index - 1 && closesUnit(candidate, context.units[candidate.unit])))
        }).max(by: { ($0.unit, $0.cue?.lowerBound ?? 0) < ($1.unit, $1.cue?.lowerBound ?? 0) }) else { return [] }
        let previousUnit = context.units[previous.unit]
        let previousParagraph = previous.quote.map { context.quotes[$0].lastParagraph } ?? previousUnit.paragraph
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

    /// True when the attribution's cue is among the last words of its sentence ("..., he says.").
    private func closesUnit(_ attribution: Attribution, _ unit: Unit) -> Bool {
        guard let cue = attribution.cue, let cueIndex = unit.tokens.firstIndex(where: { $0.range == cue }) else { return false }
        return unit.lastContentToken - cueIndex <= 3
    }
}
