import QuoteSchema

/// One sieve of the attribution engine: finds attributions in a unit.
///
/// Rules run in the order of `RuleRegistry.rules`; a quotation claimed by an earlier rule is not
/// offered to later ones, and every record keeps the id of the rule that decided it.
public protocol AttributionRule: Sendable {
    /// Stable id written into every record this rule decides.
    var id: String { get }
    /// Every id the rule writes: `id` and the ids of its variants.
    var ids: [String] { get }
    /// Worked examples: documentation that the test suite runs.
    var examples: [RuleExample] { get }
    /// What a unit must hold for the rule to find anything in it (see `UnitFeatures`); nil
    /// when any unit may do. The engine offers the rule only units with its trigger.
    var trigger: UnitFeatures? { get }
    /// Attributions the rule finds in `unit`.
    func apply(_ unit: Unit, _ context: RuleContext) -> [Attribution]
}

extension AttributionRule {
    /// Any unit may do, unless the rule says otherwise.
    public var trigger: UnitFeatures? { nil }
}

/// What rules may consult: the analyzer, the document's units and quotations, and what earlier
/// rules and units decided.
public struct RuleContext: Sendable {
    public let analyzer: PhraseAnalyzer
    public let units: [Unit]
    public let quotes: [QuoteSpan]
    /// Quotations already attributed.
    public internal(set) var claimed: QuoteClaims
    /// Attributions accepted so far, in the order they were accepted.
    public internal(set) var accepted: [Attribution] = []
    /// For each unit position, the indexes in `accepted` of the attributions made in that unit
    /// (`Attribution.unit`), in the order they were accepted: rules that look for the latest
    /// earlier attribution walk back unit by unit instead of reading every attribution.
    public internal(set) var acceptedByUnit = AcceptedByUnit(units: 0)
    /// Start offsets of the cues of accepted attributions.
    public internal(set) var usedCues = UsedCues()

    var shadow: [UInt16] { analyzer.shadow }
    var lexicon: Lexicon { analyzer.lexicon }
}

/// The indexes of accepted attributions by unit, as one list per unit threaded through three
/// arrays. An array per unit made an allocation for every unit that got an attribution: tens of
/// thousands in a document of quoted sentences.
public struct AcceptedByUnit: Sendable {
    /// Per unit, its first and last attribution's index, or -1.
    private var first: [Int32]
    private var last: [Int32]
    /// Per attribution, the index of the next one of its unit, or -1.
    private var next: [Int32] = []

    init(units: Int) {
        first = .filled(with: -1, count: units)
        last = first
    }

    /// No attribution in any of `units` units again, in the same storage when it has room.
    mutating func reset(units: Int) {
        first.refill(with: -1, count: units)
        last.refill(with: -1, count: units)
        next.removeAllKeepingCapacity()
    }

    /// The room of its largest array (`ExtractionScratch.largestCapacity`).
    var largestCapacity: Int { max(first.capacity, last.capacity, next.capacity) }

    /// No unit and no attribution: the storage kept for the next document's `reset(units:)`
    /// (`ExtractionScratch`).
    mutating func emptied() {
        ExtractionScratch.emptied(&first)
        ExtractionScratch.emptied(&last)
        ExtractionScratch.emptied(&next)
    }

    /// Records that attribution `index` (the next one, `accepted.count` before it is added) was
    /// made in `unit`.
    mutating func append(_ index: Int, unit: Int) {
        // Room for sixteen at the first attribution (grown from empty: ~3 reallocations a
        // document with attributions; reserved before the rules run, a document whose
        // candidates gave none allocated it for nothing: 10,000 briefs +0.2%).
        if next.isEmpty { next.reserveCapacity(16) }
        next.append(-1)
        if last[unit] >= 0 { next[Int(last[unit])] = Int32(index) } else { first[unit] = Int32(index) }
        last[unit] = Int32(index)
    }

    /// The indexes of the attributions of `unit`, in the order they were accepted.
    public subscript(unit: Int) -> Indexes { Indexes(following: next, current: first[unit]) }

    public struct Indexes: Sequence, IteratorProtocol {
        fileprivate let following: [Int32]
        fileprivate var current: Int32

        public mutating func next() -> Int? {
            guard current >= 0 else { return nil }
            defer { current = following[Int(current)] }
            return Int(current)
        }
    }
}

/// A worked example of a rule: a short text, and one record the rule must produce from it.
public struct RuleExample: Sendable {
    public let text: String
    /// The record's `quote.text`.
    public let quote: String
    public let type: QuoteType
    /// The resolved speaker name, or nil for no speaker.
    public let speaker: String?
    /// The relaying reporter, for `quoted ... as saying`.
    public let via: String?
    /// The rule id the record must carry (defaults to the rule's `id`).
    public let rule: String?

    public init(_ text: String, quote: String, type: QuoteType = .direct, speaker: String?, via: String? = nil,
                rule: String? = nil) {
        self.text = text
        self.quote = quote
        self.type = type
        self.speaker = speaker
        self.via = via
        self.rule = rule
    }
}

extension AttributionRule {
    public var ids: [String] { [id] }

    /// A finished attribution for one quotation.
    func direct(_ quote: Int, _ speaker: SpeakerPhrase?, cue: Token?, lemma: String?, confidence: Double,
                unit: Unit, via: SpeakerPhrase? = nil, rule: String? = nil) -> Attribution {
        Attribution(rule: rule ?? id, directQuote: quote, speaker: speaker, via: via, cue: cue?.range, cueLemma: lemma,
                    confidence: confidence, unit: unit.index)
    }

    /// An attribution for a reported clause: mixed when it holds quotations, indirect otherwise.
    func clause(_ tokens: [Token], _ range: ClosedRange<Int>, _ speaker: SpeakerPhrase?, cue: Token?, lemma: String?,
                confidence: Double, unit: Unit, via: SpeakerPhrase? = nil, minimumWords: Int = 2) -> Attribution? {
        var first = range.lowerBound
        var last = range.upperBound
        while first <= last, tokens[first].isPunctuation || (first < last && Tokens.leadingConjunctions.contains(tokens[first].lower)) {
            first += 1
        }
        if first <= last { first = Tokens.afterDateline(tokens, from: first, to: last) }
        while last >= first, tokens[last].isPunctuation { last -= 1 }
        guard first <= last else { return nil }
        // The quotations and the number of words, in one pass and without arrays for the count.
        var quotes: [Int] = []
        var words = 0
        for index in first...last {
            let token = tokens[index]
            if token.isQuote { quotes.append(token.quote) }
            if !token.isPunctuation { words += 1 }
        }
        if quotes.count == 1, first == last {
            return direct(quotes[0], speaker, cue: cue, lemma: lemma, confidence: confidence, unit: unit, via: via)
        }
        guard words >= minimumWords else { return nil }
        // A lone conjunction reports nothing: "But, he said, ...".
        if words == 1, Tokens.leadingConjunctions.contains(tokens[first].lower) { return nil }
        return Attribution(rule: id, type: quotes.isEmpty ? .indirect : .mixed, quote: quotes.first,
                           content: tokens[first].range.lowerBound..<tokens[last].range.upperBound,
                           speaker: speaker, via: via, cue: cue?.range, cueLemma: lemma,
                           confidence: quotes.isEmpty ? confidence * 0.8 : confidence, claimed: quotes, unit: unit.index)
    }

    /// Confidence for a speaker phrase: names are surer than pronouns and descriptions.
    func confidence(_ base: Double, _ speaker: SpeakerPhrase?) -> Double {
        guard let speaker else { return base * 0.5 }
        switch speaker.form {
        case .name, .organization: return base
        case .pronoun: return base * 0.9
        case .nominal, .document: return base * 0.85
        }
    }
}

/// Token-level helpers the rules share.
enum Tokens {
    /// True when every token from `index` on is punctuation.
    static func onlyPunctuation(_ tokens: [Token], from index: Int) -> Bool {
        var index = index
        while index < tokens.count {
            if !tokens[index].isPunctuation { return false }
            index += 1
        }
        return true
    }

    /// True when every token before `index` is punctuation.
    static func onlyPunctuation(_ tokens: [Token], before index: Int) -> Bool {
        (0..<index).allSatisfy { tokens[$0].isPunctuation }
    }

    /// Skips a dateline ("PORT ELLIS —", "DALLAS (AP) —") at the start of a clause.
    static func afterDateline(_ tokens: [Token], from first: Int, to last: Int) -> Int {
        guard let dash = (first...min(last, first + 8)).first(where: { tokens[$0].isPunct("—") }),
              dash > first, dash < last else { return first }
        let isDateline = (first..<dash).allSatisfy { index in
            let token = tokens[index]
            if token.isPunctuation { return token.isPunct("(") || token.isPunct(")") || token.isPunct(",") }
            return token.isWord && token.isAllCaps
        }
        return isDateline ? dash + 1 : first
    }

    /// A dash between words: the tokenizer writes every dash as "—"; a hyphen stands alone as "-".
    @inline(__always)
    static func isDash(_ token: Token) -> Bool { token.isPunct("—") || token.isPunct("-") }

    /// True when a quotation is among the `within` tokens after `index` (up to `last`): "whom he
    /// called "a con artist"" reports the quotation, not the words before the verb.
    static func quotationFollows(_ tokens: [Token], after index: Int, last: Int, within: Int) -> Bool {
        index + 1 <= last && ((index + 1)...min(last, index + within)).contains { tokens[$0].isQuote }
    }

    /// A comma, or a quotation whose content ends with one ("Q," S said).
    static func isCommaLike(_ tokens: [Token], _ index: Int, _ context: RuleContext) -> Bool {
        let token = tokens[index]
        if token.isPunct(",") { return true }
        guard token.isQuote else { return false }
        let span = context.quotes[token.quote]
        guard span.parts.count - 1 == token.part else { return false }
        var end = span.content.upperBound
        while end > span.content.lowerBound, [0x2019, 0x27, 0x201D, 0x22].contains(context.shadow[end - 1]) { end -= 1 }
        return end > span.content.lowerBound && context.shadow[end - 1] == CodeUnit.comma
    }

    /// A speech verb in finite form ("said", not "saying").
    static func isFiniteCue(_ token: Token, _ analyzer: PhraseAnalyzer, classes: VerbClasses) -> Lexicon.Verb? {
        // "as she put it": "put" is a cue only before "it" (not in "put off a vote").
        if token.has(.cueWord) && (token.hasText("put") || token.hasText("puts")) {
            return classes.contains(.speech) && token.isCapitalized == false && analyzer.followedByIt(token)
                ? Lexicon.Verb(lemma: "put", verbClass: .speech) : nil
        }
        guard !token.isCapitalized, let verb = analyzer.verb(token), classes.contains(verb.verbClass) else { return nil }
        if endsInING(token.lower) && verb.lemma != token.lower { return nil }
        return verb
    }

    /// `word.hasSuffix("ing")` (`WordShape.hasASCIISuffix(_:_:)`).
    @inline(__always) static func endsInING(_ word: String) -> Bool {
        WordShape.hasASCIISuffix(word, "ing")
    }

    /// Verb classes as bits: `isFiniteCue` tests one for every word of the clauses it reads.
    struct VerbClasses: Sendable {
        private let bits: UInt8

        init(_ classes: Lexicon.Verb.Class...) {
            bits = classes.reduce(0) { $0 | VerbClasses.bit($1) }
        }

        @inline(__always) func contains(_ verbClass: Lexicon.Verb.Class) -> Bool { bits & VerbClasses.bit(verbClass) != 0 }

        @inline(__always) private static func bit(_ verbClass: Lexicon.Verb.Class) -> UInt8 {
            switch verbClass {
            case .speech: 1
            case .belief: 2
            case .report: 4
            case .quote: 8
            }
        }
    }

    static let speech = VerbClasses(.speech)
    /// Conjunctions that open a sentence but not the reported clause ("But Iran did not...").
    static let leadingConjunctions: WordSet = ["but", "and", "so", "yet", "or"]
    static let anyCue = VerbClasses(.speech, .belief, .report, .quote)
    /// Cues that report a clause without a quotation ("began" and "continued" do not).
    static let reporting = VerbClasses(.speech, .belief, .report)
}
