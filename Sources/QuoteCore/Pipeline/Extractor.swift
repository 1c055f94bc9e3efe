import Foundation
import QuoteSchema

/// The whole pipeline for one document: layout, quotation spans, sentences, units, attribution,
/// speaker resolution, records.
///
/// Text processing never throws: odd text becomes diagnostics on the result. Its settings
/// (lexicon, offset unit, rules) are part of its `fingerprint`, with the code it runs: a new
/// setting must be hashed there too.
public struct Extractor: Sendable {
    public let lexicon: Lexicon
    public let offsetUnit: OffsetUnit
    /// Prints the units to standard output (set QUOTES_DEBUG_UNITS=1); for rule development.
    static let debugUnits = getenv("QUOTES_DEBUG_UNITS") != nil
    let engine: AttributionEngine
    /// The sentence splitter and the tokenizer, made once from the lexicon (so no setting of
    /// their own for the fingerprint): made for every document, the tokenizer's copy of the word
    /// table retained and released each of its tables (~1,100 instructions a document).
    private let splitter: SentenceSplitter
    private let tokenizer: Tokenizer

    public init(lexicon: Lexicon = .bundled, offsetUnit: OffsetUnit = .codepoint,
                rules: [any AttributionRule] = RuleRegistry.rules) {
        self.lexicon = lexicon
        self.offsetUnit = offsetUnit
        self.engine = AttributionEngine(rules: rules)
        splitter = SentenceSplitter(lexicon: lexicon)
        tokenizer = Tokenizer(lexicon: lexicon)
    }

    /// Extracts every quotation of a document read by `DocumentReader` (its text as it was read:
    /// a string, or UTF-16 from the JSONL reader, which is not made into a string).
    public func extract(_ document: SourceDocument) -> DocumentResult {
        extract(document, scratch: ExtractionScratch())
    }

    /// `extract(_:)` with the storage a document needs only while it is read kept in `scratch`,
    /// for the thread's next document.
    func extract(_ document: SourceDocument, scratch: ExtractionScratch) -> DocumentResult {
        switch document.body {
        case .string(let text):
            return extract(text: text, document: document.id, metadata: document.metadata, scratch: scratch)
        case .utf16(let text):
            // The limit below, with its diagnostic, is checked on the string (a 2 GB line, rare).
            guard text.units.count < Int(Int32.max) else {
                return extract(text: text.string, document: document.id, metadata: document.metadata, scratch: scratch)
            }
            return extract(TextBuffer(text), document: document.id, metadata: document.metadata, scratch: scratch)
        }
    }

    /// Extracts every quotation of `text`.
    public func extract(text string: String, document: String, metadata: [String: JSONValue]? = nil) -> DocumentResult {
        extract(text: string, document: document, metadata: metadata, scratch: ExtractionScratch())
    }

    /// `extract(text:document:metadata:)` with `scratch` (see `extract(_:scratch:)`).
    func extract(text string: String, document: String, metadata: [String: JSONValue]?,
                 scratch: ExtractionScratch) -> DocumentResult {
        // UTF-16 never has more units than UTF-8 has bytes, and the UTF-8 count costs nothing.
        guard string.utf8.count < Int(Int32.max) || string.utf16.count < Int(Int32.max) else {
            // Offsets inside the pipeline are 32-bit; a 4 GB document is not news.
            let length = offsetUnit == .utf8 ? string.utf8.count : offsetUnit == .utf16 ? string.utf16.count : string.unicodeScalars.count
            return DocumentResult(document: document, offsetUnit: offsetUnit, length: length, metadata: metadata, quotes: [],
                                  diagnostics: [Diagnostic(code: "document-too-large", severity: .error,
                                                           message: "document of \(string.utf16.count) UTF-16 units is over the limit of \(Int32.max); not read")])
        }
        return extract(TextBuffer(string), document: document, metadata: metadata, scratch: scratch)
    }

    /// Extracts every quotation of `text`, which has fewer than 2^31 UTF-16 units.
    private func extract(_ text: TextBuffer, document: String, metadata: [String: JSONValue]?,
                         scratch: ExtractionScratch) -> DocumentResult {
        let layout = Layout(text: text, lexicon: lexicon, scratch: scratch)
        var (quotes, diagnostics) = QuoteScanner().scan(layout)
        // The texts of tokens that need an owner: kept alive past the last token read (until the
        // units go, below, or to the end).
        var tokenTexts: [String] = []
        defer { withExtendedLifetime(tokenTexts) {} }
        var units = buildUnits(layout: layout, quotes: quotes, diagnostics: &diagnostics, texts: &tokenTexts,
                               scratch: scratch)
        if Extractor.debugUnits {
            for unit in units {
                let shown = unit.tokens.map { $0.isQuote ? "Q\($0.quote).\($0.part)" : text.text($0.range) }
                print("unit \(unit.index) p\(unit.paragraph): \(shown.joined(separator: " "))")
            }
        }
        // A document with no unit the rules read (a brief with no quotation or cue verb) gets no
        // attribution and needs no phrase analyzer: made and freed anyway, it cost ~550
        // instructions of such a brief.
        let analyzer = engine.hasCandidates(units) ? PhraseAnalyzer(lexicon: lexicon, shadow: layout.shadow) : nil
        var attributions: [Attribution] = []
        if let analyzer { attributions = engine.run(units: units, quotes: quotes, analyzer: analyzer, scratch: scratch) }
        let utf8Table = offsetUnit == .utf8 ? text.utf8OffsetTable() : nil
        func convert(_ offset: Int) -> Int { text.offset(offset, in: offsetUnit, utf8Table: utf8Table) }
        var records: [QuoteRecord] = []
        // The resolver collects the document's names up front, about a tenth of the work on the
        // dev set: a document with nothing attributed (news quotes nobody in many articles) has
        // no speaker to resolve and no records, and skips all of this. (The resolver is made only
        // here, not as an optional beside it: a `SpeakerResolver?` was destroyed through its
        // type's metadata, ~650 instructions a document.)
        if !attributions.isEmpty, let analyzer {
            var resolver = SpeakerResolver(analyzer: analyzer, text: text, units: units, reusing: &scratch.resolverTables)
            // Nothing reads the tokens past this point; a long document's peak memory was its
            // tokens beside its attributions and their sorted copy. Attributions go in order by index.
            units = []
            // No token is left to read their texts (attributions hold ranges and strings of their own).
            tokenTexts = []
            // The sort keys read from each attribution in place: a `map` over the attributions (and
            // over the records, below) copied each one only to read two numbers from it.
            var attributionKeys: [(Int, Int)] = []
            attributionKeys.reserveCapacity(attributions.count)
            for index in attributions.indices {
                attributionKeys.append((contentRange(of: index, in: attributions, quotes).lowerBound, 0))
            }
            let order = Extractor.stableOrder(keys: attributionKeys) ?? Array(attributions.indices)
            func span(_ span: TextSpan?) -> TextSpan? {
                span.map { TextSpan(text: $0.text, start: convert($0.start), end: convert($0.end)) }
            }
            // The records' ids start from a hash of the whole text.
            let documentHash = StableHash.of(text.units)

            records.reserveCapacity(attributions.count)
            var recordKeys: [(Int, Int)] = []  // each record's quotation start and end, for the sort
            recordKeys.reserveCapacity(attributions.count)
            // How many ids each hash has given: they are "q" + hex, "q" + hex + "x", ... in that order
            // (an id that is taken gets one more "x"), and ids of different hashes never meet.
            var idsByHash = IntTable<Int>()
            idsByHash.reserveCapacity(attributions.count)  // grown by doubling, it was rehashed ~log n times
            for index in order {
                // Fields read from the array in place: `let attribution = attributions[index]` copied
                // the whole attribution (its strings and phrases retained) and freed the copy.
                let range = contentRange(of: index, in: attributions, quotes)
                let position = attributions[index].speaker.map { $0.mention.lowerBound } ?? range.lowerBound
                // Each resolved speaker is made once and handed to the record (`consume`): resolved into
                // a variable, then changed through `speaker?.mention`, each was copied into the record
                // and destroyed twice (~1,000 instructions a record).
                let speaker = attributions[index].speaker.map { phrase -> Speaker in
                    var resolved = resolver.resolve(phrase, at: position)
                    resolved.mention = span(resolved.mention)
                    return resolved
                }
                let via = attributions[index].via.map { phrase -> Speaker in
                    var resolved = resolver.resolve(phrase, at: phrase.mention.lowerBound)
                    resolved.mention = span(resolved.mention)
                    return resolved
                }
                var parts: [OffsetRange]? = nil
                var recordDiagnostics: [String]? = nil
                var confidence = attributions[index].confidence
                if attributions[index].type == .direct, let quote = attributions[index].quote {
                    let spanValue = quotes[quote]
                    if spanValue.parts.count > 1 {
                        parts = spanValue.parts.map { OffsetRange(start: convert($0.lowerBound), end: convert($0.upperBound)) }
                    }
                    if !spanValue.isClosed {
                        recordDiagnostics = ["unclosed-quote"]
                        confidence *= 0.7
                    }
                }
                if speaker?.resolution == "unresolved" { confidence *= 0.8 }
                let cue = attributions[index].cue.map {
                    Cue(text: text.text($0), lemma: attributions[index].cueLemma ?? text.text($0).lowercased(),
                        start: convert($0.lowerBound), end: convert($0.upperBound))
                }
                let type = attributions[index].type
                let idHash = documentHash
                    &+ StableHash.of(UInt64(range.lowerBound), UInt64(range.upperBound), UInt64(type.hashSeed))
                let suffixes = idsByHash[idHash, default: 0]
                idsByHash[idHash] = suffixes + 1
                let id = StableHash.id(idHash, suffixes: suffixes)
                let quoteStart = convert(range.lowerBound), quoteEnd = convert(range.upperBound)
                recordKeys.append((quoteStart, quoteEnd))
                records.append(QuoteRecord(
                    document: document, id: id, type: type,
                    quote: QuoteContent(text: text.text(range), start: quoteStart, end: quoteEnd, parts: parts),
                    speaker: consume speaker, via: consume via, cue: cue,
                    confidence: (confidence * 100).rounded() / 100, rule: attributions[index].rule,
                    diagnostics: recordDiagnostics))
            }
            resolver.giveBack(into: &scratch.resolverTables)
            if let sorted = Extractor.stableOrder(keys: recordKeys) { records = sorted.map { records[$0] } }
        }
        for index in diagnostics.indices {
            diagnostics[index].start = diagnostics[index].start.map(convert)
            diagnostics[index].end = diagnostics[index].end.map(convert)
        }
        let length = convert(text.count)
        return DocumentResult(document: document, offsetUnit: offsetUnit,
                              length: length, metadata: metadata, quotes: records, diagnostics: diagnostics)
    }

    /// The indexes of `keys` in the order the standard library's (stable) sort gives them, ties
    /// in their first order; nil when they are in that order already (as they mostly are).
    static func stableOrder(keys: [(Int, Int)]) -> [Int]? {
        var ordered = true
        for index in keys.indices.dropFirst() where keys[index] < keys[index - 1] {
            ordered = false
            break
        }
        if ordered { return nil }
        return keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }
    }

    /// What attribution `index` reports: its quotation's content, or its clause. Read field by
    /// field from the array (handed an attribution whole, the caller copied it).
    private func contentRange(of index: Int, in attributions: [Attribution], _ quotes: [QuoteSpan]) -> Range<Int> {
        if attributions[index].type == .direct, let quote = attributions[index].quote { return quotes[quote].content }
        return attributions[index].content ?? 0..<0
    }

    /// Sentences of each paragraph, joined where a quotation part crosses their edge, tokenised;
    /// the texts their tokens hold that need an owner (`TokenText`) are kept for the life of the
    /// process. For tests: extraction keeps them only while it reads the units.
    func buildUnits(layout: Layout, quotes: [QuoteSpan], diagnostics: inout [Diagnostic]) -> [Unit] {
        var texts: [String] = []
        let units = buildUnits(layout: layout, quotes: quotes, diagnostics: &diagnostics, texts: &texts)
        TokenText.keepForever(texts)
        return units
    }

    /// Sentences of each paragraph, joined where a quotation part crosses their edge, tokenised.
    /// The texts their tokens hold that need an owner (`TokenText`: words of more than 15 bytes)
    /// are added to `texts`, which the caller keeps alive as long as it reads the tokens.
    func buildUnits(layout: Layout, quotes: [QuoteSpan], diagnostics: inout [Diagnostic], texts: inout [String],
                    scratch: ExtractionScratch = ExtractionScratch()) -> [Unit] {
        let shadow = layout.shadow
        // Quotation parts as atoms, with their marks, grouped by paragraph.
        // (None at all when there is no quotation: the array of empty arrays was made and freed.)
        var atomsByParagraph = [[(range: Range<Int>, quote: Int, part: Int)]]()
        if !quotes.isEmpty { atomsByParagraph = .filled(with: [], count: layout.paragraphs.count) }
        for (quoteIndex, span) in quotes.enumerated() {
            for (partIndex, part) in span.parts.enumerated() {
                let paragraph = paragraphIndex(of: part.lowerBound, in: layout.paragraphs)
                let paragraphRange = layout.paragraphs[paragraph]
                var lower = part.lowerBound
                if partIndex == 0, paragraphRange.contains(span.openMark) {
                    lower = span.openMark
                } else {
                    lower = paragraphRange.lowerBound
                }
                var upper = part.upperBound
                if partIndex == span.parts.count - 1, let close = span.closeMarkEnd, close <= paragraphRange.upperBound {
                    upper = close
                }
                // Room for four at a paragraph's first (grown from one: ~3,200 reallocations
                // on the dev set).
                if atomsByParagraph[paragraph].isEmpty { atomsByParagraph[paragraph].reserveCapacity(4) }
                atomsByParagraph[paragraph].append((lower..<upper, quoteIndex, partIndex))
            }
        }
        // Room for two sentences a paragraph (grown from empty: ~6 reallocations a document).
        var units: [Unit] = []
        units.reserveCapacity(layout.paragraphs.count * 2 + 4)
        // The tokens of the unit being read: never more than a window and the token after it.
        // A short text starts with room for a token every four units (it grows if need be): a
        // window's room is 8 KB, beyond malloc's per-thread cache, for every one-paragraph brief.
        var pending = scratch.pending.take()
            ?? TokenBuffer(capacity: min(Extractor.maxUnitTokens + 1, layout.shadow.count / 4 + 8))
        // A paragraph's sentences, ICU's breaks and the sentences joined across quotations, each
        // emptied and filled again for every paragraph in the same storage.
        // Room for sixteen at first (grown from empty: ~6 reallocations a document).
        var sentences: [Range<Int>] = []
        var breaks: [Int32] = []
        var merged: [Range<Int>] = []
        swap(&sentences, &scratch.sentences)
        swap(&breaks, &scratch.breaks)
        swap(&merged, &scratch.merged)
        sentences.reserveCapacity(16)
        breaks.reserveCapacity(16)
        merged.reserveCapacity(16)
        for (paragraphNumber, paragraph) in layout.paragraphs.enumerated() {
            // Atoms are in text order within a paragraph: one moving cursor per pass keeps this linear.
            let atoms = atomsByParagraph.isEmpty ? [] : atomsByParagraph[paragraphNumber]
            sentences.removeAllKeepingCapacity()
            splitter.appendSentences(in: paragraph, shadow: shadow, to: &sentences, boundaries: &breaks)
            merged.removeAllKeepingCapacity()
            var crossing = 0  // first atom that may still cross the next sentence's start
            for sentence in sentences {
                while crossing < atoms.count, atoms[crossing].range.upperBound <= sentence.lowerBound { crossing += 1 }
                var joins = false
                if let last = merged.last {
                    var probe = crossing
                    while probe < atoms.count, atoms[probe].range.lowerBound < sentence.lowerBound {
                        if atoms[probe].range.upperBound > last.upperBound { joins = true; break }
                        probe += 1
                    }
                }
                if joins, let last = merged.last {
                    merged[merged.count - 1] = last.lowerBound..<sentence.upperBound
                } else {
                    merged.append(sentence)
                }
            }
            var next = 0  // first atom not yet wholly before the current range
            for range in merged {
                while next < atoms.count, atoms[next].range.upperBound <= range.lowerBound { next += 1 }
                var end = next
                while end < atoms.count, atoms[end].range.lowerBound < range.upperBound { end += 1 }
                let inside = atoms[next..<end]  // a slice: no copy
                let widened = min(range.lowerBound, inside.first?.range.lowerBound ?? range.lowerBound)
                    ..< max(range.upperBound, inside.last?.range.upperBound ?? range.upperBound)
                // Tokens are read a window at a time: a run-on "sentence" of millions of tokens never
                // has them all in memory next to the windows' copies.
                var cursor = Tokenizer.Cursor(widened, firstAtom: inside.startIndex)
                var windowed = 0  // tokens of this sentence already in windows
                while true {
                    // One token past a window tells whether the sentence goes on beyond it.
                    tokenizer.append(shadow, widened, atoms: inside, to: &pending, from: &cursor,
                                     upTo: Extractor.maxUnitTokens + 1)
                    if pending.count <= Extractor.maxUnitTokens {
                        // The sentence ends here: the rest is its last window, or the whole sentence.
                        let windowRange = windowed == 0
                            ? widened : pending[0].range.lowerBound..<pending[pending.count - 1].range.upperBound
                        let (tokens, features) = pending.takeUnit(pending.count)
                        units.append(Unit(index: units.count, range: windowRange, paragraph: paragraphNumber, tokens: tokens,
                                          features: features))
                        if windowed > 0 {
                            diagnostics.append(Diagnostic(
                                code: "overlong-sentence", severity: .info,
                                message: "sentence of \(windowed + tokens.count) tokens read in windows of \(Extractor.maxUnitTokens)",
                                start: widened.lowerBound, end: widened.upperBound))
                        }
                        break
                    }
                    let (window, features) = pending.takeUnit(Extractor.windowEnd(pending))
                    units.append(Unit(index: units.count, range: window.first!.range.lowerBound..<window.last!.range.upperBound,
                                      paragraph: paragraphNumber, tokens: window, features: features))
                    windowed += window.count
                }
            }
        }
        // Moved when the caller's list is empty, as it always is here (appended, each text was
        // retained once more and released with the buffer's list).
        if texts.isEmpty { texts = pending.takeTexts() } else { texts.append(contentsOf: pending.takeTexts()) }
        scratch.pending = consume pending  // empty: every sentence's tokens went to its units
        ExtractionScratch.emptied(&sentences)
        swap(&sentences, &scratch.sentences)
        ExtractionScratch.emptied(&breaks)
        swap(&breaks, &scratch.breaks)
        ExtractionScratch.emptied(&merged)
        swap(&merged, &scratch.merged)
        return units
    }

    /// Most tokens the rules see at once. News sentences run to a few dozen tokens (a quotation is
    /// one token); a longer "sentence" is run-on text, and reading it in windows keeps every rule's
    /// backward and forward scans bounded, so the whole pass stays linear in the input.
    public static let maxUnitTokens = 256

    /// Where the first window of `tokens` ends, when more than `maxUnitTokens` remain: after a full
    /// stop, semicolon or quotation in the window's last quarter, else after `maxUnitTokens`.
    static func windowEnd(_ tokens: borrowing TokenBuffer) -> Int {
        var cut = maxUnitTokens
        while cut > maxUnitTokens * 3 / 4 {
            let token = tokens[cut - 1]
            if token.isQuote || token.isPunct(".") || token.isPunct(";") { break }
            cut -= 1
        }
        return cut > maxUnitTokens * 3 / 4 ? cut : maxUnitTokens
    }

    private func paragraphIndex(of offset: Int, in paragraphs: [Range<Int>]) -> Int {
        var low = 0
        var high = paragraphs.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if paragraphs[mid].lowerBound <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }
}

extension QuoteType {
    var hashSeed: Int {
        switch self {
        case .direct: return 1
        case .mixed: return 2
        case .indirect: return 3
        }
    }
}

/// FNV-1a hashing for stable record ids (Swift's `Hasher` is seeded per process).
enum StableHash {
    static func of(_ units: [UInt16]) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for unit in units {
            hash ^= UInt64(unit)
            hash = hash &* 0x100000001b3
        }
        return hash
    }

    /// The hash of three values, each folded in as one unit (no array: this is once a record).
    static func of(_ first: UInt64, _ second: UInt64, _ third: UInt64) -> UInt64 {
        let prime: UInt64 = 0x100000001b3
        let hash = ((0xcbf29ce484222325 ^ first) &* prime ^ second) &* prime
        return (hash ^ third) &* prime
    }

    /// `value` as 16 lowercase hex digits, zero-padded.
    static func hex(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { writeHex(value, into: $0.baseAddress!) }
    }

    /// A record id: "q", the 16 hex digits of `value`, and `suffixes` times "x", as one string
    /// (built as "q" + hex + "x"s, it was three strings, two of them thrown away, per record).
    static func id(_ value: UInt64, suffixes: Int) -> String {
        String(unsafeUninitializedCapacity: 17 + suffixes) { buffer in
            buffer[0] = UInt8(ascii: "q")
            let end = 1 + writeHex(value, into: buffer.baseAddress! + 1)
            for index in end..<(end + suffixes) { buffer[index] = UInt8(ascii: "x") }
            return end + suffixes
        }
    }

    /// Writes the 16 hex digits of `value` at `pointer`; returns 16.
    private static func writeHex(_ value: UInt64, into pointer: UnsafeMutablePointer<UInt8>) -> Int {
        for index in 0..<16 {
            let nibble = UInt8(truncatingIfNeeded: value >> (60 - 4 * UInt64(index))) & 0x0F
            pointer[index] = nibble < 10 ? 0x30 + nibble : 0x57 + nibble
        }
        return 16
    }
}
