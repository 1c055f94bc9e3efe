import CQuoteScan
import Foundation
import QuoteSchema

/// What the word lists say about one word, found with one hash lookup per token.
///
/// Rules ask the same questions of a token many times (is it a title, a role noun, a name
/// word?); each question used to hash the word again, and questions about the original case
/// built a `String` from the text first. The tokenizer now answers them all once.
public struct WordTraits: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// `lexicon.roleNouns` has the lowercased word.
    public static let roleNoun = WordTraits(rawValue: 1 << 0)
    /// he, she, they, we, I, it, you.
    public static let subjectPronoun = WordTraits(rawValue: 1 << 1)
    /// `PhraseAnalyzer.determiners`.
    public static let determiner = WordTraits(rawValue: 1 << 2)
    /// `PhraseAnalyzer.stopWords`.
    public static let stopWord = WordTraits(rawValue: 1 << 3)
    /// A title as written ("Sen.", "President"), or a capitalised form of one longer than 3 letters.
    public static let title = WordTraits(rawValue: 1 << 4)
    /// A name particle as written ("al", "van", "Jr.").
    public static let particle = WordTraits(rawValue: 1 << 5)
    /// An abbreviation of the general kind as written ("Inc.", "etc.").
    public static let generalAbbreviation = WordTraits(rawValue: 1 << 6)
    /// A word that makes a name an organization ("Party", "Committee").
    public static let organizationWord = WordTraits(rawValue: 1 << 7)
    /// A capitalised word that often opens a sentence and is no name ("But", "Meanwhile").
    public static let sentenceStarter = WordTraits(rawValue: 1 << 8)
    /// Capitalised, a particle, or a lowercase-led name with a particle before a hyphen ("al-Dabagh").
    public static let nameWord = WordTraits(rawValue: 1 << 9)
    /// `lexicon.pronouns` may have the word: its lowercased form is a pronoun's lowercased form.
    public static let pronoun = WordTraits(rawValue: 1 << 10)
    /// `PhraseAnalyzer.adverbs`: a listed adverb or auxiliary ("also", "has").
    public static let adverb = WordTraits(rawValue: 1 << 11)
    /// `PhraseAnalyzer.negations` ("not", "never", "declined").
    public static let negation = WordTraits(rawValue: 1 << 12)
    /// `PhraseAnalyzer.rolePrepositions` ("of", "to", "for").
    public static let rolePreposition = WordTraits(rawValue: 1 << 13)
    /// `WordTable.cueWords`: a word other than a cue verb form that may introduce an attribution.
    public static let cueWord = WordTraits(rawValue: 1 << 14)
    /// `WordTable.quotedForms`: "quoted" or "quotes", which open "quoted X as saying".
    public static let quotedForm = WordTraits(rawValue: 1 << 15)
}

/// Lowercased word forms with their traits, and the cue verb they are, if any.
struct WordTable: Sendable {
    struct Entry: Sendable {
        /// Traits that the lowercased form decides.
        var traits: WordTraits = []
        /// The traits of the written form that is this lowercased text itself ("al", "de"): a
        /// word without capitals needs no second lookup.
        var writtenLower: WordTraits = []
        /// Index in `verbList`, or -1.
        var verbID: Int16 = -1
        /// Bit 0 `caseSensitive`, bit 1 `titleWhenCapitalized` (one byte for both, so that
        /// `features` fits in the entry's 8 bytes).
        private var flags: UInt8 = 0
        /// What a token of this word gives its unit (`UnitFeatures.ofWord` of its traits, verb and
        /// text, worked out when the table is made): the tokenizer adds it for every word, where
        /// it asked `ofWord` for the few words with a trait or verb that give one.
        var features = UnitFeatures()

        /// True when some list keyed by the original case holds a form with this lowercased
        /// text: only then does the tokenizer look at the word as written.
        var caseSensitive: Bool {
            get { flags & 1 != 0 }
            set { flags = newValue ? flags | 1 : flags & ~1 }
        }

        /// The capitalised form is a title ("PRESIDENT", "President"): a title when the token is
        /// capitalised and longer than 3 letters.
        var titleWhenCapitalized: Bool {
            get { flags & 2 != 0 }
            set { flags = newValue ? flags | 2 : flags & ~2 }
        }
    }

    /// Words besides the cue verb forms that the rules read as cues: "according (to)", "(as she) put (it)".
    static let cueWords: Set<String> = ["according", "put", "puts"]
    /// The forms of "quote" that `QuotedAsSayingRule` reads.
    static let quotedForms: Set<String> = ["quoted", "quotes"]

    private(set) var entries: [String: Entry] = [:]
    /// Traits of forms as written, from the lists keyed by the original case.
    private(set) var writtenForms: [String: WordTraits] = [:]
    private(set) var hyphenParticles: Set<String> = []
    /// `writtenForms` again for its ASCII keys of at most 8 bytes, keyed by `packedASCII` of
    /// their bytes; nil when some non-ASCII key equals an ASCII text (then only `writtenForms`
    /// can answer).
    private var shortWrittenForms: IntTable<WordTraits>? = IntTable()
    /// The cue verbs, indexed by `Token.verbID`.
    private(set) var verbList: [Lexicon.Verb] = []
    /// Which all-ASCII texts may be keys of `lexicon.organizations`.
    private(set) var organizationFilter = ASCIIKeyFilter([])
    /// Which all-ASCII texts may be in `lexicon.places`.
    private(set) var placeFilter = ASCIIKeyFilter([])
    /// Which all-ASCII texts may be keys of `lexicon.abbreviations`.
    private(set) var abbreviationFilter = ASCIIKeyFilter([])
    /// Which all-ASCII texts, or their lowercased forms, may be in `lexicon.clutter`.
    private(set) var clutterFilter = ASCIIKeyFilter([])
    /// The most Unicode scalars of a `lexicon.clutter` line, decomposed (`Layout.mayBeClutter`).
    private(set) var clutterMaxScalars = 0
    /// Which all-ASCII texts may be keys of `lexicon.genderedWords` (lowercased: the filter's
    /// signature does not tell ASCII letters' case apart).
    private(set) var genderedWordFilter = ASCIIKeyFilter([])

    /// The traits and verb of the possessive "'s", the tokenizer's token of its own: described
    /// once here rather than for every document (a dictionary look-up and two closures).
    private(set) var possessive: (traits: WordTraits, verbID: Int16) = ([], -1)
    /// What the possessive gives its unit (`UnitFeatures.ofWord`), worked out once as the
    /// entries' features are.
    private(set) var possessiveFeatures = UnitFeatures()

    /// The lists a table is made from: a lexicon's, before the lexicon is whole.
    struct Lists {
        var verbs: [String: Lexicon.Verb]
        var titles: [String: Lexicon.TitleKind]
        var roleNouns: [String: Lexicon.RoleKind]
        var pronouns: [String: Lexicon.PronounKind]
        var abbreviations: [String: Lexicon.AbbreviationKind]
        var organizations: [String: Lexicon.OrganizationKind]
        var particles: [String: Lexicon.ParticlePosition]
        var sentenceStarters: Set<String>
        var places: Set<String>
        var genderedWords: [String: Lexicon.Gender]
        var clutter: Set<String>
    }

    init(_ lexicon: Lists) {
        func mark(_ words: some Sequence<String>, _ trait: WordTraits) {
            for word in words { entries[word.lowercased(), default: Entry()].traits.insert(trait) }
        }
        func markWritten(_ words: some Sequence<String>, _ trait: WordTraits) {
            for word in words {
                let lower = word.lowercased()
                entries[lower, default: Entry()].caseSensitive = true
                if word == lower { entries[lower, default: Entry()].writtenLower.formUnion(trait) }
                writtenForms[word, default: []].insert(trait)
            }
        }
        mark(lexicon.roleNouns.keys, .roleNoun)
        mark(PhraseAnalyzer.subjectPronouns, .subjectPronoun)
        mark(lexicon.pronouns.keys, .pronoun)
        mark(PhraseAnalyzer.determiners, .determiner)
        mark(PhraseAnalyzer.stopWords, .stopWord)
        mark(PhraseAnalyzer.adverbs, .adverb)
        mark(PhraseAnalyzer.negations, .negation)
        mark(PhraseAnalyzer.rolePrepositions, .rolePreposition)
        mark(WordTable.cueWords, .cueWord)
        mark(WordTable.quotedForms, .quotedForm)
        markWritten(lexicon.titles.keys, .title)
        markWritten(lexicon.particles.keys, [.particle, .nameWord])
        markWritten(lexicon.abbreviations.filter { $0.value == .general }.keys, .generalAbbreviation)
        markWritten(lexicon.organizations.filter { $0.value == .organizationWord }.keys, .organizationWord)
        markWritten(lexicon.sentenceStarters, .sentenceStarter)
        for title in lexicon.titles.keys {
            let lower = title.lowercased()
            if lexicon.titles[lower.capitalized] != nil { entries[lower, default: Entry()].titleWhenCapitalized = true }
        }
        let verbs = Array(Set(lexicon.verbs.values)).sorted { ($0.lemma, $0.verbClass.rawValue) < ($1.lemma, $1.verbClass.rawValue) }
        verbList = verbs
        let index = Dictionary(uniqueKeysWithValues: verbs.enumerated().map { ($0.element, Int16($0.offset)) })
        for (form, verb) in lexicon.verbs { entries[form, default: Entry()].verbID = index[verb] ?? -1 }
        for particle in lexicon.particles.keys {
            hyphenParticles.insert(particle.hasSuffix("-") ? String(particle.dropLast()) : particle)
        }
        // Each entry's features, set in place by index (a `for` over the table while changing it
        // copied it whole; looking each key up again hashed it twice).
        var position = entries.startIndex
        while position != entries.endIndex {
            let (word, entry) = entries[position]
            entries.values[position].features = UnitFeatures.ofWord(traits: entry.traits, verbID: entry.verbID,
                                                                     text: TokenText.bits(word))
            position = entries.index(after: position)
        }
        asciiIndex = ASCIIIndex(entries)
        for (form, traits) in writtenForms {
            let utf16 = Array(form.utf16)
            if utf16.contains(where: { $0 >= 0x80 }) {
                if form.precomposedStringWithCanonicalMapping.utf8.allSatisfy({ $0 < 0x80 }) { shortWrittenForms = nil }
            } else if let packed = utf16.withUnsafeBufferPointer({ WordTable.packedASCII($0, 0..<utf16.count) }) {
                shortWrittenForms?[packed] = traits
            }
        }
        organizationFilter = ASCIIKeyFilter(lexicon.organizations.keys)
        placeFilter = ASCIIKeyFilter(lexicon.places)
        abbreviationFilter = ASCIIKeyFilter(lexicon.abbreviations.keys)
        genderedWordFilter = ASCIIKeyFilter(lexicon.genderedWords.keys)
        clutterFilter = ASCIIKeyFilter(lexicon.clutter)
        clutterMaxScalars = lexicon.clutter.map { line in
            line.utf8.allSatisfy { $0 < 0x80 } ? line.utf8.count : line.decomposedStringWithCanonicalMapping.unicodeScalars.count
        }.max() ?? 0
        possessive = describe(lower: "'s", isCapitalized: false, hasUpper: false, hasHyphen: false, original: { "'s" })
        possessiveFeatures = UnitFeatures.ofWord(traits: possessive.traits, verbID: possessive.verbID,
                                                 text: TokenText.bits("'s"))
    }

    /// `entries` again for its ASCII keys, probed with a word's code units: no `String` is hashed.
    private var asciiIndex = ASCIIIndex([:])

    /// The entry of an all-ASCII word, `units[range]` lowercased; `hash` is
    /// `WordTable.hash(lowercasedByte:into:)` folded over those lowercased units from
    /// `WordTable.hashSeed`. Answers as `entries[lower]` does.
    @inline(__always)
    func entry(asciiWord units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, hash: UInt64, lower: String) -> Entry? {
        guard asciiIndex.isUsable else { return entries[lower] }
        return asciiIndex.find(units, range, hash: hash).map { asciiIndex.records[$0].value }
    }

    /// True when `asciiEntry` may be asked (see `ASCIIIndex.isUsable`).
    var isASCIIIndexUsable: Bool { asciiIndex.isUsable }

    /// The entry of an all-ASCII word as `entry(asciiWord:_:hash:lower:)` finds it, with the
    /// bits of the table's own string of its lowercased form (`TokenText`: the same text, no new
    /// string to build, and alive while the table is); nil when the table does not have the
    /// word. Only when `isASCIIIndexUsable`.
    @inline(__always)
    func asciiEntry(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, hash: UInt64) -> (entry: Entry, text: TokenText.Bits)? {
        guard let number = asciiIndex.find(units, range, hash: hash) else { return nil }
        return (asciiIndex.records[number].value, TokenText.bits(asciiIndex.records[number].key))
    }

    /// The units of `units[range]` side by side, first highest, when they are 1 to 8 ASCII
    /// units other than NUL (a different value for every such text); nil otherwise. UTF-16 units
    /// and UTF-8 bytes of the same ASCII text pack alike (`WordSet` packs a string's bytes).
    @inline(__always)
    static func packedASCII<Unit: FixedWidthInteger>(_ units: UnsafeBufferPointer<Unit>, _ range: Range<Int>) -> UInt64? {
        guard range.count >= 1, range.count <= 8 else { return nil }
        var packed: UInt64 = 0
        for index in range {
            let unit = units[index]
            if unit == 0 || unit >= 0x80 { return nil }
            packed = packed << 8 | UInt64(unit)
        }
        return packed
    }

    /// `writtenForms[original()]` for the word `units[range]` as written, without building its
    /// text when it is short and ASCII.
    @inline(__always)
    func writtenTraits(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, original: () -> String) -> WordTraits? {
        if let short = shortWrittenForms, let packed = WordTable.packedASCII(units, range) { return short[packed] }
        return writtenForms[original()]
    }

    /// The starting value of a word's `hash`.
    static let hashSeed: UInt64 = 0

    /// One step of the word hash the ASCII index uses: the hash turned left by a byte and the
    /// byte added, so that a word of at most 8 bytes hashes to its bytes side by side (a
    /// different value for every word of that length); the index mixes it before use.
    @inline(__always)
    static func hash(lowercasedByte byte: UInt8, into hash: UInt64) -> UInt64 {
        ((hash &<< 8) | (hash &>> 56)) ^ UInt64(byte)
    }

    /// The text of `lower` before its first "-" ("al" of "al-dabagh"), or nil when it has none.
    /// ASCII words are searched by byte (`firstIndex(of: "-")` compares `Character`s: ~1,900
    /// instructions a word); others by `Character`, where "-" with a combining mark is no "-".
    static func textBeforeHyphen(_ lower: String) -> String? {
        let ascii: String?? = lower.withUTF8Bytes { bytes in
            var dash = -1
            for (offset, byte) in bytes.enumerated() {
                if byte >= 0x80 { return nil }  // not ASCII: by `Character` below
                if byte == 0x2D && dash < 0 { dash = offset }
            }
            return dash < 0 ? .some(nil) : String(decoding: UnsafeBufferPointer(rebasing: bytes[..<dash]), as: UTF8.self)
        }
        if let ascii { return ascii }
        guard let dash = lower.firstIndex(of: "-") else { return nil }
        return String(lower[..<dash])
    }

    /// An open-addressing table of the all-ASCII keys of `entries`, laid out for the processor's
    /// cache: the tokenizer asks it about every word of the text.
    ///
    /// A slot holds an entry's number and 16 more bits of its hash, so that a word the table does
    /// not have (about half the words of news text) is answered from the slots alone, mostly one
    /// cache line; a word it has then reads one record holding its hash, length, entry and
    /// string. (With the slots holding numbers only, and hashes, lengths, entries and strings in
    /// arrays of their own, each word read four or five lines far apart: the table is larger
    /// than the first-level cache, and those loads took nearly a third of the tokenizer's samples.)
    private struct ASCIIIndex: Sendable {
        /// One key: its hash (`WordTable.hash(lowercasedByte:into:)`: equal hashes and lengths of
        /// at most 8 bytes are equal keys), where its bytes are in `bytes`, its entry and string.
        struct Record: Sendable {
            var hash: UInt64
            var key: String
            var value: Entry
            var start: Int32
            var count: Int32
        }

        /// Per slot: the 16 bits of the mixed hash above the slot's (`fingerprint`), then the
        /// record's number; `empty` for none.
        var slots: [UInt32] = []
        static let empty = UInt32.max
        /// Every key's bytes, one after another (read only for keys longer than 8 bytes, whose hash
        /// does not tell them apart).
        var bytes: [UInt8] = []
        var records: [Record] = []
        var mask = 0
        /// False when some non-ASCII key equals an ASCII string under canonical equivalence (as
        /// U+212A KELVIN SIGN equals "K"), or when the keys are too many for 16-bit numbers:
        /// then only the dictionary can answer.
        var isUsable = true

        init(_ entries: [String: Entry]) {
            var size = 16
            while size < entries.count * 2 { size *= 2 }
            slots = [UInt32](repeating: Self.empty, count: size)
            mask = size - 1
            // Numbers up to 0xFFFE: a slot of fingerprint 0xFFFF and number 0xFFFF would be `empty`.
            if entries.count >= 0xFFFF { isUsable = false }
            for (key, entry) in entries where isUsable {
                let utf8 = Array(key.utf8)
                if utf8.contains(where: { $0 >= 0x80 }) {
                    if key.precomposedStringWithCanonicalMapping.utf8.allSatisfy({ $0 < 0x80 }) { isUsable = false }
                    continue
                }
                var hash = WordTable.hashSeed
                for byte in utf8 { hash = WordTable.hash(lowercasedByte: byte, into: hash) }
                let mixed = ASCIIIndex.mix(hash)
                var slot = ASCIIIndex.slot(mixed) & mask
                while slots[slot] != Self.empty { slot = (slot + 1) & mask }
                slots[slot] = ASCIIIndex.fingerprint(mixed) << 16 | UInt32(records.count)
                records.append(Record(hash: hash, key: key, value: entry, start: Int32(bytes.count),
                                      count: Int32(utf8.count)))
                bytes.append(contentsOf: utf8)
            }
        }

        /// A word's hash with its bits mixed: short words' hashes are their bytes.
        @inline(__always)
        static func mix(_ hash: UInt64) -> UInt64 { hash &* 0x9E37_79B9_7F4A_7C15 }

        /// The first slot to probe (before the mask) for a mixed hash.
        @inline(__always)
        static func slot(_ mixed: UInt64) -> Int { Int(truncatingIfNeeded: mixed &>> 32) }

        /// The 16 bits of a mixed hash a slot keeps: the top ones, above those `slot` takes
        /// for any table of up to 2^16 slots.
        @inline(__always)
        static func fingerprint(_ mixed: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: mixed &>> 48) }

        /// The number of the entry whose key is `units[range]` with ASCII letters lowercased.
        @inline(__always)
        func find(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>, hash: UInt64) -> Int? {
            let mixed = ASCIIIndex.mix(hash)
            let fingerprint = ASCIIIndex.fingerprint(mixed)
            var slot = ASCIIIndex.slot(mixed) & mask
            while true {
                let held = slots[slot]
                if held == Self.empty { return nil }
                if held &>> 16 == fingerprint {
                    let number = Int(held & 0xFFFF)
                    if records[number].hash == hash, Int(records[number].count) == range.count {
                        if range.count <= 8 { return number }  // the hash is the word's bytes
                        var offset = Int(records[number].start)
                        var same = true
                        for index in range {
                            var byte = UInt8(truncatingIfNeeded: units[index])
                            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                            if bytes[offset] != byte { same = false; break }
                            offset += 1
                        }
                        if same { return number }
                    }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Traits and verb of a word token: `lower` is its lowercased text, `original` builds the text
    /// as written (called only when a case-sensitive list may hold it and the word has a capital,
    /// `hasUpper`); `hasHyphen` says whether the word has a hyphen inside.
    @inline(__always)
    func describe(lower: String, isCapitalized: Bool, hasUpper: Bool, hasHyphen: Bool,
                  original: () -> String) -> (traits: WordTraits, verbID: Int16) {
        describe(entry: entries[lower], lower: lower, isCapitalized: isCapitalized, hasUpper: hasUpper,
                 hasHyphen: hasHyphen, written: { writtenForms[original()] })
    }

    /// `describe(lower:isCapitalized:hasUpper:hasHyphen:original:)` with `entries[lower]` already
    /// looked up as `entry`; `written` answers `writtenForms[original()]`.
    @inline(__always)
    func describe(entry: Entry?, lower: @autoclosure () -> String, isCapitalized: Bool, hasUpper: Bool, hasHyphen: Bool,
                  written: () -> WordTraits?) -> (traits: WordTraits, verbID: Int16) {
        var traits: WordTraits = isCapitalized ? .nameWord : WordTraits()
        if let entry {
            traits.formUnion(entry.traits)
            if !hasUpper {
                traits.formUnion(entry.writtenLower)  // written as its lowercased form
            } else if entry.caseSensitive, let written = written() {
                traits.formUnion(written)
            }
            if entry.titleWhenCapitalized, isCapitalized, WordShape.hasMoreCharacters(than: 3, lower()) { traits.insert(.title) }
        }
        if hasHyphen, !traits.contains(.nameWord), let particle = WordTable.textBeforeHyphen(lower()),
           hyphenParticles.contains(particle) {
            // Lowercase-led names like "al-Dabagh".
            traits.insert(.nameWord)
        }
        return (traits, entry?.verbID ?? -1)
    }
}

/// Which all-ASCII texts may equal a key of a string list, told from the text's length and its
/// first and last characters: most phrases the analyzer looks up are in no list, and the filter
/// spares building and hashing a `String` for them.
package struct ASCIIKeyFilter: Sendable {
    /// One bit per signature of a key that equals some all-ASCII text, for two signatures: the
    /// length with the first and last unit, and the length with the second and next-to-last
    /// unit. Both must be set ("Alpha Beta" and "Al Jazeera" share the first).
    private var bits = [UInt64](repeating: 0, count: 1024)
    private var innerBits = [UInt64](repeating: 0, count: 1024)

    package init(_ keys: some Sequence<String>) {
        for key in keys {
            // A key equals an all-ASCII text only when its decomposed form is that text.
            // (An ASCII key is its own decomposition.)
            let units = key.utf8.allSatisfy({ $0 < 0x80 }) ? Array(key.utf16) : Array(key.decomposedStringWithCanonicalMapping.utf16)
            guard !units.isEmpty, units.allSatisfy({ $0 < 0x80 }) else { continue }
            let (outer, inner) = units.withUnsafeBufferPointer { ASCIIKeyFilter.signatures($0, 0..<units.count) }
            bits[outer >> 6] |= 1 << UInt64(outer & 63)
            innerBits[inner >> 6] |= 1 << UInt64(inner & 63)
        }
    }

    /// `mayContain(units, range)` for a text of ASCII code units, or for its lowercased form (the
    /// signatures keep five low bits of a letter, the same for both cases); nil when the text
    /// has another unit.
    @inline(__always)
    func mayContain(asciiUnits units: [UInt16], _ range: Range<Int>) -> Bool? {
        guard !range.isEmpty else { return true }
        return units.withUnsafeBufferPointer { buffer -> Bool? in
            // A short text (most names and phrases asked about) is tested by OR-ing its units, ~2
            // instructions a unit; the kernel's call and setup cost ~70 (32,000 calls a run of
            // the dev set). A longer one eight units at a time (`qscan_u16_outside` with limit 0
            // stops at the first unit of 0x80 or above): a unit-by-unit test with a branch each
            // was ~1% of the dev set's instructions.
            if range.count <= 24 {
                var all: UInt16 = 0
                for index in range { all |= buffer[index] }
                if all >= 0x80 { return nil }
            } else if qscan_u16_outside(buffer.baseAddress!, range.lowerBound, range.upperBound, 0) != range.upperBound {
                return nil
            }
            return has(ASCIIKeyFilter.signatures(buffer, range))
        }
    }

    /// `mayContain` for the all-ASCII bytes `bytes[range]`, or for their lowercased form: the
    /// signatures keep five low bits of a letter, the same for both cases.
    @inline(__always)
    package func mayContain(ascii bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return true }
        return has(ASCIIKeyFilter.signatures(bytes, range))
    }

    /// The two 16-bit signatures of a non-empty text: the length modulo 64 with five low bits of
    /// the first and of the last unit, and with those of the second and the next-to-last (the
    /// first and last again for a text of one unit).
    @inline(__always)
    private static func signatures<Unit: FixedWidthInteger>(_ units: UnsafeBufferPointer<Unit>, _ range: Range<Int>) -> (Int, Int) {
        let count = range.count
        let step = count > 1 ? 1 : 0
        func bits(_ unit: Unit) -> Int { Int(truncatingIfNeeded: unit) & 0x1F }
        return ((count & 0x3F) << 10 | bits(units[range.lowerBound]) << 5 | bits(units[range.upperBound - 1]),
                (count & 0x3F) << 10 | bits(units[range.lowerBound + step]) << 5 | bits(units[range.upperBound - 1 - step]))
    }

    @inline(__always)
    private func has(_ signatures: (Int, Int)) -> Bool {
        bits[signatures.0 >> 6] & (1 << UInt64(signatures.0 & 63)) != 0
            && innerBits[signatures.1 >> 6] & (1 << UInt64(signatures.1 & 63)) != 0
    }

    /// False only when no key equals the text of `units[range]`; always true for an empty range
    /// or a text with a non-ASCII unit.
    @inline(__always)
    func mayContain(_ units: [UInt16], _ range: Range<Int>) -> Bool {
        mayContain(asciiUnits: units, range) ?? true
    }
}
