@testable import QuoteCore
import XCTest

/// The four-units-at-a-time tests `Layout` uses agree with a plain look at each unit.
final class FourUnitTests: XCTestCase {
    private let alphabet: [UInt16] = [0x00, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x1F, 0x20, 0x21, 0x41, 0x61, 0x7E, 0x7F,
                                      0x80, 0x85, 0xA0, 0x100, 0x2028, 0x7FFF, 0x8000, 0x800A, 0xFF0A, 0xFFFF]

    private func randomFour(_ generator: inout some RandomNumberGenerator) -> [UInt16] {
        (0..<4).map { _ in alphabet.randomElement(using: &generator)! }
    }

    func testLaneBelowOrWideMatchesEachUnit() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let units = randomFour(&generator)
            let word = units.withUnsafeBufferPointer { CodeUnit.four($0.baseAddress!, 0) }
            for limit: UInt16 in [0x0E, 0x20] {
                let expected = units.contains { $0 < limit || $0 >= 0x80 }
                XCTAssertEqual(CodeUnit.hasLaneBelow(UInt64(limit), orWide: word), expected, "\(units) below \(limit)")
            }
        }
    }

    func testLaneEqualMatchesEachUnit() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let units = randomFour(&generator)
            let word = units.withUnsafeBufferPointer { CodeUnit.four($0.baseAddress!, 0) }
            XCTAssertEqual(CodeUnit.hasLane(0x0A, in: word), units.contains(0x0A), "\(units)")
        }
    }

    /// Line breaks and soft wraps at every position of a four-unit word.
    func testLayoutFindsBreaksAtEveryAlignment() {
        for shift in 0..<8 {
            let lead = String(repeating: "a", count: shift)
            let text = lead + "First line\nsoft wrap.\n\nSecond\r\nparagraph\u{2028}here.\n\nThird\u{85}one."
            let layout = Layout(text: TextBuffer(text), lexicon: .bundled)
            XCTAssertEqual(layout.paragraphs.count, 3, "shift \(shift)")
            let shadow = String(decoding: layout.shadow, as: UTF16.self)
            XCTAssertTrue(shadow.hasPrefix(lead + "First line soft wrap.\n\n"), "shift \(shift): \(shadow.debugDescription)")
        }
    }
}
