import QuoteSchema

/// A fixed set of words the rules test tokens against ("that", "reporters", ","), answering
/// `contains` as `Set<String>` does.
///
/// `Set<String>.contains` hashes the whole string through SipHash, ~360 instructions a call;
/// the rules ask it tens of thousands of times per megabyte. Here a word of 1 to 15 ASCII bytes,
/// which is nearly every word asked, is found by its `PackedWord` (for a small string, its own
/// two words) in a small open-addressing table. Anything else (a longer word, a non-ASCII one, or
/// an ASCII one not in the table when the set has a member beyond ASCII that Unicode deems equal
/// to an ASCII text) goes to the `Set<String>`.
struct WordSet: ExpressibleByArrayLiteral, Sendable {
    /// The packed members, side by side in two arrays; a `high` of 0 is an empty slot (no packed
    /// word has one: its top byte holds 0xE0 and the count).
    private let low: [UInt64]
    private let high: [UInt64]
    private let mask: Int
    /// Every member: the answer for the words that are not packed.
    private let members: Set<String>
    /// `PackedWord.someKeyEqualsASCII` of the members: only `members` can then answer for an
    /// ASCII word not in the table.
    private let hasNonASCIIMember: Bool

    init(_ words: some Sequence<String>) {
        members = Set(words)
        hasNonASCIIMember = PackedWord.someKeyEqualsASCII(members)
        var size = 8
        while size < members.count * 4 { size *= 2 }
        var low = [UInt64](repeating: 0, count: size)
        var high = [UInt64](repeating: 0, count: size)
        for word in members {
            guard let packed = PackedWord.of(word) else { continue }
            var slot = PackedWord.slot(packed) & (size - 1)
            while high[slot] != 0 { slot = (slot + 1) & (size - 1) }
            low[slot] = packed.low
            high[slot] = packed.high
        }
        self.low = low
        self.high = high
        mask = size - 1
    }

    init(arrayLiteral words: String...) {
        self.init(words)
    }

    /// The members, in no particular order.
    var words: [String] { Array(members) }

    /// True when `word` is a member, as `Set<String>.contains` says.
    @inline(__always)
    func contains(_ word: String) -> Bool {
        guard let packed = PackedWord.of(word) else { return members.contains(word) }
        var slot = PackedWord.slot(packed) & mask
        while true {
            let found = high[slot]
            if found == packed.high && low[slot] == packed.low { return true }
            if found == 0 { return hasNonASCIIMember && members.contains(word) }
            slot = (slot + 1) & mask
        }
    }
}
