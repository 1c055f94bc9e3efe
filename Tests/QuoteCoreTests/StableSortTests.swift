@testable import QuoteCore
import XCTest

/// `Extractor.stableOrder(keys:)` orders as the standard library's (stable) sort does, ties
/// included, and answers nil exactly when the keys are in that order already.
final class StableSortTests: XCTestCase {
    func testMatchesTheStandardSortOnTies() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 2, 5, 40, 300] {
            for _ in 0..<20 {
                let values = (0..<length).map { index in
                    (key: Int.random(in: 0..<6, using: &generator), end: Int.random(in: 0..<3, using: &generator), tag: index)
                }
                let expected = values.sorted { ($0.key, $0.end) < ($1.key, $1.end) }
                let order = Extractor.stableOrder(keys: values.map { ($0.key, $0.end) })
                XCTAssertEqual(order?.map { values[$0].tag } ?? values.map(\.tag), expected.map(\.tag))
                XCTAssertEqual(order == nil, values.map(\.tag) == expected.map(\.tag), "nil exactly when in order")
                let byKey = values.sorted { $0.key < $1.key }
                let orderByKey = Extractor.stableOrder(keys: values.map { ($0.key, 0) })
                XCTAssertEqual(orderByKey?.map { values[$0].tag } ?? values.map(\.tag), byKey.map(\.tag))
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

/// Record ids and their hashes keep their values: the id is "q", the hex digits, and one "x" per
/// earlier record of the same hash; the three-value hash is FNV-1a over the values in order.
final class StableHashIDTests: XCTestCase {
    func testIDIsQHexAndSuffixes() {
        for value: UInt64 in [0, 0xA, 0x1234_5678_9ABC_DEF0, UInt64.max] {
            for suffixes in [0, 1, 3] {
                XCTAssertEqual(StableHash.id(value, suffixes: suffixes),
                               "q" + StableHash.hex(value) + String(repeating: "x", count: suffixes))
            }
        }
    }

    func testThreeValueHashIsFNV1aOverTheValues() {
        func fnv(_ values: [UInt64]) -> UInt64 {
            values.reduce(0xcbf29ce484222325) { ($0 ^ $1) &* 0x100000001b3 }
        }
        for (first, second, third): (UInt64, UInt64, UInt64) in [(0, 0, 0), (17, 42, 1), (UInt64.max, 3, 2)] {
            XCTAssertEqual(StableHash.of(first, second, third), fnv([first, second, third]))
        }
        XCTAssertNotEqual(StableHash.of(1, 2, 3), StableHash.of(2, 1, 3))
    }
}
