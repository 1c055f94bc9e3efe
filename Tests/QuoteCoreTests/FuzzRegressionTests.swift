import QuoteCore
import QuoteSchema
import XCTest

/// Inputs that once crashed or hung the pipeline (found by Fuzz/run.sh), minimised, plus
/// adversarial shapes; each must run and give a consistent result.
final class FuzzRegressionTests: XCTestCase {
    private func assertConsistent(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let result = Extractor().extract(text: text, document: "regression")
        XCTAssertEqual(OutputInvariants.violations(of: result, text: text), [], file: file, line: line)
    }

    /// Crash 72ee8601 (2026-11-25): an empty appositive ", ," after a description made
    /// `leadingSubject` build a range with lowerBound > upperBound.
    func testEmptyAppositiveAfterDescription() {
        assertConsistent("A visiting official, , and said the plan would fail.\n")
    }

    func testAdversarialShapes() {
        assertConsistent(String(repeating: "\"", count: 5_000))
        assertConsistent(String(repeating: "“a ", count: 3_000) + String(repeating: "” b", count: 3_000))
        assertConsistent(String(repeating: "'", count: 4_000) + " said he")
        assertConsistent(String(repeating: "\"She said, 'he said, \"", count: 500))
        assertConsistent("\u{0}\u{1}\"\u{FEFF}said\r\r\n\u{2029}\"x\", he said, \"")
        assertConsistent(String(repeating: ", , said", count: 2_000))
        assertConsistent(String(repeating: "Mr. ", count: 3_000) + "Smith said it.")
        // A participle cue as the first or second token (once read the token before index 0).
        assertConsistent("Saying it was late, he left.")
        assertConsistent("But saying so, and suggesting more, she left.")
    }

    /// A run-on "sentence" of thousands of cue verbs is read in bounded windows (once each rule
    /// scanned back to the sentence start for every verb: quadratic). The windows keep the
    /// attributions a normal sentence gets and say so in a diagnostic.
    func testRunOnSentenceIsReadInWindows() {
        let text = String(repeating: "Alpha Beta said the plan works and ", count: 2_000) + "Alpha Beta said it."
        let result = Extractor().extract(text: text, document: "run-on")
        XCTAssertEqual(OutputInvariants.violations(of: result, text: text), [])
        XCTAssertEqual(result.diagnostics.filter { $0.code == "overlong-sentence" }.count, 1)
        // Windows keep finding reported speech by Alpha Beta through the whole run-on text (14,000
        // tokens: about 55 windows; a window that opens mid-clause finds none).
        let indirect = result.quotes.filter { $0.type == .indirect && $0.speaker?.name == "Alpha Beta" }
        XCTAssertGreaterThan(indirect.count, 14_000 / Extractor.maxUnitTokens / 3)
        XCTAssertGreaterThan(indirect.last?.quote.start ?? 0, text.count * 9 / 10)
    }

    /// Thousands of unclosed marks in one paragraph, each after a cue: one unit per sentence,
    /// and no rule scan runs across the whole paragraph.
    func testManyUnclosedMarksAfterCues() {
        let text = String(repeating: "He said “ no word \" word \" ", count: 3_000)
        assertConsistent(text)
    }
}
