import XCTest
import QuoteSchema
@testable import QuoteEvaluation

/// Baseline files and regression detection.
final class BaselineTests: XCTestCase {
    func testDropOverToleranceIsFlagged() {
        let baseline = ["direct_exact_f1": 0.900, "all_overlap_f1": 0.700, "direct_speaker_accuracy": 0.950]
        let current = ["direct_exact_f1": 0.894, "all_overlap_f1": 0.696, "direct_speaker_accuracy": 0.960,
                       "all_e2e_f1": 0.1]
        let found = Baseline.regressions(current: current, baseline: baseline)
        // 0.006 drop flagged, 0.004 drop not, a rise not, a metric only in `current` not compared.
        XCTAssertEqual(found.map(\.metric), ["direct_exact_f1"])
        XCTAssertEqual(found.first?.baseline, 0.900)
        XCTAssertEqual(found.first?.current, 0.894)
        XCTAssertEqual(found.first!.drop!, 0.006, accuracy: 1e-12)
        XCTAssertEqual(found.first?.description, "direct_exact_f1: 0.9000 -> 0.8940 (-0.0060)")
        // A drop of exactly the tolerance is not a regression, despite floating-point noise.
        XCTAssertEqual(Baseline.regressions(current: ["x": 0.895], baseline: ["x": 0.9]), [])
        // A custom tolerance.
        XCTAssertEqual(Baseline.regressions(current: current, baseline: baseline, tolerance: 0.003).map(\.metric),
                       ["all_overlap_f1", "direct_exact_f1"])
    }

    func testMissingMetricIsARegression() {
        let found = Baseline.regressions(current: [:], baseline: ["direct_e2e_f1": 0.88])
        XCTAssertEqual(found, [Regression(metric: "direct_e2e_f1", baseline: 0.88, current: nil)])
        XCTAssertNil(found[0].drop)
        XCTAssertTrue(found[0].description.contains("missing"))
    }

    func testLoadAndErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        let good = dir.appendingPathComponent("good.json")
        try #"{"direct_exact_f1": 0.93, "all_overlap_f1": 0.7, "n": 1}"#.write(to: good, atomically: true, encoding: .utf8)
        XCTAssertEqual(try Baseline.load(path: good.path), ["direct_exact_f1": 0.93, "all_overlap_f1": 0.7, "n": 1])

        let text = dir.appendingPathComponent("text.json")
        try #"{"direct_exact_f1": "high"}"#.write(to: text, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Baseline.load(path: text.path)) { error in
            XCTAssertEqual(error as? BaselineError,
                           .notANumber(path: text.path, key: "direct_exact_f1", value: "\"high\""))
            XCTAssertTrue(String(describing: error).contains("\"high\""))
        }
        let flag = dir.appendingPathComponent("flag.json")
        try #"{"direct_exact_f1": true}"#.write(to: flag, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Baseline.load(path: flag.path)) { error in
            XCTAssertEqual(error as? BaselineError, .notANumber(path: flag.path, key: "direct_exact_f1", value: "true"))
        }
        let list = dir.appendingPathComponent("list.json")
        try "[0.9]".write(to: list, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Baseline.load(path: list.path)) { error in
            XCTAssertTrue(String(describing: error).contains("[0.9]"), String(describing: error))
        }
        XCTAssertThrowsError(try Baseline.load(path: dir.appendingPathComponent("none.json").path)) { error in
            guard case BaselineError.unreadable = error else { return XCTFail("\(error)") }
        }
    }

    func testHeadlineWritesABaselineThatCompareCleanly() throws {
        let text = "“One,” said Ann Lee. “Two,” said Bob Ray."
        let doc = Fixture.document("h", text, [
            Fixture.gold("One,", in: text, speaker: "Ann Lee"), Fixture.gold("Two,", in: text, speaker: "Bob Ray"),
        ])
        let report = Fixture.score([doc], ["h": [Fixture.record("One,", in: text, speaker: Fixture.speaker("Ann Lee"))]])
        let headline = report.headline
        let expectedKeys: Set<String> = [
            "direct_exact_precision", "direct_exact_recall", "direct_exact_f1",
            "direct_overlap_precision", "direct_overlap_recall", "direct_overlap_f1",
            "all_overlap_precision", "all_overlap_recall", "all_overlap_f1",
            "direct_speaker_accuracy", "direct_null_speaker_accuracy",
            "direct_e2e_precision", "direct_e2e_recall", "direct_e2e_f1",
            "direct_overlap_speaker_accuracy", "direct_overlap_null_speaker_accuracy",
            "direct_overlap_e2e_precision", "direct_overlap_e2e_recall", "direct_overlap_e2e_f1",
            "all_speaker_accuracy", "all_null_speaker_accuracy",
            "all_e2e_precision", "all_e2e_recall", "all_e2e_f1",
        ]
        XCTAssertEqual(Set(headline.keys), expectedKeys)
        XCTAssertEqual(headline["direct_exact_precision"], 1)
        XCTAssertEqual(headline["direct_exact_recall"], 0.5)
        XCTAssertClose(headline["direct_exact_f1"]!, 2.0 / 3.0)

        let url = FileManager.default.temporaryDirectory.appendingPathComponent("baseline-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Baseline.write(headline, to: url.path)
        let loaded = try Baseline.load(path: url.path)
        XCTAssertEqual(loaded["direct_exact_f1"], 0.6667, "rounded to four decimals")
        XCTAssertEqual(Baseline.regressions(current: headline, baseline: loaded), [])
    }
}
