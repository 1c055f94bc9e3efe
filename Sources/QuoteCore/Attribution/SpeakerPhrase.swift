import QuoteSchema

/// A speaker as the text names it in one attribution, before resolution.
public struct SpeakerPhrase: Sendable, Hashable {
    public enum Form: String, Sendable, Hashable {
        /// A proper name ("Ryan Crocker", "Crocker").
        case name
        /// A personal pronoun ("he").
        case pronoun
        /// A description ("the spokesman", "a senior official").
        case nominal
        /// An organization ("the White House", "Fox News").
        case organization
        /// A document that "says" ("the letter", "the report").
        case document
    }

    public var form: Form
    /// The mention: the name, the pronoun, or the whole description.
    public var mention: Range<Int>
    /// The role or title given with the name, if any.
    public var role: Range<Int>?
    /// The lowercased head noun of a description ("spokesman").
    public var head: String?

    /// Where the phrase starts in the text: its role when the role comes first ("Sen. Roe").
    var start: Int { role.map { min($0.lowerBound, mention.lowerBound) } ?? mention.lowerBound }
}

/// Where an attribution was found and what it decided.
public struct Attribution: Sendable {
    public var rule: String
    public var type: QuoteType
    /// The quotation this attribution is about (direct), or the first quotation in its content.
    public var quote: Int?
    /// For mixed and indirect records: the reported clause.
    public var content: Range<Int>?
    public var speaker: SpeakerPhrase?
    public var via: SpeakerPhrase?
    public var cue: Range<Int>?
    public var cueLemma: String?
    public var confidence: Double
    /// Every quotation the attribution accounts for (a mixed clause may hold several).
    public var claimed: [Int]
    /// Position of the unit, for ordering.
    public var unit: Int
}
