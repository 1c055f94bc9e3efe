/// A table from integers to values, for the per-document look-ups of the attribution engine,
/// the resolver and the extractor.
///
/// `Dictionary` and `Set` hash an `Int` key with SipHash through `Hasher` (~100 instructions);
/// here a key is mixed with two multiplications (the high bits of the second product pick the
/// slot, so keys that differ only in high bits, as packed words do, spread too). Open addressing
/// with linear probing; entries are never removed.
struct IntTable<Value> {
    /// Where each entry sits: at least twice as many slots as entries.
    private var index = SlotIndex()
    private var keys: [UInt64] = []
    private var values: [Value] = []

    var isEmpty: Bool { keys.isEmpty }
    var count: Int { keys.count }

    /// The first slot to try for `key` in a table of `size` slots.
    @inline(__always)
    private static func home(_ key: UInt64, size: Int) -> Int {
        let mixed = (key ^ (key >> 29)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: (mixed &* 0x9E37_79B9_7F4A_7C15) >> 32) & (size - 1)
    }

    /// The slot of `key`'s entry, or the empty slot where it would go.
    @inline(__always)
    private func slot(of key: UInt64) -> (slot: Int, found: Bool) {
        index.probe(from: IntTable.home(key, size: index.size)) { keys[$0] == key }
    }

    @inline(__always)
    private func entry(_ key: UInt64) -> Int? {
        guard !index.isEmpty else { return nil }
        let (slot, found) = slot(of: key)
        return found ? index[slot] : nil
    }

    /// The value of `key`; setting adds the key or replaces its value (there is no removal).
    subscript(key: UInt64) -> Value? {
        get { entry(key).map { values[$0] } }
        set {
            guard let newValue else { preconditionFailure("IntTable has no removal: \(key)") }
            update(key, default: newValue) { $0 = newValue }
        }
    }

    /// The value of `key`, or `value` when it has none.
    subscript(key: UInt64, default value: @autoclosure () -> Value) -> Value {
        entry(key).map { values[$0] } ?? value()
    }

    func contains(_ key: UInt64) -> Bool { entry(key) != nil }

    /// Changes the value of `key` with `body`, adding `value` for it first when it has none.
    mutating func update(_ key: UInt64, default value: @autoclosure () -> Value, _ body: (inout Value) -> Void) {
        if let entry = entry(key) {
            body(&values[entry])
            return
        }
        if (keys.count + 1) * 2 > index.size { grow(to: keys.count + 1) }
        index.place(keys.count, at: slot(of: key).slot)
        keys.append(key)
        var added = value()
        body(&added)
        values.append(added)
    }

    /// The room of its largest array (`ExtractionScratch.largestCapacity`).
    var largestCapacity: Int { max(index.capacity, keys.capacity, values.capacity) }

    /// No entry left, the storage kept for the next document's (`ExtractionScratch`).
    mutating func emptied() {
        index.emptied()
        ExtractionScratch.emptied(&keys)
        ExtractionScratch.emptied(&values)
    }

    /// Room for `count` keys without growing.
    mutating func reserveCapacity(_ count: Int) {
        if count * 2 > index.size { grow(to: count) }
        keys.reserveCapacity(count)
        values.reserveCapacity(count)
    }

    /// Slots for at least `count` keys (twice as many, 16 at least), every entry placed again.
    private mutating func grow(to count: Int) {
        var size = max(16, index.size * 2)
        while size < count * 2 { size *= 2 }
        let keys = self.keys
        index.rebuild(size: size, count: keys.count) { IntTable.home(keys[$0], size: $1) }
    }
}

extension IntTable where Value == Void {
    /// Adds `key` (a set's insert).
    mutating func insert(_ key: UInt64) {
        update(key, default: ()) { _ in }
    }
}

/// A set of integers: an `IntTable` without values.
typealias IntSet = IntTable<Void>
