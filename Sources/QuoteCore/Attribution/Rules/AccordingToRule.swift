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
        // A source longer than a name or description, after a conjunction.
        RuleExample("But according to early counts of ballots mailed to the county clerk, turnout fell by a third.",
                    quote: "turnout fell by a third", type: .indirect,
                    speaker: "early counts of ballots mailed to the county clerk"),
    ]

    public init() {}

    /// Units with a cue word: "according to" opens with one.
    public var trigger: UnitFeatures? { .cueWord }

    public func apply(_ unit: Unit, _ context: RuleContext) -> [Attribution] {
        let tokens = unit.tokens
        var results: [Attribution] = []
        for index in tokens.indices where tokens[index].has(.cueWord) && tokens[index].hasText("according") && index + 1 < tokens.count
            && tokens[index + 1].hasText("to") {
            guard let object = context.analyzer.object(tokens, after: index + 1, upper: tokens.count)
                    ?? source(tokens, from: index + 2, context.analyzer) else { continue }
            let cue = Token(range: tokens[index].range.lowerBound..<tokens[index + 1].range.upperBound,
                            kind: .word, lower: "according to", isCapitalized: false, quote: -1, part: -1)
            let conf = confidence(0.9, object.phrase)
            // Leading, also after a conjunction: "But, according to the poll, 46 percent ...".
            if (0..<index).allSatisfy({ tokens[$0].isPunctuation || Tokens.leadingConjunctions.contains(tokens[$0].lower) }) {
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

    /// A source the phrase parser does not read ("early results of exit polls conducted for The
    /// Associated Press by Edison Research", "poll"): the words up to the next comma or stop.
    private func source(_ tokens: [Token], from start: Int, _ analyzer: PhraseAnalyzer) -> (phrase: SpeakerPhrase, end: Int)? {
        var end = start
        while end < tokens.count, end - start < 25, tokens[end].isWord
                || (tokens[end].isPunctuation && ![",", ".", ";", ":", "?", "!", "—", "("].contains(tokens[end].lower)) {
            end += 1
        }
        end -= 1
        guard end >= start, tokens[end].isWord, end + 1 >= tokens.count || tokens[end + 1].isPunctuation
        else { return nil }
        if let parsed = analyzer.parse(tokens, start...end) { return (parsed, end) }
        return (SpeakerPhrase(form: .nominal, mention: tokens[start].range.lowerBound..<tokens[end].range.upperBound,
                              role: nil, head: tokens[end].lower), end)
    }
}
