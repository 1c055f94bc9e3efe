/// The slots of an open-addressing table with linear probing, shared by `IntTable` and
/// `StringTable`: each slot holds the index of an entry in the table's own arrays, or -1.
///
/// The tables keep their keys, hashes and values; this keeps only where each entry sits. The
/// closures are non-escaping and inlined, so a look-up compiles to the loop each table had.
struct SlotIndex {
    /// Index of each slot's entry, -1 for an empty slot; a power of two in size.
    private(set) var slots: [Int32] = []

    var isEmpty: Bool { slots.isEmpty }
    var size: Int { slots.count }

    /// The slot of the entry `isEntry` accepts, probing from slot `home`, or the empty slot where
    /// it would go.
    @inline(__always)
    func probe(from home: Int, _ isEntry: (Int) -> Bool) -> (slot: Int, found: Bool) {
        let mask = slots.count - 1
        var slot = home
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return (slot, false) }
            if isEntry(entry) { return (slot, true) }
            slot = (slot + 1) & mask
        }
    }

    /// The entry in `slot`.
    @inline(__always)
    subscript(slot: Int) -> Int { Int(slots[slot]) }

    /// Puts `entry` in the empty `slot` (from `probe`).
    @inline(__always)
    mutating func place(_ entry: Int, at slot: Int) {
        slots[slot] = Int32(entry)
    }

    /// The room of the slots' storage (`ExtractionScratch.largestCapacity`).
    var capacity: Int { slots.capacity }

    /// Every slot emptied for a table reused from one document to the next; a huge document's
    /// slots (more than `ExtractionScratch.keptCapacity`) are let go.
    mutating func emptied() {
        if slots.count <= ExtractionScratch.keptCapacity {
            slots.refill(with: -1, count: slots.count)
        } else {
            slots = []
        }
    }

    /// `size` empty slots (a power of two), then entries `0..<count` placed again, each at the
    /// first empty slot from `home(entry, size)`.
    @inline(__always)
    mutating func rebuild(size: Int, count: Int, home: (_ entry: Int, _ size: Int) -> Int) {
        precondition(size <= Int(Int32.max), "a table of \(count) entries")
        slots = .filled(with: -1, count: size)
        let mask = size - 1
        for entry in 0..<count {
            var slot = home(entry, size)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry)
        }
    }
}
