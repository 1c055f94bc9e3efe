#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The lowercased strings of short ASCII words outside the word table, kept per thread.
///
/// The tokenizer builds the lowercased text of each word the word table does not hold (about
/// half the words of news text): a `String` made and validated each time, ~160 instructions.
/// News repeats its words, across documents too, so each thread keeps the strings it made in a
/// table of fixed size; a word found there is a copy of a small string. Only words of 1 to 15
/// ASCII bytes are kept: their strings are stored inline (no heap storage to retain), so the
/// table's memory is fixed (`capacity` slots of 32 bytes) and what it returns is equal to what
/// would have been built.
final class WordStringCache {
    /// Number of slots, `1 << slotBits`: 256 KiB a thread.
    static let capacity = 1 << slotBits
    private static let slotBits = 13

    /// Each slot's word, packed (`key(_:_:)`); (0, 0) for an empty slot (no word packs to it:
    /// the second half holds the length, at least 1).
    private let keys: UnsafeMutablePointer<(UInt64, UInt64)>
    private let strings: UnsafeMutablePointer<String>

    private init() {
        keys = .allocate(capacity: Self.capacity)
        keys.initialize(repeating: (0, 0), count: Self.capacity)
        strings = .allocate(capacity: Self.capacity)
        strings.initialize(repeating: "", count: Self.capacity)
    }

    deinit {
        keys.deallocate()
        strings.deinitialize(count: Self.capacity)
        strings.deallocate()
    }

    /// The key of the ASCII word `units[range]` (1 to 15 units) lowercased, whose
    /// `WordTable.hash(lowercasedByte:into:)` from `WordTable.hashSeed` (0) is `hash`.
    ///
    /// Each step of the hash shifts it left a byte (the ninth byte back wraps onto the first)
    /// and adds the next byte: up to eight bytes the hash is the bytes themselves, and past
    /// eight, with the bytes after the eighth beside it (at most seven), it still tells the
    /// first eight apart. The key is the hash, the bytes after the eighth and the length.
    @inline(__always)
    static func key(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, hash: UInt64) -> (UInt64, UInt64) {
        let count = range.count
        var tail: UInt64 = 0
        var index = range.lowerBound + 8
        while index < range.upperBound {
            tail = tail << 8 | UInt64(lowered(units[index]))
            index += 1
        }
        return (hash, tail | UInt64(count) << 56)
    }

    /// An ASCII unit's byte, lowercased.
    @inline(__always)
    private static func lowered(_ unit: UInt16) -> UInt8 {
        let byte = UInt8(truncatingIfNeeded: unit)
        return byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// The string kept for `key`, if any.
    @inline(__always)
    func string(for key: (UInt64, UInt64)) -> String? {
        let slot = Self.slot(key)
        let kept = keys[slot]
        return kept.0 == key.0 && kept.1 == key.1 ? strings[slot] : nil
    }

    /// Keeps `string` for `key`, in place of the word that had its slot.
    @inline(__always)
    func keep(_ string: String, for key: (UInt64, UInt64)) {
        let slot = Self.slot(key)
        keys[slot] = key
        strings[slot] = string
    }

    /// The slot of `key`.
    @inline(__always)
    static func slot(_ key: (UInt64, UInt64)) -> Int {
        let mixed = (key.0 ^ key.1 &* 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: mixed >> UInt64(64 - slotBits))  // the product's top bits
    }

    /// The calling thread's cache, made on its first use and freed when the thread ends.
    static var current: WordStringCache {
        if let stored = pthread_getspecific(threadKey) {
            return Unmanaged<WordStringCache>.fromOpaque(stored).takeUnretainedValue()
        }
        let cache = WordStringCache()
        pthread_setspecific(threadKey, Unmanaged.passRetained(cache).toOpaque())
        return cache
    }

    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key) { stored in
            let pointer: UnsafeMutableRawPointer? = stored  // optional on Linux, not on Darwin
            guard let pointer else { return }
            Unmanaged<WordStringCache>.fromOpaque(pointer).release()
        }
        precondition(status == 0, "pthread_key_create failed: \(status)")
        return key
    }()
}
