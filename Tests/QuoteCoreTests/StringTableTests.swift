@testable import QuoteCore
import XCTest

/// `StringTable` answers as `Dictionary<String, _>` does: for any keys, canonically equal
/// strings as one key, through growth, with `update` adding a default first.
final class StringTableTests: XCTestCase {
    func testAnswersAsADictionary() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abAB .-'éü")
        var table = StringTable<Int>()
        var reference: [String: Int] = [:]
        XCTAssertTrue(table.isEmpty)
        for step in 0..<5_000 {
            let key = String((0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            XCTAssertEqual(table[key], reference[key], key.debugDescription)
            if Bool.random(using: &generator) {
                table[key] = step
                reference[key] = step
            } else {
                table.update(key, default: -step) { $0 += 1 }
                reference[key, default: -step] += 1
            }
            XCTAssertEqual(table[key], reference[key], key.debugDescription)
        }
        XCTAssertEqual(table.count, reference.count)
        for (key, value) in reference { XCTAssertEqual(table[key], value, key.debugDescription) }
        XCTAssertNil(table["not a key at all"])
    }

    func testCanonicallyEqualKeysAreOneKey() {
        var table = StringTable<String>()
        table["K"] = "ascii"
        XCTAssertEqual(table["\u{212A}"], "ascii")  // KELVIN SIGN is canonically "K"
        table["café"] = "composed"
        XCTAssertEqual(table["cafe\u{301}"], "composed")
        table["cafe\u{301}"] = "decomposed"
        XCTAssertEqual(table["café"], "decomposed")
        XCTAssertEqual(table.count, 2)
        XCTAssertEqual(StringTable<Int>.hash("cafe\u{301}"), StringTable<Int>.hash("café"))
        XCTAssertNotEqual(StringTable<Int>.hash("cafe"), StringTable<Int>.hash("café"))
    }

    func testManyKeysThroughGrowth() {
        var table = StringTable<Int>()
        for number in 0..<20_000 { table["name \(number)"] = number }
        XCTAssertEqual(table.count, 20_000)
        for number in stride(from: 0, to: 20_000, by: 7) { XCTAssertEqual(table["name \(number)"], number) }
        XCTAssertNil(table["name 20000"])
        table.update("name 5", default: 0) { $0 *= 2 }
        XCTAssertEqual(table["name 5"], 10)
    }
}
