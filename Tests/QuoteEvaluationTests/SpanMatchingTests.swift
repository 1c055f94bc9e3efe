import XCTest
import QuoteSchema
@testable import QuoteEvaluation

/// Span matching: trimming, the 0.5 overlap rule, one-to-one matching, fragments, parts and the
/// counts-neither-way rule.
final class SpanMatchingTests: XCTestCase {
    func testTrimmingRemovesMarksWhitespaceAndEdgePunctuation() {
        let text = "He said:  “Hello, world!” — and left."
        let scalars = Array(text.unicodeScalars)
        // "He said:" is 8 code points; the raw span starts at the first space after the colon.
        let raw = Fixture.range(" “Hello, world!” — ", in: text)
        XCTAssertEqual(raw.start, 9)
        let trimmed = SpanText.trimmed(scalars, raw.start, raw.end)
        XCTAssertEqual(SpanText.slice(scalars, trimmed.start, trimmed.end), "Hello, world")
        XCTAssertEqual(trimmed, Interval(start: 11, end: 23))
        // A span of trimmable characters only is kept as is.
        let dash = Fixture.range("—", in: text)
        XCTAssertEqual(SpanText.trimmed(scalars, dash.start, dash.end), Interval(start: dash.start, end: dash.end))
    }

    func testExactMatchAfterTrimmingPunctuation() {
        let textA = "The mayor said: “We will rebuild the bridge.” Then she added: \"It will take two years!\" "
        let docA = Fixture.document("a", textA, [
            Fixture.gold("We will rebuild the bridge.", in: textA),
            Fixture.gold("It will take two years!", in: textA),
        ])
        let predsA = [
            // With its curly marks: trimmed to the same span as the gold.
            Fixture.record("“We will rebuild the bridge.”", in: textA),
            // Without the closing "!": also the same after trimming.
            Fixture.record("It will take two years", in: textA),
        ]
        let textB = "The mayor said: “We will rebuild the bridge.”"
        let docB = Fixture.document("b", textB, [Fixture.gold("We will rebuild the bridge.", in: textB)])
        // One word short: not exact, but 19/26 = 0.73 by overlap.
        let predsB = [Fixture.record("We will rebuild the", in: textB)]

        let report = Fixture.score([docA, docB], ["a": predsA, "b": predsB])
        XCTAssertCounts(report.directExact.spans, tp: 2, fp: 1, fn: 1)
        XCTAssertClose(report.directExact.spans.precision, 2.0 / 3.0)
        XCTAssertClose(report.directExact.spans.recall, 2.0 / 3.0)
        XCTAssertClose(report.directExact.spans.f1, 2.0 / 3.0)
        XCTAssertCounts(report.directOverlap.spans, tp: 3, fp: 0, fn: 0)
        XCTAssertClose(report.directOverlap.spans.f1, 1)
        XCTAssertCounts(report.allOverlap.spans, tp: 3, fp: 0, fn: 0)
    }

    func testOffsetsAreCodePoints() {
        // The emoji is one code point but two UTF-16 units: the quote starts at code point 3.
        let text = "👍 “Yes,” he said."
        let quote = Fixture.range("Yes,", in: text)
        XCTAssertEqual(quote.start, 3)
        XCTAssertEqual(quote.end, 7)
        let doc = Fixture.document("e", text, [GoldQuote(start: 3, end: 7, text: "Yes,", type: .direct)])
        let report = Fixture.score([doc], ["e": [Fixture.record(start: 3, end: 7, in: text)]])
        XCTAssertCounts(report.directExact.spans, tp: 1, fp: 0, fn: 0)
        // UTF-16 offsets (4..<8) would select "es,”" and fail the exact test.
        let shifted = Fixture.score([doc], ["e": [Fixture.record(start: 4, end: 8, in: text)]])
        XCTAssertCounts(shifted.directExact.spans, tp: 0, fp: 1, fn: 1)
    }

    func testOverlapMatchAboveAtAndBelowHalf() {
        let text = Fixture.letters
        // Gold [10, 30) is 20 code points long.
        func overlapTP(_ start: Int, _ end: Int) -> Int {
            let doc = Fixture.document("d", text, [Fixture.gold(start: 10, end: 30, in: text)])
            let report = Fixture.score([doc], ["d": [Fixture.record(start: start, end: end, in: text)]])
            return report.directOverlap.spans.tp
        }
        XCTAssertEqual(overlapTP(19, 39), 1, "11/20 = 0.55")
        XCTAssertEqual(overlapTP(20, 40), 1, "10/20 = 0.50 counts")
        XCTAssertEqual(overlapTP(21, 41), 0, "9/20 = 0.45")
        XCTAssertEqual(overlapTP(10, 50), 1, "20/max(20, 40) = 0.50")
        XCTAssertEqual(overlapTP(10, 51), 0, "20/max(20, 41) = 0.49: the longer span is the denominator")
        XCTAssertEqual(overlapTP(15, 25), 1, "10/max(20, 10) = 0.50")
        XCTAssertEqual(overlapTP(15, 24), 0, "9/20 = 0.45")

        let doc = Fixture.document("d", text, [Fixture.gold(start: 10, end: 30, in: text)])
        let below = Fixture.score([doc], ["d": [Fixture.record(start: 21, end: 41, in: text)]])
        XCTAssertCounts(below.directOverlap.spans, tp: 0, fp: 1, fn: 1)
        XCTAssertCounts(below.directExact.spans, tp: 0, fp: 1, fn: 1)
    }

    func testMatchingIsOneToOne() {
        let text = Fixture.letters
        // Two predictions on one gold quote: the better one (rule "a", overlap 1.0) wins; the
        // other (overlap 0.9) is a false alarm.
        let doc = Fixture.document("d", text, [Fixture.gold(start: 10, end: 30, in: text)])
        let preds = [
            Fixture.record(start: 12, end: 30, in: text, rule: "b", id: "second"),
            Fixture.record(start: 10, end: 30, in: text, rule: "a", id: "first"),
        ]
        let report = Fixture.score([doc], ["d": preds])
        XCTAssertCounts(report.directOverlap.spans, tp: 1, fp: 1, fn: 0)
        XCTAssertClose(report.directOverlap.spans.precision, 0.5)
        XCTAssertClose(report.directOverlap.spans.recall, 1)
        XCTAssertClose(report.directOverlap.spans.f1, 2.0 / 3.0)
        XCTAssertEqual(report.directOverlap.byRule["a"]?.matched, 1)
        XCTAssertEqual(report.directOverlap.byRule["b"]?.falseAlarms, 1)
        let errors = Scorer().errors(gold: [doc], predictions: ["d": preds], blocks: [.directOverlap])
        XCTAssertEqual(errors.map(\.kind), [.falseAlarm])
        XCTAssertEqual(errors.first?.recordID, "second")

        // One prediction across two gold quotes: 20/40 = 0.5 with each; it takes the first
        // (ties go to the earlier gold span) and the second is a miss.
        let twoGold = Fixture.document("t", text, [
            Fixture.gold(start: 0, end: 20, in: text), Fixture.gold(start: 20, end: 40, in: text),
        ])
        let wide = ["t": [Fixture.record(start: 0, end: 40, in: text)]]
        let second = Fixture.score([twoGold], wide)
        XCTAssertCounts(second.directOverlap.spans, tp: 1, fp: 0, fn: 1)
        let misses = Scorer().errors(gold: [twoGold], predictions: wide, blocks: [.directOverlap])
        XCTAssertEqual(misses.map(\.kind), [.miss])
        XCTAssertEqual(misses.first?.gold?.start, 20)
    }

    func testFragmentsAreScoredOneByOne() {
        let text = "“We are ready,” she said. “We have always been ready.”"
        let doc = Fixture.document("f", text, [
            Fixture.gold("We are ready,", in: text, speaker: "she", attribution: "a1", fragment: [1, 2]),
            Fixture.gold("We have always been ready.", in: text, speaker: "she", attribution: "a1",
                         fragment: [2, 2]),
        ])
        let she = Fixture.speaker("Ann Lee", mention: "she", in: text)
        // Only the first fragment found: one hit, one miss.
        let first = Fixture.score([doc], ["f": [Fixture.record("We are ready,", in: text, speaker: she)]])
        XCTAssertCounts(first.directExact.spans, tp: 1, fp: 0, fn: 1)
        XCTAssertClose(first.directExact.spans.recall, 0.5)
        XCTAssertEqual(first.goldQuotations, 2)
        // Both fragments found as two records: both hit, both speakers right.
        let both = Fixture.score([doc], ["f": [
            Fixture.record("We are ready,", in: text, speaker: she),
            Fixture.record("We have always been ready.", in: text, speaker: she),
        ]])
        XCTAssertCounts(both.directExact.spans, tp: 2, fp: 0, fn: 0)
        XCTAssertEqual(both.directExact.speaker, Ratio(correct: 2, total: 2))
    }

    func testPartsAreScoredAsSeparateSpans() {
        let text = "Intro line.\n\n“The budget is broken and cannot be fixed,\n\n"
            + "“and nobody in this building will admit it,” the senator said."
        let doc = Fixture.document("p", text, [
            Fixture.gold("The budget is broken and cannot be fixed,", in: text, speaker: "the senator",
                         attribution: "b1", fragment: [1, 2]),
            Fixture.gold("and nobody in this building will admit it,", in: text, speaker: "the senator",
                         attribution: "b1", fragment: [2, 2]),
        ])
        let p1 = Fixture.range("The budget is broken and cannot be fixed,", in: text)
        let p2 = Fixture.range("and nobody in this building will admit it,", in: text)
        let senator = Fixture.speaker("Dana Reyes", mention: "the senator", in: text)
        let withParts = Fixture.record(
            start: p1.start, end: p2.end, in: text, speaker: senator,
            parts: [OffsetRange(start: p1.start, end: p1.end), OffsetRange(start: p2.start, end: p2.end)])
        let report = Fixture.score([doc], ["p": [withParts]])
        XCTAssertEqual(report.predictedQuotations, 2)
        XCTAssertCounts(report.directExact.spans, tp: 2, fp: 0, fn: 0)
        XCTAssertEqual(report.directExact.speaker, Ratio(correct: 2, total: 2), "parts share the speaker")
        XCTAssertCounts(report.directExact.endToEnd, tp: 2, fp: 0, fn: 0)

        // The same record without parts spans 85 code points (trimmed): the paragraphs, 40 and
        // 41 long, each cover less than half of it, so nothing matches even by overlap.
        var whole = withParts
        whole.quote.parts = nil
        let wholeReport = Fixture.score([doc], ["p": [whole]])
        XCTAssertEqual(wholeReport.predictedQuotations, 1)
        XCTAssertCounts(wholeReport.directExact.spans, tp: 0, fp: 1, fn: 2)
        XCTAssertCounts(wholeReport.directOverlap.spans, tp: 0, fp: 1, fn: 2)
    }

    func testDirectInsideGoldMixedCountsNeitherWay() {
        let text = "Smith said the plan was \"a total disaster\" for the town. Later, \"nobody listened\" was heard."
        let doc = Fixture.document("m", text, [
            Fixture.gold("the plan was \"a total disaster\" for the town", in: text, type: .mixed,
                         speaker: "Smith"),
        ])
        let preds = [
            // Wholly inside the gold mixed span: ignored.
            Fixture.record("a total disaster", in: text, rule: "inside"),
            // Outside any gold span: a false alarm.
            Fixture.record("nobody listened", in: text, rule: "outside"),
            // Trimmed "town. Later": only 4 of its 11 code points lie inside: a false alarm.
            Fixture.record("town. Later,", in: text, rule: "straddle"),
        ]
        let report = Fixture.score([doc], ["m": preds])
        for block in [report.directExact, report.directOverlap] {
            XCTAssertCounts(block.spans, tp: 0, fp: 2, fn: 0)
            XCTAssertEqual(block.ignored, 1)
            XCTAssertEqual(block.byRule["inside"]?.ignored, 1)
            XCTAssertEqual(block.byRule["inside"]?.predicted, 0)
            XCTAssertEqual(block.byRule["outside"]?.falseAlarms, 1)
            XCTAssertEqual(block.byPredictedType["direct"]?.predicted, 2)
            XCTAssertEqual(block.byPredictedType["direct"]?.ignored, 1)
        }
        // The rule is for the direct blocks only: in "all overlap" the 16-code-point direct span
        // covers 16/44 of the mixed span, so it is a false alarm and the mixed quote a miss.
        XCTAssertCounts(report.allOverlap.spans, tp: 0, fp: 3, fn: 1)
        XCTAssertEqual(report.allOverlap.ignored, 0)
        let errors = Scorer().errors(gold: [doc], predictions: ["m": preds], blocks: [.directExact])
        XCTAssertEqual(errors.compactMap(\.rule), ["straddle", "outside"])
    }

    func testUnknownAndMissingDocuments() {
        let text = Fixture.letters
        let doc = Fixture.document("d", text, [Fixture.gold(start: 0, end: 10, in: text)])
        let other = Fixture.document("e", text, [])
        let report = Fixture.score([doc, other], ["d": [], "zzz": [Fixture.record(start: 0, end: 10, in: text)]])
        XCTAssertEqual(report.documents, 2)
        XCTAssertEqual(report.documentsWithoutPredictions, 1)
        XCTAssertEqual(report.unscoredPredictionDocuments, ["zzz"])
        XCTAssertCounts(report.allOverlap.spans, tp: 0, fp: 0, fn: 1)
        XCTAssertClose(report.allOverlap.spans.precision, 0)
    }
}
