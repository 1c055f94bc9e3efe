/// At least the latest `minimumCapacity` elements of a sequence appended one at a time, read by
/// their index in the whole sequence.
///
/// `SpeakerResolver` looks back at the last `SpeakerResolver.lookback` speakers only, but kept
/// every one it resolved: on a 10 MB line of quotations that array was 44 MB of the 253 MB peak,
/// and each time it grew it was copied (its strings retained and released). This keeps a ring
/// of the latest ones (a power of two of them, so that a slot is found with a mask, not a
/// division); reading an element that has left the window is a programming error.
struct RecentWindow<Element> {
    /// Elements appended so far, also those no longer kept.
    private(set) var count = 0
    /// How many of the latest elements are kept: `minimumCapacity` rounded up to a power of two.
    let capacity: Int
    private var ring: [Element] = []

    init(minimumCapacity: Int) {
        precondition(minimumCapacity > 0, "a window of \(minimumCapacity) elements")
        var capacity = 1
        while capacity < minimumCapacity { capacity <<= 1 }
        self.capacity = capacity
    }

    /// The index of the oldest element still kept (`count` when there is none).
    var firstKept: Int { max(0, count - capacity) }

    mutating func append(_ element: consuming Element) {
        if ring.count < capacity {
            // Room for eight at the first (grown from empty by appending: ~4 more
            // reallocations, each moving the elements, on the way to a document's first dozen).
            if ring.isEmpty { ring.reserveCapacity(min(capacity, 8)) }
            ring.append(element)
        } else {
            ring[count & (capacity - 1)] = element
        }
        count += 1
    }

    /// No element appended, the ring's storage kept for the next document's (`ExtractionScratch`).
    mutating func emptied() {
        count = 0
        ExtractionScratch.emptied(&ring)
    }

    /// The room of its ring (`ExtractionScratch.largestCapacity`).
    var largestCapacity: Int { ring.capacity }

    /// The element appended `index`-th (from 0); `firstKept <= index < count` (checked in debug
    /// builds: in the resolver's loops over 400 entries a check per read cost 0.5%).
    subscript(index: Int) -> Element {
        assert(index >= firstKept && index < count, "element \(index) of a window over \(firstKept)..<\(count)")
        return ring[index & (capacity - 1)]
    }
}
