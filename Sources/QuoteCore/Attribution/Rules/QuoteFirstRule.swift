/// `"Q," S V.` and `"Q," V S.`, with the split quote `"Q1," S V, "Q2."` in the same sentence and
/// the question form `"Q?" she asked.` that ICU puts in the next sentence.
///
///     "We will consider that," Crocker told reporters.     -> Crocker (told)
///     "It is over," said Dana Whitcombe, a senator.        -> Dana Whitcombe, role "a senator"
///     "Is this possible?" she asked.                       -> she
public struct QuoteFirstRule: AttributionRule {
    public let id = "quote-speaker-verb"
    public var ids: [String] { [id, QuoteFirstRule.invertedID, QuoteFirstRule.splitID] }
    public let examples = [
        RuleExample("\"We will look at the numbers,\" Mayor Ines Carvalho told reporters.",
                    quote: "We will look at the numbers,", speaker: "Ines Carvalho"),
        RuleExample("\"The bridge is safe,\" said Tomas Berg, the city engineer.",
                    quote: "The bridge is safe,", speaker: "Tomas Berg", rule: "quote-verb-speaker"),
        RuleExample("\"Nobody asked us,\" Lena Ortiz said, \"and nobody will.\"",
                    quote: "and nobody will.", speaker: "Lena Ortiz", rule: "split-quote"),
        RuleExample("Lena Ortiz spoke last.\n\n\"Is this really the plan?\" she asked.",
                    quote: "Is this really the plan?", speaker: "Lena Ortiz"),
    ]
    static let invertedID = "quote-verb-speaker"
    static let splitID = "split-quote"

    public init() {}

    /// Units with a quotation token: the rule reads only those.
    public var trigger: UnitFeatures? { .quotation }

    public func apply(_ unit: Unit, _ context: RuleContext) -> [Attribution] {
        let tokens = unit.tokens
        guard let quoteIndex = tokens.firstIndex(where: { $0.isQuote }),
              Tokens.onlyPunctuation(tokens, before: quoteIndex),
              !context.claimed.contains(tokens[quoteIndex].quote) else { return [] }
        let quote = tokens[quoteIndex].quote
        if let found = attribution(tokens, after: quoteIndex, quote: quote, unit: unit, context: context) {
            return found
        }
        // "Q?" / "Q!" then the attribution as the next sentence of the paragraph.
        guard unit.isQuoteOnly, endsWithQuestionOrExclamation(context.quotes[quote], context.shadow),
              unit.index + 1 < context.units.count else { return [] }
        let next = context.units[unit.index + 1]
        guard next.paragraph == unit.paragraph, let first = next.tokens.first, first.isWord else { return [] }
        // The next sentence must open with the attribution: "she asked", "asked Jane Roe", "Roe asked".
        guard let found = attribution(next.tokens, after: -1, quote: quote, unit: unit, context: context, cueUnit: next),
              let speaker = found.first?.speaker else { return [] }
        let speakerStart = min(speaker.mention.lowerBound, speaker.role?.lowerBound ?? Int.max)
        guard found.first?.rule == QuoteFirstRule.invertedID
                || next.tokens.prefix(2).contains(where: { $0.range.lowerBound == speakerStart }) else { return [] }
        return found
    }

    /// A short description the phrase reader does not know ("the audience", "a man in the crowd"),
    /// taken whole when it sits alone between the quotation and the verb.
    private func shortDescription(_ tokens: [Token], _ range: Range<Int>, _ analyzer: PhraseAnalyzer) -> SpeakerPhrase? {
        guard range.count >= 2, range.count <= 6, tokens[range.lowerBound].has(.determiner),
              tokens[range].allSatisfy({ $0.isWord && ($0.isCapitalized || !$0.has(.stopWord) || $0.has(.rolePreposition)) }),
              let last = range.last, !tokens[last].has(.rolePreposition) else { return nil }
        return SpeakerPhrase(form: .nominal, mention: tokens[range.lowerBound].range.lowerBound..<tokens[last].range.upperBound,
                             role: nil, head: tokens[last].lower)
    }

    private func endsWithQuestionOrExclamation(_ span: QuoteSpan, _ shadow: [UInt16]) -> Bool {
        var end = span.content.upperBound
        // Skip nested closing marks: "...help?’”
        while end > span.content.lowerBound, [0x2019, 0x27, 0x201D, 0x22].contains(shadow[end - 1]) { end -= 1 }
        guard end > 0 else { return false }
        return shadow[end - 1] == 0x3F || shadow[end - 1] == 0x21
    }

    private func attribution(_ tokens: [Token], after quoteIndex: Int, quote: Int, unit: Unit,
                             context: RuleContext, cueUnit: Unit? = nil) -> [Attribution]? {
        let analyzer = context.analyzer
        var start = quoteIndex + 1
        while start < tokens.count, tokens[start].isPunctuation,
              [",", "'", "’", "\"", "”", ")"].contains(tokens[start].lower) { start += 1 }
        guard start < tokens.count, tokens[start].isWord else { return nil }

        var verbIndex: Int? = nil
        var speaker: SpeakerPhrase? = nil
        var rule = id
        var afterSpeaker = 0
        if let verb = Tokens.isFiniteCue(tokens[start], analyzer, classes: Tokens.anyCue), verb.lemma != "quote" {
            // Inverted: said Ryan Crocker.
            guard let object = analyzer.object(tokens, after: start, upper: tokens.count) else { return nil }
            verbIndex = start
            speaker = object.phrase
            afterSpeaker = object.end + 1
            rule = QuoteFirstRule.invertedID
        } else {
            // The first cue verb whose subject reads back to the quotation; a long appositive
            // ("Jane Roe, director of ..., said") may stand between, but only after a comma.
            var index = start
            while index < min(tokens.count, start + 40) {
                let token = tokens[index]
                if token.isQuote || token.isPunct(".") || token.isPunct(";") || token.isPunct(":") { break }
                if index > start, let verb = Tokens.isFiniteCue(token, analyzer, classes: Tokens.anyCue), verb.lemma != "quote",
                   let subject = analyzer.subject(tokens, verb: index, lower: start) ?? shortDescription(tokens, start..<index, analyzer) {
                    verbIndex = index
                    speaker = subject
                    break
                }
                if index - start >= 12, !tokens[start...index].contains(where: { $0.isPunct(",") }) { break }
                index += 1
            }
            guard let verbIndex else { return nil }
            afterSpeaker = verbIndex + 1
        }
        guard let verbIndex, let speaker else { return nil }
        let cue = tokens[verbIndex]
        let lemma = analyzer.verb(cue)?.lemma
        let conf = confidence(0.95, speaker)
        var results = [direct(quote, speaker, cue: cue, lemma: lemma, confidence: conf, unit: unit, rule: rule)]

        // A second quotation in the same sentence: "Q1," she said, "Q2." / she said, adding, "Q2."
        if cueUnit == nil {
            var index = afterSpeaker
            var steps = 0
            while index < tokens.count, steps < 10, !tokens[index].isQuote {
                index += 1
                steps += 1
            }
            if index < tokens.count, tokens[index].isQuote, index > 0,
               tokens[index - 1].isPunct(",") || tokens[index - 1].isPunct(":") || analyzer.verb(tokens[index - 1]) != nil,
               !context.claimed.contains(tokens[index].quote), tokens[index].quote != quote {
                results.append(direct(tokens[index].quote, speaker, cue: cue, lemma: lemma, confidence: conf * 0.95,
                                      unit: unit, rule: QuoteFirstRule.splitID))
            }
        }
        return results
    }
}
