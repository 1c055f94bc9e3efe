import CQuoteICU
import QuoteSchema

/// Matching keys for names: ICU's `Any-Latin; Latin-ASCII; Lower; [^a-z0-9] Remove`.
///
/// "al-Dabagh", "Al Dabagh" and "AL-DABAGH" share the key `aldabagh`.
public enum NameKey {
    /// The matching key of a name; empty when the name has no letters or digits.
    public static func key(_ name: String) -> String {
        asciiKey(name) ?? latinKey(name) ?? icuKey(name)
    }

    /// The key of a name of ASCII and the Latin characters of `LatinNameKeys` ("Peña",
    /// "O’Brien", "Dąbrowski") without ICU; nil when it has any other character.
    static func latinKey(_ name: String) -> String? {
        var key = ""
        for scalar in name.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if let byte = keyByte(value) { key.unicodeScalars.append(Unicode.Scalar(byte)) }
            } else if let part = LatinNameKeys.key(value) {
                key += part
            } else {
                return nil
            }
        }
        return key
    }

    /// The key of an all-ASCII name without ICU: on ASCII the transform only lowercases and drops
    /// everything but letters and digits (names are mostly ASCII; ICU costs microseconds a call).
    /// One pass: the first 15 bytes of the key are gathered as `UTF16String.small` takes them
    /// while the name is checked (a second pass to build the key took ~150 more instructions a
    /// name); a longer key is built by `asciiKey(of:_:kept:)`.
    static func asciiKey(_ name: String) -> String? {
        name.withUTF8Bytes { bytes -> String? in
            var kept = 0
            var low: UInt64 = 0
            var high: UInt64 = 0
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if let key = keyByte(byte) {
                    UTF16String.place(key, at: kept, low: &low, high: &high)
                    kept += 1
                }
            }
            if kept <= UTF16String.smallCapacity && UTF16String.smallLayoutHolds {
                return UTF16String.small(low: low, high: high, count: kept)
            }
            return asciiKey(of: bytes, 0..<bytes.count, kept: kept)
        }
    }

    /// What the key keeps of an ASCII character (a byte or a UTF-16 unit): a digit as it is, a
    /// letter lowercased; nil for anything else, and for units beyond ASCII.
    @inline(__always)
    static func keyByte<Unit: FixedWidthInteger>(_ unit: Unit) -> UInt8? {
        guard unit < 0x80 else { return nil }
        let byte = UInt8(truncatingIfNeeded: unit)
        if byte &- 0x30 < 10 { return byte }
        return (byte | 0x20) &- 0x61 < 26 ? byte | 0x20 : nil
    }

    /// The key of the ASCII text `units[range]` (bytes or UTF-16 units) of which `kept` are
    /// letters and digits: those, the letters lowercased. A key of up to 15 bytes is put
    /// together as a small string (`UTF16String.small`), without the validation of
    /// `String(unsafeUninitializedCapacity:initializingUTF8With:)`.
    @inline(__always)
    static func asciiKey<Unit: FixedWidthInteger>(of units: UnsafeBufferPointer<Unit>, _ range: Range<Int>, kept: Int) -> String {
        if kept <= UTF16String.smallCapacity && UTF16String.smallLayoutHolds {
            var low: UInt64 = 0
            var high: UInt64 = 0
            var shift: UInt64 = 0
            for index in range {
                guard let byte = keyByte(units[index]) else { continue }
                if shift < 64 { low |= UInt64(byte) &<< shift } else { high |= UInt64(byte) &<< (shift &- 64) }
                shift &+= 8
            }
            return UTF16String.small(low: low, high: high, count: kept)
        }
        return String(unsafeUninitializedCapacity: kept) { buffer in
            var out = 0
            for index in range {
                guard let byte = keyByte(units[index]) else { continue }
                buffer[out] = byte
                out += 1
            }
            return out
        }
    }

    /// The key through ICU's transliterator (any script).
    static func icuKey(_ name: String) -> String {
        let units = Array(name.utf16)
        guard !units.isEmpty else { return "" }
        var capacity = units.count * 4 + 16
        for _ in 0..<3 {
            var out = [UInt16](repeating: 0, count: capacity)
            var status: Int32 = 0
            let length = qicu_name_key(units, Int32(units.count), &out, Int32(capacity), &status)
            if length < 0 { return fallback(name) }
            if Int(length) <= capacity {
                return String(decoding: out[0..<Int(length)], as: UTF16.self)
            }
            capacity = Int(length) + 16
        }
        return fallback(name)
    }

    private static func fallback(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }.map(Character.init))
    }
}
