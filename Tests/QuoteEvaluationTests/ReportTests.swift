import XCTest
import QuoteSchema
@testable import QuoteEvaluation

/// Breakdowns, the error listing, the text table and JSON output.
final class ReportTests: XCTestCase {
    /// Two publishers, three rules, direct and indirect quotations:
    /// - alpha: a direct and an indirect quote found with the right speaker; an indirect missed.
    /// - beta: two direct quotes found, the second with a wrong speaker (gold "he", mention
    ///   elsewhere); an indirect false alarm.
    private func fixture() -> (gold: [GoldDocument], predictions: [String: [QuoteRecord]]) {
        let a = "“Alpha one,” said Ann Lee. Ann Lee said the tax plan would fail. Critics argued that the mayor lied."
        let docA = Fixture.document("A", a, [
            Fixture.gold("Alpha one,", in: a, speaker: "Ann Lee"),
            Fixture.gold("the tax plan would fail", in: a, type: .indirect, speaker: "Ann Lee", speakerOccurrence: 1),
            Fixture.gold("the mayor lied", in: a, type: .indirect, speaker: "Critics"),
        ], publisher: "alpha")
        let predsA = [
            Fixture.record("Alpha one,", in: a, speaker: Fixture.speaker("Ann Lee", mention: "Ann Lee", in: a),
                           rule: "quote-first", id: "a1"),
            Fixture.record("the tax plan would fail", in: a, type: .indirect,
                           speaker: Fixture.speaker("Ann Lee", mention: "Ann Lee", in: a, occurrence: 1),
                           rule: "reported", id: "a2"),
        ]
        let b = "“Beta two,” Bob Ray said. “Beta three,” he added."
        let docB = Fixture.document("B", b, [
            Fixture.gold("Beta two,", in: b, speaker: "Bob Ray"),
            Fixture.gold("Beta three,", in: b, speaker: "he"),
        ], publisher: "beta")
        let bob = Fixture.speaker("Bob Ray", mention: "Bob Ray", in: b)
        let predsB = [
            Fixture.record("Beta two,", in: b, speaker: bob, rule: "quote-first", id: "b1"),
            Fixture.record("Beta three,", in: b, speaker: bob, rule: "continuation", id: "b2"),
            Fixture.record("he added", in: b, type: .indirect, speaker: bob, rule: "reported", id: "b3"),
        ]
        return ([docA, docB], ["A": predsA, "B": predsB])
    }

    func testBreakdownCounts() {
        let (gold, predictions) = fixture()
        let report = Scorer().score(gold: gold, predictions: predictions)
        XCTAssertEqual(report.goldQuotations, 5)
        XCTAssertEqual(report.predictedQuotations, 5)

        let all = report.allOverlap
        XCTAssertCounts(all.spans, tp: 4, fp: 1, fn: 1)
        XCTAssertEqual(all.speaker, Ratio(correct: 3, total: 4))
        XCTAssertCounts(all.endToEnd, tp: 3, fp: 2, fn: 2)

        // Recall by gold type.
        let direct = all.byGoldType["direct"]!
        XCTAssertEqual([direct.gold, direct.matched], [3, 3])
        XCTAssertEqual(direct.speaker, Ratio(correct: 2, total: 3))
        XCTAssertEqual(direct.endToEnd, Ratio(correct: 2, total: 3))
        let indirect = all.byGoldType["indirect"]!
        XCTAssertEqual([indirect.gold, indirect.matched], [2, 1])
        XCTAssertClose(indirect.recall, 0.5)
        XCTAssertEqual(indirect.speaker, Ratio(correct: 1, total: 1))
        XCTAssertNil(all.byGoldType["mixed"])

        // Precision by predicted type.
        let pDirect = all.byPredictedType["direct"]!
        XCTAssertEqual([pDirect.predicted, pDirect.matched, pDirect.falseAlarms], [3, 3, 0])
        let pIndirect = all.byPredictedType["indirect"]!
        XCTAssertEqual([pIndirect.predicted, pIndirect.matched, pIndirect.falseAlarms], [2, 1, 1])
        XCTAssertClose(pIndirect.precision, 0.5)

        // By rule.
        let quoteFirst = all.byRule["quote-first"]!
        XCTAssertEqual([quoteFirst.predicted, quoteFirst.matched], [2, 2])
        XCTAssertEqual(quoteFirst.speaker, Ratio(correct: 2, total: 2))
        let reported = all.byRule["reported"]!
        XCTAssertEqual([reported.predicted, reported.matched, reported.falseAlarms], [2, 1, 1])
        XCTAssertEqual(reported.endToEnd, Ratio(correct: 1, total: 2))
        let continuation = all.byRule["continuation"]!
        XCTAssertEqual([continuation.predicted, continuation.matched], [1, 1])
        XCTAssertEqual(continuation.speaker, Ratio(correct: 0, total: 1))

        // By publisher.
        let alpha = all.byPublisher["alpha"]!
        XCTAssertEqual(alpha.documents, 1)
        XCTAssertCounts(alpha.spans, tp: 2, fp: 0, fn: 1)
        XCTAssertEqual(alpha.speaker, Ratio(correct: 2, total: 2))
        let beta = all.byPublisher["beta"]!
        XCTAssertCounts(beta.spans, tp: 2, fp: 1, fn: 0)
        XCTAssertEqual(beta.speaker, Ratio(correct: 1, total: 2))
        XCTAssertCounts(beta.endToEnd, tp: 1, fp: 2, fn: 1)

        // The direct blocks see only direct records: no "reported" rule there.
        XCTAssertCounts(report.directExact.spans, tp: 3, fp: 0, fn: 0)
        XCTAssertNil(report.directExact.byRule["reported"])
        XCTAssertEqual(report.directExact.byRule["continuation"]?.speaker, Ratio(correct: 0, total: 1))
        XCTAssertCounts(report.directExact.byPublisher["alpha"]!.spans, tp: 1, fp: 0, fn: 0)
    }

    func testErrorListing() throws {
        let (gold, predictions) = fixture()
        let errors = Scorer().errors(gold: gold, predictions: predictions, blocks: [.allOverlap])
        XCTAssertEqual(errors.map(\.kind), [.miss, .wrongSpeaker, .falseAlarm])
        XCTAssertEqual(errors.map(\.document), ["A", "B", "B"])

        let miss = errors[0]
        XCTAssertEqual(miss.gold?.text, "the mayor lied")
        XCTAssertEqual(miss.goldType, .indirect)
        XCTAssertEqual(miss.goldSpeaker?.text, "Critics")
        // The whole text is within 100 code points of the span, so nothing is elided.
        XCTAssertEqual(miss.context, "“Alpha one,” said Ann Lee. Ann Lee said the tax plan would fail. "
            + "Critics argued that ⟦the mayor lied⟧.")

        let wrong = errors[1]
        XCTAssertEqual(wrong.rule, "continuation")
        XCTAssertEqual(wrong.goldSpeaker?.text, "he")
        XCTAssertEqual(wrong.predictedSpeaker, "Bob Ray")
        XCTAssertEqual(wrong.predictedMention?.text, "Bob Ray")
        XCTAssertEqual(wrong.speakerVerdict, .pronounWithoutOverlap)
        XCTAssertEqual(wrong.overlap, 1)
        XCTAssertEqual(wrong.context, "“Beta two,” Bob Ray said. “⟦Beta three,⟧” he added.")

        let alarm = errors[2]
        XCTAssertEqual(alarm.predicted?.text, "he added")
        XCTAssertEqual(alarm.predictedType, .indirect)
        XCTAssertEqual(alarm.recordID, "b3")
        XCTAssertNil(alarm.gold)

        // All three blocks: the direct blocks add the wrong speaker twice more.
        XCTAssertEqual(Scorer().errors(gold: gold, predictions: predictions).count, 5)

        // JSON Lines: one object per line, every key present.
        let lines = try EvaluationError.jsonLines(errors).split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        let object = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as! [String: Any]
        XCTAssertEqual(object["kind"] as? String, "miss")
        XCTAssertEqual(object["block"] as? String, "all-overlap")
        XCTAssertTrue(object["predicted"] is NSNull)
        XCTAssertEqual(object.count, 15)
        let decoded = try JSONDecoder().decode(EvaluationError.self, from: Data(lines[1].utf8))
        XCTAssertEqual(decoded, wrong)
    }

    func testContextIsClippedAndMarked() {
        let text = String(repeating: "a", count: 150) + "QUOTE\n" + String(repeating: "b", count: 150)
        let scalars = Array(text.unicodeScalars)
        let context = SpanText.context(scalars, 150, 155, radius: 100)
        XCTAssertEqual(context, "…" + String(repeating: "a", count: 100) + "⟦QUOTE⟧¶"
            + String(repeating: "b", count: 99) + "…")
    }

    func testRenderTable() {
        let (gold, predictions) = fixture()
        let report = Scorer().score(gold: gold, predictions: predictions)
        let plain = report.renderTable(sections: [])
        XCTAssertTrue(plain.contains("2 documents, 5 gold quotations, 5 predicted"))
        XCTAssertFalse(plain.contains("By rule"))
        let lines = plain.split(separator: "\n")
        let allLine = lines.first { $0.hasPrefix("all overlap") && $0.contains("(4/5)") }
        XCTAssertNotNil(allLine, plain)
        XCTAssertTrue(allLine!.contains("0.800 (4/5)"), "precision with counts")

        let full = report.renderTable(sections: [.type, .rule, .publisher])
        XCTAssertTrue(full.contains("By gold type (all overlap)"))
        XCTAssertTrue(full.contains("By rule (direct exact)"))
        XCTAssertTrue(full.contains("By publisher (all overlap)"))
        let continuation = full.split(separator: "\n").first { $0.hasPrefix("continuation") }
        XCTAssertNotNil(continuation)
        XCTAssertTrue(continuation!.contains("0.000 (0/1)"), String(continuation!))
        let indirect = full.split(separator: "\n").first { $0.hasPrefix("indirect") }
        XCTAssertTrue(indirect!.contains("0.500 (1/2)"), String(indirect!))
        // Every row of a table has the same width up to its last column.
        let header = full.split(separator: "\n").first { $0.hasPrefix("publisher") }!
        let alpha = full.split(separator: "\n").first { $0.hasPrefix("alpha") }!
        XCTAssertEqual(header.count, alpha.count)
    }

    func testJSONRoundTrip() throws {
        let (gold, predictions) = fixture()
        let report = Scorer().score(gold: gold, predictions: predictions)
        let data = try report.jsonData()
        let decoded = try JSONDecoder().decode(EvaluationReport.self, from: data)
        XCTAssertEqual(decoded, report)
        let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let all = object["allOverlap"] as! [String: Any]
        let spans = all["spans"] as! [String: Any]
        XCTAssertEqual(spans["tp"] as? Int, 4)
    }
}
