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
    }
}
