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
    // Offsets in 32 bits, as in `Token`: a quotation-dense document holds an attribution with
    // two phrases for every few dozen bytes (`Attribution` went from 256 to 160 bytes).
    private var mentionStart: Int32
    private var mentionEnd: Int32
    /// `Offsets.none` in `roleStart` when there is no role.
    private var roleStart: Int32
    private var roleEnd: Int32
    /// The lowercased head noun of a description ("spokesman").
    public var head: String?

    /// The mention: the name, the pronoun, or the whole description.
    public var mention: Range<Int> {
        get { Range(uncheckedBounds: (Int(mentionStart), Int(mentionEnd))) }
        set { (mentionStart, mentionEnd) = Offsets.pack(newValue) }
    }

    /// The role or title given with the name, if any.
    public var role: Range<Int>? {
        get { Offsets.unpack(roleStart, roleEnd) }
        set { (roleStart, roleEnd) = Offsets.pack(newValue) }
    }

    public init(form: Form, mention: Range<Int>, role: Range<Int>?, head: String?) {
        self.form = form
        (mentionStart, mentionEnd) = Offsets.pack(mention)
        (roleStart, roleEnd) = Offsets.pack(role)
        self.head = head
    }

    /// Where the phrase starts in the text: its role when the role comes first ("Sen. Roe").
    var start: Int { role.map { min($0.lowerBound, mention.lowerBound) } ?? mention.lowerBound }
}

/// Offsets and ranges stored in 32 bits: `Extractor` reads no text of 2^31 UTF-16 units or more,
/// so every offset, token, unit and quotation index fits, and the ranges it built are well formed.
enum Offsets {
    /// Marks an absent range or index (no offset is negative).
    static let none = Int32.min

    @inline(__always) static func pack(_ range: Range<Int>) -> (Int32, Int32) {
        (Int32(truncatingIfNeeded: range.lowerBound), Int32(truncatingIfNeeded: range.upperBound))
    }

    @inline(__always) static func pack(_ range: Range<Int>?) -> (Int32, Int32) {
        range.map { pack($0) } ?? (none, none)
    }

    @inline(__always) static func unpack(_ start: Int32, _ end: Int32) -> Range<Int>? {
        start == none ? nil : Range(uncheckedBounds: (Int(start), Int(end)))
    }
}

/// Where an attribution was found and what it decided.
public struct Attribution: Sendable {
    public var rule: String
    public var type: QuoteType
    /// The one claimed quotation of a direct attribution, kept without an array (an allocation
    /// per attribution, most of them direct), or `Offsets.none`. Declared here, after `type`,
    /// it fills the padding before `speaker` (the struct stays 160 bytes).
    private var claimedSingle: Int32
    public var speaker: SpeakerPhrase?
    public var via: SpeakerPhrase?
    public var cueLemma: String?
    public var confidence: Double
    /// Every quotation the attribution accounts for (a mixed clause may hold several).
    public var claimed: ClaimedQuotes { ClaimedQuotes(single: Int(claimedSingle), list: claimedList) }
    /// The claimed quotations as given, when not a single one (`claimedSingle` is then none).
    private var claimedList: [Int]
    // Indexes and offsets in 32 bits (`Offsets.none` for nil), as in `SpeakerPhrase`.
    private var quoteIndex: Int32
    private var contentStart: Int32
    private var contentEnd: Int32
    private var cueStart: Int32
    private var cueEnd: Int32
    private var unitIndex: Int32

    /// The quotation this attribution is about (direct), or the first quotation in its content.
    public var quote: Int? {
        get { quoteIndex == Offsets.none ? nil : Int(quoteIndex) }
        set { quoteIndex = newValue.map { Int32(truncatingIfNeeded: $0) } ?? Offsets.none }
    }

    /// For mixed and indirect records: the reported clause.
    public var content: Range<Int>? {
        get { Offsets.unpack(contentStart, contentEnd) }
        set { (contentStart, contentEnd) = Offsets.pack(newValue) }
    }

    public var cue: Range<Int>? {
        get { Offsets.unpack(cueStart, cueEnd) }
        set { (cueStart, cueEnd) = Offsets.pack(newValue) }
    }

    /// Position of the unit, for ordering.
    public var unit: Int {
        get { Int(unitIndex) }
        set { unitIndex = Int32(truncatingIfNeeded: newValue) }
    }
}

extension Attribution {
    // The initialisers build the value with the memberwise initialiser (kept by declaring them
    // here, in an extension): assigned field by field, the finished attribution was copied once
    // more (its strings and phrases retained and released), as `QuoteRecord`'s was.

    public init(rule: String, type: QuoteType, quote: Int?, content: Range<Int>?, speaker: SpeakerPhrase?,
                via: SpeakerPhrase?, cue: Range<Int>?, cueLemma: String?, confidence: Double, claimed: [Int],
                unit: Int) {
        self.init(rule: rule, type: type, claimedSingle: Offsets.none, claimed: claimed, quote: quote, content: content,
                  speaker: speaker, via: via, cue: cue, cueLemma: cueLemma, confidence: confidence, unit: unit)
    }

    /// A direct attribution of quotation `quote`, which it claims alone.
    init(rule: String, directQuote quote: Int, speaker: SpeakerPhrase?, via: SpeakerPhrase?, cue: Range<Int>?,
         cueLemma: String?, confidence: Double, unit: Int) {
        self.init(rule: rule, type: .direct, claimedSingle: Int32(truncatingIfNeeded: quote), claimed: [], quote: quote,
                  content: nil, speaker: speaker, via: via, cue: cue, cueLemma: cueLemma, confidence: confidence, unit: unit)
    }

    private init(rule: String, type: QuoteType, claimedSingle: Int32, claimed: [Int], quote: Int?, content: Range<Int>?,
                 speaker: SpeakerPhrase?, via: SpeakerPhrase?, cue: Range<Int>?, cueLemma: String?, confidence: Double,
                 unit: Int) {
        let (contentStart, contentEnd) = Offsets.pack(content)
        let (cueStart, cueEnd) = Offsets.pack(cue)
        self.init(rule: rule, type: type, claimedSingle: claimedSingle, speaker: speaker, via: via, cueLemma: cueLemma,
                  confidence: confidence, claimedList: claimed,
                  quoteIndex: quote.map { Int32(truncatingIfNeeded: $0) } ?? Offsets.none,
                  contentStart: contentStart, contentEnd: contentEnd, cueStart: cueStart, cueEnd: cueEnd,
                  unitIndex: Int32(truncatingIfNeeded: unit))
    }
}

/// The quotations an attribution claims: one held inline, or a list.
public struct ClaimedQuotes: RandomAccessCollection, Sendable {
    /// The one quotation, or a negative number when `list` holds them.
    fileprivate let single: Int
    fileprivate let list: [Int]

    public var startIndex: Int { 0 }
    public var endIndex: Int { single >= 0 ? 1 : list.count }

    public subscript(position: Int) -> Int {
        single >= 0 ? single : list[position]
    }
}
