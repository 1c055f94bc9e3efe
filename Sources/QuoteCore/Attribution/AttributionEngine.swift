/// Runs the rules of `RuleRegistry` over a document's units, sieve by sieve.
public struct AttributionEngine: Sendable {
    let rules: [any AttributionRule]
    /// Each rule's `trigger`, read once: looping over the rules copied each one out of its
    /// existential box and destroyed the copy (~140 instructions a rule, every document).
    private let triggers: [UnitFeatures?]

    public init(rules: [any AttributionRule] = RuleRegistry.rules) {
        self.rules = rules
        triggers = rules.map(\.trigger)
    }

    /// What a unit's features must share for the rules to be offered it: every rule needs a
    /// quotation, a cue verb, "according" (a cue) or a colon in the unit it reads.
    @inline(__always)
    static var candidateFeatures: UnitFeatures { [.quotation, .cue, .colon] }

    /// True when some unit is a candidate for the rules (`candidateFeatures`): a document with
    /// none gets no attribution, and needs no phrase analyzer.
    func hasCandidates(_ units: [Unit]) -> Bool {
        units.contains { !$0.features.isDisjoint(with: AttributionEngine.candidateFeatures) }
    }

    /// All accepted attributions; each quotation is claimed by at most one.
    public func run(units: [Unit], quotes: [QuoteSpan], analyzer: PhraseAnalyzer) -> [Attribution] {
        run(units: units, quotes: quotes, analyzer: analyzer, scratch: ExtractionScratch())
    }

    /// `run(units:quotes:analyzer:)` with the engine's tables (candidates, claimed quotations,
    /// attributions and clauses by unit, used cues) kept in `scratch` for the thread's next document.
    func run(units: [Unit], quotes: [QuoteSpan], analyzer: PhraseAnalyzer, scratch: ExtractionScratch) -> [Attribution] {
        // Every rule needs a quotation, a cue verb, "according" or a colon in the unit it reads;
        // most sentences of an article have none of these and are not offered to the rules.
        // Positions, not copies of the units (each call still hands its rule a copy of the unit,
        // ~100 instructions, which is why the triggers below matter). Each unit's features were
        // gathered by the tokenizer: a rule is offered only the candidates with its trigger.
        var candidates: [Int] = []
        var features: [UnitFeatures] = []
        swap(&candidates, &scratch.candidates)
        swap(&features, &scratch.candidateFeatures)
        defer {
            ExtractionScratch.emptied(&candidates)
            swap(&candidates, &scratch.candidates)
            ExtractionScratch.emptied(&features)
            swap(&features, &scratch.candidateFeatures)
        }
        for position in units.indices {
            let found = units[position].features
            guard !found.isDisjoint(with: AttributionEngine.candidateFeatures) else { continue }
            if candidates.isEmpty {
                // Room for every unit left, made at the first candidate (a document without one
                // allocates nothing): grown by appending, they took ~2,400 allocations on the dev set.
                candidates.reserveCapacity(units.count - position)
                features.reserveCapacity(units.count - position)
            }
            candidates.append(position)
            features.append(found)
        }
        // A document with no candidate (a brief with no quotation or cue) reads no rule at all,
        // and needs none of the rules' tables.
        if candidates.isEmpty { return [] }
        // The tables come from the scratch, filled for this document, and go back emptied.
        var context = RuleContext(analyzer: analyzer, units: units, quotes: quotes, claimed: QuoteClaims(count: 0))
        swap(&context.claimed, &scratch.claims)
        context.claimed.reset(count: quotes.count)
        swap(&context.acceptedByUnit, &scratch.acceptedByUnit)
        context.acceptedByUnit.reset(units: units.count)
        swap(&context.usedCues, &scratch.usedCues)
        var contents = ClausesByUnit(units: 0)  // the reported clauses accepted in each unit
        swap(&contents, &scratch.clausesByUnit)
        contents.reset(units: units.count)
        defer {
            context.claimed.emptied()
            swap(&context.claimed, &scratch.claims)
            context.acceptedByUnit.emptied()
            swap(&context.acceptedByUnit, &scratch.acceptedByUnit)
            context.usedCues.emptied()
            swap(&context.usedCues, &scratch.usedCues)
            contents.emptied()
            swap(&contents, &scratch.clausesByUnit)
        }
        // Room for about every attribution at once: most claim a quotation of their own or add
        // a clause to a candidate sentence. Grown by doubling, a huge document's array (then 256
        // bytes an attribution, now 160) was copied ~20 times, and the copies faulted in ~280 MB more
        // pages on the 48 MB single line (69k of its 440k page faults).
        context.accepted.reserveCapacity(quotes.count + candidates.count)
        context.usedCues.reserveCapacity(candidates.count)  // about a cue per candidate, not rehashed as it grows
        for (ruleIndex, trigger) in triggers.enumerated() {
            for (candidate, position) in candidates.enumerated() {
                if let trigger, !features[candidate].contains(trigger) { continue }
                // Called on the array's element in place: `let rule = rules[ruleIndex]` copied
                // each rule out of its existential box and destroyed the copy (~140 instructions
                // a rule, thirteen rules a document with a candidate).
                for attribution in rules[ruleIndex].apply(units[position], context) {
                    if attribution.claimed.contains(where: context.claimed.contains) { continue }
                    if let content = attribution.content {
                        if contents.anyOverlaps(content, unit: position) { continue }
                        contents.append(content, unit: position)
                    }
                    for quote in attribution.claimed { context.claimed.insert(quote) }
                    context.acceptedByUnit.append(context.accepted.count, unit: attribution.unit)
                    if let cue = attribution.cue { context.usedCues.insert(cue.lowerBound) }
                    context.accepted.append(attribution)  // its last use: moved, not copied
                }
            }
        }
        return context.accepted
    }
}

/// The reported clauses accepted in each unit, as one list per unit threaded through flat
/// arrays (as `AcceptedByUnit` keeps attributions): an array per unit in a hash table was an
/// allocation for every unit with a clause, ~3,000 on the dev set, and the table's own.
///
/// Not an `AcceptedByUnit` of indexes into an array of clauses: that keeps each unit's list in
/// order, with a second array per unit made for every document with a candidate, which the
/// overlap test does not need (tried: 10,000 briefs +0.4% instructions).
struct ClausesByUnit {
    /// Per unit, the index in `clauses` of its latest clause, or -1.
    private var latest: [Int32]
    private var clauses: [Range<Int>] = []
    /// Per clause, the index of the one before it in its unit, or -1.
    private var earlier: [Int32] = []

    init(units: Int) {
        latest = .filled(with: -1, count: units)
    }

    /// No clause in any of `units` units again, in the same storage when it has room.
    mutating func reset(units: Int) {
        latest.refill(with: -1, count: units)
        clauses.removeAllKeepingCapacity()
        earlier.removeAllKeepingCapacity()
    }

    /// The room of its largest array (`ExtractionScratch.largestCapacity`).
    var largestCapacity: Int { max(latest.capacity, clauses.capacity, earlier.capacity) }

    /// No unit and no clause: the storage kept for the next document's `reset(units:)`
    /// (`ExtractionScratch`).
    mutating func emptied() {
        ExtractionScratch.emptied(&latest)
        ExtractionScratch.emptied(&clauses)
        ExtractionScratch.emptied(&earlier)
    }

    /// True when a clause of `unit` overlaps `content`.
    func anyOverlaps(_ content: Range<Int>, unit: Int) -> Bool {
        var index = latest[unit]
        while index >= 0 {
            if clauses[Int(index)].overlaps(content) { return true }
            index = earlier[Int(index)]
        }
        return false
    }

    mutating func append(_ content: Range<Int>, unit: Int) {
        // Room for sixteen at the first clause (grown from empty: ~4 reallocations of each
        // array a document with clauses; most documents with candidates accept one).
        if clauses.isEmpty {
            clauses.reserveCapacity(16)
            earlier.reserveCapacity(16)
        }
        earlier.append(latest[unit])
        latest[unit] = Int32(clauses.count)
        clauses.append(content)
    }
}
