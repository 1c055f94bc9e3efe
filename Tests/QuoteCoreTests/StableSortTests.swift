@testable import QuoteCore
import XCTest

/// `Extractor.stableSorted` orders as the standard library's sort did, ties included.
final class StableSortTests: XCTestCase {
    func testMatchesTheStandardSortOnTies() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 2, 5, 40, 300] {
            for _ in 0..<20 {
                let values = (0..<length).map { index in
                    (key: Int.random(in: 0..<6, using: &generator), end: Int.random(in: 0..<3, using: &generator), tag: index)
                }
                let expected = values.sorted { ($0.key, $0.end) < ($1.key, $1.end) }
                let found = Extractor.stableSorted(values) { ($0.key, $0.end) }
                XCTAssertEqual(found.map(\.tag), expected.map(\.tag))
                let byKey = values.sorted { $0.key < $1.key }
                XCTAssertEqual(Extractor.stableSorted(values) { ($0.key, 0) }.map(\.tag), byKey.map(\.tag))
            }
        }
    }
}
