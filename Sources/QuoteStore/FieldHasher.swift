import QuoteSchema

/// A 64-bit hash of a sequence of values, the same in every process and on every machine.
///
/// The store's extraction hash (`StoreDocument.extractionHash`) is of the values a document's
/// rows hold. Until the twentieth session it was FNV-1a over the records written out as JSON:
/// writing the JSON only to hash it, and hashing it a byte at a time, took 8% of the extraction
/// threads' instructions in `quotes index`. This hashes the values themselves, eight bytes at a
/// step. Each value is preceded by what tells it apart (a string by its length, an optional by
/// whether it is there, an array by its count), so two different sequences of values never feed
/// the same words. Swift's `Hasher` is no use here: it is seeded per process.
struct FieldHasher {
    /// The hash so far.
    private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3

    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    private static let twist: UInt64 = 0xA076_1D64_78BD_642F

    /// Folds one 64-bit word into the hash: the high and low halves of a 128-bit product
    /// XORed (wyhash's "mum"), which spreads every bit of the word over the result.
    @inline(__always)
    mutating func add(word: UInt64) {
        let product = (value ^ word ^ Self.twist).multipliedFullWidth(by: Self.multiplier)
        value = product.high ^ product.low
    }

    mutating func add(_ integer: Int) {
        add(word: UInt64(bitPattern: Int64(integer)))
    }

    /// A number by its bits: 0.5 and 0.50000000000000001 differ only if their doubles do.
    mutating func add(_ number: Double) {
        add(word: number.bitPattern)
    }

    mutating func add(_ flag: Bool) {
        add(word: flag ? 1 : 0)
    }

    /// A string by its UTF-8 bytes (not normalised: "é" and "e\u{301}" differ), after its length.
    mutating func add(_ string: String) {
        var string = string
        string.withUTF8 { add(bytes: $0) }
    }

    /// Whether `string` is there, then the string.
    mutating func add(_ string: String?) {
        add(string != nil)
        if let string { add(string) }
    }

    /// The length, then the bytes eight at a time, the last zero-padded.
    mutating func add(bytes: UnsafeBufferPointer<UInt8>) {
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
    var hex: String { String(value, radix: 16) }
}

extension FieldHasher {
    /// Whether `value` is there, then what `body` adds of it.
    @inline(__always)
    mutating func add<Value>(_ value: Value?, _ body: (inout FieldHasher, Value) -> Void) {
        add(value != nil)
        if let value { body(&self, value) }
    }

    /// Every stored property of `record`, nested ones included, in declaration order.
    /// `FieldHasherTests` lists the properties: a new one must be added here as well.
    mutating func add(_ record: QuoteRecord) {
        add(record.document)
        add(record.id)
        add(record.type.rawValue)
        add(record.quote.text)
        add(record.quote.start)
        add(record.quote.end)
        add(record.quote.parts) { hasher, parts in
            hasher.add(parts.count)
            for part in parts {
                hasher.add(part.start)
                hasher.add(part.end)
            }
        }
        add(record.speaker)
        add(record.via)
        add(record.cue) { hasher, cue in
            hasher.add(cue.text)
            hasher.add(cue.lemma)
            hasher.add(cue.start)
            hasher.add(cue.end)
        }
        add(record.confidence)
        add(record.rule)
        add(record.diagnostics) { hasher, diagnostics in
            hasher.add(diagnostics.count)
            for diagnostic in diagnostics { hasher.add(diagnostic) }
        }
        add(record.schemaVersion)
    }

    /// Whether `speaker` is there, then its properties.
    mutating func add(_ speaker: Speaker?) {
        add(speaker) { hasher, speaker in
            hasher.add(speaker.name)
            hasher.add(speaker.kind.rawValue)
            hasher.add(speaker.role)
            hasher.add(speaker.mention) { hasher, mention in
                hasher.add(mention.text)
                hasher.add(mention.start)
                hasher.add(mention.end)
            }
            hasher.add(speaker.resolution)
        }
    }
}
