/// `X quoted S as saying "Q"`, `"Q," X quoted S as saying`, `S was quoted as saying "Q"`.
///
/// The speaker is the person quoted, not the reporter: the reporter is recorded as `via`.
///
///     "You know diplomacy," NPR's Anne Garrels quoted Crocker as saying.   -> Crocker, via Garrels
///     More meetings are "up to Washington," Garrels quoted Crocker as saying.  -> mixed, Crocker
///     The minister was quoted as saying "we will not retreat."             -> the minister
public struct QuotedAsSayingRule: AttributionRule {
    public let id = "quoted-as-saying"
    public let examples = [
        RuleExample("Envoy Mara Quist met the delegation.\n\n\"Talks take time,\" Radio Nord's Ines Falk quoted Quist as saying.",
                    quote: "Talks take time,", speaker: "Mara Quist", via: "Ines Falk"),
        RuleExample("Envoy Mara Quist met the delegation.\n\nMore talks are \"a matter for the ministry,\" Ines Falk quoted Quist as saying.",
                    quote: "More talks are \"a matter for the ministry,\"", type: .mixed, speaker: "Mara Quist", via: "Ines Falk"),
        RuleExample("Minister Ole Brandt was quoted as saying \"the border stays open.\"",
                    quote: "the border stays open.", speaker: "Ole Brandt"),
    ]
    /// Auxiliaries that make "quoted" passive ("was quoted as saying").
    static let auxiliaries: WordSet = ["was", "were", "is", "are", "been", "be"]
    static let sayingForms: WordSet = ["saying", "telling", "writing", "stating", "remarking", "declaring", "describing", "calling"]

    public init() {}

    /// Units with a form of "quote": "quoted ... as saying" opens with one.
    public var trigger: UnitFeatures? { .quotedForm }

    public func apply(_ unit: Unit, _ context: RuleContext) -> [Attribution] {
        let tokens = unit.tokens
        let analyzer = context.analyzer
        var results: [Attribution] = []
        for index in tokens.indices where tokens[index].has(.quotedForm) {
            // Find "as saying".
            var asIndex = index + 1
            while asIndex < min(tokens.count - 1, index + 12), !tokens[asIndex].hasText("as") { asIndex += 1 }
            guard asIndex + 1 < tokens.count, tokens[asIndex].hasText("as"),
                  QuotedAsSayingRule.sayingForms.contains(tokens[asIndex + 1].lower) else { continue }
            let passive = index > 0 && QuotedAsSayingRule.auxiliaries.contains(tokens[index - 1].lower)
            var speaker: SpeakerPhrase?
            var via: SpeakerPhrase?
            var leftEdge = 0
            if passive {
                speaker = analyzer.subject(tokens, verb: index, lower: 0)
            } else {
                guard asIndex - 1 >= index + 1 else { continue }
                speaker = analyzer.parse(tokens, (index + 1)...(asIndex - 1))
                // The reporter: subject of "quoted", bounded by the last quotation or comma before it.
                var lower = index - 1
                while lower >= 0, !tokens[lower].isQuote, !tokens[lower].isPunct(",") { lower -= 1 }
                leftEdge = max(0, lower)
                via = analyzer.subject(tokens, verb: index, lower: lower + 1)
            }
            guard let speaker else { continue }
            let cue = tokens[index]
            let conf = confidence(0.95, speaker)
            // Content after "as saying".
            var after = asIndex + 2
            while after < tokens.count, tokens[after].isPunct(",") || tokens[after].isPunct(":") || tokens[after].hasText("that") {
                after += 1
            }
            if after <= unit.lastContentToken {
                if let found = clause(tokens, after...unit.lastContentToken, speaker, cue: cue, lemma: "quote",
                                      confidence: conf, unit: unit, via: via) {
                    results.append(found)
                }
                continue
            }
            // Content before the reporter: "Q," X quoted S as saying.
            let contentEnd = passive ? -1 : leftEdge
            if contentEnd >= 0, !passive,
               let found = clause(tokens, 0...contentEnd, speaker, cue: cue, lemma: "quote", confidence: conf,
                                  unit: unit, via: via) {
                results.append(found)
            }
        }
        return results
    }
}
