import QuoteSchema

/// A 64-bit hash of a sequence of values, the same in every process and on every machine.
///
/// The store hashes with it what decides a document's rows (`StoreDocument.extractionHash`) and
/// what decides its extraction (`StoreDocument.inputHash`, with `Extractor.fingerprint`). The
/// extraction hash was FNV-1a over the records written out as JSON until the twentieth session:
/// writing the JSON only to hash it, and hashing it a byte at a time, took 8% of the extraction
/// threads' instructions in `quotes index`. This hashes the values themselves, eight bytes at a
/// step. Each value is preceded by what tells it apart (a string by its length, an optional by
/// whether it is there, an array by its count), so two different sequences of values never feed
/// the same words. Swift's `Hasher` is no use here: it is seeded per process.
package struct FieldHasher: Sendable {
    /// The hash so far.
    package private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3

    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    private static let twist: UInt64 = 0xA076_1D64_78BD_642F

    package init() {}

    /// Folds one 64-bit word into the hash: the high and low halves of a 128-bit product
    /// XORed (wyhash's "mum"), which spreads every bit of the word over the result.
    @inline(__always)
    package mutating func add(word: UInt64) {
        let product = (value ^ word ^ Self.twist).multipliedFullWidth(by: Self.multiplier)
        value = product.high ^ product.low
    }

    package mutating func add(_ integer: Int) {
        add(word: UInt64(bitPattern: Int64(integer)))
    }

    /// A number by its bits: 0.5 and 0.50000000000000001 differ only if their doubles do.
    package mutating func add(_ number: Double) {
        add(word: number.bitPattern)
    }

    package mutating func add(_ flag: Bool) {
        add(word: flag ? 1 : 0)
    }

    /// A string by its UTF-8 bytes (not normalised: "é" and "e\u{301}" differ), after its length.
    package mutating func add(_ string: String) {
        // Read in place (`withUTF8` is mutating: a copy of the string, retained and released,
        // for each of the ~220,000 strings of an index of the dev text x5).
        string.withUTF8Bytes { add(bytes: $0) }
    }

    /// Whether `string` is there, then the string.
    package mutating func add(_ string: String?) {
        add(string != nil)
        if let string { add(string) }
    }

    /// The length, then the bytes eight at a time, the last zero-padded.
    package mutating func add(bytes: UnsafeBufferPointer<UInt8>) {
        add(bytes.count)
        guard let base = bytes.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            add(word: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        if offset < bytes.count {
            var last: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count {
                last |= UInt64(bytes[offset]) << shift
                shift += 8
                offset += 1
            }
            add(word: last)
        }
    }

    /// The hash as lowercase hexadecimal.
    package var hex: String { String(value, radix: 16) }
}

