import XCTest
import QuoteSchema
@testable import QuoteEvaluation

/// `Scorer.match` finds candidate pairs through `SortedSpans` instead of comparing every gold
/// span with every prediction; it must match as the full comparison did.
final class SortedSpansTests: XCTestCase {
    /// The matching as it was: every prediction before the gold span's end tried for each gold
    /// span, every non-direct gold span tried for each unmatched prediction.
    static func fullMatch(_ scorer: Scorer, _ block: MetricBlock, gold: [Scorer.GoldUnit],
                          predicted: [Scorer.PredictedUnit]) -> Scorer.BlockMatching {
        let directOnly = block != .allOverlap
        let goldIDs = gold.indices.filter { !directOnly || gold[$0].quote.type == .direct }
        let predIDs = predicted.indices.filter { !directOnly || predicted[$0].record.type == .direct }
        var pairs: [Scorer.Match] = []
        if block == .directExact {
            for g in goldIDs { for p in predIDs where predicted[p].span == gold[g].span { pairs.append(.init(gold: g, predicted: p, score: 1)) } }
        } else {
            let sortedPreds = predIDs.sorted { predicted[$0].span.start < predicted[$1].span.start }
            for g in goldIDs {
                for p in sortedPreds {
                    if predicted[p].span.start > gold[g].span.end { break }
                    let score = gold[g].span.overlapRatio(predicted[p].span)
                    if score > 0 && score + Scorer.epsilon >= scorer.overlapThreshold { pairs.append(.init(gold: g, predicted: p, score: score)) }
                }
            }
        }
        pairs.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if gold[a.gold].span.start != gold[b.gold].span.start { return gold[a.gold].span.start < gold[b.gold].span.start }
            if predicted[a.predicted].span.start != predicted[b.predicted].span.start {
                return predicted[a.predicted].span.start < predicted[b.predicted].span.start
            }
            return a.gold != b.gold ? a.gold < b.gold : a.predicted < b.predicted
        }
        var result = Scorer.BlockMatching()
        var goldUsed = Set<Int>(), predUsed = Set<Int>()
        for pair in pairs where !goldUsed.contains(pair.gold) && !predUsed.contains(pair.predicted) {
            goldUsed.insert(pair.gold)
            predUsed.insert(pair.predicted)
            result.matches.append(pair)
        }
        result.matches.sort { gold[$0.gold].span.start < gold[$1.gold].span.start }
        result.missed = goldIDs.filter { !goldUsed.contains($0) }
        let nonDirect = directOnly ? gold.filter { $0.quote.type != .direct } : []
        for p in predIDs where !predUsed.contains(p) {
            let inside = nonDirect.contains { predicted[p].span.containment(in: $0.span) + Scorer.epsilon >= scorer.containmentThreshold }
            if inside { result.ignored.append(p) } else { result.falseAlarms.append(p) }
        }
        return result
    }

    static func summary(_ matching: Scorer.BlockMatching) -> [[Int]] {
        [matching.matches.flatMap { [$0.gold, $0.predicted] }, matching.missed, matching.falseAlarms, matching.ignored]
    }

    func testMatchesAsTheFullComparison() {
        var state: UInt64 = 20261201
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let text = String(repeating: "word ", count: 60)
        let types: [QuoteType] = [.direct, .direct, .mixed, .indirect]
        // Spans of every shape: short, long, nested, equal, empty, a few reversed.
        func span() -> (start: Int, end: Int) {
            let start = next(300)
            switch next(10) {
            case 0: return (start, start)
            case 1: return (start, max(0, start - next(5)))
            case 2: return (next(20), 250 + next(50))
            default: return (start, min(300, start + 1 + next(40)))
            }
        }
        var matchedPairs = 0, ignored = 0
        for round in 0..<1_500 {
            let gold = (0..<next(25)).map { index -> Scorer.GoldUnit in
                let (start, end) = span()
                let quote = Fixture.gold(start: start, end: end, in: text, type: types[next(types.count)])
                return Scorer.GoldUnit(index: index, quote: quote, raw: Interval(start: start, end: end), span: Interval(start: start, end: end))
            }
            let predicted = (0..<next(25)).map { _ -> Scorer.PredictedUnit in
                // Some predictions copy a gold span, so that exact and high overlaps occur.
                let (start, end) = !gold.isEmpty && next(3) == 0 ? { let g = gold[next(gold.count)].span; return (g.start, g.end + next(3)) }() : span()
                let record = Fixture.record(start: start, end: end, in: text, type: types[next(types.count)])
                return Scorer.PredictedUnit(record: record, raw: Interval(start: start, end: end), span: Interval(start: start, end: end))
            }
            let scorer = round % 3 == 0 ? Scorer(overlapThreshold: 0.2, containmentThreshold: 0.9) : Scorer()
            for block in MetricBlock.allCases {
                let found = scorer.match(block, gold: gold, predicted: predicted)
                let expected = SortedSpansTests.fullMatch(scorer, block, gold: gold, predicted: predicted)
                XCTAssertEqual(SortedSpansTests.summary(found), SortedSpansTests.summary(expected), "round \(round) \(block)")
                matchedPairs += found.matches.count
                ignored += found.ignored.count
            }
        }
        XCTAssertGreaterThan(matchedPairs, 5_000)
        XCTAssertGreaterThan(ignored, 1_000)
    }
}
