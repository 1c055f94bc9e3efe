/// `"Q," according to S.`, `According to S, CLAUSE` and `CLAUSE, according to S.`
///
///     The vote was delayed, according to two council aides.   -> indirect, two council aides
public struct AccordingToRule: AttributionRule {
    public let id = "according-to"
    public let examples = [
        RuleExample("The vote was delayed until March, according to two council aides.",
                    quote: "The vote was delayed until March", type: .indirect, speaker: "two council aides"),
        RuleExample("\"We are out of money,\" according to Treasurer Paul Ng.",
                    quote: "We are out of money,", speaker: "Paul Ng"),
    ]

    public init() {}

    public func apply(_ unit: Unit, _ context: RuleContext) -> [Attribution] {
        let tokens = unit.tokens
        var results: [Attribution] = []
        for index in tokens.indices where tokens[index].lower == "according" && index + 1 < tokens.count
            && tokens[index + 1].lower == "to" {
            guard let object = context.analyzer.object(tokens, after: index + 1, upper: tokens.count) else { continue }
            let cue = Token(range: tokens[index].range.lowerBound..<tokens[index + 1].range.upperBound,
                            kind: .word, lower: "according to", isCapitalized: false, quote: -1, part: -1)
            let conf = confidence(0.9, object.phrase)
            if Tokens.onlyPunctuation(tokens, before: index) {
                var start = object.end + 1
                while start < tokens.count, tokens[start].isPunct(",") { start += 1 }
                if start <= unit.lastContentToken,
                   let found = clause(tokens, start...unit.lastContentToken, object.phrase, cue: cue,
                                      lemma: "according to", confidence: conf, unit: unit) {
                    results.append(found)
                }
            } else if index >= 1,
                      let found = clause(tokens, 0...(index - 1), object.phrase, cue: cue, lemma: "according to",
                                         confidence: conf, unit: unit) {
                results.append(found)
            }
        }
        return results
    }
}
