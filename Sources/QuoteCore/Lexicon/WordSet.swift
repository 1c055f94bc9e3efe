import QuoteSchema

/// A fixed set of words the rules test tokens against ("that", "reporters", ","), answering
/// `contains` as `Set<String>` does.
///
/// `Set<String>.contains` hashes the whole string through SipHash, ~360 instructions a call;
/// the rules ask it tens of thousands of times per megabyte. Here an all-ASCII word of at most
/// eight bytes, which is nearly every word asked, is packed into an integer and looked up in a
/// small open-addressing table. Anything else (a longer word, a non-ASCII one, or an ASCII one
/// when the set has a non-ASCII member that Unicode could deem equal) goes to the `Set<String>`.
struct WordSet: ExpressibleByArrayLiteral, Sendable {
    /// The packed members, 0 in an empty slot (no packed word is 0: words with a zero byte are
    /// not packed).
    private let slots: [UInt64]
    private let mask: Int
    /// Every member: the answer for the words that are not packed.
    private let members: Set<String>
    /// True when some member is not ASCII: an ASCII word may then equal it canonically (as
    /// "K" equals U+212A KELVIN SIGN), and only `members` can say.
    private let hasNonASCIIMember: Bool

    init(_ words: some Sequence<String>) {
        members = Set(words)
        hasNonASCIIMember = members.contains { !$0.utf8.allSatisfy { $0 < 0x80 } }
        var size = 8
        while size < members.count * 4 { size *= 2 }
        var table = [UInt64](repeating: 0, count: size)
        for word in members {
            guard let packed = WordSet.packed(word) else { continue }
            var slot = WordSet.slot(packed) & (size - 1)
            while table[slot] != 0 { slot = (slot + 1) & (size - 1) }
            table[slot] = packed
        }
        slots = table
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
        guard let packed = WordSet.packed(word) else { return members.contains(word) }
        var slot = WordSet.slot(packed) & mask
        while true {
            let found = slots[slot]
            if found == packed { return true }
            if found == 0 { return hasNonASCIIMember && members.contains(word) }
            slot = (slot + 1) & mask
        }
    }

    /// `WordTable.packedASCII` of the word's bytes: a word of one to eight ASCII bytes, none of
    /// them zero, side by side (two words pack alike only when they are equal); nil otherwise.
    @inline(__always)
    static func packed(_ word: String) -> UInt64? {
        word.withUTF8Bytes { WordTable.packedASCII($0, 0..<$0.count) }
    }

    /// The first slot to probe for a packed word (its bits mixed).
    @inline(__always)
    private static func slot(_ packed: UInt64) -> Int {
        Int(truncatingIfNeeded: (packed &* 0x9E37_79B9_7F4A_7C15) &>> 40)
    }
}
