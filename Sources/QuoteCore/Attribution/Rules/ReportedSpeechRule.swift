/// Reported speech: `S V (that) CLAUSE` and `CLAUSE, S V.`; `mixed` when the clause holds a quoted
/// fragment, `indirect` otherwise.
///
///     Crocker said the Iranians wanted to propose a second session.   -> indirect, Crocker
///     Morris says the campaign will "compete vigorously."             -> mixed, Morris
///     The Iranians laid out their policy, Crocker said.               -> indirect, Crocker
public struct ReportedSpeechRule: AttributionRule {
    public let id = "reported-speech"
    public let examples = [
        RuleExample("Mayor Ines Carvalho said the city would repave the road next spring.",
                    quote: "the city would repave the road next spring", type: .indirect, speaker: "Ines Carvalho"),
        RuleExample("Ines Carvalho says the budget is \"dead on arrival.\"",
                    quote: "the budget is \"dead on arrival.\"", type: .mixed, speaker: "Ines Carvalho"),
        RuleExample("The plant will close in June, Ines Carvalho said.",
                    quote: "The plant will close in June", type: .indirect, speaker: "Ines Carvalho"),
    ]
    static let tellLike: Set<String> = ["tell", "inform", "assure", "remind", "warn", "notify", "advise", "brief", "urge"]
    static let adverbialStarts: Set<String> = ["on", "in", "at", "during", "last", "this", "monday", "tuesday", "wednesday",
                                               "thursday", "friday", "saturday", "sunday", "yesterday", "today",
                                               "earlier", "later", "recently", "privately", "publicly", "repeatedly",
                                               "again", "previously", "also", "then", "now", "once", "before"]

    public init() {}

    public func apply(_ unit: Unit, _ context: RuleContext) -> [Attribution] {
        let tokens = unit.tokens
        let analyzer = context.analyzer
        let last = unit.lastContentToken
        guard last >= 2 else { return [] }
        var results: [Attribution] = []
        var covered = -1  // tokens up to here belong to an attribution already found
        // A cue that already introduced a quotation ("\"It is!\" Hale shouted over the crowd")
        // introduces nothing else.
        let usedCues = context.usedCues
        // Trailing attributions first ("CLAUSE, S said"): verbs inside CLAUSE are not cues.
        for verbIndex in tokens.indices {
            guard !usedCues.contains(tokens[verbIndex].range.lowerBound),
                  let verb = Tokens.isFiniteCue(tokens[verbIndex], analyzer, classes: Tokens.anyCue), verb.lemma != "quote",
                  let trailing = trailing(tokens, verbIndex: verbIndex, last: last, verb: verb, unit: unit, context: context)
            else { continue }
            results.append(trailing)
            covered = verbIndex
            break
        }
        for verbIndex in tokens.indices where verbIndex > covered && !usedCues.contains(tokens[verbIndex].range.lowerBound) {
            // ", saying (that) CLAUSE": the participle reports for the sentence's speaker.
            if let participle = participleClause(tokens, at: verbIndex, last: last, unit: unit, analyzer: analyzer,
                                                 found: results) {
                results.append(participle)
                covered = last
                continue
            }
            guard let verb = Tokens.isFiniteCue(tokens[verbIndex], analyzer, classes: Tokens.anyCue),
                  verb.lemma != "quote" else { continue }
            if verbIndex > 0, ["to", "the", "a", "be", "been"].contains(tokens[verbIndex - 1].lower) { continue }
            let cue = tokens[verbIndex]

            // Leading: S V (that) CLAUSE.
            var subject = analyzer.subject(tokens, verb: verbIndex, lower: 0)
            if let found = subject, !startsClause(tokens, speaker: found) { subject = nil }
            guard let speaker = subject ?? analyzer.fallbackSubject(tokens, verbIndex: verbIndex) else { continue }
            var start = verbIndex + 1
            if let that = (start..<min(last + 1, start + 9)).first(where: { tokens[$0].lower == "that" }),
               !(start..<that).contains(where: { tokens[$0].kind == .quote || tokens[$0].isPunct(".") }) {
                start = that + 1
            } else if ReportedSpeechRule.tellLike.contains(verb.lemma) {
                // Skip the audience: "told reporters", "told the Ledger".
                while start <= last, tokens[start].kind == .word,
                      analyzer.isNameWord(tokens[start]) || tokens[start].has(.determiner)
                        || analyzer.isRoleNoun(tokens[start]) || ["reporters", "him", "her", "them", "us", "me", "journalists", "supporters"].contains(tokens[start].lower) {
                    let isHead = !tokens[start].has(.determiner)
                    start += 1
                    // The audience ends at its head: "told reporters the plan ..." keeps "the plan".
                    if isHead, start <= last, !analyzer.isNameWord(tokens[start]) || !tokens[start - 1].isCapitalized { break }
                }
            }
            while start <= last, tokens[start].isPunct(",") || tokens[start].isPunct(":") { start += 1 }
            guard start <= last, tokens[start].kind != .quote || start < last else { continue }
            // An adverbial right after the verb without "that" ("said on Monday the plan...") is kept.
            // The clause runs to the end of the sentence, or to a participle that starts another.
            var end = clauseEnd(tokens, from: start, last: last, analyzer)
            if let next = ((start + 1)...max(start + 1, end)).first(where: { index in
                index <= end && index > start && tokens[index - 1].isPunct(",") && isParticipleCue(tokens[index], analyzer)
            }) {
                end = next - 2
            }
            guard end >= start else { continue }
            if let found = clause(tokens, start...end, speaker, cue: cue, lemma: verb.lemma,
                                  confidence: confidence(verb.verbClass == .speech ? 0.8 : 0.6, speaker), unit: unit),
               (start...end).filter({ tokens[$0].kind != .punctuation }).count >= 3 {
                results.append(found)
                covered = end
            }
        }
        return results
    }

    private func isParticipleCue(_ token: Token, _ analyzer: PhraseAnalyzer) -> Bool {
        guard token.kind == .word, token.lower.hasSuffix("ing"), let verb = analyzer.verb(token) else { return false }
        return verb.verbClass != .belief || token.lower == "saying"
    }

    /// `..., saying (that) CLAUSE` / `..., adding CLAUSE`: the speaker is the subject of the
    /// sentence's finite cue verb (already found), or the phrase that opens the sentence.
    private func participleClause(_ tokens: [Token], at index: Int, last: Int, unit: Unit, analyzer: PhraseAnalyzer,
                                  found: [Attribution]) -> Attribution? {
        guard index >= 2, index < last, tokens[index - 1].isPunct(","), isParticipleCue(tokens[index], analyzer),
              let verb = analyzer.verb(tokens[index]) else { return nil }
        guard let speaker = found.last?.speaker ?? analyzer.leadingSubject(tokens, before: index - 1) else { return nil }
        var start = index + 1
        while start <= last, ["that", "only", ",", ":"].contains(tokens[start].lower) { start += 1 }
        guard start <= last, (start...last).filter({ tokens[$0].kind != .punctuation }).count >= 3 else { return nil }
        return clause(tokens, start...last, speaker, cue: tokens[index], lemma: verb.lemma,
                      confidence: confidence(0.7, speaker), unit: unit)
    }

    /// Words that open a subordinate or introductory phrase: "If X, Rubio said, Y" reports Y.
    static let subordinators: Set<String> = ["if", "when", "although", "though", "as", "while", "because", "since", "unless",
                                              "before", "after", "even", "in", "for", "at", "on", "once", "until", "whether",
                                              "despite", "given", "with", "without", "by", "during", "under", "to", "from",
                                              "instead", "rather", "but", "and", "still", "yet", "so", "now", "then", "asked"]

    /// The subject must start the sentence, or follow an introductory phrase closed by a comma.
    private func startsClause(_ tokens: [Token], speaker: SpeakerPhrase) -> Bool {
        let start = speaker.role.map { min($0.lowerBound, speaker.mention.lowerBound) } ?? speaker.mention.lowerBound
        guard let first = tokens.firstIndex(where: { $0.range.lowerBound >= start }) else { return false }
        var index = first - 1
        while index >= 0, tokens[index].kind == .word, tokens[index].has(.determiner)
                || ["but", "and", "so", "yet", "still", "meanwhile", "however", "instead"].contains(tokens[index].lower) {
            index -= 1
        }
        // Also inside a subordinate or relative clause: "after Scalia said that ...",
        // "Republicans who say the law ...".
        return index < 0 || tokens[index].isPunct(",") || tokens[index].isPunct("—") || tokens[index].isPunct(":")
            || ReportedSpeechRule.clauseOpeners.contains(tokens[index].lower)
    }

    static let clauseOpeners: Set<String> = ["after", "while", "although", "though", "when", "because", "as", "since",
                                             "before", "until", "once", "whereas", "who", "whom", "if", "unless"]

    /// Where a reported clause ends: before ", and called him" or "and warned" (a second verb
    /// phrase of the speaker), else at the end of the sentence.
    private func clauseEnd(_ tokens: [Token], from start: Int, last: Int, _ analyzer: PhraseAnalyzer) -> Int {
        var index = start + 2
        while index < last {
            if tokens[index].lower == "and", index + 1 <= last,
               Tokens.isFiniteCue(tokens[index + 1], analyzer, classes: Tokens.anyCue) != nil
                || (tokens[index + 1].lower == "also" && index + 2 <= last && analyzer.verb(tokens[index + 2]) != nil) {
                return tokens[index - 1].isPunct(",") ? index - 2 : index - 1
            }
            index += 1
        }
        return last
    }

    private func trailing(_ tokens: [Token], verbIndex: Int, last: Int, verb: Lexicon.Verb, unit: Unit,
                          context: RuleContext) -> Attribution? {
        let analyzer = context.analyzer
        // After the verb: nothing, or a short adverbial.
        var tail = verbIndex + 1
        var speaker: SpeakerPhrase?
        var commaIndex: Int
        if verbIndex > 0, Tokens.isCommaLike(tokens, verbIndex - 1, context),
           let object = analyzer.object(tokens, after: verbIndex, upper: tokens.count) {
            // CLAUSE, said S.  /  PREFIX "Q," said S.
            speaker = object.phrase
            tail = object.end + 1
            commaIndex = verbIndex - 1
        } else {
            guard let subject = analyzer.subject(tokens, verb: verbIndex, lower: 0) else { return nil }
            speaker = subject
            let start = subject.role.map { min($0.lowerBound, subject.mention.lowerBound) } ?? subject.mention.lowerBound
            guard let first = tokens.firstIndex(where: { $0.range.lowerBound >= start }), first >= 2 else { return nil }
            var index = first - 1
            while index >= 0, tokens[index].has(.determiner) { index -= 1 }
            guard index >= 1, Tokens.isCommaLike(tokens, index, context) else { return nil }
            commaIndex = index
        }
        let participleFollows = tail + 1 <= last && tokens[tail].isPunct(",") && tokens[tail + 1].lower.hasSuffix("ing")
            && analyzer.verb(tokens[tail + 1]) != nil
        // "CLAUSE, S said, while ...": the clause before, unless it is subordinate ("If X, S said, Y").
        let parenthetical = tail <= last && tokens[tail].isPunct(",") && tokens.first.map {
            !ReportedSpeechRule.subordinators.contains($0.lower) } ?? false
        if tail <= last && !participleFollows && !parenthetical {
            guard ReportedSpeechRule.adverbialStarts.contains(tokens[tail].lower) || tokens[tail].isPunct(","),
                  last - tail <= 6,
                  !(tail...last).contains(where: { tokens[$0].kind == .quote }) else { return nil }
        }
        let conf = confidence(verb.verbClass == .speech ? 0.85 : 0.65, speaker)
        if tokens[commaIndex].kind == .quote {
            // The comma is inside the quotation: "PREFIX, "Q," S said." The quotation is direct when
            // what precedes it is an introductory phrase closed by a comma; else the clause is mixed.
            let quote = tokens[commaIndex].quote
            if commaIndex == 0 || tokens[commaIndex - 1].isPunct(",") || tokens[commaIndex - 1].isPunct(":") {
                return direct(quote, speaker, cue: tokens[verbIndex], lemma: verb.lemma, confidence: conf, unit: unit)
            }
            return clause(tokens, 0...commaIndex, speaker, cue: tokens[verbIndex], lemma: verb.lemma, confidence: conf, unit: unit)
        }
        guard commaIndex >= 1 else { return nil }
        return clause(tokens, 0...(commaIndex - 1), speaker, cue: tokens[verbIndex], lemma: verb.lemma,
                      confidence: conf, unit: unit)
    }
}
