/// Reported speech: `S V (that) CLAUSE`, `CLAUSE, S V.`, `CLAUSE, S V, CLAUSE.` and
/// `N who V CLAUSE`; `mixed` when the clause holds a quoted fragment, `indirect` otherwise.
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
        // A parenthetical cue reports what follows it as well as what precedes it.
        RuleExample("The hard part, Ines Carvalho said, is finding the money for the new pumps.",
                    quote: "is finding the money for the new pumps", type: .indirect, speaker: "Ines Carvalho"),
        RuleExample("Otherwise, Ines Carvalho said, the pumps will fail before June.",
                    quote: "Otherwise", type: .indirect, speaker: "Ines Carvalho"),
        RuleExample("Instead, Ines Carvalho told reporters, the county should repair the old pumps.",
                    quote: "Instead", type: .indirect, speaker: "Ines Carvalho"),
        // A scene-setting opener does not stop a quotation after it from being attributed.
        RuleExample("As for the cost, \"the pumps will pay for themselves,\" said Ines Carvalho.",
                    quote: "the pumps will pay for themselves,", speaker: "Ines Carvalho"),
        // A subordinate clause before a parenthetical cue is part of the report; a scene-setting one is not.
        RuleExample("If the levy fails, Ines Carvalho said, the pumps will be sold.",
                    quote: "If the levy fails", type: .indirect, speaker: "Ines Carvalho"),
        // A relative clause: the speaker is the antecedent, the clause ends at its comma.
        RuleExample("The levy has critics who say the county cannot afford it, and the vote is close.",
                    quote: "the county cannot afford it", type: .indirect, speaker: "critics"),
        RuleExample("The survey counted 18% who say the county cannot afford the levy.",
                    quote: "the county cannot afford the levy", type: .indirect, speaker: "18%"),
        // The subject of a relative clause whose verb reports the clause's predicate.
        RuleExample("The pumps failed twice in May, which two engineers said was a warning.",
                    quote: "was a warning", type: .indirect, speaker: "two engineers"),
        RuleExample("The board now faces a delay the county auditor said was easily avoidable.",
                    quote: "was easily avoidable", type: .indirect, speaker: "the county auditor"),
        // A non-restrictive relative clause is not part of what was reported.
        RuleExample("Ines Carvalho said the levy would pass easily, which her rivals doubt.",
                    quote: "the levy would pass easily", type: .indirect, speaker: "Ines Carvalho"),
        // Inside a subordinate clause the report ends at the clause's comma; a contrast ends it too.
        RuleExample("While Ines Carvalho has said the pumps are safe, the county has not tested them.",
                    quote: "the pumps are safe", type: .indirect, speaker: "Ines Carvalho"),
        RuleExample("Ines Carvalho argued the pumps are safe, but her rivals were not convinced.",
                    quote: "the pumps are safe", type: .indirect, speaker: "Ines Carvalho"),
        // Stances count as reported positions (the annotation's convention): supports, opposes, seeks.
        RuleExample("Mayor Ines Carvalho supports a second bridge over the river.",
                    quote: "a second bridge over the river", type: .indirect, speaker: "Ines Carvalho"),
        // Participles report for the sentence's subject, each its own clause.
        RuleExample("The mayor's chief aide pressed on, saying the pumps are safe but suggesting the tests were rushed.",
                    quote: "the tests were rushed", type: .indirect, speaker: "The mayor's chief aide"),
        // An opening prepositional phrase is not the subject the participle reports for.
        RuleExample("In Lisbon, Mayor Ines Carvalho issued a statement, saying the pumps are safe to use.",
                    quote: "the pumps are safe to use", type: .indirect, speaker: "Ines Carvalho"),
        // A title before the name and an appositive after it: the subject still starts the clause.
        RuleExample("Worried by the delays, Commissioner Ines Carvalho, the board chair, said the pumps would be late.",
                    quote: "the pumps would be late", type: .indirect, speaker: "Ines Carvalho"),
        // A passive cue reports with no source: its subject is what the report is about.
        RuleExample("The levy is widely expected to pass by a wide margin in May.",
                    quote: "to pass by a wide margin in May", type: .indirect, speaker: nil),
        // A day between subject and verb is no speaker.
        RuleExample("Ines Carvalho on Tuesday said the pumps would be replaced by June.",
                    quote: "the pumps would be replaced by June", type: .indirect, speaker: "Ines Carvalho"),
        // A name and a quotation are a whole clause (the quotation is one token of many words).
        RuleExample("Ines Carvalho said that Ostrow \"has refused to release the pump contracts.\"",
                    quote: "Ostrow \"has refused to release the pump contracts.\"", type: .mixed, speaker: "Ines Carvalho"),
        // After a colon a new clause, and a new subject, begins.
        RuleExample("The survey was blunt: 45% of riders say the fares are too high.",
                    quote: "the fares are too high", type: .indirect, speaker: "45% of riders"),
        // Shares of a poll are subjects too.
        RuleExample("Two in three said the fares were too high for a daily commute.",
                    quote: "the fares were too high for a daily commute", type: .indirect, speaker: "Two in three"),
        RuleExample("Just over half, 52 percent, say the fares are too high.",
                    quote: "the fares are too high", type: .indirect, speaker: "Just over half, 52 percent"),
        // "that" inside the clause is no complementizer to skip to.
        RuleExample("Most riders in the survey say they feel that way about the fares.",
                    quote: "they feel that way about the fares", type: .indirect, speaker: "Most riders in the survey"),
        // A second speaker's report ends the first: ", and two engineers said ...".
        RuleExample("Ines Carvalho said the pumps were safe, and two engineers said the tests were rushed.",
                    quote: "the pumps were safe", type: .indirect, speaker: "Ines Carvalho"),
        // ", while" opens a contrast that is no part of the report.
        RuleExample("Ines Carvalho said the county wants a new pump, while the board favored repairs.",
                    quote: "the county wants a new pump", type: .indirect, speaker: "Ines Carvalho"),
        RuleExample("Ines Carvalho said the county cannot wait for the pumps, even as the board asks for more tests.",
                    quote: "the county cannot wait for the pumps", type: .indirect, speaker: "Ines Carvalho"),
        // "speaking on condition of anonymity" introduces no clause; the finite verb after it does.
        RuleExample("Two engineers, speaking on condition of anonymity, said the pumps had failed twice.",
                    quote: "the pumps had failed twice", type: .indirect, speaker: "Two engineers"),
        // A spaced hyphen opens a clause like a dash: "... - he called her "weak" and ...".
        RuleExample("Rafael Ostrow lost the vote - he called the levy \"a blank check\" and said the count was wrong.",
                    quote: "the levy \"a blank check\"", type: .mixed, speaker: "Rafael Ostrow"),
        // A second verb of the same subject: "knocked X and called him ...".
        RuleExample("Commissioner Rafael Ostrow knocked the plan on cost and called it \"a blank check.\"",
                    quote: "it \"a blank check.\"", type: .mixed, speaker: "Rafael Ostrow"),
        // A participle between a subject and its verb reports only up to the verb's comma.
        RuleExample("Ines Carvalho, recalling the floods of last spring, described the pumps as \"worn out.\"",
                    quote: "the pumps as \"worn out.\"", type: .mixed, speaker: "Ines Carvalho"),
        // ", and" with a new subject ends the report: the rest is the writer's.
        RuleExample("Rafael Ostrow said the levy was too high, and Carvalho left the meeting early.",
                    quote: "the levy was too high", type: .indirect, speaker: "Rafael Ostrow"),
        // A quotation that opens the report ends it before "and" with a cue or a new subject of its own.
        RuleExample("Ines Carvalho said \"the pumps are safe,\" and Rafael Ostrow told reporters the tests were rushed.",
                    quote: "the pumps are safe,", type: .direct, speaker: "Ines Carvalho"),
        RuleExample("Ines Carvalho said \"the pumps are safe,\" and Rafael Ostrow told reporters the tests were rushed.",
                    quote: "the tests were rushed", type: .indirect, speaker: "Rafael Ostrow"),
        RuleExample("Ines Carvalho called the pumps \"safe\" and added that the tests were thorough.",
                    quote: "the pumps \"safe\"", type: .mixed, speaker: "Ines Carvalho"),
        RuleExample("Two council members endorsed Ines Carvalho.",
                    quote: "Ines Carvalho", type: .indirect, speaker: "Two council members"),
        RuleExample("Ines Carvalho vowed to repair the pumps while promising to keep the levy low.",
                    quote: "to repair the pumps", type: .indirect, speaker: "Ines Carvalho"),
        // "As S V, X": the report follows the verb's comma and runs past the next comma.
        RuleExample("As the county auditor pointed out, even if the levy passes, the pumps will be late.",
                    quote: "even if the levy passes, the pumps will be late", type: .indirect, speaker: "the county auditor"),
        RuleExample("As Ines Carvalho put it, the pumps are \"older than the harbour.\"",
                    quote: "the pumps are \"older than the harbour.\"", type: .mixed, speaker: "Ines Carvalho"),
        // A participle skips an adverbial to its "that" as a finite verb does.
        RuleExample("Ines Carvalho pressed on, saying at a meeting last week that the pumps would fail.",
                    quote: "the pumps would fail", type: .indirect, speaker: "Ines Carvalho"),
    ]
    /// How much a clause says: its words, a quotation counting as three (one token holds it all).
    static func contentWeight(_ tokens: [Token], _ range: ClosedRange<Int>) -> Int {
        range.reduce(0) { total, index in
            total + (tokens[index].isQuote ? 3 : tokens[index].isWord ? 1 : 0)
        }
    }

    /// Cue verbs whose relative clauses report speech or belief: "critics who say ...".
    static let relativeLemmas: WordSet = ["say", "claim", "argue", "insist", "believe", "think", "suggest", "contend",
                                              "maintain", "warn", "predict", "acknowledge", "admit", "complain", "fear",
                                              "worry", "note", "write", "tell", "assert", "allege", "deny", "doubt", "estimate"]
    /// Words after a named object that end the report: "backs Clinton in the primary", "as a liar".
    static let afterNameObject: WordSet = ["in", "on", "at", "during", "after", "before", "over", "for", "as", "and",
                                               "with", "to", "from", "because", "while", "since", "but"]
    /// Forms of "be" that make a following participle passive ("been" and "be" are handled before).
    static let passiveAuxiliaries: WordSet = ["is", "was", "were", "are", "being"]
    /// Words before a cue form that make it no finite verb ("to say", "the claim", "be told").
    static let nonFiniteMarkers: WordSet = ["to", "the", "a", "be", "been"]
    /// Tokens skipped at the start of a participle's clause ("saying that", "saying only").
    static let clauseLeadIns: WordSet = ["that", "only", ",", ":"]
    /// Words that can make up the audience of a "tell" verb: "told reporters", "told him".
    static let audienceWords: WordSet = ["reporters", "him", "her", "them", "us", "me", "journalists", "supporters"]
    static let tellLike: WordSet = ["tell", "inform", "assure", "remind", "warn", "notify", "advise", "brief", "urge"]
    static let adverbialStarts: WordSet = ["on", "in", "at", "during", "last", "this", "monday", "tuesday", "wednesday",
                                               "thursday", "friday", "saturday", "sunday", "yesterday", "today",
                                               "earlier", "later", "recently", "privately", "publicly", "repeatedly",
                                               "again", "previously", "also", "then", "now", "once", "before"]

    public init() {}

    /// Units with a cue verb form or a cue word, where the rule starts.
    public var trigger: UnitFeatures? { .cue }

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
        // The subject of a cue verb is read for the trailing form and again for the leading one.
        var subjects = SubjectMemo()
        // Trailing attributions first ("CLAUSE, S said"): verbs inside CLAUSE are not cues.
        for verbIndex in tokens.indices where Self.mayBeCue(tokens[verbIndex]) {
            guard !usedCues.contains(tokens[verbIndex].range.lowerBound),
                  let verb = Tokens.isFiniteCue(tokens[verbIndex], analyzer, classes: Tokens.reporting), verb.lemma != "quote",
                  case let found = trailing(tokens, verbIndex: verbIndex, last: last, verb: verb, unit: unit, context: context,
                                            subjects: &subjects),
                  !found.attributions.isEmpty
            else { continue }
            results.append(contentsOf: found.attributions)
            covered = max(verbIndex, found.end)
            break
        }
        // Before each verb: the last ":" or ";", the last "and"/"but" after a comma, the last quotation.
        var scanned = 0
        var lastStop = -1
        var lastCommaAnd = -1
        var lastQuote = -1
        for verbIndex in tokens.indices where verbIndex > covered && Self.mayBeCue(tokens[verbIndex])
                && !usedCues.contains(tokens[verbIndex].range.lowerBound) {
            // ", saying (that) CLAUSE": the participle reports for the sentence's speaker.
            if let participle = participleClause(tokens, at: verbIndex, last: last, unit: unit, analyzer: analyzer,
                                                 found: results) {
                results.append(participle.attribution)
                covered = participle.end
                continue
            }
            guard let verb = Tokens.isFiniteCue(tokens[verbIndex], analyzer, classes: Tokens.reporting),
                  verb.lemma != "quote" else { continue }
            if verbIndex > 0, Self.nonFiniteMarkers.contains(tokens[verbIndex - 1].lower) { continue }
            // A passive cue ("The levy is widely expected to pass", "Pence was dubbed the winner"):
            // its subject is what the report is about, not who made it; the source is left unstated.
            var passive = false
            if WordShape.hasASCIISuffix(tokens[verbIndex].lower, "ed") {
                var back = verbIndex - 1
                while back > 0, tokens[back].isWord, analyzer.isAdverb(tokens[back]),
                      !Self.passiveAuxiliaries.contains(tokens[back].lower) { back -= 1 }
                passive = back >= 0 && Self.passiveAuxiliaries.contains(tokens[back].lower)
            }
            let cue = tokens[verbIndex]

            // Leading: S V (that) CLAUSE.
            var subject = subjects.subject(of: verbIndex, in: tokens, analyzer)
            // "a deadline that insiders said went unnoticed", "a probe the agency said was ongoing": the
            // subject of a relative clause, and the verb reports that clause's predicate.
            var embedded = false
            if let found = subject, !startsClause(tokens, speaker: found) {
                if Self.predicateFollows(tokens, verbIndex: verbIndex, last: last),
                   Self.relativeSubject(tokens, before: found) {
                    embedded = true
                } else {
                    subject = nil
                }
            }
            var found = subject ?? analyzer.fallbackSubject(tokens, verbIndex: verbIndex)
            // After a colon or semicolon a new clause starts: "...: 45% of Republicans say ...", and
            // after ", and" when the clause before it was cut there: "X said Y, and two deckhands said Z".
            if found == nil {
                // The last boundary before the verb, from marks gathered once per unit as the verbs
                // are visited left to right (a search back from each verb was quadratic in a window).
                while scanned < verbIndex {
                    let token = tokens[scanned]
                    if token.isPunct(":") || token.isPunct(";") { lastStop = scanned }
                    // The comma may stand inside a quotation's marks: '"we will act soon," and Okafor said'.
                    // (The comma first: it spares comparing every word's text.)
                    if scanned > 0, tokens[scanned - 1].isPunct(",")
                        || (tokens[scanned - 1].isQuote && Self.endsOnComma(tokens[scanned - 1], analyzer.shadow)),
                       token.hasText("and") || token.hasText("but") {
                        lastCommaAnd = scanned
                    }
                    if token.isQuote { lastQuote = scanned }
                    scanned += 1
                }
                let boundary = covered >= 0 && lastCommaAnd > covered ? max(lastStop, lastCommaAnd) : lastStop
                if boundary >= 0, boundary + 1 < verbIndex, lastQuote < boundary {
                    found = analyzer.fallbackSubject(tokens, verbIndex: verbIndex, lower: boundary + 1)
                }
            }
            // A second verb of the same subject: "Cruz knocked Rubio and called him a "moderate"".
            if found == nil, verbIndex >= 2, tokens[verbIndex - 1].hasText("and") || tokens[verbIndex - 1].hasText("but") {
                found = results.last?.speaker ?? analyzer.leadingSubject(tokens, before: verbIndex - 1)
            }
            var isRelative = false
            if found == nil, let antecedent = relativeAntecedent(tokens, verbIndex: verbIndex, verb: verb, analyzer) {
                found = antecedent
                isRelative = true
            }
            guard let speaker = found else { continue }
            var start = verbIndex + 1
            // "Pell, who Whitcombe credited with the grant": the relative pronoun is the verb's
            // object and what was reported (relative-object); what follows the verb is no clause.
            if !isRelative, !embedded, Self.objectRelative(tokens, before: speaker),
               !Tokens.quotationFollows(tokens, after: verbIndex, last: last, within: 6) { continue }
            // "as she put it, ...", "as he pointed out, ...": "it" and "out" belong to the verb.
            if verb.lemma == "put", start <= last, tokens[start].hasText("it") { start += 1 }
            if start < last, tokens[start].hasText("out"), tokens[start + 1].isPunct(",") { start += 1 }
            // "As the Post reported, X": the report is what follows the verb's comma.
            let afterComma = start <= last && tokens[start].isPunct(",")
            if let that = Self.complementizer(tokens, from: start, last: last, analyzer, throughSpeech: true) {
                start = that + 1
            } else if ReportedSpeechRule.tellLike.contains(verb.lemma) {
                // Skip the audience: "told reporters", "told the Ledger".
                while start <= last, tokens[start].isWord,
                      analyzer.isNameWord(tokens[start]) || tokens[start].has(.determiner)
                        || analyzer.isRoleNoun(tokens[start]) || ReportedSpeechRule.audienceWords.contains(tokens[start].lower) {
                    let isHead = !tokens[start].has(.determiner)
                    start += 1
                    // The audience ends at its head: "told reporters the plan ..." keeps "the plan".
                    if isHead, start <= last, !analyzer.isNameWord(tokens[start]) || !tokens[start - 1].isCapitalized { break }
                }
            }
            while start <= last, tokens[start].isPunct(",") || tokens[start].isPunct(":") { start += 1 }
            guard start <= last, !tokens[start].isQuote || start < last else { continue }
            // A passive verb's agent is no report: "His comments were derided by Armin Laschet".
            if tokens[start].hasText("by") { continue }
            // "spoke at a memorial", "spoke with voters": speaking reports something only about a topic.
            if verb.lemma == "speak",
               !(start...min(last, start + 3)).contains(where: { tokens[$0].hasText("about") || tokens[$0].hasText("out") }) { continue }
            // An adverbial right after the verb without "that" ("said on Monday the plan...") is kept.
            // The clause runs to the end of the sentence, or to a participle that starts another.
            var end = clauseEnd(tokens, from: start, last: last, analyzer)
            if let next = ((start + 1)...max(start + 1, end)).first(where: { index in
                index <= end && index > start && tokens[index - 1].isPunct(",") && isParticipleCue(tokens[index], analyzer)
            }) {
                end = next - 2
            }
            // A relative clause ends at its comma: "Meyer, a governor who argued X, said ...".
            // So does a clause inside a subordinate one: "While the president has said he opposes X, his
            // administration ...".
            if isRelative || (Self.opensSubordinate(tokens, before: speaker) && !afterComma),
               let comma = (start...max(start, end)).first(where: { $0 <= end && tokens[$0].isPunct(",") }) {
                end = comma - 1
            }
            guard end >= start else { continue }
            // A stance towards a named person or body, too short to be a clause: "is backing Hillary
            // Clinton" reports the name. (Cutting longer clauses at the name measured worse.)
            var nameObject = false
            if verb.verbClass != .speech, tokens[start].isCapitalized, analyzer.isNameWord(tokens[start]),
               Self.contentWeight(tokens, start...end) < 3 {
                var nameEnd = start
                while nameEnd + 1 <= end, tokens[nameEnd + 1].isWord, tokens[nameEnd + 1].isCapitalized,
                      analyzer.isNameWord(tokens[nameEnd + 1]) { nameEnd += 1 }
                if nameEnd == end || (tokens[nameEnd + 1].isPunctuation && !tokens[nameEnd + 1].isPunct("'"))
                    || Self.afterNameObject.contains(tokens[nameEnd + 1].lower) {
                    end = nameEnd
                    nameObject = true
                }
            }
            if let found = clause(tokens, start...end, passive ? nil : speaker, cue: cue, lemma: verb.lemma,
                                  confidence: confidence(verb.verbClass == .speech ? 0.8 : 0.6, speaker), unit: unit,
                                  minimumWords: nameObject ? 1 : 2),
               nameObject || Self.contentWeight(tokens, start...end) >= 3 {
                results.append(found)
                covered = end
            }
        }
        return results
    }

    /// False for a token that can be neither a finite cue (`Tokens.isFiniteCue`) nor a participle
    /// cue: no cue verb form, and not "put" or "puts".
    @inline(__always)
    private static func mayBeCue(_ token: Token) -> Bool { token.isCueVerbForm || token.has(.cueWord) }

    private func isParticipleCue(_ token: Token, _ analyzer: PhraseAnalyzer) -> Bool {
        guard token.isWord, Tokens.endsInING(token.lower), let verb = analyzer.verb(token),
              verb.verbClass != .quote else { return false }
        // "speaking on condition of anonymity", "talking to reporters": no clause follows.
        if token.hasText("speaking") || token.hasText("talking") { return false }
        return verb.verbClass != .belief || token.hasText("saying")
    }

    /// `..., saying (that) CLAUSE` / `..., adding CLAUSE`: the speaker is the subject of the
    /// sentence's finite cue verb (already found), or the phrase that opens the sentence.
    private func participleClause(_ tokens: [Token], at index: Int, last: Int, unit: Unit, analyzer: PhraseAnalyzer,
                                  found: [Attribution]) -> (attribution: Attribution, end: Int)? {
        // ", saying X", and a second participle joined to it: "saying X but suggesting Y".
        guard index >= 2, index < last,
              tokens[index - 1].isPunct(",") || ((tokens[index - 1].hasText("but") || tokens[index - 1].hasText("and")) && !found.isEmpty),
              isParticipleCue(tokens[index], analyzer),
              let verb = analyzer.verb(tokens[index]) else { return nil }
        guard let speaker = found.last?.speaker ?? analyzer.leadingSubject(tokens, before: index - 1) else { return nil }
        var start = index + 1
        while start <= last, Self.clauseLeadIns.contains(tokens[start].lower) { start += 1 }
        // "saying at a campaign event last week that X": the clause starts after "that".
        if let that = Self.complementizer(tokens, from: start, last: last, analyzer, throughSpeech: false) {
            start = that + 1
        }
        var end = last
        if start < last, let next = ((start + 1)..<last).first(where: {
            (tokens[$0].hasText("but") || tokens[$0].hasText("and")) && isParticipleCue(tokens[$0 + 1], analyzer) }) {
            end = next - 1
        }
        // "Biden, recalling X, described ...": the participle sits between a subject and its verb.
        if start + 1 <= end, let verb = ((start + 1)...end).first(where: {
            tokens[$0 - 1].isPunct(",") && Tokens.isFiniteCue(tokens[$0], analyzer, classes: Tokens.anyCue) != nil }) {
            end = verb - 2
        }
        guard start <= end, Self.contentWeight(tokens, start...end) >= 3 else { return nil }
        return clause(tokens, start...end, speaker, cue: tokens[index], lemma: verb.lemma,
                      confidence: confidence(0.7, speaker), unit: unit).map { ($0, end) }
    }

    /// The subjects of a unit's cue verbs as `PhraseAnalyzer.subject(_:verb:lower:)` reads them
    /// (from the unit's start), each read once: the trailing form ("X, S said") and the leading
    /// one ("S said X") both ask for the subject of the same verb, ~730 instructions a reading.
    /// The first two verbs asked about are kept, in place (most units have one or two cue
    /// verbs; an array would be an allocation for each unit the rule reads).
    struct SubjectMemo {
        private var first: (verb: Int, subject: SpeakerPhrase?)?
        private var second: (verb: Int, subject: SpeakerPhrase?)?

        mutating func subject(of verb: Int, in tokens: [Token], _ analyzer: PhraseAnalyzer) -> SpeakerPhrase? {
            if let first, first.verb == verb { return first.subject }
            if let second, second.verb == verb { return second.subject }
            let subject = analyzer.subject(tokens, verb: verb, lower: 0)
            if first == nil {
                first = (verb, subject)
            } else if second == nil {
                second = (verb, subject)
            }
            return subject
        }
    }

    /// "CLAUSE, S said." and the parenthetical "CLAUSE, S said, CLAUSE.": the clause before the
    /// cue, and for a parenthetical the one after it too; `end` is the last token they cover.
    private func trailing(_ tokens: [Token], verbIndex: Int, last: Int, verb: Lexicon.Verb, unit: Unit,
                          context: RuleContext, subjects: inout SubjectMemo) -> (attributions: [Attribution], end: Int) {
        // A parenthetical cue after one word reports it too ("Otherwise, she said, X"): the word is a
        // fragment of the report, kept only when the clause after the cue is found.
        // Read once with a one-word minimum: a one-word clause stands only as such a fragment.
        guard let before = trailingBefore(tokens, verbIndex: verbIndex, last: last, verb: verb, unit: unit,
                                          context: context, subjects: &subjects, minimumWords: 1) else { return ([], -1) }
        var words = 2
        if let content = before.attribution.content {
            words = 0
            for token in tokens where token.range.lowerBound >= content.lowerBound && !token.isPunctuation {
                if token.range.lowerBound >= content.upperBound || words == 2 { break }
                words += 1
            }
        }
        let oneWord = words < 2
        if oneWord && before.parentheticalTail == nil { return ([], -1) }
        guard let tail = before.parentheticalTail else { return ([before.attribution], verbIndex) }
        // "The main problem, Palmieri says, is finding money": what follows reports too.
        let start = tail + 1
        let end = clauseEnd(tokens, from: start, last: last, context.analyzer)
        guard start <= end, Self.contentWeight(tokens, start...end) >= 3,
              let after = clause(tokens, start...end, before.attribution.speaker, cue: tokens[verbIndex], lemma: verb.lemma,
                                 confidence: before.attribution.confidence, unit: unit)
        else { return oneWord ? ([], -1) : ([before.attribution], verbIndex) }
        return ([before.attribution, after], end)
    }

    private func trailingBefore(_ tokens: [Token], verbIndex: Int, last: Int, verb: Lexicon.Verb, unit: Unit,
                                context: RuleContext, subjects: inout SubjectMemo,
                                minimumWords: Int = 2) -> (attribution: Attribution, parentheticalTail: Int?)? {
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
            guard let subject = subjects.subject(of: verbIndex, in: tokens, analyzer) else { return nil }
            speaker = subject
            guard let first = Self.firstToken(tokens, of: subject), first >= 2 else { return nil }
            var index = first - 1
            while index >= 0, tokens[index].has(.determiner) { index -= 1 }
            guard index >= 1, Tokens.isCommaLike(tokens, index, context) else { return nil }
            commaIndex = index
            // "X, Okafor told reporters, Y": a short audience stands between the verb and its comma.
            if tail < last, ReportedSpeechRule.tellLike.contains(verb.lemma),
               let comma = (tail...min(last, tail + 4)).first(where: { !tokens[$0].isWord }),
               comma > tail, tokens[comma].isPunct(","),
               (tail..<comma).allSatisfy({ analyzer.isNameWord(tokens[$0]) || tokens[$0].has(.determiner)
                   || ReportedSpeechRule.audienceWords.contains(tokens[$0].lower) }) {
                tail = comma
            }
        }
        let participleFollows = tail + 1 <= last && tokens[tail].isPunct(",") && Tokens.endsInING(tokens[tail + 1].lower)
            && analyzer.verb(tokens[tail + 1]) != nil
        // "CLAUSE, S said, CLAUSE": the clause before reports too, also a subordinate one or a lone
        // adverb ("If X, S said, Y", "Instead, S said, Y"), unless it only sets the scene.
        let setsScene = tokens.first.map { ReportedSpeechRule.sceneOpeners.contains($0.lower) } ?? false
        let parenthetical = tail <= last && tokens[tail].isPunct(",") && !setsScene
        if tail <= last && !participleFollows && !parenthetical {
            guard ReportedSpeechRule.adverbialStarts.contains(tokens[tail].lower) || tokens[tail].isPunct(","),
                  last - tail <= 6,
                  !(tail...last).contains(where: { tokens[$0].isQuote }) else { return nil }
        }
        let conf = confidence(verb.verbClass == .speech ? 0.85 : 0.65, speaker)
        let parentheticalTail = parenthetical && !participleFollows ? tail : nil
        if tokens[commaIndex].isQuote {
            // The comma is inside the quotation: "PREFIX, "Q," S said." The quotation is direct when
            // what precedes it is an introductory phrase closed by a comma; else the clause is mixed.
            let quote = tokens[commaIndex].quote
            if commaIndex == 0 || tokens[commaIndex - 1].isPunct(",") || tokens[commaIndex - 1].isPunct(":") {
                return (direct(quote, speaker, cue: tokens[verbIndex], lemma: verb.lemma, confidence: conf, unit: unit), nil)
            }
            return clause(tokens, 0...commaIndex, speaker, cue: tokens[verbIndex], lemma: verb.lemma, confidence: conf, unit: unit)
                .map { ($0, parentheticalTail) }
        }
        guard commaIndex >= 1, !setsScene else { return nil }
        return clause(tokens, 0...(commaIndex - 1), speaker, cue: tokens[verbIndex], lemma: verb.lemma,
                      confidence: conf, unit: unit, minimumWords: minimumWords).map { ($0, parentheticalTail) }
    }
}
