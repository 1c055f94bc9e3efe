/// Where reported clauses start and end, and who a relative clause reports for.
extension ReportedSpeechRule {
    /// Words that open a phrase that sets the scene for a parenthetical cue rather than reporting:
    /// "When asked about X, Rubio said, Y" and "As Amar put it, ..." report only what follows.
    /// Other openers belong to the report ("If it is close, the campaign said, it will not ask for
    /// a recount": the annotation marks both sides).
    static let sceneOpeners: WordSet = ["when", "as", "despite", "asked"]

    /// The index of the speaker phrase's first token (its role's, when the role comes first).
    static func firstToken(_ tokens: [Token], of speaker: SpeakerPhrase) -> Int? {
        // Tokens are in text order: a binary search, since a window of a long sentence has
        // hundreds of tokens before the speaker.
        let start = speaker.start
        var low = 0
        var high = tokens.count
        while low < high {
            let middle = (low + high) / 2
            if tokens[middle].range.lowerBound >= start { high = middle } else { low = middle + 1 }
        }
        return low < tokens.count ? low : nil
    }

    /// The lowercase word right before the speaker phrase, if there is one.
    static func lowercaseWordBefore(_ tokens: [Token], _ speaker: SpeakerPhrase) -> Token? {
        guard let first = firstToken(tokens, of: speaker), first >= 1 else { return nil }
        let before = tokens[first - 1]
        return before.isWord && !before.isCapitalized ? before : nil
    }

    /// Connectives a subject may follow at the start of its clause ("But Reid said").
    static let subjectLeadIns: WordSet = ["but", "and", "so", "yet", "still", "meanwhile", "however", "instead"]

    /// The subject must start the sentence, or follow an introductory phrase closed by a comma.
    func startsClause(_ tokens: [Token], speaker: SpeakerPhrase) -> Bool {
        guard let first = Self.firstToken(tokens, of: speaker) else { return false }
        var index = first - 1
        // Titles before the name belong to the subject ("Senator Harry Reid, the leader, said").
        while index >= 0, tokens[index].isWord, tokens[index].has(.determiner) || tokens[index].has(.title)
                || Self.subjectLeadIns.contains(tokens[index].lower) {
            index -= 1
        }
        // Also inside a subordinate or relative clause: "after Scalia said that ...",
        // "Republicans who say the law ...".
        return index < 0 || tokens[index].isPunct(",") || tokens[index].isPunct(":") || Tokens.isDash(tokens[index])
            || ReportedSpeechRule.clauseOpeners.contains(tokens[index].lower)
    }

    /// True when "which", "who" or "whom" stands right before the speaker phrase: the pronoun is
    /// the object of the speaker's verb ("the levy, which Carvalho supports").
    static func objectRelative(_ tokens: [Token], before speaker: SpeakerPhrase) -> Bool {
        lowercaseWordBefore(tokens, speaker).map { RelativeObjectRule.isPronoun($0) } ?? false
    }

    /// Quantifiers that stand for the people a relative clause reports for: "those who said".
    static let quantifierHeads: WordSet = ["those", "many", "some", "others", "few", "most", "all", "anyone", "everyone"]

    /// True when the speaker phrase opens a relative clause: "which", "who", "whom" or "that" before
    /// it, or a noun with the relative pronoun left out ("a probe the agency said was ongoing").
    static func relativeSubject(_ tokens: [Token], before speaker: SpeakerPhrase) -> Bool {
        guard let before = lowercaseWordBefore(tokens, speaker) else { return false }
        if RelativeObjectRule.isPronoun(before) || before.hasText("that") { return true }
        return !before.has(.stopWord) && !before.isCueVerbForm && !before.has(.determiner)
    }

    /// Finite forms that open a predicate right after a cue verb: "said was", "said went".
    static let predicateOpeners: WordSet = ["is", "was", "were", "are", "has", "have", "had", "will", "would", "can",
                                                "could", "should", "may", "might", "must", "did", "does", "went", "came",
                                                "became", "got", "made", "led", "left", "remains", "remained", "represents"]

    /// True when the word after the cue verb is a finite verb: the clause has no subject of its own.
    static func predicateFollows(_ tokens: [Token], verbIndex: Int, last: Int) -> Bool {
        guard verbIndex + 1 <= last else { return false }
        let next = tokens[verbIndex + 1]
        guard next.isWord, !next.isCapitalized else { return false }
        return predicateOpeners.contains(next.lower)
            || (WordShape.hasASCIISuffix(next.lower, "ed") && WordShape.hasMoreCharacters(than: 4, next.lower))
    }

    /// True when a subordinating word ("while", "although", "now that") opens the speaker's clause.
    static func opensSubordinate(_ tokens: [Token], before speaker: SpeakerPhrase) -> Bool {
        guard var index = firstToken(tokens, of: speaker) else { return false }
        index -= 1
        while index >= 0, tokens[index].has(.determiner) { index -= 1 }
        guard index >= 0 else { return false }
        return subordinateOpeners.contains(tokens[index].lower)
            || (tokens[index].hasText("that") && index >= 1 && tokens[index - 1].hasText("now"))
    }

    static let subordinateOpeners: WordSet = ["while", "although", "though", "whereas", "because", "since", "if",
                                                  "unless", "when", "after", "before", "as", "once", "until"]

    static let clauseOpeners: WordSet = ["after", "while", "although", "though", "when", "because", "as", "since",
                                             "before", "until", "once", "whereas", "who", "whom", "if", "unless",
                                             "where", "how", "why"]

    /// Where a reported clause ends: before ", and called him" or "and warned" (a second verb
    /// phrase of the speaker), else at the end of the sentence.
    func clauseEnd(_ tokens: [Token], from start: Int, last: Int, _ analyzer: PhraseAnalyzer) -> Int {
        // A quotation that opens the clause is a whole statement: '"we will act soon," and Okafor
        // told reporters ...' ends the report at the quotation, as ", and" with a new subject does
        // below (the comma stands inside the marks here, so the loop never sees it).
        if tokens[start].isQuote, start + 2 <= last, tokens[start + 1].has(.stopWord),
           tokens[start + 1].hasText("and") || tokens[start + 1].hasText("but") {
            let next = tokens[start + 2]
            let newSubject = next.has(.subjectPronoun) || (next.isCapitalized && analyzer.isNameWord(next))
            if Tokens.isFiniteCue(next, analyzer, classes: Tokens.anyCue) != nil
                || Self.opensSecondReport(tokens, at: start + 1, start: start, last: last, analyzer, lead: 1)
                || (newSubject && Self.endsOnComma(tokens[start], analyzer.shadow)) {
                return start
            }
        }
        var index = start + 2
        while index < last {
            // "and", "but" and "while" are stop words: other words skip their string comparisons.
            let isStopWord = tokens[index].has(.stopWord)
            if isStopWord, tokens[index].hasText("and"), index + 1 <= last,
               Tokens.isFiniteCue(tokens[index + 1], analyzer, classes: Tokens.anyCue) != nil
                || (tokens[index + 1].hasText("also") && index + 2 <= last && analyzer.verb(tokens[index + 2]) != nil) {
                return tokens[index - 1].isPunct(",") ? index - 2 : index - 1
            }
            // "..., and other leaders said ...": a second speaker's report starts a clause of its own.
            if isStopWord, Self.opensSecondReport(tokens, at: index, start: start, last: last, analyzer) {
                return tokens[index - 1].isPunct(",") ? index - 2 : index - 1
            }
            // ", but" and ", while" start the other side of a contrast: "Republicans have argued X, but
            // Democrats ...", "X said they want Y, while Z favored W"; so does a concession the writer
            // adds: "X, even as he understands ...".
            if tokens[index].isPunct(","), index + 1 <= last, index - start >= 3,
               Self.contrastOpeners.contains(tokens[index + 1].lower)
                || (tokens[index + 1].hasText("even") && index + 2 <= last
                    && Self.concessiveAfterEven.contains(tokens[index + 2].lower)) {
                return index - 1
            }
            // ", and" before a new subject starts a statement of the writer's: "X said Y, and she left".
            if tokens[index].isPunct(","), index + 2 <= last, index - start >= 3, tokens[index + 1].hasText("and"),
               tokens[index + 2].has(.subjectPronoun)
                || (tokens[index + 2].isCapitalized && analyzer.isNameWord(tokens[index + 2])) {
                return index - 1
            }
            // "while promising ...", "while also ...": a second act, not part of the first report.
            if isStopWord, tokens[index].hasText("while"), index + 1 <= last, index - start >= 3,
               Tokens.endsInING(tokens[index + 1].lower) || tokens[index + 1].hasText("also") {
                return tokens[index - 1].isPunct(",") ? index - 2 : index - 1
            }
            // A semicolon joins two statements; the second is not necessarily the speaker's.
            if tokens[index].isPunct(";"), index - start >= 3 { return index - 1 }
            // A non-restrictive relative clause is a comment of its own: "X, which he believes ...".
            if tokens[index].isPunct(","), index + 1 <= last, index - start >= 4,
               tokens[index + 1].hasText("which") || tokens[index + 1].hasText("who") {
                return index - 1
            }
            index += 1
        }
        return last
    }

    /// Words that open the other side of a contrast after a comma.
    static let contrastOpeners: WordSet = ["but", "while", "whereas"]
    /// Words after ", even" that open a concession: ", even as", ", even though".
    static let concessiveAfterEven: WordSet = ["as", "though", "if", "after", "before"]

    /// The "that" within the next words after `start` that opens a reported clause ("said Tuesday
    /// that X", "told reporters that X"), or nil. A quotation, a full stop, a pronoun or a verb
    /// before it means the "that" is inside the clause ("say they feel that way"); with
    /// `throughSpeech`, a speech verb among them lets it pass ("said she told them that X").
    static func complementizer(_ tokens: [Token], from start: Int, last: Int, _ analyzer: PhraseAnalyzer,
                               throughSpeech: Bool) -> Int? {
        guard let that = (start..<min(last + 1, start + 9)).first(where: { tokens[$0].hasText("that") }),
              !(start..<that).contains(where: { tokens[$0].isQuote || tokens[$0].isPunct(".") })
        else { return nil }
        if throughSpeech,
           (start..<that).contains(where: { Tokens.isFiniteCue(tokens[$0], analyzer, classes: Tokens.speech) != nil }) {
            return that
        }
        return (start..<that).contains(where: { tokens[$0].has(.subjectPronoun) || analyzer.verb(tokens[$0]) != nil })
            ? nil : that
    }

    /// True at the "and" of "..., and other leaders said ...": a short subject and a cue verb of
    /// its own follow, so a second report starts there and the first one ends.
    /// `lead`: how many tokens of the first report must come before the "and".
    static func opensSecondReport(_ tokens: [Token], at index: Int, start: Int, last: Int,
                                  _ analyzer: PhraseAnalyzer, lead: Int = 3) -> Bool {
        guard tokens[index].hasText("and") || tokens[index].hasText("but"), index - start >= lead, index + 2 <= last,
              analyzer.verb(tokens[index + 1]) == nil,
              let cue = ((index + 2)...min(last, index + 7)).first(where: {
                  Tokens.isFiniteCue(tokens[$0], analyzer, classes: Tokens.anyCue) != nil })
        else { return false }
        // The words between are a subject: no punctuation, no clause words but "of" and "in".
        return ((index + 1)..<cue).allSatisfy {
            tokens[$0].isWord && (!tokens[$0].has(.stopWord) || tokens[$0].hasText("of") || tokens[$0].hasText("in")
                                         || tokens[$0].has(.subjectPronoun))
        }
    }


    /// True when a quotation token's last character inside its closing mark is a comma: '"soon,"'.
    static func endsOnComma(_ quotation: Token, _ shadow: [UInt16]) -> Bool {
        let range = quotation.range
        return range.count >= 3 && shadow[range.upperBound - 2] == 0x2C
    }

    /// "critics who say ...", "Sanders, who says ...": the speaker of a relative clause is the
    /// phrase the relative pronoun follows (a name, a description, or a bare plural noun).
    func relativeAntecedent(_ tokens: [Token], verbIndex: Int, verb: Lexicon.Verb,
                                    _ analyzer: PhraseAnalyzer) -> SpeakerPhrase? {
        // Only verbs that take a reported clause: "who endorsed Sanders" reports nothing.
        guard ReportedSpeechRule.relativeLemmas.contains(verb.lemma),
              let pronoun = analyzer.skipAdverbsLeft(tokens, from: verbIndex - 1, lower: 0), pronoun >= 1,
              tokens[pronoun].hasText("who") || tokens[pronoun].hasText("that") else { return nil }
        var end = pronoun - 1
        if tokens[end].isPunct(","), end >= 1 { end -= 1 }
        let head = tokens[end]
        // A share or a quantifier: "18% who say", "those who said", "many who believe".
        if head.isPunct("%") && end >= 1 && (tokens[end - 1].lower.first?.isNumber ?? false) {
            return SpeakerPhrase(form: .nominal, mention: tokens[end - 1].range.lowerBound..<head.range.upperBound, role: nil,
                                 head: head.lower)
        }
        if head.isWord, ReportedSpeechRule.quantifierHeads.contains(head.lower) {
            return SpeakerPhrase(form: .nominal, mention: head.range, role: nil, head: head.lower)
        }
        guard head.isWord, !head.isCueVerbForm, !head.has(.stopWord), !head.has(.determiner),
              !head.has(.subjectPronoun) else { return nil }
        if let start = analyzer.phraseStart(tokens, end: end, lower: 0), let phrase = analyzer.parse(tokens, start...end) {
            return phrase
        }
        return SpeakerPhrase(form: .nominal, mention: head.range, role: nil, head: head.lower)
    }
}
