/// A question or request reported with "asked": `When asked whether X, S said ...`, `Asked about
/// X, ...`, `asked by a reporter if X`, `S asked the county to X`. What was asked is the report;
/// its source is the asker, named after "by" or as the subject of a finite "asked", and unnamed
/// otherwise. A finite "S asked O to X" is usually read by reported-speech first (with O in its
/// clause); this rule takes it when that finds no clause.
///
///     When asked by a reporter whether the pumps were safe, Carvalho said yes.
///     -> indirect "whether the pumps were safe", a reporter
public struct AskedQuestionRule: AttributionRule {
    public let id = "asked-question"
    public let examples = [
        RuleExample("When asked by a reporter whether the pumps were safe, Ines Carvalho said yes.",
                    quote: "whether the pumps were safe", type: .indirect, speaker: "a reporter"),
        RuleExample("Asked about the levy, Ines Carvalho said the vote would be close.",
                    quote: "about the levy", type: .indirect, speaker: nil),
    ]

    /// Words that open what was asked.
    static let openers: WordSet = ["whether", "if", "how", "which", "why", "what", "who", "when", "where", "about"]
    /// Punctuation that ends what was asked, besides a dash.
    static let stops: WordSet = [",", ";", ":"]
    /// Words before a passive "asked": "when asked", "was asked".
    static let passiveMarkers: WordSet = ["when", "if", "after", "before", "once", "while", "was", "were", "is", "are",
                                             "being", "been", "be", "later", "repeatedly", "again", "also"]

    public init() {}

    /// Units with "asked", where the rule starts.
    public var trigger: UnitFeatures? { .asked }

    public func apply(_ unit: Unit, _ context: RuleContext) -> [Attribution] {
        let tokens = unit.tokens
        let analyzer = context.analyzer
        let last = unit.lastContentToken
        var results: [Attribution] = []
        // "asked" is a cue verb form: the trait bit spares a string comparison for every other word.
        for index in tokens.indices where index + 2 <= last && tokens[index].isCueVerbForm && tokens[index].hasText("asked")
            && !context.usedCues.contains(tokens[index].range.lowerBound) {
            let passive = index == 0 || tokens[index - 1].isPunct(",") || Self.passiveMarkers.contains(tokens[index - 1].lower)
            // What was asked opens within a few words: an agent, an audience, an adverbial may come first.
            guard let opener = ((index + 1)...min(last, index + 10)).first(where: { candidate in
                      !tokens[candidate].isWord || Self.openers.contains(tokens[candidate].lower)
                          || (!passive && tokens[candidate].hasText("to"))
                  }),
                  tokens[opener].isWord, opener < last else { continue }
            var speaker: SpeakerPhrase?
            if passive {
                // "asked by a reporter (on Thursday) whether": the agent is the asker, without the
                // preposition-and-word pairs after it.
                var by = index + 1
                while by < opener, analyzer.isAdverb(tokens[by]) { by += 1 }  // "asked directly by"
                if tokens[by].hasText("by"), by + 1 < opener {
                    var end = opener - 1
                    while end > by + 1, PhraseAnalyzer.openingPrepositions.contains(tokens[end - 1].lower) {
                        end -= 2
                    }
                    speaker = analyzer.parse(tokens, (by + 1)...end)
                }
            } else {
                guard let subject = analyzer.subject(tokens, verb: index, lower: 0) else { continue }
                speaker = subject
            }
            // What was asked runs to the next comma, semicolon or dash.
            var end = opener + 1
            while end < last, !tokens[end + 1].isPunctuation
                    || !(Self.stops.contains(tokens[end + 1].lower) || Tokens.isDash(tokens[end + 1])) { end += 1 }
            guard ReportedSpeechRule.contentWeight(tokens, opener...end) >= 2,
                  let found = clause(tokens, opener...end, speaker, cue: tokens[index], lemma: "ask",
                                     confidence: speaker == nil ? 0.5 : confidence(0.6, speaker), unit: unit)
            else { continue }
            results.append(found)
        }
        return results
    }
}
