/// Words of UTF-8 text found on its contiguous bytes.
enum UTF8Words {
    /// Calls `body` with the range of each run of `bytes` between separators (`isSeparator`,
    /// asked of each byte), empty runs left out, in order, until `body` returns false. Separators
    /// are ASCII, so no range cuts a character. (Splitting the UTF-8 view generically took
    /// thousands of instructions a name or role; the filters that read every speaker walk the
    /// words with this, without an array.)
    @inline(__always)
    static func forEach(in bytes: UnsafeBufferPointer<UInt8>, separatedBy isSeparator: (UInt8) -> Bool,
                        _ body: (Range<Int>) -> Bool) {
        var start = -1
        for index in 0...bytes.count {
            if index < bytes.count && !isSeparator(bytes[index]) {
                if start < 0 { start = index }
                continue
            }
            guard start >= 0 else { continue }
            if !body(start..<index) { return }
            start = -1
        }
    }

    /// The ranges `forEach(in:separatedBy:_:)` visits, as an array.
    static func ranges(in bytes: UnsafeBufferPointer<UInt8>, separatedBy isSeparator: (UInt8) -> Bool) -> [Range<Int>] {
        var words: [Range<Int>] = []
        words.reserveCapacity(8)  // a name's or a role's words: one buffer, not grown from one
        forEach(in: bytes, separatedBy: isSeparator) { words.append($0); return true }
        return words
    }
}
