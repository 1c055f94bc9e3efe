import CQuoteScan
@testable import QuoteCore
import XCTest

/// The C scan kernels (sixteen bytes at a time with SSE2, thirty-two with AVX2) agree with a
/// plain look at each unit, at every alignment, length and start, including the last block read
/// again over units already looked at and ranges shorter than a block.
final class ScanKernelTests: XCTestCase {
    private let wideAlphabet: [UInt16] = [0x00, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x1F, 0x20, 0x21, 0x22, 0x27, 0x2E,
                                          0x3F, 0x41, 0x60, 0x61, 0x7E, 0x7F, 0x80, 0x85, 0xA0, 0x100, 0x2019, 0x201C,
                                          0x2028, 0x7F7F, 0x7FFF, 0x8000, 0x800A, 0x8080, 0xD83D, 0xFF0A, 0xFFFF]
    private let byteAlphabet: [UInt8] = [0x00, 0x09, 0x1F, 0x20, 0x21, 0x22, 0x5C, 0x61, 0x7E, 0x7F, 0x80, 0x9C, 0xE2, 0xFF]

    /// Random texts of mostly "a" with rare units from `alphabet`, and a random start and end;
    /// in turn through the widest blocks (AVX2 where the processor has it), the plain loops
    /// alone and the SSE2 blocks.
    private func trials<Unit: FixedWidthInteger>(_ alphabet: [Unit], _ body: ([Unit], Int, Int) -> Void) {
        var generator = SystemRandomNumberGenerator()
        defer { qscan_plain_only = 0 }
        for trial in 0..<12_000 {
            qscan_plain_only = Int32(trial % 3)
            let count = Int.random(in: 0...100, using: &generator)
            let rate = Int.random(in: 2...40, using: &generator)
            let text = (0..<count).map { _ in
                Int.random(in: 0..<rate, using: &generator) == 0 ? alphabet.randomElement(using: &generator)! : 0x61
            }
            let start = Int.random(in: 0...count, using: &generator)
            body(text, start, Int.random(in: start...count, using: &generator))
        }
    }

    func testQuoteStop() {
        trials(wideAlphabet) { text, start, end in
            let expected = (start..<end).first { text[$0] >= 0x80 || [0x22, 0x27, 0x60].contains(text[$0]) } ?? end
            XCTAssertEqual(QuoteScanner.skipASCIIWithoutMarks(text, from: start, to: end), expected, "\(text) \(start)..<\(end)")
        }
    }

    func testOutsideAPrintableRange() {
        trials(wideAlphabet) { text, start, end in
            for limit: UInt16 in [0x00, 0x0E, 0x20, 0x7F, 0x80, 0x81] {
                let expected = (start..<end).first { text[$0] < limit || text[$0] >= 0x80 } ?? end
                let found = text.withUnsafeBufferPointer { qscan_u16_outside($0.baseAddress!, start, end, limit) }
                XCTAssertEqual(found, expected, "\(text) \(start)..<\(end) limit \(limit)")
            }
        }
    }

    func testFind() {
        trials(wideAlphabet) { text, start, end in
            for value: UInt16 in [0x0A, 0x8000, 0xFFFF] {
                let expected = (start..<end).first { text[$0] == value } ?? end
                let found = text.withUnsafeBufferPointer { qscan_u16_find($0.baseAddress!, start, end, value) }
                XCTAssertEqual(found, expected, "\(text) \(start)..<\(end) value \(value)")
            }
        }
    }

    func testSentenceStop() {
        trials(wideAlphabet) { text, start, end in
            let expected = (start..<end).first {
                text[$0] < 0x20 || text[$0] >= 0x80 || [0x2E, 0x21, 0x3F].contains(text[$0])
            } ?? end
            let found = text.withUnsafeBufferPointer { qscan_u16_sentence_stop($0.baseAddress!, start, end) }
            XCTAssertEqual(found, expected, "\(text) \(start)..<\(end)")
        }
    }

    /// `SentenceBreakRules` skips what `qscan_u16_sentence_stop` skips without classifying it:
    /// every such unit must be of a class the scan passes over.
    func testSkippedUnitsAreOfPassedClasses() {
        for unit in 0x20..<0x80 where ![0x2E, 0x21, 0x3F].contains(unit) {
            XCTAssertLessThan(SentenceBreakRules.classes[unit], SentenceBreakRules.Class.firstStop, "U+\(String(unit, radix: 16))")
        }
    }

    func testJSONStop() {
        trials(byteAlphabet) { bytes, start, end in
            let expected = (start..<end).first { bytes[$0] < 0x20 || [0x22, 0x5C, 0x7F].contains(bytes[$0]) } ?? end
            let found = bytes.withUnsafeBufferPointer { qscan_u8_json_stop($0.baseAddress!, start, end) }
            XCTAssertEqual(found, expected, "\(bytes) \(start)..<\(end)")
        }
    }

    /// `kernel` copies the run at the start of its source that `stops` passes (by default the
    /// ASCII run) into its destination, converted, and writes nothing past it (with
    /// `writesPastRun`, nothing past the source's length).
    private func checkASCIICopy<Source: FixedWidthInteger, Target: FixedWidthInteger>(
        _ alphabet: [Source], stops: (Source) -> Bool = { $0 >= 0x80 }, writesPastRun: Bool = false,
        _ kernel: (UnsafePointer<Source>, Int, UnsafeMutablePointer<Target>) -> Int
    ) {
        trials(alphabet) { source, start, end in
            let expected = (start..<end).first { stops(source[$0]) } ?? end
            var copied = [Target](repeating: 0x7F, count: end - start + 1)
            let count = source.withUnsafeBufferPointer { from in
                copied.withUnsafeMutableBufferPointer { kernel(from.baseAddress! + start, end - start, $0.baseAddress!) }
            }
            XCTAssertEqual(count, expected - start, "\(source) \(start)..<\(end)")
            XCTAssertEqual(Array(copied[..<count]), source[start..<expected].map { Target($0) }, "\(source) \(start)..<\(end)")
            XCTAssertEqual(copied[writesPastRun ? end - start : count], 0x7F, "nothing written past the run")
        }
    }

    func testWidenASCII() {
        checkASCIICopy(byteAlphabet) { qscan_widen_ascii($0, $1, $2) }
    }

    func testWidenJSON() {
        checkASCIICopy(byteAlphabet, stops: { $0 < 0x20 || $0 >= 0x7F || $0 == 0x22 || $0 == 0x5C }, writesPastRun: true) {
            qscan_widen_json($0, $1, $2)
        }
    }

    func testNarrowASCII() {
        checkASCIICopy(wideAlphabet) { qscan_narrow_ascii($0, $1, $2) }
    }

    /// Line breaks and soft wraps at every position of a block of eight units.
    func testLayoutFindsBreaksAtEveryAlignment() {
        for shift in 0..<16 {
            let lead = String(repeating: "a", count: shift)
            let text = lead + "First line\nsoft wrap.\n\nSecond\r\nparagraph\u{2028}here.\n\nThird\u{85}one."
            let layout = Layout(text: TextBuffer(text), lexicon: .bundled)
            XCTAssertEqual(layout.paragraphs.count, 3, "shift \(shift)")
            let shadow = String(decoding: layout.shadow, as: UTF16.self)
            XCTAssertTrue(shadow.hasPrefix(lead + "First line soft wrap.\n\n"), "shift \(shift): \(shadow.debugDescription)")
        }
    }
}
