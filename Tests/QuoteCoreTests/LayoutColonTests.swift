@testable import QuoteCore
import XCTest

/// `Layout.firstColon` finds what `firstIndex(of: ":")` finds.
final class LayoutColonTests: XCTestCase {
    func testFirstColonMatchesTheCharacterSearch() {
        for text in ["photo: ap", "no colon", ":", "a:", ":b", "é: x", "x :\u{0301} y: z", "\u{0600}: a", "a::b", ""] {
            let found = Layout.firstColon(text)
            let expected = text.firstIndex(of: ":")
            XCTAssertEqual(found.map { String(text[...$0]) }, expected.map { String(text[...$0]) }, text)
        }
    }
}
