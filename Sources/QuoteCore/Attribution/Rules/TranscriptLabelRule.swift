/// A transcript line: a paragraph that opens with a speaker label in capitals and a colon.
///
///     TAPPER: Do you think the plan will pass?      -> "Do you think the plan will pass", TAPPER
///     Q: How did things go for you?                 -> "How did things go for you", Q
///
/// The rest of the paragraph is what the labelled speaker said. It carries no quotation marks,
/// so the record is typed as the schema types unmarked speech (indirect, or mixed when the line
/// holds a quotation); the rule id tells transcript lines apart. Labels of the page
/// ("CORRECTION:", "UPDATE:") and places are no speakers.
public struct TranscriptLabelRule: AttributionRule {
    public let id = "transcript-label"
    public let examples = [
        RuleExample("Partial transcript:\n\nOSTROW: The pumps are older than the harbour. We cannot wait another winter.\n\nCARVALHO: Then the levy has to pass.",
                    quote: "The pumps are older than the harbour. We cannot wait another winter", type: .indirect,
                    speaker: "OSTROW"),
        RuleExample("The interview was edited for length.\n\nQ: How did the vote go for you?\n\nA: Better than we feared.",
                    quote: "How did the vote go for you", type: .indirect, speaker: "Q"),
    ]

    public init() {}

    /// Units with a colon, where the rule starts.
    public var trigger: UnitFeatures? { .colon }

    public func apply(_ unit: Unit, _ context: RuleContext) -> [Attribution] {
        let tokens = unit.tokens
        let analyzer = context.analyzer
        // The first sentence of its paragraph, opening with one to three capitalised words and a colon.
        guard unit.index == 0 || context.units[unit.index - 1].paragraph != unit.paragraph,
              let colon = tokens.prefix(4).firstIndex(where: { $0.isPunct(":") }), colon >= 1, colon + 1 <= unit.lastContentToken,
              tokens[colon + 1].range.lowerBound > tokens[colon].range.upperBound  // "10:30" is no label
        else { return [] }
        let label = tokens[0..<colon]
        let isQuestionOrAnswer = colon == 1 && (tokens[0].hasText("q") || tokens[0].hasText("a")) && tokens[0].isCapitalized
        guard isQuestionOrAnswer || label.allSatisfy({ $0.isWord && $0.isAllCaps }),
              !label.contains(where: { HeadlineColonRule.labels.contains($0.lower) }),
              !analyzer.isPlace(tokens[0].range.lowerBound..<tokens[colon - 1].range.upperBound) else { return [] }
        // The line runs to the end of the paragraph.
        var lastUnit = unit.index
        while lastUnit + 1 < context.units.count, context.units[lastUnit + 1].paragraph == unit.paragraph { lastUnit += 1 }
        let endUnit = context.units[lastUnit]
        let endToken = endUnit.lastContentToken
        guard endToken >= 0 else { return [] }
        let end = endUnit.tokens[endToken].range.upperBound
        let quotes = (unit.index...lastUnit).flatMap { index in
            context.units[index].tokens.filter { $0.isQuote && $0.range.upperBound <= end }.map(\.quote)
        }
        let mention = tokens[0].range.lowerBound..<tokens[colon - 1].range.upperBound
        let speaker = SpeakerPhrase(form: isQuestionOrAnswer ? .nominal : .name, mention: mention, role: nil,
                                    head: isQuestionOrAnswer ? tokens[0].lower : nil)
        return [Attribution(rule: id, type: quotes.isEmpty ? .indirect : .mixed, quote: quotes.first,
                            content: tokens[colon + 1].range.lowerBound..<end, speaker: speaker, via: nil,
                            cue: tokens[colon].range, cueLemma: ":", confidence: 0.6, claimed: quotes,
                            unit: unit.index)]
    }
}
