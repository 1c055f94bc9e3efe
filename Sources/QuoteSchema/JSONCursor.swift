/// Writes JSON at a pointer with no capacity checks, compact or laid out as `JSONEncoder`'s
/// `.prettyPrinted` does; callers reserve room for a bound first (`JSONCursor.append`).
///
/// The layout of `.prettyPrinted` (swift-foundation): each member and element on a line of its
/// own, indented two spaces a level, `"key" : value`, closing brackets on their own line at the
/// opening's level, and an empty array or object as the brackets with one blank line between.
struct JSONCursor {
    private(set) var pointer: UnsafeMutablePointer<UInt8>
    /// The end of the room the caller gave: a small string is written as two whole words when
    /// they fit before it (`string(_:)`).
    let limit: UnsafeMutablePointer<UInt8>
    /// Containers open around the next value (its indentation is twice this).
    private(set) var depth: Int
    let pretty: Bool

    init(_ pointer: UnsafeMutablePointer<UInt8>, limit: UnsafeMutablePointer<UInt8>, depth: Int = 0, pretty: Bool = false) {
        self.pointer = pointer
        self.limit = limit
        self.depth = depth
        self.pretty = pretty
    }

    /// Makes room for `bound` bytes at the end of `bytes` and lets `body` write into it from
    /// `depth` on; `bytes` grows by what `body` wrote. Returns the depth `body` left.
    ///
    /// The bytes are written into the array's spare capacity, handed over by `append(contentsOf:)`
    /// to a sequence that writes them (`Writing`): `bytes` could only be given room by appending,
    /// and zeros appended for the bound (six bytes a byte of text: ~4 times what a record
    /// writes) and removed after were most of the bytes the JSONL writer moved.
    @discardableResult
    static func append(to bytes: inout [UInt8], bound: Int, depth: Int = 0, pretty: Bool = false,
                       _ body: (inout JSONCursor) -> Void) -> Int {
        let needed = bytes.count + bound
        // Grown by doubling: room for exactly this bound each time would copy the array for
        // every record of a document whose records outgrow its first reservation.
        if bytes.capacity < needed { bytes.reserveCapacity(Swift.max(needed, 2 * bytes.capacity)) }
        var depthAfter = depth
        withUnsafeMutablePointer(to: &depthAfter) { depthAfter in
            withoutActuallyEscaping(body) { body in
                bytes.append(contentsOf: Writing(bound: bound, depth: depth, pretty: pretty, body: body,
                                                 depthAfter: depthAfter))
            }
        }
        return depthAfter
    }

    /// The bytes `body` writes, as a sequence that `Array.append(contentsOf:)` has write them
    /// straight into the array's spare capacity (`_copyContents(initializing:)`; it claims no
    /// elements up front, so the array reserves nothing more, and has none to give one by one).
    private struct Writing: Sequence, IteratorProtocol {
        let bound: Int
        let depth: Int
        let pretty: Bool
        let body: (inout JSONCursor) -> Void
        /// Where the depth `body` left is put.
        let depthAfter: UnsafeMutablePointer<Int>

        var underestimatedCount: Int { 0 }

        mutating func next() -> UInt8? { nil }

        func _copyContents(initializing buffer: UnsafeMutableBufferPointer<UInt8>) -> (Writing, Int) {
            precondition(buffer.count >= bound, "JSON writer given \(buffer.count) bytes for a bound of \(bound)")
            guard let base = buffer.baseAddress else { return (self, 0) }
            var cursor = JSONCursor(base, limit: base + buffer.count, depth: depth, pretty: pretty)
            body(&cursor)
            let written = cursor.pointer - base
            precondition(written <= bound, "JSON writer wrote \(written) bytes into a bound of \(bound)")
            depthAfter.pointee = cursor.depth
            return (self, written)
        }
    }

    /// Most bytes the layout adds to a value whose lines number at most `lines` and which opens
    /// at most `levels` containers inside `depth`: a newline and the indentation per line, and
    /// the two spaces around a colon.
    static func layoutBound(lines: Int, depth: Int, levels: Int) -> Int {
        lines * (2 * (depth + levels) + 4)
    }

    // MARK: Layout

    @inline(__always) mutating func byte(_ value: UInt8) {
        pointer.pointee = value
        pointer += 1
    }

    @inline(__always) mutating func raw(_ source: UnsafeBufferPointer<UInt8>) {
        guard let base = source.baseAddress, !source.isEmpty else { return }
        pointer.update(from: base, count: source.count)
        pointer += source.count
    }

    /// In the pretty layout, a line break and the current indentation.
    @inline(__always) private mutating func newline() {
        guard pretty else { return }
        byte(0x0A)
        pointer.update(repeating: 0x20, count: 2 * depth)
        pointer += 2 * depth
    }

    /// `{` or `[`; what follows is one level deeper.
    @inline(__always) mutating func open(_ bracket: UInt8) {
        byte(bracket)
        depth += 1
    }

    /// `}` or `]` on its own line; `empty` when nothing was written since `open` (the pretty
    /// layout puts a blank line between empty brackets).
    @inline(__always) mutating func close(_ bracket: UInt8, empty: Bool = false) {
        depth -= 1
        if pretty && empty { byte(0x0A) }
        newline()
        byte(bracket)
    }

    /// The start of an array element: a comma after the first, and its line.
    @inline(__always) mutating func element(first: Bool) {
        if !first { byte(UInt8(ascii: ",")) }
        newline()
    }

    /// The start of an object member: a comma after the first, its line, the key and the colon.
    @inline(__always) mutating func key(_ name: StaticString, first: Bool = false) {
        if !first { byte(UInt8(ascii: ",")) }
        newline()
        byte(UInt8(ascii: "\""))
        name.withUTF8Buffer { raw($0) }
        byte(UInt8(ascii: "\""))
        if pretty { byte(0x20) }
        byte(UInt8(ascii: ":"))
        if pretty { byte(0x20) }
    }

    // MARK: Values

    mutating func null() {
        byte(UInt8(ascii: "n"))
        byte(UInt8(ascii: "u"))
        byte(UInt8(ascii: "l"))
        byte(UInt8(ascii: "l"))
    }

    mutating func integer(_ value: Int) {
        if value >= 0 && value < 10 {
            byte(UInt8(truncatingIfNeeded: 48 + value))
        } else if value > 0 {
            // The digits written in place, lowest first from the number's end, two at a time (the
            // digits were made in a buffer and copied: ~100 instructions an offset).
            var count = 2
            var bound = 100
            while value >= bound && count < 19 {
                count += 1
                bound &*= 10
            }
            var rest = value
            var end = pointer + count
            do {
                let pairs = JSONCursor.digitPairs.utf8Start
                while rest >= 10 {
                    let pair = (rest % 100) * 2
                    rest /= 100
                    end -= 2
                    end[0] = pairs[pair]
                    end[1] = pairs[pair + 1]
                }
                if rest > 0 {
                    end -= 1
                    end[0] = UInt8(truncatingIfNeeded: 48 + rest)
                }
            }
            pointer += count
        } else {
            utf8(String(value))
        }
    }

    /// "00", "01", ... "99", two bytes each: a literal's bytes, read without the `swift_once` a
    /// lazily built array was read through (once an integer, ~30,000 a run of the dev set).
    private static var digitPairs: StaticString {
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
    }

    private mutating func utf8(_ text: String) {
        text.withUTF8Bytes { raw($0) }
    }

    /// Doubles as `JSONEncoder` writes them: Swift's shortest form, without a trailing ".0".
    mutating func number(_ value: Double) {
        let scaled = (value * 100).rounded()
        if scaled >= 0, scaled <= 100, Double(Int(scaled)) / 100 == value, value.sign == .plus {
            // The very double `Double(k) / 100`, the nearest to the decimal k/100, whose shortest
            // form is that decimal: "0", "1", "0.d" or "0.dd", written digit by digit (a table
            // of the 101 strings, a lazy global, was a `swift_once` and a copy a record).
            let hundredths = Int(scaled)
            if hundredths == 0 || hundredths == 100 { return byte(hundredths == 0 ? 0x30 : 0x31) }
            byte(0x30)
            byte(UInt8(ascii: "."))
            byte(UInt8(truncatingIfNeeded: 0x30 + hundredths / 10))
            if hundredths % 10 != 0 { byte(UInt8(truncatingIfNeeded: 0x30 + hundredths % 10)) }
            return
        }
        utf8(JSONCursor.numberText(value))
    }

    /// A JSON string: quotes, backslashes and control characters escaped as `JSONEncoder` does.
    mutating func string(_ value: String) {
        // A small ASCII string (most of a record's: kinds, rules, lemmas, cues, names) from its
        // two words: its bytes stored as two words, the closing mark written over the padding.
        // Through its UTF-8 bytes, as below, each cost ~130 instructions.
        let (low, high) = SmallStringLayout.bits(value)
        if SmallStringLayout.holds && SmallStringLayout.isSmallASCII(high) && limit - pointer >= 17 {
            let count = SmallStringLayout.count(high)
            let rest = high & 0x00FF_FFFF_FFFF_FFFF
            if !JSONCursor.smallMayNeedEscape(low: low, high: rest, count: count) {
                byte(UInt8(ascii: "\""))
                UnsafeMutableRawPointer(pointer).storeBytes(of: low, as: UInt64.self)
                UnsafeMutableRawPointer(pointer + 8).storeBytes(of: rest, as: UInt64.self)
                pointer[count] = UInt8(ascii: "\"")
                pointer += count + 1
                return
            }
        }
        byte(UInt8(ascii: "\""))
        value.withUTF8Bytes { utf8 in
            guard let base = utf8.baseAddress else { return }
            let count = utf8.count
            var index = 0
            // Eight bytes at a time, copied as one word while none needs an escape (most text).
            while index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if JSONCursor.mayNeedEscape(word) {
                    escaped(base[index])
                    index += 1
                } else {
                    UnsafeMutableRawPointer(pointer).storeBytes(of: word, as: UInt64.self)
                    pointer += 8
                    index += 8
                }
            }
            guard index < count else { return }
            // The last bytes (fewer than eight): the string's last eight as one word again when
            // none needs an escape. Those already written were written as they are, so the word
            // goes where they begin.
            if count >= 8 {
                let word = UnsafeRawPointer(base + count - 8).loadUnaligned(as: UInt64.self)
                if !JSONCursor.mayNeedEscape(word) {
                    UnsafeMutableRawPointer(pointer - (index - (count - 8))).storeBytes(of: word, as: UInt64.self)
                    pointer += count - index
                    return
                }
            }
            while index < count {
                escaped(base[index])
                index += 1
            }
        }
        byte(UInt8(ascii: "\""))
    }

    /// One byte of a string's text, escaped if JSON needs it to be.
    @inline(__always)
    private mutating func escaped(_ current: UInt8) {
        guard current < 0x20 || current == UInt8(ascii: "\"") || current == UInt8(ascii: "\\") else {
            byte(current)
            return
        }
        byte(UInt8(ascii: "\\"))
        switch current {
        case UInt8(ascii: "\""): byte(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): byte(UInt8(ascii: "\\"))
        case 0x0A: byte(UInt8(ascii: "n"))
        case 0x0D: byte(UInt8(ascii: "r"))
        case 0x09: byte(UInt8(ascii: "t"))
        case 0x08: byte(UInt8(ascii: "b"))
        case 0x0C: byte(UInt8(ascii: "f"))
        default:
            byte(UInt8(ascii: "u"))
            byte(UInt8(ascii: "0"))
            byte(UInt8(ascii: "0"))
            byte(JSONCursor.hex[Int(current >> 4)])
            byte(JSONCursor.hex[Int(current & 0x0F)])
        }
    }

    // MARK: Records

    /// Most bytes `record` can take compact: keys, punctuation, numbers, and six bytes for each
    /// byte of text (`\u00XX` is the longest escape).
    static func bound(_ record: QuoteRecord, schemaVersion: String?) -> Int {
        func text(_ speaker: Speaker?) -> Int {
            guard let speaker else { return 0 }
            return speaker.name.utf8.count + speaker.kind.rawValue.utf8.count + (speaker.role?.utf8.count ?? 0)
                + (speaker.mention?.text.utf8.count ?? 0) + (speaker.resolution?.utf8.count ?? 0)
        }
        var characters = record.document.utf8.count + record.id.utf8.count + record.quote.text.utf8.count
            + record.rule.utf8.count + record.type.rawValue.utf8.count + text(record.speaker) + text(record.via)
            + ((schemaVersion ?? record.schemaVersion)?.utf8.count ?? 0)
        if let cue = record.cue { characters += cue.text.utf8.count + cue.lemma.utf8.count }
        for diagnostic in record.diagnostics ?? [] { characters += diagnostic.utf8.count }
        // 64 bytes for each diagnostic or part ("," + 2 quotes, or two keys and integers), 1,024
        // for the fixed keys (about 600 bytes at most with their integers, nulls and the number).
        return 6 * characters + 64 * pieces(record) + 1_024
    }

    /// Diagnostics and parts of `record`: the entries of its two arrays.
    static func pieces(_ record: QuoteRecord) -> Int {
        (record.diagnostics?.count ?? 0) + (record.quote.parts?.count ?? 0)
    }

    /// Most lines `record` takes in the pretty layout: its fixed members and closing brackets
    /// (about 45), and four lines for each part or diagnostic.
    static func lines(_ record: QuoteRecord) -> Int {
        64 + 4 * pieces(record)
    }

    mutating func record(_ record: QuoteRecord, schemaVersion: String?) {
        open(UInt8(ascii: "{"))
        key("confidence", first: true)
        number(record.confidence)
        key("cue")
        if let cue = record.cue {
            textSpan(end: cue.end, lemma: cue.lemma, start: cue.start, text: cue.text)
        } else {
            null()
        }
        if let diagnostics = record.diagnostics {
            key("diagnostics")
            open(UInt8(ascii: "["))
            for (index, diagnostic) in diagnostics.enumerated() {
                element(first: index == 0)
                string(diagnostic)
            }
            close(UInt8(ascii: "]"), empty: diagnostics.isEmpty)
        }
        key("document")
        string(record.document)
        key("id")
        string(record.id)
        key("quote")
        open(UInt8(ascii: "{"))
        key("end", first: true)
        integer(record.quote.end)
        if let parts = record.quote.parts {
            key("parts")
            open(UInt8(ascii: "["))
            for (index, part) in parts.enumerated() {
                element(first: index == 0)
                open(UInt8(ascii: "{"))
                key("end", first: true)
                integer(part.end)
                key("start")
                integer(part.start)
                close(UInt8(ascii: "}"))
            }
            close(UInt8(ascii: "]"), empty: parts.isEmpty)
        }
        key("start")
        integer(record.quote.start)
        key("text")
        string(record.quote.text)
        close(UInt8(ascii: "}"))
        key("rule")
        string(record.rule)
        if let version = schemaVersion ?? record.schemaVersion {
            key("schemaVersion")
            string(version)
        }
        key("speaker")
        speaker(record.speaker)
        key("type")
        string(record.type.rawValue)
        key("via")
        speaker(record.via)
        close(UInt8(ascii: "}"))
    }

    /// A stretch of the text as an object, keys in sorted order: a mention (`end`, `start`,
    /// `text`) or a cue (with its `lemma`).
    private mutating func textSpan(end: Int, lemma: String? = nil, start: Int, text: String) {
        open(UInt8(ascii: "{"))
        key("end", first: true)
        integer(end)
        if let lemma {
            key("lemma")
            string(lemma)
        }
        key("start")
        integer(start)
        key("text")
        string(text)
        close(UInt8(ascii: "}"))
    }

    private mutating func speaker(_ speaker: Speaker?) {
        guard let speaker else { return null() }
        open(UInt8(ascii: "{"))
        key("kind", first: true)
        string(speaker.kind.rawValue)
        key("mention")
        if let mention = speaker.mention {
            textSpan(end: mention.end, start: mention.start, text: mention.text)
        } else {
            null()
        }
        key("name")
        string(speaker.name)
        if let resolution = speaker.resolution {
            key("resolution")
            string(resolution)
        }
        key("role")
        if let role = speaker.role { string(role) } else { null() }
        close(UInt8(ascii: "}"))
    }

    // MARK: Tables

    /// Swift's shortest form of a double, without a trailing ".0".
    private static func numberText(_ value: Double) -> String {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// False only when none of the eight bytes of `word` is a control character, a quotation mark
    /// or a backslash (the usual tests for a zero byte and for a byte below 0x20; a true answer
    /// may be wrong, and the caller then looks at the bytes one by one).
    ///
    /// The three tests share their last step: each masks its difference with the high bits of
    /// the complement of what it subtracted from, and `word ^ 0x22...` and `word ^ 0x5C...` have
    /// the high bits of `word` (both constants are below 0x80), so one mask serves all three.
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64) -> Bool {
        flagged(word) != 0
    }

    /// The high bit of each byte of `word` that `mayNeedEscape` flags.
    @inline(__always)
    private static func flagged(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let differences = (word &- ones &* 0x20) | ((word ^ (ones &* 0x22)) &- ones) | ((word ^ (ones &* 0x5C)) &- ones)
        return differences & ~word & highs
    }

    /// `mayNeedEscape` for the bytes of a small string, `count` of them in `low` and `high`
    /// (first byte lowest; zero past `count`): the zeros, which the test takes for control
    /// characters, are left out of its answer. (A byte the test flags falsely lies above one it
    /// flags rightly, so no byte that needs an escape goes unflagged.)
    @inline(__always)
    static func smallMayNeedEscape(low: UInt64, high: UInt64, count: Int) -> Bool {
        let lowBytes: UInt64 = count >= 8 ? ~0 : (1 &<< UInt64(8 &* count)) &- 1
        let highBytes: UInt64 = count <= 8 ? 0 : (1 &<< UInt64(8 &* (count &- 8))) &- 1
        return flagged(low) & lowBytes != 0 || flagged(high) & highBytes != 0
    }
}
