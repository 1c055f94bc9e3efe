/// Words of UTF-8 text found on its contiguous bytes.
enum UTF8Words {
    /// The ranges of `bytes` between separators (`isSeparator`, asked of each byte), empty words
    /// left out, in order. Separators are ASCII, so no range cuts a character. (Splitting the
    /// UTF-8 view generically took thousands of instructions a name or role.)
    static func ranges(in bytes: UnsafeBufferPointer<UInt8>, separatedBy isSeparator: (UInt8) -> Bool) -> [Range<Int>] {
        var words: [Range<Int>] = []
        words.reserveCapacity(8)  // a name's or a role's words: one buffer, not grown from one
        var start = -1
        for index in 0...bytes.count {
            if index < bytes.count && !isSeparator(bytes[index]) {
                if start < 0 { start = index }
                continue
            }
            guard start >= 0 else { continue }
            words.append(start..<index)
            start = -1
        }
        return words
    }
}
