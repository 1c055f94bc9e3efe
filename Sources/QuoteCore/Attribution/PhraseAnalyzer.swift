/// Finds and parses speaker noun phrases and cue verbs around token positions.
///
/// Works without a parser: a speaker phrase is read leftwards from its verb (or rightwards from
/// an inverted verb) over capitalised words, titles, name particles, determiners, role nouns and
/// a few modifiers, with appositives between commas taken as roles.
///
/// A class: rules and the resolver pass it around for every sentence, and a copy of a struct
/// holding the `Lexicon` retained each of its two dozen tables (~1,000 instructions a copy, a
/// tenth of the reported-speech rule on quotation-dense text). It is immutable.
public final class PhraseAnalyzer: Sendable {
    let lexicon: Lexicon
    let shadow: [UInt16]
    /// The lexicon's tables read for most phrases and speakers, held here as well: read through
    /// the lexicon (a class, reached through this one), each read retained and released them,
    /// ~2 for each of the ~23,000 phrases of the dev set tested for an organization.
    let organizationFilter: ASCIIKeyFilter
    let organizationMap: WordMap<Lexicon.OrganizationKind>
    let genderedWordFilter: ASCIIKeyFilter
    let genderedWordMap: WordMap<Lexicon.Gender>
    let pronounMap: WordMap<Lexicon.PronounKind>

    init(lexicon: Lexicon, shadow: [UInt16]) {
        self.lexicon = lexicon
        self.shadow = shadow
        organizationFilter = lexicon.wordTable.organizationFilter
        organizationMap = lexicon.organizationMap
        genderedWordFilter = lexicon.wordTable.genderedWordFilter
        genderedWordMap = lexicon.genderedWordMap
        pronounMap = lexicon.pronounMap
    }

    /// Pronouns that open a relative appositive (", who ...").
    static let relativePronouns: WordSet = ["who", "which", "whose"]
    /// Objects of a poll share ("Most of them", "Two in three of those").
    static let shareObjects: WordSet = ["them", "us", "those"]
    /// Words that open a clause, so that a stretch holding one is no subject.
    static let clauseWords: WordSet = ["that", "which", "if", "when", "because", "although", "while", "there", "it", "this"]
    static let determiners: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "one", "two", "three", "four", "several",
        "some", "many", "most", "another", "other", "his", "her", "their", "its", "our", "my", "both",
        "all", "each", "every", "few", "no", "any", "top", "senior",
    ]
    /// Words between a subject and its verb that do not break the attribution.
    static let openingPrepositions: WordSet = ["in", "on", "at", "after", "during", "before", "from", "with",
                                                   "for", "by", "since", "until", "earlier", "later", "last", "this"]

    /// Days and relative days that stand between a subject and its verb.
    static let timeWords: WordSet = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                                         "today", "yesterday", "tonight"]

    static let adverbs: Set<String> = [
        "also", "has", "had", "have", "will", "would", "later", "then", "again", "previously",
        "repeatedly", "recently", "once", "further", "publicly", "privately", "reportedly", "simply",
        "flatly", "earlier", "often", "frequently", "already", "still", "just", "even", "only",
        "quickly", "bluntly", "angrily", "softly", "quietly", "firmly", "finally", "separately",
        "similarly", "specifically", "explicitly", "openly", "told", "last", "shall", "may", "might",
        "could", "should", "can", "is", "was", "were", "are", "be", "been", "being", "himself", "herself",
        "themselves", "itself", "first", "long", "privately", "tearfully", "jokingly", "sarcastically",
        "confidently", "candidly", "proudly", "twice", "thrice", "repeatedly", "emphatically", "succinctly", "famously", "ultimately",
    ]
    static let negations: Set<String> = ["not", "never", "n't", "didn't", "doesn't", "don't", "won't", "wouldn't", "cannot", "can't", "declined", "refused"]
    /// Prepositions that may join a role to its complement ("ambassador to Iraq").
    static let rolePrepositions: Set<String> = ["of", "to", "for", "at", "in", "from", "with", "on", "by"]
    /// Lowercase words that never belong to a speaker phrase.
    static let stopWords: Set<String> = [
        "and", "or", "but", "that", "which", "who", "whom", "whose", "when", "where", "while", "because",
        "if", "as", "than", "so", "not", "is", "was", "were", "are", "be", "been", "has", "had", "have",
        "will", "would", "could", "should", "can", "may", "might", "did", "do", "does", "after", "before",
        "since", "until", "though", "although", "by", "about", "into", "over", "under", "between",
        "against", "during", "without", "through", "also", "it", "there", "here", "what", "how", "why",
        "then", "said", "says", "say", "told", "according", "just", "even", "now", "today", "yesterday",
        "very", "more", "less", "up", "down", "out", "off", "too", "all", "we", "they", "he", "she",
        "i", "you", "me", "him", "them", "us", "being", "to", "of", "for", "at", "in", "from", "with", "on",
    ]
    static let subjectPronouns: Set<String> = ["he", "she", "they", "we", "i", "it", "you"]

    /// The text of a token range.
    func text(_ range: Range<Int>) -> String {
        UTF16String.make(shadow, range)
    }

    func original(_ token: Token) -> String { text(token.range) }

    /// `lexicon.organizations[text(range)]`, without building the text when no key can equal it.
    @inline(__always) func organizationKind(_ range: Range<Int>) -> Lexicon.OrganizationKind? {
        organizationFilter.mayContain(shadow, range) ? organizationMap[text(range)] : nil
    }

    /// `lexicon.places.contains(text(range))`, without building the text when no place can equal it.
    @inline(__always) func isPlace(_ range: Range<Int>) -> Bool {
        lexicon.wordTable.placeFilter.mayContain(shadow, range) && lexicon.places.contains(text(range))
    }

    /// True when the word after `token` in the text is "it" ("as she put it").
    func followedByIt(_ token: Token) -> Bool {
        var index = token.range.upperBound
        while index < shadow.count, CodeUnit.isWhitespace(shadow[index]) { index += 1 }
        guard index + 2 <= shadow.count, shadow[index] == 0x69, shadow[index + 1] == 0x74 else { return false }
        return index + 2 == shadow.count || !CodeUnit.isLetter(shadow[index + 2])
    }

    /// The cue verb at a token, if it is one.
    @inline(__always) func verb(_ token: Token) -> Lexicon.Verb? {
        token.isWord && token.verbID >= 0 ? lexicon.wordTable.verbList[Int(token.verbID)] : nil
    }

    @inline(__always) func isPronoun(_ token: Token) -> Bool { token.has(.subjectPronoun) }

    @inline(__always) func isTitle(_ token: Token) -> Bool { token.has(.title) }

    @inline(__always) func isRoleNoun(_ token: Token) -> Bool { token.has(.roleNoun) }

    @inline(__always) func isParticle(_ token: Token) -> Bool { token.has(.particle) }

    /// A capitalised word that can be part of a name or an organization (or a lowercase-led name
    /// such as "al-Dabagh" or "de Blasio").
    @inline(__always) func isNameWord(_ token: Token) -> Bool { token.has(.nameWord) }

    /// Skips adverbs and auxiliaries leftwards from `index`; nil when a negation is met.
    func skipAdverbsLeft(_ tokens: [Token], from index: Int, lower: Int) -> Int? {
        var index = index
        while index >= lower, tokens[index].isWord, isAdverb(tokens[index])
                || tokens[index].has(.negation) {
            if tokens[index].has(.negation) { return nil }
            index -= 1
        }
        // A time between the subject and its verb: "Trump on Tuesday dismissed", "Roe yesterday said".
        if index > lower, tokens[index].isWord, PhraseAnalyzer.mayBeTimeWord(tokens[index].lower),
           PhraseAnalyzer.timeWords.contains(tokens[index].lower) {
            var before = index - 1
            if before > lower, tokens[before].hasText("on") { before -= 1 }
            if before >= lower, tokens[before].isWord, !tokens[before].has(.stopWord) {
                return skipAdverbsLeft(tokens, from: before, lower: lower)
            }
        }
        // A parenthetical between the subject and its verb: "Sen. Claire Roe (D-Mo.) said".
        if index > lower, tokens[index].isPunct(")"),
           let open = (lower..<index).last(where: { tokens[$0].isPunct("(") }), index - open <= 8, open - 1 >= lower {
            return skipAdverbsLeft(tokens, from: open - 1, lower: lower)
        }
        return index
    }

    /// False for words that cannot be in `timeWords`: those are 5 to 9 ASCII letters opening with
    /// one of nine pairs, and no other text equals one of them byte for byte or not (the only
    /// non-ASCII characters whose canonical decompositions are ASCII are the Kelvin sign, U+037E
    /// and U+1FEF: "K", ";" and "`"). Most subjects' last words ("minister", "Okafor") stop at the
    /// pair instead of hashing into the set.
    @inline(__always)
    static func mayBeTimeWord(_ lower: String) -> Bool {
        let utf8 = lower.utf8
        guard utf8.count >= 5 && utf8.count <= 9 else { return false }
        var bytes = utf8.makeIterator()
        let pair = UInt16(bytes.next() ?? 0) << 8 | UInt16(bytes.next() ?? 0)
        switch pair {
        case 0x6D6F, 0x7475, 0x7765, 0x7468, 0x6672, 0x7361, 0x7375, 0x746F, 0x7965: return true  // mo tu we th fr sa su to ye
        default: return false
        }
    }

    /// Listed adverbs and auxiliaries, and lowercase "-ly" words that are not nouns ("immediately").
    func isAdverb(_ token: Token) -> Bool {
        if token.has(.adverb) { return true }
        return !token.isCapitalized && WordShape.hasASCIISuffix(token.lower, "ly")
            && WordShape.hasMoreCharacters(than: 4, token.lower)
            && !PhraseAnalyzer.lyNouns.contains(token.lower) && lexicon.roleNounMap[token.lower] == nil
    }

    static let lyNouns: WordSet = ["family", "rally", "ally", "assembly", "supply", "reply", "bully", "italy", "july", "monopoly", "anomaly", "homily", "lily", "emily", "kelly", "sally", "holly", "molly", "polly", "billy", "beverly", "kimberly"]

    /// The noun phrase that opens a unit ("Carson did not name them, but told ..."), if any.
    func leadingSubject(_ tokens: [Token], before limit: Int) -> SpeakerPhrase? {
        // A dateline is no subject: "PORT ALDER — The mayor said ...".
        var start = limit > 1 ? Tokens.afterDateline(tokens, from: 0, to: limit - 1) : 0
        // Nor is an opening prepositional phrase: "In Washington, President Obama released ...".
        if limit > start + 2, tokens[start].isWord, PhraseAnalyzer.openingPrepositions.contains(tokens[start].lower),
           let comma = ((start + 1)..<min(limit, start + 10)).first(where: { tokens[$0].isPunct(",") }), comma + 1 < limit {
            start = comma + 1
        }
        while start < limit, tokens[start].isWord, tokens[start].has(.sentenceStarter),
              !tokens[start].has(.subjectPronoun), !tokens[start].has(.determiner) {
            start += 1
        }
        guard start < limit else { return nil }
        if isPronoun(tokens[start]) {
            return SpeakerPhrase(form: .pronoun, mention: tokens[start].range, role: nil, head: tokens[start].lower)
        }
        var end = start
        while end + 1 < limit, tokens[end + 1].isWord,
              isNameWord(tokens[end + 1]) || isRoleNoun(tokens[end + 1]) || tokens[end + 1].isPossessive
                || (tokens[start].has(.determiner) && !tokens[end + 1].has(.stopWord)
                    && !tokens[end + 1].isCueVerbForm && !isRoleNoun(tokens[end]))
                || (tokens[end + 1].has(.rolePreposition) && isRoleNoun(tokens[end])) {
            end += 1
        }
        // "A visiting official from the Bank, Sophie Marchand, told ...": the name in the commas.
        if end + 2 < limit, tokens[end + 1].isPunct(","),
           let close = ((end + 2)..<limit).first(where: { tokens[$0].isPunct(",") }), close - end <= 6, close > end + 2,
           var named = parse(tokens, (end + 2)...(close - 1)), named.form == .name,
           ((end + 2)...(close - 1)).allSatisfy({ isNameWord(tokens[$0]) }) {
            named.role = tokens[start].range.lowerBound..<tokens[end].range.upperBound
            return named
        }
        guard let phrase = parse(tokens, start...end), phrase.form == .name || phrase.form == .nominal
                || phrase.form == .organization else { return nil }
        return phrase
    }

    /// The subject of the verb at `verb`, read leftwards down to `lower`.
    func subject(_ tokens: [Token], verb: Int, lower: Int) -> SpeakerPhrase? {
        guard let last = skipAdverbsLeft(tokens, from: verb - 1, lower: lower), last >= lower else { return nil }
        if isPronoun(tokens[last]) {
            return SpeakerPhrase(form: .pronoun, mention: tokens[last].range, role: nil, head: tokens[last].lower)
        }
        var end = last
        var appositive: Range<Int>? = nil
        var relativeAppositive = false
        if tokens[end].isPunct(",") {
            // "Name, a role, said": find the comma that opens the appositive.
            var open = end - 1
            while open >= lower, !tokens[open].isPunct(","), !tokens[open].isQuote,
                  !tokens[open].isPunct(":"), !tokens[open].isPunct(";") { open -= 1 }
            guard open >= lower, tokens[open].isPunct(","), open < end - 1 else { return nil }
            appositive = tokens[open + 1].range.lowerBound..<tokens[end - 1].range.upperBound
            relativeAppositive = PhraseAnalyzer.relativePronouns.contains(tokens[open + 1].lower)
            end = open - 1
            guard end >= lower else { return nil }
        }
        guard let start = phraseStart(tokens, end: end, lower: lower) else { return nil }
        guard var phrase = parse(tokens, start...end) else { return nil }
        if let appositive {
            if phrase.form == .name {
                // A title is a better role than a relative clause ("Councilor X, who chaired ..., said").
                if !(relativeAppositive && phrase.role != nil) { phrase.role = appositive }
            } else {
                // "A lawyer for the outlets, David Schulz, said": the name is in the commas.
                let inner = tokens.indices.filter { tokens[$0].range.lowerBound >= appositive.lowerBound && tokens[$0].range.upperBound <= appositive.upperBound }
                if let first = inner.first, let lastInner = inner.last,
                   let named = parse(tokens, first...lastInner), named.form == .name {
                    var swapped = named
                    swapped.role = tokens[start].range.lowerBound..<tokens[end].range.upperBound
                    return swapped
                }
                phrase.role = appositive
            }
        } else if phrase.form != .name, phrase.form != .pronoun, start - 1 >= lower,
                  tokens[start - 1].isPunct(",") || tokens[start - 1].hasText("and") {
            // "Jane Roe, president and CEO of the group said": comma before the verb left out.
            var probe = start - 2
            var steps = 0
            while probe >= lower, steps < 10, !tokens[probe].isPunct(","), !tokens[probe].isQuote {
                probe -= 1
                steps += 1
            }
            let nameStart = probe + 1
            if nameStart <= start - 2, probe < lower || tokens[probe].isPunct(","),
               let nameEnd = (nameStart..<(start - 1)).last(where: { tokens[$0].isPunct(",") }).map({ $0 - 1 }) ?? Optional(start - 2),
               nameEnd >= nameStart,
               var named = parse(tokens, nameStart...nameEnd), named.form == .name,
               (nameStart...nameEnd).allSatisfy({ isNameWord(tokens[$0]) }) {
                named.role = tokens[min(nameEnd + 2, end)].range.lowerBound..<tokens[end].range.upperBound
                return named
            }
        }
        return phrase
    }

    /// Where a noun phrase ending at `end` starts, reading leftwards.
    func phraseStart(_ tokens: [Token], end: Int, lower: Int) -> Int? {
        let lastToken = tokens[end]
        guard lastToken.isWord, !lastToken.has(.stopWord) || lastToken.isCapitalized else { return nil }
        guard isNameWord(lastToken) || isRoleNoun(lastToken) || organizationKind(lastToken.range) != nil else { return nil }
        var start = end
        var lowercaseRun = 0
        while start - 1 >= lower, end - start < 12 {
            let candidate = tokens[start - 1]
            let right = tokens[start]
            if !candidate.isWord {
                break
            }
            if candidate.isPossessive {
                start -= 1
                continue
            }
            if candidate.has(.determiner) {
                start -= 1
                // "an official from the Bank": the determiner opens a complement of a role noun.
                if start - 2 >= lower, tokens[start - 1].has(.rolePreposition),
                   isRoleNoun(tokens[start - 2]) {
                    start -= 1
                    continue
                }
                break
            }
            if isNameWord(candidate) {
                if start - 1 == lower, candidate.has(.sentenceStarter),
                   !isTitle(candidate) { break }
                if candidate.has(.subjectPronoun) { break }
                start -= 1
                lowercaseRun = 0
                continue
            }
            if candidate.has(.rolePreposition) {
                // "ambassador in Baghdad", "director of the group": only after a role word.
                if start - 2 >= lower, isRoleNoun(tokens[start - 2]) || isTitle(tokens[start - 2]),
                   right.isWord, isNameWord(right) || right.has(.determiner) {
                    start -= 1
                    continue
                }
                break
            }
            if candidate.has(.stopWord) || candidate.isCueVerbForm {
                break
            }
            if isRoleNoun(candidate) || lowercaseRun < 3 {
                lowercaseRun += 1
                start -= 1
                continue
            }
            break
        }
        // Drop a leading sentence starter ("But Crocker") or a verb that opens an inverted
        // sentence ("Stated Stone").
        while start < end, tokens[start].has(.sentenceStarter)
                && !tokens[start].has(.determiner) && !isTitle(tokens[start])
                || (start == 0 && tokens[start].isCueVerbForm) {
            start += 1
        }
        // Drop leading lowercase words that are not determiners when no role noun follows them.
        return start
    }

    /// The object phrase after an inverted verb (`said Ryan Crocker, the ambassador.`).
    func object(_ tokens: [Token], after verb: Int, upper: Int) -> (phrase: SpeakerPhrase, end: Int)? {
        var index = verb + 1
        guard index < upper else { return nil }
        if isPronoun(tokens[index]) {
            return (SpeakerPhrase(form: .pronoun, mention: tokens[index].range, role: nil, head: tokens[index].lower), index)
        }
        let start = index
        while index < upper, index - start < 12 {
            let token = tokens[index]
            guard token.isWord else { break }
            if isNameWord(token) || token.isPossessive || (index == start && token.has(.determiner))
                || isRoleNoun(token) || (token.lower.first?.isNumber ?? false) {
                index += 1
                continue
            }
            if token.has(.rolePreposition), index > start,
               isRoleNoun(tokens[index - 1]) || isTitle(tokens[index - 1]), index + 1 < upper,
               isNameWord(tokens[index + 1]) || tokens[index + 1].has(.determiner) {
                index += 1
                continue
            }
            // Up to three modifiers before a role noun or name: "one former senior agency official".
            if !token.has(.stopWord), !token.isCueVerbForm,
               let head = ((index + 1)..<min(upper, index + 4)).first(where: { !tokens[$0].isWord || isRoleNoun(tokens[$0]) || isNameWord(tokens[$0]) }),
               tokens[head].isWord,
               ((index + 1)..<head).allSatisfy({ !tokens[$0].has(.stopWord) && !tokens[$0].isCueVerbForm }) {
                index += 1
                continue
            }
            break
        }
        guard index > start, var phrase = parse(tokens, start...(index - 1)) else { return nil }
        var end = index - 1
        if index < upper, tokens[index].isPunct(","), index + 1 < upper {
            // Appositive role up to the next comma or the end of the unit.
            var roleEnd = index + 1
            while roleEnd < upper, !tokens[roleEnd].isPunct(","), !tokens[roleEnd].isQuote,
                  !(tokens[roleEnd].isPunctuation && [".", ";", "?", "!", ":"].contains(tokens[roleEnd].lower)) {
                roleEnd += 1
            }
            if roleEnd > index + 1 {
                let roleRange = tokens[index + 1].range.lowerBound..<tokens[roleEnd - 1].range.upperBound
                if phrase.form == .name {
                    phrase.role = roleRange
                    end = roleEnd - 1
                }
            }
        }
        return (phrase, end)
    }

    /// Parses a bounded phrase into a name with its role, a nominal, an organization or a pronoun.
    func parse(_ tokens: [Token], _ span: ClosedRange<Int>) -> SpeakerPhrase? {
        var first = span.lowerBound
        let last = span.upperBound
        // Skip leading punctuation.
        while first <= last, !tokens[first].isWord { first += 1 }
        guard first <= last else { return nil }
        if first == last, isPronoun(tokens[first]) {
            return SpeakerPhrase(form: .pronoun, mention: tokens[first].range, role: nil, head: tokens[first].lower)
        }
        // Cut at a parenthesis: "Jason Holsman (D)".
        var end = last
        if let paren = (first...last).first(where: { tokens[$0].isPunct("(") }), paren > first { end = paren - 1 }
        while end > first, !tokens[end].isWord { end -= 1 }
        let whole = tokens[first].range.lowerBound..<tokens[end].range.upperBound

        // Known organizations, longest first ("Fox News", "the White House").
        // The kind of the bare phrase, kept for the name run below, which is mostly that range.
        var bareKind: (range: Range<Int>, kind: Lexicon.OrganizationKind?)? = nil
        if let bare = bareRange(whole) {
            let kind = organizationKind(bare)
            bareKind = (bare, kind)
            if kind == .organization {
                return SpeakerPhrase(form: .organization, mention: whole, role: nil, head: text(bare).lowercased())
            }
        } else {
            let bare = stripDeterminer(text(whole))
            if lexicon.organizationMap[bare] == .organization {
                return SpeakerPhrase(form: .organization, mention: whole, role: nil, head: bare.lowercased())
            }
        }

        // The trailing run of name words after the last title, role noun or possessive.
        var runStart = end + 1
        var index = end
        while index >= first {
            let token = tokens[index]
            if token.isWord, isNameWord(token), !isTitle(token), !isRoleNoun(token),
               !token.has(.generalAbbreviation),
               !token.isPossessive, !token.has(.determiner) {
                runStart = index
                index -= 1
                continue
            }
            break
        }
        if runStart <= end {
            var nameFirst = runStart
            // A sentence starter opening the run is no part of the name: "Despite Trump", "Like Trump".
            while nameFirst < end, tokens[nameFirst].has(.sentenceStarter) { nameFirst += 1 }
            let afterPreposition = runStart - 1 >= first && tokens[runStart - 1].has(.rolePreposition)
            if afterPreposition && end - runStart >= 2 {
                // "Ambassador to Iraq Ryan Crocker": the place belongs to the role.
                nameFirst = runStart + 1
            } else if afterPreposition, runStart - 2 >= first, isRoleNoun(tokens[runStart - 2]) {
                // "the ambassador in Baghdad", "a spokesman for Jane Roe": a description, not a name.
                let head = tokens[runStart - 2].lower
                let kind = lexicon.roleNounMap[head] ?? .person
                let form: SpeakerPhrase.Form = kind == .person ? .nominal : kind == .organization ? .organization : .document
                return SpeakerPhrase(form: form, mention: whole, role: nil, head: head)
            }
            // A place opening the run belongs to the role: "New Hampshire Sen. ..." is handled by
            // titles; "New Hampshire Jane Roe" or "Texas delegate" leave the place here.
            if end - nameFirst >= 1 {
                for length in [3, 2, 1] where nameFirst + length <= end {
                    if isPlace(tokens[nameFirst].range.lowerBound..<tokens[nameFirst + length - 1].range.upperBound) {
                        nameFirst += length
                        break
                    }
                }
            }
            // Suffixes and organizations decide the kind.
            let runTokens = tokens[nameFirst...end]
            let mention = tokens[nameFirst].range.lowerBound..<tokens[end].range.upperBound
            let isOrganization = runTokens.contains { $0.has(.organizationWord) }
                || (bareKind?.range == mention ? bareKind!.kind : organizationKind(mention)) != nil
            let role: Range<Int>? = nameFirst > first
                ? tokens[first].range.lowerBound..<tokens[nameFirst - 1].range.upperBound : nil
            if isOrganization {
                return SpeakerPhrase(form: .organization, mention: role == nil ? mention : whole, role: nil, head: nil)
            }
            // A single capitalised sentence starter is no name.
            if nameFirst == end, tokens[end].has(.sentenceStarter) { return nil }
            return SpeakerPhrase(form: .name, mention: mention, role: role, head: nil)
        }
        // No name: a description headed by its last word, or by the role noun that a complement
        // follows ("a report by the state education department").
        let headIndex = (first..<end).first(where: { isRoleNoun(tokens[$0]) && tokens[$0 + 1].has(.rolePreposition) }) ?? end
        let head = tokens[headIndex].lower
        // Only a word with the role-noun trait can be in `lexicon.roleNouns`.
        if tokens[headIndex].has(.roleNoun), let kind = lexicon.roleNounMap[head] {
            switch kind {
            case .person: return SpeakerPhrase(form: .nominal, mention: whole, role: nil, head: head)
            case .organization: return SpeakerPhrase(form: .organization, mention: whole, role: nil, head: head)
            case .document: return SpeakerPhrase(form: .document, mention: whole, role: nil, head: head)
            }
        }
        if tokens[headIndex].isCapitalized || organizationKind(tokens[headIndex].range) != nil {
            return SpeakerPhrase(form: .organization, mention: whole, role: nil, head: head)
        }
        return nil
    }

    /// `range` without the prefix `stripDeterminer` drops from its text ("the ", "a ", "an ",
    /// each also capitalised); nil when only the text can tell (a mark after the prefix's space
    /// may join the space into another character).
    ///
    /// The prefixes differ from one another before their space, and only in their first letter's
    /// case from their capitalised forms: they are matched unit by unit here (a static list of
    /// them was a lazy global, read at each call).
    func bareRange(_ range: Range<Int>) -> Range<Int>? {
        guard !range.isEmpty else { return range }
        let low = range.lowerBound
        let upper = range.upperBound
        var length = 0
        switch shadow[low] | 0x20 {  // "t" or "T", "a" or "A": most phrases are ruled out here
        case 0x74:
            if low + 4 <= upper, shadow[low + 1] == 0x68, shadow[low + 2] == 0x65, shadow[low + 3] == 0x20 { length = 4 }
        case 0x61:
            if low + 2 <= upper, shadow[low + 1] == 0x20 {
                length = 2
            } else if low + 3 <= upper, shadow[low + 1] == 0x6E, shadow[low + 2] == 0x20 {
                length = 3
            }
        default:
            break
        }
        guard length > 0 else { return range }
        let end = low + length
        if end < upper, shadow[end] >= 0x300 { return nil }
        return end..<upper
    }

    func stripDeterminer(_ text: String) -> String {
        for prefix in ["the ", "The ", "a ", "A ", "an ", "An "] where text.hasPrefix(prefix) {
            return String(text.dropFirst(prefix.count))
        }
        return text
    }

    /// Words of a figure between commas: "26 percent", "26 %", "5 points".
    static let figureUnits: WordSet = ["percent", "%", "points"]

    /// A subject the phrase reader cannot parse ("78 percent of voters in a poll said", "Jane Roe
    /// and John Doe said", "Roe became a delegate and said"): the whole stretch from the start of
    /// the sentence to the verb, when it is short and holds no clause words.
    public func fallbackSubject(_ tokens: [Token], verbIndex: Int, lower: Int = 0) -> SpeakerPhrase? {
        let analyzer = self
        guard var last = analyzer.skipAdverbsLeft(tokens, from: verbIndex - 1, lower: lower), last >= lower else { return nil }
        // A share with its figure between commas: "Just over a quarter, 26 percent, say".
        var figure: Int? = nil
        if tokens[last].isPunct(","), let open = (lower..<last).last(where: { tokens[$0].isPunct(",") }), open > lower,
           open + 1 < last, tokens[open + 1].lower.first?.isNumber ?? false,
           ((open + 1)..<last).allSatisfy({ tokens[$0].lower.first?.isNumber ?? false
               || PhraseAnalyzer.figureUnits.contains(tokens[$0].lower) }) {
            figure = last - 1
            last = open - 1
        }
        if figure == nil, tokens[last].hasText("and") || tokens[last].hasText("but") || tokens[last].isPunct(",") {
            return lower == 0 ? analyzer.leadingSubject(tokens, before: last) : nil
        }
        // Shares of a poll: "Two in three said", "Most of them say".
        let isShare = last - 2 >= lower && (tokens[last - 1].hasText("in") || tokens[last - 1].hasText("of"))
            && (tokens[last].has(.determiner) || PhraseAnalyzer.shareObjects.contains(tokens[last].lower))
        guard last - lower < 15, tokens[last].isWord, isShare || !tokens[last].has(.determiner),
              isShare || !tokens[last].has(.stopWord) else { return nil }
        let stretch = tokens[lower...last]
        // The clause words are stop words or ("this") determiners: other tokens skip the comparisons.
        guard !stretch.contains(where: { $0.isQuote
                || $0.isPunct(";") || $0.isPunct(":") || $0.isPunct("—")
                || (($0.has(.stopWord) || $0.has(.determiner)) && PhraseAnalyzer.clauseWords.contains($0.lower))
                || $0.isCueVerbForm && !$0.isCapitalized }) else { return nil }
        let first = tokens[lower]
        guard first.isCapitalized || first.has(.determiner) || (first.lower.first?.isNumber ?? false) else { return nil }
        if let figure {
            return SpeakerPhrase(form: .nominal, mention: tokens[lower].range.lowerBound..<tokens[figure].range.upperBound,
                                 role: nil, head: tokens[last].lower)
        }
        if let parsed = analyzer.parse(tokens, lower...last) { return parsed }
        return SpeakerPhrase(form: .nominal, mention: tokens[lower].range.lowerBound..<tokens[last].range.upperBound, role: nil,
                             head: tokens[last].lower)
    }

}
