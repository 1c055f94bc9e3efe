import Foundation
import QuoteSchema

/// A table from strings to values that hashes a key's UTF-8 bytes with FNV-1a.
///
/// The resolver looks up each name it meets by its key in a document's tables (~25,000 look-ups
/// and insertions on the dev set). `Dictionary<String, _>` hashes a key with SipHash through
/// `Hasher` (~300 instructions with the probe, more as the table grows and rehashes); FNV-1a over
/// a short key's bytes costs a fifth of that. Keys are equal as strings are (canonical
/// equivalence): a key with a byte beyond ASCII is hashed in its NFC form, so that equal keys
/// always hash alike (U+212A KELVIN SIGN and "K" are equal strings). Entries are never removed.
struct StringTable<Value> {
    /// Where each entry sits: at least twice as many slots as entries.
    private var index = SlotIndex()
    private var hashes: [UInt64] = []
    private var keys: [String] = []
    private var values: [Value] = []

    var isEmpty: Bool { keys.isEmpty }
    var count: Int { keys.count }

    /// FNV-1a of `key`'s UTF-8 bytes, or of its NFC form's bytes when it has a byte beyond ASCII.
    static func hash(_ key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var seen: UInt8 = 0  // every byte or'd: 0x80 is set when one is beyond ASCII
        key.withUTF8Bytes { bytes in
            for byte in bytes {
                seen |= byte
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        if seen < 0x80 { return hash }
        hash = 0xcbf2_9ce4_8422_2325
        for byte in key.precomposedStringWithCanonicalMapping.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// The first slot to try for a key of `hash` in a table of `size` slots (the high bits of
    /// the product mix every byte of the hash into the index).
    @inline(__always)
    private static func home(_ hash: UInt64, size: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 32) & (size - 1)
    }

    /// The slot of the entry whose key is `key`, or the empty slot where it would go.
    @inline(__always)
    private func slot(of key: String, hash: UInt64) -> (slot: Int, found: Bool) {
        index.probe(from: StringTable.home(hash, size: index.size)) { hashes[$0] == hash && keys[$0] == key }
    }

    /// The index in the entry arrays of `key`'s entry, if it has one.
    @inline(__always)
    private func entry(_ key: String, hash: UInt64) -> Int? {
        guard !index.isEmpty else { return nil }
        let (slot, found) = slot(of: key, hash: hash)
        return found ? index[slot] : nil
    }

    /// The value of `key`; setting adds the key or replaces its value (there is no removal).
    subscript(key: String) -> Value? {
        get { entry(key, hash: StringTable.hash(key)).map { values[$0] } }
        set {
            guard let newValue else { preconditionFailure("StringTable has no removal: \(key.debugDescription)") }
            update(key, default: newValue) { $0 = newValue }
        }
    }

    /// Changes the value of `key` with `body`, adding `value` for it first when it has none.
    mutating func update(_ key: String, default value: @autoclosure () -> Value, _ body: (inout Value) -> Void) {
        let hash = StringTable.hash(key)
        if let entry = entry(key, hash: hash) {
            body(&values[entry])
            return
        }
        if (keys.count + 1) * 2 > index.size { grow() }
        index.place(keys.count, at: slot(of: key, hash: hash).slot)
        hashes.append(hash)
        keys.append(key)
        var added = value()
        body(&added)
        values.append(added)
    }

    /// No entry left, the storage kept for the next document's (`ExtractionScratch`).
    mutating func emptied() {
        index.emptied()
        ExtractionScratch.emptied(&hashes)
        ExtractionScratch.emptied(&keys)
        ExtractionScratch.emptied(&values)
    }

    /// The room of its largest array (`ExtractionScratch.largestCapacity`).
    var largestCapacity: Int { max(index.capacity, hashes.capacity, keys.capacity, values.capacity) }

    /// Twice the slots (32 at first), every entry placed again by its kept hash.
    private mutating func grow() {
        if keys.isEmpty {
            // The entry arrays sized for the first slots' worth of entries at once: grown from
            // empty by appending, each array was allocated four times on the way to eight
            // entries (~3,700 allocations on the dev set, whose documents name a few people).
            // Sixteen, not eight: the dev set's documents name ~11 people each, and a table of
            // eight was grown again (slots, entry arrays) for most of them.
            hashes.reserveCapacity(16)
            keys.reserveCapacity(16)
            values.reserveCapacity(16)
        }
        let hashes = self.hashes
        index.rebuild(size: max(32, index.size * 2), count: hashes.count) { StringTable.home(hashes[$0], size: $1) }
    }
}
