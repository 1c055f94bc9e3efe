/// Arrays of strings as compact JSON, written with the records' own escaping (`JSONCursor`).
package enum JSONStringArray {
    /// `strings` as `JSONEncoder` writes them with `.withoutEscapingSlashes`: `["a","b\n"]`.
    package static func text(_ strings: [String]) -> String {
        // The brackets, then for each string its quotes, a comma and at most six bytes for each
        // of its bytes (`\u00XX` is the longest escape).
        let bound = 2 + strings.reduce(0) { $0 + 3 + 6 * $1.utf8.count }
        var bytes: [UInt8] = []
        JSONCursor.append(to: &bytes, bound: bound) { out in
            out.byte(UInt8(ascii: "["))
            for (index, string) in strings.enumerated() {
                if index > 0 { out.byte(UInt8(ascii: ",")) }
                out.string(string)
            }
            out.byte(UInt8(ascii: "]"))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
