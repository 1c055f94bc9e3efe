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

    init(_ dictionary: [String: Value]) {
        self.dictionary = dictionary
        hasNonASCIIKey = PackedWord.someKeyEqualsASCII(dictionary.keys)
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
        guard let packed = PackedWord.of(word) else { return dictionary[word] }
        var slot = PackedWord.slot(packed) & mask
        while true {
            let number = Int(slots[slot])
            if number < 0 { return hasNonASCIIKey ? dictionary[word] : nil }
            if low[number] == packed.low && high[number] == packed.high { return values[number] }
            slot = (slot + 1) & mask
        }
    }
}
