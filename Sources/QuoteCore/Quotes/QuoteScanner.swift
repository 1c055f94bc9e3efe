import CQuoteScan
import QuoteSchema

/// Finds quotation spans in a document, one linear pass over its code units.
///
/// Double marks (straight, curly, `''`, ``` `` ```, „“) and guillemets open top-level quotations;
/// single marks do too when they are not apostrophes (`don't`, `'90s`, `Dabagh's`, `rock 'n' roll`).
/// Marks inside an open quotation are nested and ignored. A quotation still open at the end of a
/// paragraph continues when the next paragraph reopens with a mark (the news convention for long
/// quotations); otherwise it ends there with an `unclosed-quote` diagnostic.
public struct QuoteScanner: Sendable {
    /// Most diagnostics reported per document before they are summarised.
    public static let diagnosticLimit = 50

    public init() {}

    private enum Mark {
        case open(QuoteSpan.Family, length: Int)
        case close(QuoteSpan.Family, length: Int)
        /// A straight or doubled mark whose direction depends on the state.
        case either(QuoteSpan.Family, length: Int)
    }

    /// The first position from `start` on whose unit is not ASCII or is `"`, `'` or `` ` `` (no
    /// quotation mark can be anything else); `end` when there is none. Eight units at a time
    /// (`qscan_u16_quote_stop`).
    @inline(__always)
    static func skipASCIIWithoutMarks(_ text: [UInt16], from start: Int, to end: Int) -> Int {
        guard start < end else { return end }
        return text.withUnsafeBufferPointer { qscan_u16_quote_stop($0.baseAddress!, start, end) }
    }

    /// Scans the paragraphs of a layout.
    public func scan(_ layout: Layout) -> (quotes: [QuoteSpan], diagnostics: [Diagnostic]) {
        let text = layout.shadow
        var quotes: [QuoteSpan] = []
        var diagnostics: [Diagnostic] = []
        var suppressed = 0
        func report(_ code: String, _ message: String, _ range: Range<Int>) {
            if diagnostics.count < QuoteScanner.diagnosticLimit {
                diagnostics.append(Diagnostic(code: code, severity: .warning, message: message,
                                              start: range.lowerBound, end: range.upperBound))
            } else {
                suppressed += 1
            }
        }

        var open: QuoteSpan? = nil       // top-level double or guillemet quotation
        var openSingle: (mark: Int, content: Int)? = nil
        var partStart = 0
        var paragraphIndex = 0
        var resumeAt: Int? = nil

        while paragraphIndex < layout.paragraphs.count {
            let paragraph = layout.paragraphs[paragraphIndex]
            var index = resumeAt ?? paragraph.lowerBound
            resumeAt = nil
            openSingle = nil
            let end = paragraph.upperBound
            while index < end {
                index = QuoteScanner.skipASCIIWithoutMarks(text, from: index, to: end)
                guard index < end else { break }
                // Most units are no quotation mark: only these few can be (see `classify`).
                let unit = text[index]
                if unit < 0x80 ? unit != CodeUnit.quotationMark && unit != CodeUnit.apostrophe && unit != CodeUnit.backtick
                    : unit != 0x00AB && unit != 0x00BB && (unit < 0x2018 || unit > 0x203A) {
                    index += 1
                    continue
                }
                guard let (mark, length) = classify(text, index, end) else {
                    index += 1
                    continue
                }
                let before: UInt16? = index > paragraph.lowerBound ? text[index - 1] : nil
                let after: UInt16? = index + length < end ? text[index + length] : nil
                let afterOpens = after.map { !CodeUnit.isWhitespace($0) } ?? false
                let beforeIsSpace = before.map { CodeUnit.isWhitespace($0) || CodeUnit.isOpenBracket($0) || CodeUnit.isDash($0) } ?? true

                if var current = open {
                    // Only a closing mark of the open family matters; everything else is nested.
                    let closes: Bool
                    switch mark {
                    case .close(let family, _), .either(let family, _):
                        closes = family == current.family
                    case .open(let family, _):
                        // “ closing a „ quotation, or a “ typed where ” was meant.
                        closes = family == current.family && text[current.openMark] == 0x201E
                            || (family == current.family && !beforeIsSpace && !(after.map(CodeUnit.isAlphanumeric) ?? false))
                    }
                    if closes {
                        open = nil  // `current` now holds the only reference: its parts grow in place
                        current.addPart(trim(text, partStart..<index))
                        current.closeMarkEnd = index + length
                        current.lastParagraph = paragraphIndex
                        if current.content.isEmpty || current.parts.allSatisfy({ $0.isEmpty }) {
                            // "" or an empty pair: nothing quoted.
                        } else {
                            quotes.append(normalised(current))
                        }
                    }
                    index += length
                    continue
                }

                switch mark {
                case .open(let family, _) where family != .single,
                     .either(let family, _) where family != .single:
                    if afterOpens {
                        open = QuoteSpan(family: family, openMark: index, parts: [], closeMarkEnd: nil,
                                         firstParagraph: paragraphIndex, lastParagraph: paragraphIndex)
                        partStart = index + length
                        openSingle = nil
                    } else if !beforeIsSpace {
                        report("stray-closing-mark", "closing quotation mark with no opening mark", index..<(index + length))
                    }
                case .close(let family, _) where family != .single:
                    if afterOpens && beforeIsSpace {
                        // ” typed as an opening mark.
                        open = QuoteSpan(family: family, openMark: index, parts: [], closeMarkEnd: nil,
                                         firstParagraph: paragraphIndex, lastParagraph: paragraphIndex)
                        partStart = index + length
                        openSingle = nil
                    } else {
                        report("stray-closing-mark", "closing quotation mark with no opening mark", index..<(index + length))
                    }
                default:
                    // Single marks at top level: a quotation or an apostrophe.
                    let afterIsWordStart = after.map { CodeUnit.isLetter($0) } ?? false
                    if let single = openSingle, before.map({ !CodeUnit.isWhitespace($0) }) ?? false,
                       !(after.map(CodeUnit.isAlphanumeric) ?? false) {
                        if case .open = mark {} else {
                            let content = trim(text, single.content..<index)
                            if !content.isEmpty {
                                quotes.append(QuoteSpan(family: .single, openMark: single.mark, parts: [content],
                                                        closeMarkEnd: index + length, firstParagraph: paragraphIndex,
                                                        lastParagraph: paragraphIndex))
                            }
                            openSingle = nil
                            index += length
                            continue
                        }
                    }
                    if beforeIsSpace && afterIsWordStart && !isElision(text, index + length, end) {
                        if case .close = mark {} else { openSingle = (index, index + length) }
                    }
                }
                index += length
            }

            // End of paragraph with a quotation still open.
            if var current = open {
                // `current` must hold the only reference before its parts grow: appending to a
                // copy that `open` still shared copied every part so far, paragraph after
                // paragraph (quadratic in a quotation's paragraphs).
                open = nil
                current.addPart(trim(text, partStart..<end))
                let nextIndex = paragraphIndex + 1
                if nextIndex < layout.paragraphs.count,
                   let reopen = reopening(text, layout.paragraphs[nextIndex], family: current.family) {
                    partStart = reopen
                    open = current
                    resumeAt = reopen
                } else {
                    current.lastParagraph = paragraphIndex
                    report("unclosed-quote", "quotation opened here is not closed before the paragraph ends",
                           current.openMark..<(current.openMark + 1))
                    if !current.parts.allSatisfy({ $0.isEmpty }) {
                        quotes.append(normalised(current))
                    }
                }
            }
            paragraphIndex += 1
        }
        if suppressed > 0 {
            diagnostics.append(Diagnostic(code: "diagnostics-truncated", severity: .info,
                                          message: "\(suppressed) more quotation-mark diagnostics not shown"))
        }
        return (quotes, diagnostics)
    }

    /// Drops empty parts (a paragraph holding only a reopening mark).
    private func normalised(_ span: QuoteSpan) -> QuoteSpan {
        guard span.parts.contains(where: { $0.isEmpty }) else { return span }
        var span = span
        span.parts = span.parts.filter { !$0.isEmpty }
        return span
    }

    /// If a paragraph starts with an opening mark of the family, the offset after it.
    private func reopening(_ text: [UInt16], _ paragraph: Range<Int>, family: QuoteSpan.Family) -> Int? {
        guard let (mark, length) = classify(text, paragraph.lowerBound, paragraph.upperBound) else { return nil }
        switch mark {
        case .open(let markFamily, _), .either(let markFamily, _):
            return markFamily == family ? paragraph.lowerBound + length : nil
        case .close(let markFamily, _):
            // Some copy reopens paragraphs with ” as well.
            return markFamily == family && family == .double ? paragraph.lowerBound + length : nil
        }
    }

    /// `'90s`, `'n'`, `'em`, `'til`, `'cause`: an apostrophe that starts a word.
    private func isElision(_ text: [UInt16], _ start: Int, _ end: Int) -> Bool {
        guard start < end else { return false }
        if CodeUnit.isDigit(text[start]) { return true }
        var wordEnd = start
        while wordEnd < end, CodeUnit.isLetter(text[wordEnd]) { wordEnd += 1 }
        guard wordEnd - start <= 5 else { return false }
        // The word's lowercased ASCII letters packed into an integer: no string is built.
        var key: UInt64 = 0
        for position in start..<wordEnd {
            let unit = text[position]
            guard unit < 0x80 else { return false }  // no elision has a letter beyond ASCII
            key = key << 8 | UInt64(unit | 0x20)
        }
        return QuoteScanner.elisions.contains(key)
    }

    /// The elisions, each packed as `isElision` packs a word (fifteen compares cost less than
    /// hashing the key).
    private static let elisions: [UInt64] =
        ["n", "em", "til", "cause", "tis", "twas", "bout", "round", "s", "d", "ll", "re", "ve", "m", "t"].map { word in
            word.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        }

    private func trim(_ text: [UInt16], _ range: Range<Int>) -> Range<Int> { CodeUnit.trimmed(text, range) }

    private func classify(_ text: [UInt16], _ index: Int, _ end: Int) -> (Mark, Int)? {
        let unit = text[index]
        let next: UInt16 = index + 1 < end ? text[index + 1] : 0
        switch unit {
        case CodeUnit.quotationMark: return (.either(.double, length: 1), 1)
        case 0x201C: return (.open(.double, length: 1), 1)
        case 0x201D: return (.close(.double, length: 1), 1)
        case 0x201E: return (.open(.double, length: 1), 1)
        case 0x201F: return (.open(.double, length: 1), 1)
        case 0x00AB: return (.open(.guillemet, length: 1), 1)
        case 0x00BB: return (.close(.guillemet, length: 1), 1)
        case CodeUnit.backtick where next == CodeUnit.backtick: return (.open(.double, length: 2), 2)
        case CodeUnit.apostrophe:
            // Three marks close a nested single quotation, then the doubled one: take one first.
            let third: UInt16 = index + 2 < end ? text[index + 2] : 0
            if next == CodeUnit.apostrophe && third != CodeUnit.apostrophe { return (.either(.double, length: 2), 2) }
            return (.either(.single, length: 1), 1)
        case 0x2018:
            if next == 0x2018 { return (.open(.double, length: 2), 2) }
            return (.open(.single, length: 1), 1)
        case 0x2019:
            if next == 0x2019 { return (.close(.double, length: 2), 2) }
            return (.close(.single, length: 1), 1)
        case 0x201A, 0x2039: return (.open(.single, length: 1), 1)
        case 0x203A: return (.close(.single, length: 1), 1)
        default: return nil
        }
    }
}

private extension QuoteSpan {
    /// Appends a part; the first makes an array of exactly one (most quotations have one part,
    /// and growing an empty array took twice the instructions of making it whole).
    mutating func addPart(_ part: Range<Int>) {
        if parts.isEmpty { parts = [part] } else { parts.append(part) }
    }
}
