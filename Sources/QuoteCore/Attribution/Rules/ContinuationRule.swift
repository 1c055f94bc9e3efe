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

    /// Units with a quotation token: the rule reads only those.
    public var trigger: UnitFeatures? { .quotation }

    public func apply(_ unit: Unit, _ context: RuleContext) -> [Attribution] {
        let tokens = unit.tokens
        guard unit.isQuoteOnly,
              let quoteToken = tokens.first(where: { $0.isQuote }), quoteToken.part == 0,
              !context.claimed.contains(quoteToken.quote) else { return [] }
        // The latest attribution in an earlier unit of this paragraph or the previous one.
        // An indirect attribution counts when it closes the sentence right before: "X, he says. "Q""
        // Walking back unit by unit, the first unit with such an attribution holds the latest one.
        // Reaching a unit that holds a quotation but no such attribution ends the walk with no
        // speaker (that quotation would stand in between), and so does reaching a unit two
        // paragraphs back (the latest attribution would be too far). Each quotation walks back
        // only past the units without quotations since the last one, so a document is read once
        // however many attributions it has; reading every accepted attribution for each
        // quotation was quadratic.
        var previous: Attribution? = nil
        var position = unit.index - 1
        while position >= 0 {
            let candidateUnit = context.units[position]
            guard unit.paragraph - candidateUnit.paragraph <= 1 else { return [] }
            for index in context.acceptedByUnit[position] {
                let candidate = context.accepted[index]
                guard candidate.speaker != nil,
                      candidate.type != .indirect || (position == unit.index - 1 && closesUnit(candidate, candidateUnit)) else { continue }
                // The first of equals, as `max(by:)` keeps it.
                if let best = previous, (best.cue?.lowerBound ?? 0) >= (candidate.cue?.lowerBound ?? 0) { continue }
                previous = candidate
            }
            if previous != nil { break }
            if candidateUnit.tokens.contains(where: { $0.isQuote }) { return [] }
            position -= 1
        }
        guard let previous else { return [] }
        let previousUnit = context.units[previous.unit]
        let previousParagraph = previous.quote.map { context.quotes[$0].lastParagraph } ?? previousUnit.paragraph
        guard unit.paragraph - previousParagraph <= 1 else { return [] }
        return [continuation(of: previous, in: previousUnit, quote: quoteToken.quote, unit: unit)]
    }

    /// The attribution of `quote` in `unit` to the speaker, cue and relaying reporter of `previous`.
    func continuation(of previous: Attribution, in previousUnit: Unit, quote: Int, unit: Unit) -> Attribution {
        let sameParagraph = previousUnit.paragraph == unit.paragraph
        var result = direct(quote, previous.speaker, cue: nil, lemma: nil,
                            confidence: previous.confidence * (sameParagraph ? 0.9 : 0.8), unit: unit,
                            via: previous.via)
        result.cue = previous.cue
        result.cueLemma = previous.cueLemma
        return result
    }

    /// True when the attribution's cue is among the last words of its sentence ("..., he says.").
    func closesUnit(_ attribution: Attribution, _ unit: Unit) -> Bool {
        guard let cue = attribution.cue, let cueIndex = unit.tokens.firstIndex(where: { $0.range == cue }) else { return false }
        return unit.lastContentToken - cueIndex <= 3
    }
}
