import QuoteSchema

/// Scores predicted quotation records against gold documents (metrics in docs/evaluation.md).
///
/// Offsets of both sides are Unicode code-point indices into the gold document text, end
/// exclusive. Predictions are looked up by gold document id; the `document` field of the records
/// themselves is not consulted.
public struct Scorer: Sendable {
    /// Minimum |gold ∩ predicted| / max(|gold|, |predicted|) for an overlap match.
    public var overlapThreshold: Double
    /// Minimum share of an unmatched predicted direct span lying inside a gold mixed or indirect
    /// span for it to be ignored rather than counted as a false alarm.
    public var containmentThreshold: Double
    /// Code points of context either side of a span in error records.
    public var contextRadius: Int

    /// A scorer with the standard settings (0.5, 0.5, 100).
    public init(overlapThreshold: Double = 0.5, containmentThreshold: Double = 0.5,
                contextRadius: Int = 100) {
        self.overlapThreshold = overlapThreshold
        self.containmentThreshold = containmentThreshold
        self.contextRadius = contextRadius
    }

    /// Computes every block with its breakdowns.
    public func score(gold: [GoldDocument], predictions: [String: [QuoteRecord]]) -> EvaluationReport {
        run(gold: gold, predictions: predictions, errorBlocks: []).report
    }

    /// Lists every miss, false alarm and wrong speaker of the chosen blocks, in document order.
    public func errors(gold: [GoldDocument], predictions: [String: [QuoteRecord]],
                       blocks: Set<MetricBlock> = Set(MetricBlock.allCases)) -> [EvaluationError] {
        run(gold: gold, predictions: predictions, errorBlocks: blocks).errors
    }

    /// Both the report and the errors of the chosen blocks in one pass.
    public func evaluate(gold: [GoldDocument], predictions: [String: [QuoteRecord]],
                         errorBlocks: Set<MetricBlock> = Set(MetricBlock.allCases))
        -> (report: EvaluationReport, errors: [EvaluationError]) {
        run(gold: gold, predictions: predictions, errorBlocks: errorBlocks)
    }

    // MARK: - Units

    struct GoldUnit {
        let index: Int
        let quote: GoldQuote
        let raw: Interval
        let span: Interval
    }

    struct PredictedUnit {
        let record: QuoteRecord
        let raw: Interval
        let span: Interval
    }

    struct Match {
        let gold: Int
        let predicted: Int
        let score: Double
    }

    struct BlockMatching {
        var matches: [Match] = []
        var missed: [Int] = []
        var falseAlarms: [Int] = []
        var ignored: [Int] = []
    }

    static let epsilon = 1e-9

    static func goldUnits(_ document: GoldDocument, _ scalars: [Unicode.Scalar]) -> [GoldUnit] {
        document.quotes.enumerated().map { index, quote in
            let raw = clamp(quote.start, quote.end, scalars.count)
            return GoldUnit(index: index, quote: quote, raw: raw,
                            span: SpanText.trimmed(scalars, raw.start, raw.end))
        }
    }

    /// One unit per record, or one per part for a record with `quote.parts`.
    static func predictedUnits(_ records: [QuoteRecord], _ scalars: [Unicode.Scalar]) -> [PredictedUnit] {
        var units: [PredictedUnit] = []
        units.reserveCapacity(records.count)
        for record in records {
            let ranges: [(Int, Int)]
            if let parts = record.quote.parts, !parts.isEmpty {
                ranges = parts.map { ($0.start, $0.end) }
            } else {
                ranges = [(record.quote.start, record.quote.end)]
            }
            for (start, end) in ranges {
                let raw = clamp(start, end, scalars.count)
                units.append(PredictedUnit(record: record, raw: raw,
                                           span: SpanText.trimmed(scalars, raw.start, raw.end)))
            }
        }
        return units
    }

    static func clamp(_ start: Int, _ end: Int, _ length: Int) -> Interval {
        let lower = min(max(0, start), length)
        return Interval(start: lower, end: min(max(lower, end), length))
    }

    // MARK: - Matching

    /// One-to-one greedy matching of one block in one document: candidate pairs sorted by score
    /// (then by position), each gold and each predicted unit used at most once.
    func match(_ block: MetricBlock, gold: [GoldUnit], predicted: [PredictedUnit]) -> BlockMatching {
        let directOnly = block != .allOverlap
        let goldIDs = gold.indices.filter { !directOnly || gold[$0].quote.type == .direct }
        let predIDs = predicted.indices.filter { !directOnly || predicted[$0].record.type == .direct }

        var pairs: [Match] = []
        if block == .directExact {
            var byInterval: [Interval: [Int]] = [:]
            for p in predIDs { byInterval[predicted[p].span, default: []].append(p) }
            for g in goldIDs {
                for p in byInterval[gold[g].span] ?? [] { pairs.append(Match(gold: g, predicted: p, score: 1)) }
            }
        } else {
            // A pair needs an overlap (or two equal empty spans): a prediction starting at most
            // at the gold span's end and ending at least at its start. The order pairs are found
            // in does not matter: they are sorted on a total order below.
            let sortedPreds = SortedSpans(predIDs.map { (predicted[$0].span, $0) })
            for g in goldIDs {
                let gs = gold[g].span
                sortedPreds.forEach(startingAtMost: gs.end, endingAtLeast: min(gs.start, gs.end)) { p in
                    let score = gs.overlapRatio(predicted[p].span)
                    if score > 0 && score + Scorer.epsilon >= overlapThreshold {
                        pairs.append(Match(gold: g, predicted: p, score: score))
                    }
                }
            }
        }
        pairs.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            let ga = gold[a.gold].span, gb = gold[b.gold].span
            if ga.start != gb.start { return ga.start < gb.start }
            let pa = predicted[a.predicted].span, pb = predicted[b.predicted].span
            if pa.start != pb.start { return pa.start < pb.start }
            if a.gold != b.gold { return a.gold < b.gold }
            return a.predicted < b.predicted
        }

        var result = BlockMatching()
        var goldUsed = [Bool](repeating: false, count: gold.count)
        var predUsed = [Bool](repeating: false, count: predicted.count)
        for pair in pairs where !goldUsed[pair.gold] && !predUsed[pair.predicted] {
            goldUsed[pair.gold] = true
            predUsed[pair.predicted] = true
            result.matches.append(pair)
        }
        result.matches.sort { gold[$0.gold].span.start < gold[$1.gold].span.start }
        result.missed = goldIDs.filter { !goldUsed[$0] }

        let nonDirectGold = directOnly ? gold.filter { $0.quote.type != .direct } : []
        // A positive share inside a gold span needs that span to start at most where the
        // prediction starts or ends and to end after it starts.
        let sortedNonDirect = SortedSpans(nonDirectGold.indices.map { (nonDirectGold[$0].span, $0) })
        for p in predIDs where !predUsed[p] {
            let span = predicted[p].span
            func isInside(_ other: Interval) -> Bool { span.containment(in: other) + Scorer.epsilon >= containmentThreshold }
            var inside = false
            if containmentThreshold - Scorer.epsilon > 0 {
                sortedNonDirect.forEach(startingAtMost: max(span.start, span.end), endingAtLeast: span.start + 1) { index in
                    if !inside, isInside(nonDirectGold[index].span) { inside = true }
                }
            } else {
                inside = nonDirectGold.contains { isInside($0.span) }  // every span passes a threshold of 0
            }
            if inside { result.ignored.append(p) } else { result.falseAlarms.append(p) }
        }
        return result
    }

    /// Spans sorted by start, with the furthest end reached so far at each position: the spans
    /// that start at most at one offset and end at least at another are found by a binary
    /// search and a walk back that stops where no earlier span reaches far enough. Matching each
    /// gold quotation against every prediction was quadratic in one document's quotations.
    struct SortedSpans {
        private let spans: [(span: Interval, id: Int)]
        private let reach: [Int]

        init(_ spans: [(Interval, Int)]) {
            self.spans = spans.sorted { $0.0.start < $1.0.start }.map { (span: $0.0, id: $0.1) }
            var furthest = Int.min
            reach = self.spans.map { item in
                furthest = max(furthest, item.span.end)
                return furthest
            }
        }

        /// Calls `body` with the id of every span with `start <= last` and `end >= first`.
        func forEach(startingAtMost last: Int, endingAtLeast first: Int, _ body: (Int) -> Void) {
            var low = 0, high = spans.count
            while low < high {  // the first span starting after `last`
                let mid = (low + high) / 2
                if spans[mid].span.start <= last { low = mid + 1 } else { high = mid }
            }
            var index = low - 1
            while index >= 0, reach[index] >= first {
                if spans[index].span.end >= first { body(spans[index].id) }
                index -= 1
            }
        }
    }

    // MARK: - Tallies

    struct SideTally {
        var count = 0
        var matched = 0
        var ignored = 0
        var speakerCorrect = 0
        var speakerTotal = 0
        var nullCorrect = 0
        var nullTotal = 0
        var endToEnd = 0

        mutating func addMatch(goldHasSpeaker: Bool, verdict: SpeakerVerdict) {
            count += 1
            matched += 1
            if goldHasSpeaker {
                speakerTotal += 1
                if verdict.isCorrect { speakerCorrect += 1 }
            } else {
                nullTotal += 1
                if verdict.isCorrect { nullCorrect += 1 }
            }
            if verdict.isCorrect { endToEnd += 1 }
        }

        var goldStats: GoldSideStats {
            GoldSideStats(gold: count, matched: matched,
                          recall: count == 0 ? 0 : Double(matched) / Double(count),
                          speaker: Ratio(correct: speakerCorrect, total: speakerTotal),
                          nullSpeaker: Ratio(correct: nullCorrect, total: nullTotal),
                          endToEnd: Ratio(correct: endToEnd, total: count))
        }

        var predictedStats: PredictedSideStats {
            PredictedSideStats(predicted: count, matched: matched, falseAlarms: count - matched,
                               ignored: ignored,
                               precision: count == 0 ? 0 : Double(matched) / Double(count),
                               speaker: Ratio(correct: speakerCorrect, total: speakerTotal),
                               nullSpeaker: Ratio(correct: nullCorrect, total: nullTotal),
                               endToEnd: Ratio(correct: endToEnd, total: count))
        }
    }

    struct GroupTally {
        var documents = 0
        var gold = SideTally()
        var predicted = SideTally()

        mutating func addMatch(goldHasSpeaker: Bool, verdict: SpeakerVerdict) {
            gold.addMatch(goldHasSpeaker: goldHasSpeaker, verdict: verdict)
            predicted.addMatch(goldHasSpeaker: goldHasSpeaker, verdict: verdict)
        }

        var spans: SpanCounts {
            SpanCounts(tp: gold.matched, fp: predicted.count - predicted.matched,
                       fn: gold.count - gold.matched)
        }

        var endToEnd: SpanCounts {
            SpanCounts(tp: gold.endToEnd, fp: predicted.count - gold.endToEnd,
                       fn: gold.count - gold.endToEnd)
        }

        var speaker: Ratio { Ratio(correct: gold.speakerCorrect, total: gold.speakerTotal) }
        var nullSpeaker: Ratio { Ratio(correct: gold.nullCorrect, total: gold.nullTotal) }
    }

    struct BlockTally {
        var total = GroupTally()
        var byGoldType: [String: SideTally] = [:]
        var byPredictedType: [String: SideTally] = [:]
        var byRule: [String: SideTally] = [:]
        var byPublisher: [String: GroupTally] = [:]

        func report(_ block: MetricBlock) -> BlockReport {
            BlockReport(block: block, spans: total.spans, ignored: total.predicted.ignored,
                        speaker: total.speaker, nullSpeaker: total.nullSpeaker,
                        endToEnd: total.endToEnd,
                        byGoldType: byGoldType.mapValues { $0.goldStats },
                        byPredictedType: byPredictedType.mapValues { $0.predictedStats },
                        byRule: byRule.mapValues { $0.predictedStats },
                        byPublisher: byPublisher.mapValues {
                            PublisherStats(documents: $0.documents, spans: $0.spans,
                                           ignored: $0.predicted.ignored, speaker: $0.speaker,
                                           nullSpeaker: $0.nullSpeaker, endToEnd: $0.endToEnd)
                        })
        }
    }

    // MARK: - Run

    func run(gold documents: [GoldDocument], predictions: [String: [QuoteRecord]],
             errorBlocks: Set<MetricBlock>) -> (report: EvaluationReport, errors: [EvaluationError]) {
        var tallies = [MetricBlock: BlockTally]()
        for block in MetricBlock.allCases { tallies[block] = BlockTally() }
        var errors: [EvaluationError] = []
        var goldCount = 0
        var predictedCount = 0
        var withoutPredictions = 0
        let goldIDs = Set(documents.map(\.id))

        for document in documents {
            let scalars = Array(document.text.unicodeScalars)
            let records = predictions[document.id]
            if records == nil { withoutPredictions += 1 }
            let gold = Scorer.goldUnits(document, scalars)
            let predicted = Scorer.predictedUnits(records ?? [], scalars)
            goldCount += gold.count
            predictedCount += predicted.count
            let publisher = document.publisher

            for block in MetricBlock.allCases {
                let matching = match(block, gold: gold, predicted: predicted)
                // Taken out, not copied: a copy shares its dictionaries with the one still in
                // `tallies`, and the first write to one (a publisher's counts) copied it whole, for
                // every document (quadratic in documents times publishers).
                var tally = tallies.removeValue(forKey: block)!
                var blockErrors: [EvaluationError] = []
                tally.total.documents += 1
                tally.byPublisher[publisher, default: GroupTally()].documents += 1

                for m in matching.matches {
                    let g = gold[m.gold], p = predicted[m.predicted]
                    let verdict = SpeakerMatcher.verdict(gold: g.quote.speaker, predicted: p.record.speaker)
                    let hasSpeaker = g.quote.speaker != nil
                    tally.total.addMatch(goldHasSpeaker: hasSpeaker, verdict: verdict)
                    tally.byPublisher[publisher]!.addMatch(goldHasSpeaker: hasSpeaker, verdict: verdict)
                    tally.byGoldType[g.quote.type.rawValue, default: SideTally()]
                        .addMatch(goldHasSpeaker: hasSpeaker, verdict: verdict)
                    tally.byPredictedType[p.record.type.rawValue, default: SideTally()]
                        .addMatch(goldHasSpeaker: hasSpeaker, verdict: verdict)
                    tally.byRule[p.record.rule, default: SideTally()]
                        .addMatch(goldHasSpeaker: hasSpeaker, verdict: verdict)
                    if !verdict.isCorrect && errorBlocks.contains(block) {
                        blockErrors.append(wrongSpeaker(document, scalars, block, g, p, m.score, verdict))
                    }
                }
                for index in matching.missed {
                    let g = gold[index]
                    tally.total.gold.count += 1
                    tally.byPublisher[publisher]!.gold.count += 1
                    tally.byGoldType[g.quote.type.rawValue, default: SideTally()].count += 1
                    if errorBlocks.contains(block) { blockErrors.append(miss(document, scalars, block, g)) }
                }
                for index in matching.falseAlarms {
                    let p = predicted[index]
                    tally.total.predicted.count += 1
                    tally.byPublisher[publisher]!.predicted.count += 1
                    tally.byPredictedType[p.record.type.rawValue, default: SideTally()].count += 1
                    tally.byRule[p.record.rule, default: SideTally()].count += 1
                    if errorBlocks.contains(block) {
                        blockErrors.append(falseAlarm(document, scalars, block, p))
                    }
                }
                for index in matching.ignored {
                    let p = predicted[index]
                    tally.total.predicted.ignored += 1
                    tally.byPublisher[publisher]!.predicted.ignored += 1
                    tally.byPredictedType[p.record.type.rawValue, default: SideTally()].ignored += 1
                    tally.byRule[p.record.rule, default: SideTally()].ignored += 1
                }
                tallies[block] = tally
                errors += Scorer.inTextOrder(blockErrors)
            }
        }

        let report = EvaluationReport(
            documents: documents.count, goldQuotations: goldCount,
            predictedQuotations: predictedCount, documentsWithoutPredictions: withoutPredictions,
            unscoredPredictionDocuments: predictions.keys.filter { !goldIDs.contains($0) }.sorted(),
            directExact: tallies[.directExact]!.report(.directExact),
            directOverlap: tallies[.directOverlap]!.report(.directOverlap),
            allOverlap: tallies[.allOverlap]!.report(.allOverlap))
        return (report, errors)
    }

    // MARK: - Error records

    /// Sorts one document's errors by the position of their span (gold span first), then kind.
    static func inTextOrder(_ errors: [EvaluationError]) -> [EvaluationError] {
        func key(_ e: EvaluationError) -> (Int, Int, Int) {
            let span = e.gold ?? e.predicted
            let kind = EvaluationError.Kind.allCases.firstIndex(of: e.kind) ?? 0
            return (span?.start ?? 0, span?.end ?? 0, kind)
        }
        return errors.sorted { key($0) < key($1) }
    }

    static func goldSpan(_ g: GoldUnit, _ scalars: [Unicode.Scalar]) -> TextSpan {
        TextSpan(text: SpanText.slice(scalars, g.raw.start, g.raw.end), start: g.raw.start, end: g.raw.end)
    }

    static func predictedSpan(_ p: PredictedUnit, _ scalars: [Unicode.Scalar]) -> TextSpan {
        TextSpan(text: SpanText.slice(scalars, p.raw.start, p.raw.end), start: p.raw.start, end: p.raw.end)
    }

    static func speakerSpan(_ g: GoldUnit) -> TextSpan? {
        g.quote.speaker.map { TextSpan(text: $0.text, start: $0.start, end: $0.end) }
    }

    func miss(_ document: GoldDocument, _ scalars: [Unicode.Scalar], _ block: MetricBlock,
              _ g: GoldUnit) -> EvaluationError {
        EvaluationError(document: document.id, kind: .miss, block: block, goldType: g.quote.type,
                        gold: Scorer.goldSpan(g, scalars), goldSpeaker: Scorer.speakerSpan(g),
                        context: SpanText.context(scalars, g.raw.start, g.raw.end, radius: contextRadius))
    }

    func falseAlarm(_ document: GoldDocument, _ scalars: [Unicode.Scalar], _ block: MetricBlock,
                    _ p: PredictedUnit) -> EvaluationError {
        EvaluationError(document: document.id, kind: .falseAlarm, block: block,
                        predictedType: p.record.type, predicted: Scorer.predictedSpan(p, scalars),
                        rule: p.record.rule, recordID: p.record.id,
                        predictedSpeaker: p.record.speaker?.name,
                        predictedMention: p.record.speaker?.mention,
                        context: SpanText.context(scalars, p.raw.start, p.raw.end, radius: contextRadius))
    }

    func wrongSpeaker(_ document: GoldDocument, _ scalars: [Unicode.Scalar], _ block: MetricBlock,
                      _ g: GoldUnit, _ p: PredictedUnit, _ score: Double,
                      _ verdict: SpeakerVerdict) -> EvaluationError {
        EvaluationError(document: document.id, kind: .wrongSpeaker, block: block,
                        goldType: g.quote.type, gold: Scorer.goldSpan(g, scalars),
                        predictedType: p.record.type, predicted: Scorer.predictedSpan(p, scalars),
                        rule: p.record.rule, recordID: p.record.id,
                        goldSpeaker: Scorer.speakerSpan(g), predictedSpeaker: p.record.speaker?.name,
                        predictedMention: p.record.speaker?.mention, speakerVerdict: verdict,
                        overlap: score,
                        context: SpanText.context(scalars, g.raw.start, g.raw.end, radius: contextRadius))
    }
}
