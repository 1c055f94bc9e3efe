@testable import QuoteCore
import XCTest

/// Lines beyond ASCII are told from clutter by their length before they are lowercased: the
/// test must never turn away a line that the look-up would find.
final class ClutterLengthTests: XCTestCase {
    private let lexicon = Lexicon.bundled

    /// The look-up `Layout` makes for a short line: its lowercased text, or that text up to its
    /// first colon, is a clutter line.
    private func isClutterByLookUp(_ units: [UInt16]) -> Bool {
        let lowered = UTF16String.lowercased(units, 0..<units.count)
        if lexicon.clutter.contains(lowered) { return true }
        guard let colon = Layout.firstColon(lowered) else { return false }
        return lexicon.clutter.contains(String(lowered[...colon]))
    }

    private func mayBeClutter(_ units: [UInt16]) -> Bool {
        Layout.mayBeClutter(units, 0..<units.count, lexicon.wordTable.clutterFilter,
                            maxScalars: lexicon.wordTable.clutterMaxScalars)
    }

    func testLinesBeyondASCIIThatEqualClutterAreStillClutter() {
        // KELVIN SIGN lowercases to "k" and GREEK QUESTION MARK is ";" decomposed: both lines
        // are clutter lines under Unicode's rules; the others are text, one only after its colon.
        let text = "Clic\u{212A} here\n\nPhoto: Ågot Vik för Kulturdepartementet, Oslo, i september i fjor\n\n"
            + "Café owners said the new rules would hurt their business this winter.\n\nRelated Lin\u{212A}s"
        let buffer = TextBuffer(text)
        let layout = Layout(text: buffer, lexicon: lexicon)
        let clutter = layout.clutter.map { buffer.text($0) }
        XCTAssertEqual(clutter, ["Clic\u{212A} here", "Photo: Ågot Vik för Kulturdepartementet, Oslo, i september i fjor",
                                 "Related Lin\u{212A}s"])
        XCTAssertEqual(layout.paragraphs.count, 1)
    }

    func testTheLengthTestNeverTurnsAwayALineTheLookUpFinds() {
        var generator = SystemRandomNumberGenerator()
        let keys = Array(lexicon.clutter)
        let wide: [String] = ["é", "\u{212A}", "\u{037E}", "\u{1FEF}", "Å", "İ", "ß", "😀", "\u{0301}", "中"]
        var found = 0, turnedAway = 0
        for _ in 0..<20_000 {
            var line = keys.randomElement(using: &generator)!
            switch Int.random(in: 0..<5, using: &generator) {
            case 0: line = line.uppercased()
            case 1: line = line.replacingOccurrences(of: "k", with: "\u{212A}")
            case 2: line += " " + (0..<Int.random(in: 1...40, using: &generator)).map { _ in wide.randomElement(using: &generator)! }.joined()
            case 3: line = wide.randomElement(using: &generator)! + line
            default: line.insert(contentsOf: wide.randomElement(using: &generator)!, at: line.index(line.startIndex, offsetBy: Int.random(in: 0...line.count, using: &generator)))
            }
            let units = Array(line.utf16)
            guard units.count <= 80 else { continue }  // `Layout` looks only at lines of up to 80 units
            if isClutterByLookUp(units) {
                found += 1
                XCTAssertTrue(mayBeClutter(units), "\(line.unicodeScalars.map { String($0.value, radix: 16) })")
            } else if !mayBeClutter(units) {
                turnedAway += 1
            }
        }
        XCTAssertGreaterThan(found, 1_000)
        XCTAssertGreaterThan(turnedAway, 1_000)  // the test does turn lines away
    }
}
