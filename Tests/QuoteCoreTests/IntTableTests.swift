@testable import QuoteCore
import XCTest

/// `IntTable` answers as `Dictionary<UInt64, _>` does, `IntSet` as `Set<UInt64>`, whatever bits
/// their keys differ in.
final class IntTableTests: XCTestCase {
    func testAnswersAsADictionary() {
        var generator = SystemRandomNumberGenerator()
        var table = IntTable<Int>()
        var reference: [UInt64: Int] = [:]
        // Small keys, keys apart only in their high bits (packed words), and any 64 bits.
        func key() -> UInt64 {
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: return UInt64.random(in: 0..<500, using: &generator)
            case 1: return UInt64.random(in: 0..<500, using: &generator) << 52
            default: return UInt64.random(in: .min ... .max, using: &generator)
            }
        }
        for step in 0..<20_000 {
            let key = key()
            XCTAssertEqual(table[key], reference[key])
            XCTAssertEqual(table[key, default: -1], reference[key, default: -1])
            if step % 3 == 0 {
                table[key] = step
                reference[key] = step
            } else {
                table.update(key, default: 100) { $0 += 1 }
                reference[key, default: 100] += 1
            }
            XCTAssertEqual(table.contains(key), true)
        }
        XCTAssertEqual(table.count, reference.count)
        for (key, value) in reference { XCTAssertEqual(table[key], value, "\(key)") }
    }

    func testASetAndReservedRoom() {
        var set = IntSet()
        XCTAssertTrue(set.isEmpty)
        XCTAssertFalse(set.contains(0))
        set.reserveCapacity(1_000)
        for key in stride(from: UInt64(0), to: 3_000, by: 3) { set.insert(key) }
        set.insert(0)
        XCTAssertEqual(set.count, 1_000)
        for key in UInt64(0)..<3_000 { XCTAssertEqual(set.contains(key), key % 3 == 0, "\(key)") }
        XCTAssertTrue(set.contains(0))
        XCTAssertFalse(set.contains(.max))
    }

    func testUsedCuesAreTheOffsetsInserted() {
        var cues = UsedCues()
        cues.reserveCapacity(4)
        for offset in [0, 7, 1_000_000, Int(Int32.max)] { cues.insert(offset) }
        for offset in [0, 7, 1_000_000, Int(Int32.max)] { XCTAssertTrue(cues.contains(offset)) }
        for offset in [1, 6, 8, 999_999, -1] { XCTAssertFalse(cues.contains(offset)) }
    }
}

/// `Array.filled(with:count:)` makes what `Array(repeating:count:)` makes.
final class ArrayFilledTests: XCTestCase {
    func testMatchesRepeating() {
        for count in [0, 1, 2, 7, 64, 1_000] {
            XCTAssertEqual([Int32].filled(with: -1, count: count), [Int32](repeating: -1, count: count))
            XCTAssertEqual([UInt64].filled(with: 0, count: count), [UInt64](repeating: 0, count: count))
            let nested = [[String]].filled(with: ["a", "b"], count: count)
            XCTAssertEqual(nested, [[String]](repeating: ["a", "b"], count: count))
            XCTAssertGreaterThanOrEqual(nested.capacity, count)
        }
    }

    /// `refill(with:count:)` and `removeAllKeepingCapacity()` leave what a new array would hold,
    /// from any earlier count (the few taken off one by one, more at once), in the storage the
    /// array had when it has room.
    func testRefillAndRemoveAllKeepTheStorage() {
        for before in [0, 1, 3, 4, 5, 16, 40] {
            for after in [0, 1, 4, 5, 30] {
                var array = [Int32](repeating: 7, count: before)
                array.reserveCapacity(64)
                let storage = array.withUnsafeBufferPointer { $0.baseAddress }
                array.refill(with: -1, count: after)
                XCTAssertEqual(array, [Int32](repeating: -1, count: after), "\(before) -> \(after)")
                XCTAssertEqual(array.withUnsafeBufferPointer { $0.baseAddress }, storage, "\(before) -> \(after)")
                var strings = Array(repeating: "a long string kept on the heap, \(before)", count: before)
                strings.removeAllKeepingCapacity()
                XCTAssertTrue(strings.isEmpty)
                XCTAssertGreaterThanOrEqual(strings.capacity, before)
            }
        }
    }
}
