/// Runs the rules of `RuleRegistry` over a document's units, sieve by sieve.
public struct AttributionEngine: Sendable {
    let rules: [any AttributionRule]

    public init(rules: [any AttributionRule] = RuleRegistry.rules) {
        self.rules = rules
    }

    /// All accepted attributions; each quotation is claimed by at most one.
    public func run(units: [Unit], quotes: [QuoteSpan], analyzer: PhraseAnalyzer) -> [Attribution] {
        var context = RuleContext(analyzer: analyzer, units: units, quotes: quotes)
        var contents: [Int: [Range<Int>]] = [:]  // unit -> reported clauses accepted
        // Every rule needs a quotation, a cue verb, "according" or a colon in the unit it reads;
        // most sentences of an article have none of these and are not offered to the rules.
        let candidates = units.filter { unit in
            unit.tokens.contains { token in
                token.kind == .quote || token.isCueVerbForm || token.has(.cueWord) || token.isPunct(":")
            }
        }
        for rule in rules {
            for unit in candidates {
                for attribution in rule.apply(unit, context) {
                    if attribution.claimed.contains(where: context.claimed.contains) { continue }
                    if let content = attribution.content {
                        if contents[unit.index, default: []].contains(where: { $0.overlaps(content) }) { continue }
                        contents[unit.index, default: []].append(content)
                    }
                    context.claimed.formUnion(attribution.claimed)
                    context.accepted.append(attribution)
                    if let cue = attribution.cue { context.usedCues.insert(cue.lowerBound) }
                }
            }
        }
        return context.accepted
    }
}
