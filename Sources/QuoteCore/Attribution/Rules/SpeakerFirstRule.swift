/// `S V: "Q"`, `S V, "Q"`, `S V that "Q"` and `S told AUDIENCE: "Q"`: the speaker leads.
///
///     He added: "This is about actions."                 -> he (added)
///     Sanders responded, "It has."                       -> Sanders
///     The mayor told the council that "the money is gone." -> the mayor
public struct SpeakerFirstRule: AttributionRule {
    public let id = "speaker-verb-quote"
    public let examples = [
        RuleExample("Council member Rita Dahl spoke first. She added: \"We cannot wait another year.\"",
                    quote: "We cannot wait another year.", speaker: "Rita Dahl"),
        RuleExample("Jon Amari responded, \"That is simply not true.\"",
                    quote: "That is simply not true.", speaker: "Jon Amari"),
        RuleExample("The deal was signed, Jon Amari said, describing it as \"a fair compromise for both towns.\"",
                    quote: "a fair compromise for both towns.", speaker: "Jon Amari"),
        RuleExample("Mayor Ines Carvalho said in a statement on Friday:\n\n\"The vote was fair and the result stands.\"",
                    quote: "The vote was fair and the result stands.", speaker: "Ines Carvalho", rule: "lead-in"),
        RuleExample("Ines Carvalho spoke last. Stated Carvalho:\n\n\"We are done here.\"",
                    quote: "We are done here.", speaker: "Ines Carvalho", rule: "lead-in"),
        RuleExample("As Mayor Ines Carvalho put it, \"the money is simply gone.\"",
                    quote: "the money is simply gone.", speaker: "Ines Carvalho"),
        RuleExample("Mayor Ines Carvalho spoke last. Carvalho then turned to the crowd: \"We are done here.\"",
                    quote: "We are done here.", speaker: "Ines Carvalho", rule: "subject-colon"),
        RuleExample("The auditor ended with one line: \"The costs are understated.\"",
                    quote: "The costs are understated.", speaker: "The auditor", rule: "subject-colon"),
    ]

    /// Prepositions that set a scene after a cue verb ("said in a statement:").
    static let settingPrepositions: WordSet = ["in", "on", "at", "during", "to", "after", "before"]
    static let leadInID = "lead-in"
    static let colonID = "subject-colon"
    public var ids: [String] { [id, SpeakerFirstRule.leadInID, SpeakerFirstRule.colonID] }

    public init() {}

    /// Units with a quotation: the rule attributes a quotation of the unit, or, for a lead-in
    /// (`leadIn`), the unit is the quotation alone. (Without a trigger it was offered every
    /// candidate unit: ~6,600 calls on the dev set, ~3,600 of them for units without a quotation.)
    public var trigger: UnitFeatures? { .quotation }

    public func apply(_ unit: Unit, _ context: RuleContext) -> [Attribution] {
        let tokens = unit.tokens
        let analyzer = context.analyzer
        if let leadIn = leadIn(unit, context) { return [leadIn] }
        var results: [Attribution] = []
        for quoteIndex in tokens.indices where tokens[quoteIndex].isQuote && tokens[quoteIndex].part == 0 {
            let quote = tokens[quoteIndex].quote
            guard !context.claimed.contains(quote), quoteIndex > 0 else { continue }
            // After "that" the quotation must end the sentence (else it is part of a reported clause).
            let next = quoteIndex + 1
            let endsSentence = Tokens.onlyPunctuation(tokens, from: next) || tokens[next].isPunct(",")
            // A quotation followed by more of the sentence is direct only when it is a whole
            // utterance ("What a night!"); otherwise it is a fragment of reported speech.
            guard endsSentence || endsWithTerminal(context.quotes[quote], context.shadow) else { continue }
            var index = quoteIndex - 1
            var lead = ""
            if tokens[index].isPunct(":") || tokens[index].isPunct(",") || tokens[index].isPunct("—") {
                lead = tokens[index].lower
                index -= 1
            }
            if index >= 0, tokens[index].hasText("that") {
                guard endsSentence else { continue }
                lead = "that"
                index -= 1
            }
            guard index >= 0 else { continue }
            // The cue verb: right before, or before a short complement (audience, time, "in a statement").
            var verbIndex: Int? = nil
            var probe = index
            while probe >= 0, index - probe <= 10 {
                let token = tokens[probe]
                if token.isQuote || token.isPunct(";") || token.isPunct(".") { break }
                if let verb = Tokens.isFiniteCue(token, analyzer, classes: Tokens.anyCue) ?? participle(token, analyzer),
                   verb.lemma != "quote" {
                    verbIndex = probe
                    break
                }
                probe -= 1
            }
            guard let verbIndex else {
                // "Clinton's response was: "Q"" / "She then addressed the crowd again: "Q"": a colon
                // after a sentence whose subject is a name or pronoun.
                // A description counts too: "The auditor ended with one line: "Q"".
                if lead == ":", let opening = analyzer.leadingSubject(tokens, before: index + 1),
                   opening.form == .name || opening.form == .pronoun || opening.form == .organization || opening.form == .nominal,
                   !(0..<quoteIndex).contains(where: { tokens[$0].isQuote }) {
                    results.append(direct(quote, opening, cue: tokens[quoteIndex - 1], lemma: ":", confidence: confidence(0.6, opening),
                                          unit: unit, rule: SpeakerFirstRule.colonID))
                }
                continue
            }
            // Without ":" "," or "that", only a verb right before the quote, or tell + audience.
            let lemma = analyzer.verb(tokens[verbIndex])?.lemma
            let isParticiple = participle(tokens[verbIndex], analyzer) != nil
            if lead.isEmpty, verbIndex != index, !(lemma == "tell" && index - verbIndex <= 3),
               !(isParticiple && index - verbIndex <= 3) { continue }
            var lower = verbIndex - 1
            while lower >= 0, !tokens[lower].isQuote { lower -= 1 }
            var subjectVerb = verbIndex
            if isParticiple {
                // "..., Crocker said, describing it as "Q"": the subject of the finite verb before,
                // else the phrase that opens the sentence.
                if let finite = (0..<verbIndex).last(where: { Tokens.isFiniteCue(tokens[$0], analyzer, classes: Tokens.anyCue) != nil }),
                   finite > lower {
                    subjectVerb = finite
                } else {
                    guard lower < 0, let opening = analyzer.leadingSubject(tokens, before: verbIndex) else { continue }
                    results.append(direct(quote, opening, cue: tokens[verbIndex], lemma: lemma, confidence: confidence(0.8, opening), unit: unit))
                    continue
                }
            }
            let found = analyzer.subject(tokens, verb: subjectVerb, lower: lower + 1)
                ?? (lower < 0 && subjectVerb > 0 && [",", "and", "but", "then"].contains(tokens[subjectVerb - 1].lower)
                    ? analyzer.leadingSubject(tokens, before: subjectVerb) : nil)
                ?? (lower < 0 ? analyzer.fallbackSubject(tokens, verbIndex: subjectVerb) : nil)
            guard let speaker = found else { continue }
            let conf = confidence(lead.isEmpty ? 0.85 : 0.92, speaker)
            results.append(direct(quote, speaker, cue: tokens[verbIndex], lemma: lemma, confidence: conf, unit: unit))
        }
        return results
    }

    /// A quote-only sentence or paragraph after a sentence that only announces it:
    /// `He said in a statement.` / `He added:` / `Stated Stone:` then `"Q"`.
    private func leadIn(_ unit: Unit, _ context: RuleContext) -> Attribution? {
        guard unit.isQuoteOnly, let quoteToken = unit.tokens.first(where: { $0.isQuote }), quoteToken.part == 0,
              !context.claimed.contains(quoteToken.quote), unit.index > 0 else { return nil }
        let previous = context.units[unit.index - 1]
        guard unit.paragraph - previous.paragraph <= 1, let lastToken = previous.tokens.last,
              lastToken.isPunct(":") || (lastToken.isPunct(".") && previous.paragraph == unit.paragraph),
              !previous.tokens.contains(where: { $0.isQuote }) else { return nil }
        let tokens = previous.tokens
        let analyzer = context.analyzer
        let lastContent = previous.lastContentToken
        guard lastContent >= 1 else { return nil }
        // Inverted at the start: "Stated Stone:", "Added the senator:".
        if let verb = analyzer.verb(tokens[0]), verb.verbClass == .speech, tokens[0].isCapitalized, lastToken.isPunct(":"),
           let object = analyzer.object(tokens, after: 0, upper: tokens.count), object.end == lastContent {
            return direct(quoteToken.quote, object.phrase, cue: tokens[0], lemma: verb.lemma, confidence: confidence(0.85, object.phrase),
                          unit: unit, rule: SpeakerFirstRule.leadInID)
        }
        // "S V [up to five words of complement]" closing the sentence.
        guard let verbIndex = (max(0, lastContent - 5)...lastContent).last(where: {
            Tokens.isFiniteCue(tokens[$0], analyzer, classes: Tokens.speech) != nil }),
              let speaker = analyzer.subject(tokens, verb: verbIndex, lower: 0) ?? analyzer.fallbackSubject(tokens, verbIndex: verbIndex)
        else { return nil }
        let complement = tokens[(verbIndex + 1)..<tokens.count]
        guard lastToken.isPunct(":") || complement.first.map({ SpeakerFirstRule.settingPrepositions.contains($0.lower) }) ?? false
        else { return nil }
        return direct(quoteToken.quote, speaker, cue: tokens[verbIndex], lemma: analyzer.verb(tokens[verbIndex])?.lemma,
                      confidence: confidence(0.85, speaker), unit: unit, rule: SpeakerFirstRule.leadInID)
    }

    private func endsWithTerminal(_ span: QuoteSpan, _ shadow: [UInt16]) -> Bool {
        let end = span.content.upperBound
        return end > 0 && CodeUnit.isTerminal(shadow[end - 1])
    }

    /// A speech verb in "-ing" form ("describing", "adding").
    private func participle(_ token: Token, _ analyzer: PhraseAnalyzer) -> Lexicon.Verb? {
        guard Tokens.endsInING(token.lower), let verb = analyzer.verb(token), verb.verbClass != .belief else { return nil }
        return verb
    }
}
