import CQuoteScan

/// The paragraph structure of a document, and a whitespace-normalised copy of its text.
///
/// `shadow` has the same length as the text, so every offset is shared: soft line breaks, carriage
/// returns, tabs and no-break spaces become plain spaces, and page-clutter lines ("Advertisement",
/// a photo caption repeated on the next line) are blanked out, so they can neither split a sentence
/// nor interrupt a quotation that runs around them.
public struct Layout: Sendable {
    /// Normalised code units, same length as the text.
    public let shadow: [UInt16]
    /// Paragraph content ranges (trimmed, clutter removed), in order.
    public let paragraphs: [Range<Int>]
    /// Ranges of the lines recognised as page clutter.
    public let clutter: [Range<Int>]

    /// Builds the layout.
    ///
    /// Paragraphs are separated by blank lines when the document has any; otherwise each line is
    /// a paragraph. Inside a blank-line paragraph a single line break is a soft wrap, except
    /// before a line that opens with a quotation mark after a line that ended a sentence: news
    /// copy pasted without blank lines starts quote paragraphs that way.
    public init(text: TextBuffer, lexicon: Lexicon) {
        self.init(text: text, lexicon: lexicon, scratch: ExtractionScratch())
    }

    /// `init(text:lexicon:)` with the lines and their kinds kept in `scratch`'s storage.
    init(text: TextBuffer, lexicon: Lexicon, scratch: ExtractionScratch) {
        let clutterLines = lexicon.clutter
        let clutterFilter = lexicon.wordTable.clutterFilter
        let clutterMaxScalars = lexicon.wordTable.clutterMaxScalars
        let units = text.units
        var shadow = units
        let count = units.count
        // Room for a line every 64 units (news text has one every ~75: paragraphs and the blank
        // lines between them), at most 4,096 lines ahead: grown from empty, the line and
        // paragraph arrays were reallocated ~12 times a document.
        var lines: [Range<Int>] = []
        swap(&lines, &scratch.lines)
        lines.reserveCapacity(min(count / 64 + 8, 4_096))
        var lineStart = 0
        // Line breaks found and white space normalised in the shadow in one pass. The shadow
        // shares the text's storage until its first change (most documents need none: paragraphs
        // apart by blank lines, no tabs, carriage returns or soft wraps), so the units are read
        // from the text and only the changes are written; a 48 MB line kept two copies of 96 MB
        // before. (Clutter is blanked below, once the lines are classified.)
        units.withUnsafeBufferPointer { units in
            var index = 0
            while index < count {
                // Past printable ASCII and spaces (most of a text), eight units at a time: no line
                // break, and no white space to normalise, is among them.
                index = qscan_u16_outside(units.baseAddress!, index, count, CodeUnit.space)
                guard index < count else { break }
                let unit = units[index]
                if unit == CodeUnit.carriageReturn || unit == CodeUnit.tab || unit == CodeUnit.noBreakSpace
                    || (unit != CodeUnit.lineFeed && CodeUnit.isWhitespace(unit)) {
                    shadow[index] = CodeUnit.space
                }
                if unit > CodeUnit.carriageReturn && unit < 0x85 {
                    index += 1  // no line break below U+0085 but LF, VT, FF and CR
                    continue
                }
                if CodeUnit.isLineBreak(unit) {
                    lines.append(lineStart..<index)
                    if unit == CodeUnit.carriageReturn, index + 1 < count, units[index + 1] == CodeUnit.lineFeed {
                        index += 1  // the line feed, which stays as it is in the shadow
                    }
                    lineStart = index + 1
                }
                index += 1
            }
        }
        lines.append(lineStart..<count)

        func trimmed(_ range: Range<Int>) -> Range<Int> { CodeUnit.trimmed(units, range) }

        // Classify lines: blank, clutter, or text.
        var clutter: [Range<Int>] = []
        var kinds: [UInt8] = []  // 0 blank, 1 clutter, 2 text
        swap(&kinds, &scratch.lineKinds)
        kinds.reserveCapacity(lines.count)
        var previousText: Range<Int>? = nil
        var hasBlank = false
        var seenText = false
        for line in lines {
            let core = trimmed(line)
            if core.isEmpty {
                kinds.append(0)
                if seenText { hasBlank = true }
                continue
            }
            seenText = true
            var isClutter = false
            if core.count <= 80, Layout.mayBeClutter(units, core, clutterFilter, maxScalars: clutterMaxScalars) {
                let lowered = UTF16String.lowercased(units, core)  // as text.text(core).lowercased()
                if clutterLines.contains(lowered) {
                    isClutter = true
                } else if let colon = Layout.firstColon(lowered),
                          clutterLines.contains(String(lowered[...colon])) {
                    isClutter = true
                }
            }
            if !isClutter, let previous = previousText, previous.count == core.count, core.count >= 20,
               units[previous] == units[core] {
                isClutter = true
            }
            if isClutter {
                clutter.append(core)
                kinds.append(1)
            } else {
                kinds.append(2)
                previousText = core
            }
        }

        // Clutter blanked in the shadow.
        for range in clutter {
            for position in range where shadow[position] != CodeUnit.space { shadow[position] = CodeUnit.space }
        }

        // Group text lines into paragraphs.
        var paragraphs: [Range<Int>] = []
        paragraphs.reserveCapacity(lines.count / 2 + 1)
        var current: Range<Int>? = nil
        var previousLine: Range<Int>? = nil
        func flush() {
            if let paragraph = current { paragraphs.append(paragraph) }
            current = nil
        }
        for (line, kind) in zip(lines, kinds) {
            switch kind {
            case 0:
                if hasBlank { flush() }
            case 1:
                continue
            default:
                let core = trimmed(line)
                if !hasBlank {
                    flush()
                } else if let previous = previousLine, current != nil,
                          Layout.endsSentence(units, previous), Layout.opensQuote(units, core.lowerBound) {
                    flush()
                }
                current = current.map { $0.lowerBound..<core.upperBound } ?? core
                previousLine = core
            }
        }
        flush()
        ExtractionScratch.emptied(&lines)
        swap(&lines, &scratch.lines)
        ExtractionScratch.emptied(&kinds)
        swap(&kinds, &scratch.lineKinds)

        // Soft line breaks inside a paragraph become spaces; breaks between paragraphs stay. (The
        // first pass leaves line feeds as they are, so the text's units show where they are.)
        units.withUnsafeBufferPointer { units in
            guard let base = units.baseAddress else { return }
            for paragraph in paragraphs {
                var position = paragraph.lowerBound
                while true {
                    position = qscan_u16_find(base, position, paragraph.upperBound, CodeUnit.lineFeed)
                    guard position < paragraph.upperBound else { break }
                    shadow[position] = CodeUnit.space
                    position += 1
                }
            }
        }
        self.shadow = shadow
        self.paragraphs = paragraphs
        self.clutter = clutter
    }

    /// False only when neither the lowercased text of the line `units[core]` nor that text up to
    /// its first colon can be a clutter line: most lines need no lowercased string. An ASCII line
    /// is told by the filter; a line beyond ASCII by its length, since it can equal a clutter
    /// line (lowercased, and compared by canonical equivalence) only with no more Unicode scalars
    /// than the longest one has decomposed (`maxScalars`): lowercasing and decomposing never
    /// take a scalar away. (Such a line was lowercased through the standard library and
    /// SipHashed, ~8,000 instructions: 2.8% of 10,000 one-paragraph briefs.)
    static func mayBeClutter(_ units: [UInt16], _ core: Range<Int>, _ filter: ASCIIKeyFilter, maxScalars: Int) -> Bool {
        let ascii = filter.mayContain(asciiUnits: units, core)  // nil: beyond ASCII
        if ascii ?? Layout.hasAtMost(maxScalars, scalars: units, core) { return true }
        // The colon found eight units at a time: `firstIndex(of:)` on the slice took ~8
        // instructions a unit, most of what a one-line document's layout cost. Beyond ASCII, the
        // first colon unit ends the shortest prefix the colon test may read (a colon with a mark
        // after it is no colon `Character`, and a later one is looked for).
        let colon = units.withUnsafeBufferPointer {
            qscan_u16_find($0.baseAddress!, core.lowerBound, core.upperBound, CodeUnit.colon)
        }
        guard colon < core.upperBound else { return false }
        let prefix = core.lowerBound..<(colon + 1)
        return ascii == nil ? Layout.hasAtMost(maxScalars, scalars: units, prefix) : filter.mayContain(units, prefix)
    }

    /// True when `units[range]` holds at most `limit` Unicode scalars (a low surrogate is the
    /// second unit of one).
    static func hasAtMost(_ limit: Int, scalars units: [UInt16], _ range: Range<Int>) -> Bool {
        guard range.count > limit else { return true }
        var scalars = 0
        for index in range where units[index] & 0xFC00 != 0xDC00 {
            scalars += 1
            if scalars > limit { return false }
        }
        return true
    }

    /// `text.firstIndex(of: ":")`, found on the bytes when the first colon has ASCII on both
    /// sides (then it is a `Character` of its own); otherwise by `Character`s.
    static func firstColon(_ text: String) -> String.Index? {
        let utf8 = text.utf8
        guard let colon = utf8.firstIndex(of: CodeUnit.colonByte) else { return nil }
        let next = utf8.index(after: colon)
        if (colon == utf8.startIndex || utf8[utf8.index(before: colon)] < 0x80) && (next == utf8.endIndex || utf8[next] < 0x80) {
            return colon
        }
        return text.firstIndex(of: ":")
    }

    private static func endsSentence(_ units: [UInt16], _ line: Range<Int>) -> Bool {
        guard let last = line.last else { return false }
        let unit = units[last]
        return CodeUnit.isTerminal(unit) || unit == 0x201D || unit == CodeUnit.quotationMark
            || unit == 0x2019 || unit == CodeUnit.colon
    }

    private static func opensQuote(_ units: [UInt16], _ position: Int) -> Bool {
        guard position < units.count else { return false }
        let unit = units[position]
        return unit == 0x201C || unit == CodeUnit.quotationMark || unit == 0x00AB || unit == 0x201E
            || unit == 0x2018
    }
}
