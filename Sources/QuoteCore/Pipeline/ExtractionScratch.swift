/// Storage that one thread's extractions reuse from one document to the next: what a document
/// needs only while it is read (its lines and their kinds, each paragraph's sentences and
/// sentence breaks, the tokens of the unit being made).
///
/// Made for every document, these were six allocations and as many frees a document, ~2,000
/// instructions of a one-paragraph brief's ~26,000. Each worker thread of `ExtractionStream`
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

    /// Most elements an array keeps from one document to the next: 16,384 lines or sentences of
    /// a paragraph (the dev set's longest document has a few hundred lines).
    static let keptCapacity = 1 << 14

    /// `array` emptied for the next document, its storage kept unless a huge document grew it
    /// beyond `keptCapacity`.
    @inline(__always)
    static func emptied<Element>(_ array: inout [Element]) {
        array.removeAll(keepingCapacity: array.capacity <= keptCapacity)
    }
}
