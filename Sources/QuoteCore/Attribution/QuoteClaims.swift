/// The quotations of a document already attributed: one bit per quotation index.
///
/// Rules ask about every quotation token they meet, and a document of nested or repeated
/// quotations has hundreds of thousands; a bit test costs a shift where a `Set<Int>` hashes.
public struct QuoteClaims: Sendable, Equatable {
    private var words: [UInt64]

    /// An empty set for quotation indexes `0..<count`.
    public init(count: Int) {
        words = .filled(with: 0, count: (max(count, 0) + 63) / 64)
    }

    /// An empty set for quotation indexes `0..<count` again, in the same storage when it has room.
    mutating func reset(count: Int) {
        words.refill(with: 0, count: (max(count, 0) + 63) / 64)
    }

    /// The room of its storage (`ExtractionScratch.largestCapacity`).
    var largestCapacity: Int { words.capacity }

    /// No quotation claimed and no index in range: the storage kept for the next document's
    /// `reset(count:)` (`ExtractionScratch`).
    mutating func emptied() {
        ExtractionScratch.emptied(&words)
    }

    /// True when quotation `index` is claimed; indexes outside the document never are.
    @inline(__always) public func contains(_ index: Int) -> Bool {
        guard index >= 0, index >> 6 < words.count else { return false }
        return words[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    /// Claims quotation `index` (an index outside `0..<count` is ignored: it names no quotation).
    mutating func insert(_ index: Int) {
        guard index >= 0, index >> 6 < words.count else { return }
        words[index >> 6] |= 1 << UInt64(index & 63)
    }
}

/// The start offsets of the cues of accepted attributions.
///
/// Rules ask about each cue verb they consider (~13,000 times on the dev set); a `Set<Int>`
/// hashed each offset with SipHash, this table with two multiplications.
public struct UsedCues: Sendable {
    private var offsets = IntSet()

    public init() {}

    /// True when the cue at UTF-16 `offset` introduced an accepted attribution.
    @inline(__always) public func contains(_ offset: Int) -> Bool {
        offsets.contains(UInt64(truncatingIfNeeded: offset))
    }

    mutating func insert(_ offset: Int) {
        offsets.insert(UInt64(truncatingIfNeeded: offset))
    }

    mutating func reserveCapacity(_ count: Int) {
        offsets.reserveCapacity(count)
    }

    /// The room of its storage (`ExtractionScratch.largestCapacity`).
    var largestCapacity: Int { offsets.largestCapacity }

    /// True when no cue is held.
    var isEmpty: Bool { offsets.isEmpty }

    /// No cue left, the storage kept for the next document (`ExtractionScratch`).
    mutating func emptied() {
        offsets.emptied()
    }
}
