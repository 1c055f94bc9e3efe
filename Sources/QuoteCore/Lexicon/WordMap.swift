/// A fixed map from words to values (a lexicon's role nouns, pronouns, abbreviations),
/// answering look-ups as the `[String: Value]` it is made from does.
///
/// `Dictionary<String, _>` hashes the whole key through SipHash: ~440 instructions a look-up
/// with the probe, and the phrase analyzer, the resolver and the sentence splitter look up
/// ~18,000 words a run of the dev set. Here a word of 1 to 15 ASCII bytes (nearly every word
/// asked: "spokeswoman", "U.S.") is found by its `PackedWord` in a small open-addressing table.
/// Anything else (a longer word, a non-ASCII one, or one not in the table when a key beyond ASCII
/// could equal it) goes to the dictionary. `WordSet` is the same for sets of words.
///
/// A class: the resolver copies tables out of the lexicon into locals, and a struct of six
/// arrays was six retains and releases a copy.
final class WordMap<Value: Sendable>: Sendable {
    /// Per slot: the number of the packed key in `low`, `high` and `values`; -1 for none.
    private let slots: [Int32]
    private let mask: Int
    /// Each packed key's two integers (`PackedWord.of`).
    private let low: [UInt64]
    private let high: [UInt64]
    private let values: [Value]
    /// The map as given: the answer for the words that are not packed.
    private let dictionary: [String: Value]
    /// `PackedWord.someKeyEqualsASCII` of the keys: a word not found in the table may then
    /// still be a key, and only `dictionary` can say.
    private let hasNonASCIIKey: Bool
    /// True when every key is packed (1 to 15 ASCII bytes) and none beyond ASCII can equal an
    /// ASCII text: an ASCII word of more than 15 bytes (or its lowercased form) is then no key,
    /// told without SipHashing it (an unresolved speaker's name, "the spokesman for the
    /// ministry", is asked whether it is a pronoun).
    private let allKeysPacked: Bool

    init(_ dictionary: [String: Value]) {
        self.dictionary = dictionary
        hasNonASCIIKey = PackedWord.someKeyEqualsASCII(dictionary.keys)
        allKeysPacked = !hasNonASCIIKey && dictionary.keys.allSatisfy { PackedWord.of($0) != nil }
        var size = 8
        while size < dictionary.count * 2 { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        var low: [UInt64] = [], high: [UInt64] = [], values: [Value] = []
        for (key, value) in dictionary {
            guard let packed = PackedWord.of(key) else { continue }
            var slot = PackedWord.slot(packed) & (size - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(low.count)
            low.append(packed.low)
            high.append(packed.high)
            values.append(value)
        }
        self.slots = slots
        self.low = low
        self.high = high
        self.values = values
        mask = size - 1
    }

    /// The value of `word`, as `dictionary[word]` answers.
    @inline(__always)
    subscript(word: String) -> Value? {
        guard let packed = PackedWord.of(word) else { return isLongASCIIWord(word) ? nil : dictionary[word] }
        return value(packed, else: word)
    }

    /// The value of `word.lowercased()`, as `dictionary[word.lowercased()]` answers; a short
    /// ASCII word is lowercased as it is packed, without building the string.
    func lowercased(_ word: String) -> Value? {
        guard let packed = PackedWord.lowercased(word) else {
            // An ASCII word lowercases to an ASCII word of its length.
            return isLongASCIIWord(word) ? nil : dictionary[word.lowercased()]
        }
        return value(packed, else: word.lowercased())
    }

    /// True when `word` is ASCII, longer than 15 bytes, and so no key (`allKeysPacked`).
    private func isLongASCIIWord(_ word: String) -> Bool {
        allKeysPacked && word.utf8.count > 15 && word.withUTF8Bytes { bytes in !bytes.contains { $0 >= 0x80 } }
    }

    /// The value of the packed key, or what the dictionary says of `word()` (the word packed)
    /// when the table has no such key and a key beyond ASCII could equal it.
    @inline(__always)
    private func value(_ packed: (low: UInt64, high: UInt64), else word: @autoclosure () -> String) -> Value? {
        var slot = PackedWord.slot(packed) & mask
        while true {
            let number = Int(slots[slot])
            if number < 0 { return hasNonASCIIKey ? dictionary[word()] : nil }
            if low[number] == packed.low && high[number] == packed.high { return values[number] }
            slot = (slot + 1) & mask
        }
    }
}
