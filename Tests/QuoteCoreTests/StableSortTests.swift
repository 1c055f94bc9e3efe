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
                let order = Extractor.stableOrder(values) { ($0.key, $0.end) }
                XCTAssertEqual(order?.map { values[$0].tag } ?? values.map(\.tag), expected.map(\.tag))
                if order != nil { XCTAssertNotEqual(values.map(\.tag), expected.map(\.tag)) }  // nil when in order
                let byKey = values.sorted { $0.key < $1.key }
                XCTAssertEqual(Extractor.stableSorted(values) { ($0.key, 0) }.map(\.tag), byKey.map(\.tag))
            }
        }
    }
}

/// Record ids keep their spelling: 16 lowercase hex digits, zero-padded.
final class StableHashHexTests: XCTestCase {
    func testHexMatchesTheRadixForm() {
        for value: UInt64 in [0, 1, 0xA, 0xFF, 0x1234_5678_9ABC_DEF0, UInt64.max, 0x0F00_0000_0000_0000] {
            let digits = String(value, radix: 16)
            XCTAssertEqual(StableHash.hex(value), String(repeating: "0", count: 16 - digits.count) + digits)
        }
    }
}
