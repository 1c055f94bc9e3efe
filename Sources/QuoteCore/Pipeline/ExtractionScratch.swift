/// Storage that one thread's extractions reuse from one document to the next: what a document
/// needs only while it is read (its lines and their kinds, each paragraph's sentences and
/// sentence breaks, the tokens of the unit being made, the attribution engine's and the speaker
/// resolver's tables).
///
/// Made for every document, these were six allocations and as many frees a document, and
/// about nine more for a document with a candidate unit for the rules: ~2,000 instructions of
/// a one-paragraph brief's ~26,000. Each worker thread of `ExtractionStream`
/// and `ParallelExtractor` keeps one; `Extractor.extract(_:)` makes one for its call. Not for
/// two threads at once.
///
/// A field is taken out of the scratch while a document uses it (`swap`, so that the array is
/// read and grown as a local, not through the class) and given back emptied; an array grown
/// beyond `keptCapacity` by a huge document is let go instead of being kept for the thread's
/// life.
final class ExtractionScratch {
    /// `Layout`'s lines of the text.
    var lines: [Range<Int>] = []
    /// `Layout`'s kind of each line.
    var lineKinds: [UInt8] = []
    /// A paragraph's sentences (`Extractor.buildUnits`).
    var sentences: [Range<Int>] = []
    /// A paragraph's sentence breaks (`SentenceSplitter`).
    var breaks: [Int32] = []
    /// A paragraph's sentences joined across quotations (`Extractor.buildUnits`).
    var merged: [Range<Int>] = []
    /// The tokens of the unit being read (`Extractor.buildUnits`): nil until the first document.
    var pending: TokenBuffer? = nil
    /// The attribution engine's candidate units and their features (`AttributionEngine.run`).
    var candidates: [Int] = []
    var candidateFeatures: [UnitFeatures] = []
    /// The engine's tables: claimed quotations, attributions and reported clauses by unit, cues used.
    var claims = QuoteClaims(count: 0)
    var acceptedByUnit = AcceptedByUnit(units: 0)
    var clausesByUnit = ClausesByUnit(units: 0)
    var usedCues = UsedCues()
    /// The speaker resolver's tables (`SpeakerResolver.Tables`).
    var resolverTables = SpeakerResolver.Tables()

    /// Most elements an array keeps from one document to the next: 16,384 lines or sentences of
    /// a paragraph (the dev set's longest document has a few hundred lines).
    static let keptCapacity = 1 << 14

    /// The room of its largest array, in elements (what a huge document could leave behind).
    var largestCapacity: Int {
        max(lines.capacity, lineKinds.capacity, sentences.capacity, breaks.capacity, merged.capacity,
            candidates.capacity, candidateFeatures.capacity, claims.largestCapacity, acceptedByUnit.largestCapacity,
            clausesByUnit.largestCapacity, usedCues.largestCapacity, resolverTables.largestCapacity)
    }

    /// True when the arrays, the used cues and the resolver's tables are empty and no token is
    /// pending: what each document finds. (The claimed quotations and the attributions and
    /// clauses by unit are filled anew for each document by their `reset`.)
    var isEmpty: Bool {
        lines.isEmpty && lineKinds.isEmpty && sentences.isEmpty && breaks.isEmpty && merged.isEmpty
            && candidates.isEmpty && candidateFeatures.isEmpty && (pending?.count ?? 0) == 0 && usedCues.isEmpty
            && resolverTables.isEmpty
    }

    /// `array` emptied for the next document, its storage kept unless a huge document grew it
    /// beyond `keptCapacity`.
    @inline(__always)
    static func emptied<Element>(_ array: inout [Element]) {
        if array.capacity > keptCapacity {
            array = []
        } else {
            array.removeAllKeepingCapacity()
        }
    }
}
