/// A sentence widened so that no quotation part crosses its edges: the unit rules work on.
public struct Unit: Sendable {
    // Positions and offsets in 32 bits (`Extractor` reads no text of 2^31 UTF-16 units or
    // more): the unit is four words, which Swift passes in registers. At six, each rule's
    // `apply` got it through a copy in memory, its tokens retained and the copy destroyed
    // through the type's value witness (~30,000 calls on the dev set).
    private let index32: Int32
    private let paragraph32: Int32
    private let start: Int32
    private let end: Int32
    public let tokens: [Token]
    /// What its tokens give the rules' triggers (`UnitFeatures.of(_:)` of this unit), gathered
    /// as the tokens were made.
    let features: UnitFeatures

    /// Position of the unit in the document.
    public var index: Int { Int(index32) }
    public var range: Range<Int> { Range(uncheckedBounds: (Int(start), Int(end))) }
    public var paragraph: Int { Int(paragraph32) }

    init(index: Int, range: Range<Int>, paragraph: Int, tokens: [Token], features: UnitFeatures) {
        index32 = Int32(truncatingIfNeeded: index)
        paragraph32 = Int32(truncatingIfNeeded: paragraph)
        start = Int32(truncatingIfNeeded: range.lowerBound)
        end = Int32(truncatingIfNeeded: range.upperBound)
        self.tokens = tokens
        self.features = features
    }

    /// Index of the last token that is not closing punctuation.
    var lastContentToken: Int {
        var last = tokens.count - 1
        while last >= 0, tokens[last].isPunctuation { last -= 1 }
        return last
    }

    /// True when the unit holds nothing but one or more quotation tokens and punctuation.
    var isQuoteOnly: Bool {
        var sawQuote = false
        for token in tokens {
            if token.isWord { return false }
            if token.isQuote { sawQuote = true }
        }
        return sawQuote
    }
}
