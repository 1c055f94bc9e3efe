/// A stretch of text between quotation marks, possibly running over several paragraphs.
public struct QuoteSpan: Sendable, Hashable {
    /// Which family of marks delimits the quotation.
    public enum Family: Sendable, Hashable {
        case double, single, guillemet
    }

    public var family: Family
    /// Offset of the opening mark.
    public var openMark: Int
    /// One content range per paragraph, without marks and without surrounding white space.
    public var parts: [Range<Int>]
    /// Offset just past the closing mark, or nil when the quotation was never closed.
    public var closeMarkEnd: Int?
    /// Index of the paragraph where the quotation opens and where it ends.
    public var firstParagraph: Int
    public var lastParagraph: Int

    /// The whole content, from the first part's start to the last part's end.
    public var content: Range<Int> { parts[0].lowerBound..<parts[parts.count - 1].upperBound }

    /// The quotation with its marks.
    public var outer: Range<Int> { openMark..<(closeMarkEnd ?? content.upperBound) }

    public var isClosed: Bool { closeMarkEnd != nil }
}
