/// A sentence widened so that no quotation part crosses its edges: the unit rules work on.
public struct Unit: Sendable {
    /// Position of the unit in the document.
    public let index: Int
    public let range: Range<Int>
    public let paragraph: Int
    public let tokens: [Token]
    /// What its tokens give the rules' triggers (`UnitFeatures.of(_:)` of this unit), gathered
    /// as the tokens were made.
    let features: UnitFeatures

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
