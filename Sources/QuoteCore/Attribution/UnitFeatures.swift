/// What a unit holds that some rule needs before it can find anything there: the engine works
/// these out once per unit and offers a rule only the units that have its `trigger`.
///
/// Each rule's trigger is a condition its `apply` checks anyway (a rule that reads quotation
/// tokens only finds nothing in a unit without one); `RuleTriggerTests` holds every rule, on
/// every unit of the corpus and of the rules' examples, to finding nothing where its trigger is
/// missing. Without triggers the engine offered every candidate unit to all 13 rules, copying
/// the unit for each call (~100 instructions) before the rule's own scan said no.
public struct UnitFeatures: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// A quotation token.
    public static let quotation = UnitFeatures(rawValue: 1 << 0)
    /// A form of a cue verb or a cue word ("said", "according").
    public static let cue = UnitFeatures(rawValue: 1 << 1)
    /// A cue word ("according", "put").
    public static let cueWord = UnitFeatures(rawValue: 1 << 2)
    /// The cue verb form "asked".
    public static let asked = UnitFeatures(rawValue: 1 << 3)
    /// A colon.
    public static let colon = UnitFeatures(rawValue: 1 << 4)
    /// A form of "quote" that can open "quoted ... as saying".
    public static let quotedForm = UnitFeatures(rawValue: 1 << 5)
    /// The relative pronoun "which", "who" or "whom" (a stop word).
    public static let relativePronoun = UnitFeatures(rawValue: 1 << 6)

    /// The features of `unit`, read in one pass over its tokens. (Units the extractor makes
    /// carry theirs, gathered by the tokenizer as it makes the tokens: `Unit.features`.)
    public static func of(_ unit: Unit) -> UnitFeatures {
        of(unit.tokens[...])
    }

    /// The features of `tokens`, read in one pass.
    static func of(_ tokens: some Sequence<Token>) -> UnitFeatures {
        var features = UnitFeatures()
        for token in tokens {
            switch token.kind {
            case .quote:
                features.insert(.quotation)
            case .punctuation:
                if token.isPunct(":") { features.insert(.colon) }
            case .word:
                features.formUnion(ofWord(traits: token.traits, verbID: token.verbID, text: token.textBits))
            }
        }
        return features
    }

    /// The features a word token gives its unit, from its traits, verb and text's bits. Only
    /// words of the word table have any (its entries carry theirs, `WordTable.Entry.features`,
    /// which the tokenizer reads instead).
    static func ofWord(traits: WordTraits, verbID: Int16, text: TokenText.Bits) -> UnitFeatures {
        var features = UnitFeatures()
        if verbID >= 0 {
            // The text compared only for the few cue verb forms.
            features.insert(TokenText.equals(text, "asked") ? [.cue, .asked] : .cue)
        }
        if traits.contains(.cueWord) { features.formUnion([.cue, .cueWord]) }
        if traits.contains(.quotedForm) { features.insert(.quotedForm) }
        if traits.contains(.stopWord)
            && (TokenText.equals(text, "which") || TokenText.equals(text, "who") || TokenText.equals(text, "whom")) {
            features.insert(.relativePronoun)
        }
        return features
    }
}
