/// A quotation no rule attributed: kept without a speaker when it reads like speech, dropped when
/// it is a short term, title or scare quote.
///
///     The banner carried "no entry for anyone after dark, by order of the council"  -> kept, no speaker
///     the so-called "reform" bill                                         -> dropped
public struct UnattributedRule: AttributionRule {
    public let id = "unattributed"
    public let examples = [
        RuleExample("The banner above the gate carried \"no entry for anyone after dark, by order of the council\" in red letters.",
                    quote: "no entry for anyone after dark, by order of the council", speaker: nil),
    ]
    static let minimumWords = 6

    public init() {}

    /// Units with a quotation token: the rule reads only those.
    public var trigger: UnitFeatures? { .quotation }

    public func apply(_ unit: Unit, _ context: RuleContext) -> [Attribution] {
        var results: [Attribution] = []
        // Once per unit, not per quotation: a window of nested quotations has hundreds of them.
        let isQuoteOnly = unit.isQuoteOnly
        let shadow = context.shadow
        for token in unit.tokens where token.isQuote && token.part == 0 && !context.claimed.contains(token.quote) {
            let words = wordCount(shadow, context.quotes[token.quote].content, upTo: UnattributedRule.minimumWords)
            let quoteOnly = isQuoteOnly && words >= 4
            guard words >= UnattributedRule.minimumWords || quoteOnly else { continue }
            results.append(direct(token.quote, nil, cue: nil, lemma: nil, confidence: 0.3, unit: unit))
        }
        return results
    }

    /// The number of words in `range`, counted up to `limit`: a long quotation (a whole nested
    /// document) is not read to its end to learn that it has six words.
    private func wordCount(_ shadow: [UInt16], _ range: Range<Int>, upTo limit: Int) -> Int {
        shadow.withUnsafeBufferPointer { units in
            var count = 0
            var inWord = false
            for index in range {
                let isWordUnit = CodeUnit.isAlphanumeric(units[index])
                if isWordUnit && !inWord {
                    count += 1
                    if count >= limit { return count }
                }
                inWord = isWordUnit
            }
            return count
        }
    }
}
