import CQuoteICU

/// Matching keys for names: ICU's `Any-Latin; Latin-ASCII; Lower; [^a-z0-9] Remove`.
///
/// "al-Dabagh", "Al Dabagh" and "AL-DABAGH" share the key `aldabagh`.
public enum NameKey {
    /// The matching key of a name; empty when the name has no letters or digits.
    public static func key(_ name: String) -> String {
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
