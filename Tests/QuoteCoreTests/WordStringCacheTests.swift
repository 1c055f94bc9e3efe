@testable import QuoteCore
import XCTest

/// `WordStringCache`: keys tell every short ASCII word apart (case aside), kept strings come
/// back, each thread has its own cache, and the tokenizer's words are lowercased the same with it.
final class WordStringCacheTests: XCTestCase {
    /// The tokenizer's key of `word`: its hash of the lowercased bytes, then `key`.
    private func key(_ word: String) -> (UInt64, UInt64) {
        let units = Array(word.utf16)
        var hash = WordTable.hashSeed
        for unit in units {
            var byte = UInt8(unit)
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            hash = WordTable.hash(lowercasedByte: byte, into: hash)
        }
        return units.withUnsafeBufferPointer { WordStringCache.key($0, 0..<units.count, hash: hash) }
    }

    private func assertKeys(_ first: String, _ second: String, file: StaticString = #filePath, line: UInt = #line) {
        let same = first.lowercased() == second.lowercased()
        let (a, b) = (key(first), key(second))
        XCTAssertEqual(a.0 == b.0 && a.1 == b.1, same, "\(first) / \(second)", file: file, line: line)
    }

    func testKeysTellWordsApart() {
        // Past eight bytes the hash folds the ninth byte onto the first: the tail keeps them apart.
        let pairs = [("a", "b"), ("ab", "ba"), ("Obama", "obama"), ("OBAMA", "obama"), ("abcdefgh", "abcdefghi"),
                     ("axxxxxxxb", "bxxxxxxxa"), ("a.......b", "b.......a"), ("abcdefghijklmno", "abcdefghijklmnO"),
                     ("abcdefghijklmno", "bbcdefghijklmna"), ("x", "x\u{0}"), ("12", "1-2"), ("ab", "ab\u{20}")]
        for (first, second) in pairs { assertKeys(first, second) }
    }

    func testRandomWordsKeyAsTheirLowercasedText() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcAB.-'09")  // few letters: many words agree on most bytes
        var keys: [String: (UInt64, UInt64)] = [:]
        for _ in 0..<20_000 {
            let count = Int.random(in: 1...15, using: &generator)
            let word = String((0..<count).map { _ in alphabet.randomElement(using: &generator)! })
            let wordKey = key(word)
            for (other, otherKey) in keys.prefix(3) {
                XCTAssertEqual(wordKey.0 == otherKey.0 && wordKey.1 == otherKey.1, word.lowercased() == other,
                               "\(word) / \(other)")
            }
            if let earlier = keys[word.lowercased()] {
                XCTAssertTrue(earlier.0 == wordKey.0 && earlier.1 == wordKey.1, word)
            }
            keys[word.lowercased()] = wordKey
        }
        // Different words, different keys.
        let distinct = Set(keys.values.map { "\($0.0) \($0.1)" })
        XCTAssertEqual(distinct.count, keys.count)
    }

    func testKeptStringsComeBackUntilReplaced() {
        let cache = WordStringCache.current
        let word = key("zyxwvutsrq")
        cache.keep("zyxwvutsrq", for: word)
        XCTAssertEqual(cache.string(for: word), "zyxwvutsrq")
        XCTAssertNil(cache.string(for: key("zyxwvutsrqp")))
        // Another word in the same slot replaces it: the first is then built again, not found.
        var other = word
        repeat { other.1 &+= 1 } while WordStringCache.slot(other) != WordStringCache.slot(word)
        cache.keep("other", for: other)
        XCTAssertEqual(cache.string(for: other), "other")
        XCTAssertNil(cache.string(for: word))
    }

    func testEachThreadHasItsOwnCache() {
        let here = ObjectIdentifier(WordStringCache.current)
        XCTAssertEqual(ObjectIdentifier(WordStringCache.current), here)
        let done = expectation(description: "other thread")
        nonisolated(unsafe) var there: ObjectIdentifier?
        nonisolated(unsafe) var thereAgain: ObjectIdentifier?
        let thread = Thread {
            there = ObjectIdentifier(WordStringCache.current)
            thereAgain = ObjectIdentifier(WordStringCache.current)
            done.fulfill()
        }
        thread.start()
        wait(for: [done], timeout: 10)
        XCTAssertNotNil(there)
        XCTAssertEqual(there, thereAgain)
        XCTAssertNotEqual(there, here)
    }

    func testTokensAreLowercasedTheSameFromTheCache() {
        // Words outside the word table, in several cases, seen twice (the second time from the
        // cache), short and long, with the characters the tokenizer keeps inside words.
        let words = ["Zanzibar", "zanzibar", "ZANZIBAR", "Quokkas", "quokkas", "Xylophonists", "XYLOPHONISTS",
                     "O'Flaherty", "o'flaherty", "Re-Examined", "re-examined", "Superconductivity",
                     "superconductivity", "B.Y.O.B.", "Wh", "wH"]
        let text = (words + words).joined(separator: " ")
        let layout = Layout(text: TextBuffer(text), lexicon: .bundled)
        for _ in 0..<2 {
            let tokens = Tokenizer(lexicon: .bundled).tokens(layout.shadow, 0..<layout.shadow.count, atoms: [])
            let lowered = tokens.filter { $0.kind == .word }.map(\.lower)
            XCTAssertEqual(lowered, (words + words).map { $0.lowercased() })
        }
    }
}
