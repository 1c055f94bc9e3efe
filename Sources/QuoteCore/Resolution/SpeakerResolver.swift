import QuoteSchema

/// Resolves speaker mentions inside one document: surnames to the fullest name, pronouns to the
/// person they refer to, descriptions to the person introduced with that role.
public struct SpeakerResolver: Sendable {
    /// A person the document names in full ("Ryan Crocker").
    struct Entity {
        var name: String
        var words: Int
        var lastKey: String
        var role: String?
        var male = 0
        var female = 0
        var firstPosition: Int
        /// How often the full form occurs.
        var occurrences = 0

        var gender: Lexicon.Gender? {
            if male > female { return .male }
            if female > male { return .female }
            return nil
        }
    }

    let analyzer: PhraseAnalyzer
    let text: TextBuffer
    private(set) var entities: [Entity] = []
    /// (position, entity) for every mention of a known person, in text order.
    private var mentions: [(position: Int, entity: Int)] = []
    /// The people of each surname key.
    private var byLastKey = StringTable<SurnameGroup>()

    /// The people who share a surname key, in the order they were first named.
    struct SurnameGroup {
        /// The first of them, and the others: most surnames name one person, and an array for
        /// each was an allocation per surname (~3,000 on the dev set).
        private var first = -1
        private var others: [Int] = []
        /// How many people share the surname.
        var count: Int { first < 0 ? 0 : 1 + others.count }
        /// The people, in the order they were first named.
        var entities: [Int] { first < 0 ? [] : [first] + others }
        /// The first of them with the most words (kept as they are added: a lone surname in the
        /// text looked through all of the surname's people each time), and its number of words.
        private(set) var longest = 0
        private var longestWords = 0
        /// `SpeakerResolver.surnameChoices` of `entities`, once a surname has been resolved.
        /// Entities are all collected before the first resolution, so they never change.
        var choices: [Int]? = nil
        /// `choices` as a set, when there are many of them; empty otherwise.
        var members: Set<Int> = []

        mutating func add(_ entity: Int, words: Int) {
            if first < 0 || words > longestWords { (longest, longestWords) = (entity, words) }
            if first < 0 { first = entity } else { others.append(entity) }
        }
    }
    private var byName = StringTable<Int>()
    /// A speaker resolved earlier in the document.
    struct Resolved {
        var position: Int
        var speaker: Speaker
        /// The entity the speaker was resolved to, if any.
        var entity: Int?
        var form: SpeakerPhrase.Form
        /// For a person with no entity: whether the space-separated words of their role (or name)
        /// include a male and a female word of the lexicon ("The minister", "the congresswoman"),
        /// worked out once here instead of at every pronoun that looks back at them.
        var hasMaleWord = false
        var hasFemaleWord = false
    }

    /// Speakers resolved so far, in order: the `lookback` latest, which are all that is read.
    private var history = RecentWindow<Resolved>(minimumCapacity: SpeakerResolver.lookback)
    /// Indexes into `history` of the persons with a role, in order (from about the window's
    /// first on; older ones are dropped now and then): the only entries a definite
    /// description ("the minister") can be resolved to.
    private var personsWithRoles: [Int] = []

    init(analyzer: PhraseAnalyzer, text: TextBuffer, units: [Unit]) {
        var tables = Tables()
        self.init(analyzer: analyzer, text: text, units: units, reusing: &tables)
    }

    /// A resolver whose tables are those of `tables` (a thread's scratch), emptied by the last
    /// resolver that used them (`giveBack(into:)`).
    init(analyzer: PhraseAnalyzer, text: TextBuffer, units: [Unit], reusing tables: inout Tables) {
        self.analyzer = analyzer
        self.text = text
        swap(&entities, &tables.entities)
        swap(&mentions, &tables.mentions)
        swap(&byLastKey, &tables.byLastKey)
        swap(&byName, &tables.byName)
        swap(&history, &tables.history)
        swap(&personsWithRoles, &tables.personsWithRoles)
        swap(&lastKeysPacked, &tables.lastKeysPacked)
        collectEntities(units)
    }

    /// The resolver's per-document tables, kept by a thread's `ExtractionScratch` from one
    /// document to the next: made for each document with an attribution, they were about ten
    /// allocations and frees (the tables' slots and entry arrays, the lists of people, mentions
    /// and speakers), ~2,000 instructions of such a brief.
    struct Tables {
        var entities: [Entity] = []
        var mentions: [(position: Int, entity: Int)] = []
        var byLastKey = StringTable<SurnameGroup>()
        var byName = StringTable<Int>()
        var history = RecentWindow<Resolved>(minimumCapacity: SpeakerResolver.lookback)
        var personsWithRoles: [Int] = []
        var lastKeysPacked = IntSet()

        /// The room of its largest array, in elements.
        var largestCapacity: Int {
            max(entities.capacity, mentions.capacity, byLastKey.largestCapacity, byName.largestCapacity,
                history.largestCapacity, personsWithRoles.capacity, lastKeysPacked.largestCapacity)
        }

        /// True when no table holds anything.
        var isEmpty: Bool {
            entities.isEmpty && mentions.isEmpty && byLastKey.isEmpty && byName.isEmpty && history.count == 0
                && personsWithRoles.isEmpty && lastKeysPacked.isEmpty
        }
    }

    /// Hands the tables back to `tables` emptied (their storage kept unless a huge document
    /// grew it beyond `ExtractionScratch.keptCapacity`); the resolver is not used after.
    mutating func giveBack(into tables: inout Tables) {
        ExtractionScratch.emptied(&entities)
        swap(&entities, &tables.entities)
        ExtractionScratch.emptied(&mentions)
        swap(&mentions, &tables.mentions)
        byLastKey.emptied()
        swap(&byLastKey, &tables.byLastKey)
        byName.emptied()
        swap(&byName, &tables.byName)
        history.emptied()
        swap(&history, &tables.history)
        ExtractionScratch.emptied(&personsWithRoles)
        swap(&personsWithRoles, &tables.personsWithRoles)
        lastKeysPacked.emptied()
        swap(&lastKeysPacked, &tables.lastKeysPacked)
    }

    /// Clean display text of a range: white space folded, possessive dropped. `whole`, when
    /// given, is `text.text(range)` already built, and is the answer when nothing is dropped.
    func display(_ range: Range<Int>, whole: String? = nil) -> String {
        if let end = plainEnd(range) {
            if end == range.upperBound, let whole { return whole }
            return text.text(range.lowerBound..<end)
        }
        var value = text.text(range)
        // Fold white space only when there is something other than single spaces.
        var needsFolding = false
        var previousSpace = false
        for unit in text.units[range] {
            let isSpace = CodeUnit.isWhitespace(unit)
            if isSpace && (unit != CodeUnit.space || previousSpace) {
                needsFolding = true
                break
            }
            previousSpace = isSpace
        }
        if needsFolding {
            value = value.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        for suffix in ["’s", "'s"] where value.hasSuffix(suffix) { value.removeLast(2) }
        return value
    }

    /// Where `display(range)` ends when it only drops a possessive: nil when the range has white
    /// space other than single spaces, or when its end is not plainly an apostrophe and an "s"
    /// after an ASCII character or the start (only then are those the last two `Character`s).
    private func plainEnd(_ range: Range<Int>) -> Int? {
        let units = text.units
        var previousSpace = false
        for unit in units[range] {
            let isSpace = CodeUnit.isWhitespace(unit)
            if isSpace && (unit != CodeUnit.space || previousSpace) { return nil }
            previousSpace = isSpace
        }
        var end = min(range.upperBound, units.count)
        let lower = max(0, range.lowerBound)
        // "’s" first, then "'s", as `display` tries them.
        for apostrophe in [UInt16(0x2019), CodeUnit.apostrophe] {
            guard end - lower >= 2, units[end - 1] == 0x73 else { break }
            let mark = units[end - 2]
            if mark != apostrophe {
                if mark == 0x2019 || mark == CodeUnit.apostrophe { continue }
                break
            }
            if end - 2 > lower, units[end - 3] >= 0x80 { return nil }
            end -= 2
        }
        return end
    }

    /// Name keys are computed once per distinct name (ICU transliteration costs microseconds).
    private var keyCache: [String: String] = [:]

    private mutating func key(_ name: String) -> String {
        // An ASCII key costs less than the cache lookup; only ICU keys are worth keeping.
        if let ascii = NameKey.asciiKey(name) { return ascii }
        if let cached = keyCache[name] { return cached }
        let computed = NameKey.key(name)
        keyCache[name] = computed
        return computed
    }

    /// `name.contains(" ")`, answered on the bytes unless a space touches a non-ASCII byte
    /// (read in place: through the UTF-8 view, ~250 instructions a name).
    static func hasSpace(_ name: String) -> Bool {
        let answer: Bool? = name.withUTF8Bytes { bytes in
            var before: UInt8 = 0  // the byte before the current one
            var pending = false  // the previous byte is a space after an ASCII byte (or the start)
            var sawSpace = false
            for byte in bytes {
                if pending {
                    if byte < 0x80 { return true }
                    pending = false
                }
                if byte == 0x20 {
                    sawSpace = true
                    if before < 0x80 { pending = true }
                }
                before = byte
            }
            if pending { return true }
            return sawSpace ? nil : false
        }
        return answer ?? name.contains(" ")
    }

    /// `text.split(separator: " ").map(String.init)`, split on the bytes (see `separated(_:by:)`).
    static func spaceSeparated(_ text: String) -> [String] {
        separated(text, by: 0x20)
    }

    /// `text.split(separator: Character(separator)).map(String.init)` for an ASCII separator
    /// other than CR and LF, split on the bytes of an ASCII text (whose `Character`s are its
    /// bytes, but for CR LF, which holds no such separator); other text is split by `Character`.
    static func separated(_ text: String, by separator: UInt8) -> [String] {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.split(separator: Character(Unicode.Scalar(separator))).map(String.init)
        }
        var words: [String] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == separator {
                if start != index { words.append(String(text[start..<index])) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != index { words.append(String(text[start..<index])) }
        return words
    }

    /// `name.split(separator: " ").count`, counted on the bytes; only a space next to a non-ASCII
    /// byte (which may share a `Character` with it) sends the name to `split`.
    static func wordCount(_ name: String) -> Int {
        // On the contiguous bytes (iterating the UTF-8 view took ~600 instructions a name).
        let counted: Int? = name.withUTF8Bytes { bytes in
            var count = 0
            var inWord = false
            var previous: UInt8 = 0
            var afterSpace = false
            for byte in bytes {
                if byte >= 0x80 && afterSpace { return nil }
                afterSpace = false
                if byte == 0x20 {
                    if previous >= 0x80 { return nil }
                    inWord = false
                    afterSpace = true
                } else if !inWord {
                    inWord = true
                    count += 1
                }
                previous = byte
            }
            return count
        }
        return counted ?? name.split(separator: " ").count
    }

    /// Gender evidence of a role's words ("congresswoman", "his wife"), two points a word: the
    /// words of `spaceSeparated(role.lowercased())` found in `lexicon.genderedWords`. An ASCII
    /// role is split on its bytes, and a word builds a string only when the filter lets it through.
    private func roleGender(_ role: String) -> (male: Int, female: Int) {
        let genderedWords = analyzer.genderedWordMap
        var evidence = (male: 0, female: 0)
        func count(_ word: String) {
            switch genderedWords[word] {
            case .male: evidence.male += 2
            case .female: evidence.female += 2
            case nil: break
            }
        }
        let filter = analyzer.genderedWordFilter
        let split = role.withUTF8Bytes { bytes -> Bool in
            guard SpeakerResolver.splitsAsBytes(bytes) else { return false }
            var start = 0
            var ascii = true  // the current word's bytes so far
            for end in 0...bytes.count {
                guard end == bytes.count || bytes[end] == 0x20 else {
                    if bytes[end] >= 0x80 { ascii = false }
                    continue
                }
                // A word with a character beyond ASCII lowercases to one (`splitsAsBytes` left
                // out KELVIN SIGN), and the gendered words are ASCII: no match.
                if end > start, ascii, filter.mayContain(ascii: bytes, start..<end) {
                    // ASCII `lowercased()` folds A-Z only.
                    count(SpeakerResolver.lowercasedWord(bytes, start..<end))
                }
                start = end + 1
                ascii = true
            }
            return true
        }
        if !split {
            for word in SpeakerResolver.spaceSeparated(role.lowercased()) { count(word) }
        }
        return evidence
    }

    /// True when the words of `bytes` (a role's UTF-8) can be read as the runs between ASCII
    /// spaces, lowercased word by word, as `spaceSeparated(role.lowercased())` splits them: no
    /// space stands beside a byte of a character beyond ASCII (a combining mark after it, or a
    /// prepended one before it, shares a `Character` with it), and there is no KELVIN SIGN (the
    /// one character beyond ASCII whose lowercase is ASCII, "k"). A role beyond ASCII went
    /// through `lowercased()` and `split` whole: ~40,000 instructions, 59 roles of the dev set
    /// taking 2.4M.
    static func splitsAsBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in bytes.indices {
            let byte = bytes[index]
            if byte == 0x20 {
                if index > 0 && bytes[index - 1] >= 0x80 { return false }
                if index + 1 < bytes.count && bytes[index + 1] >= 0x80 { return false }
            } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x84, bytes[index + 2] == 0xAA {
                return false
            }
        }
        return true
    }

    /// `spaceSeparated(text).last!`: the last word of a name, found from the end of an ASCII text.
    static func lastSpaceSeparated(_ text: String) -> String {
        let word = text.withUTF8Bytes { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            var end = bytes.count
            while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
            var start = end
            while start > 0, bytes[start - 1] != 0x20 { start -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        return word ?? spaceSeparated(text).last!
    }

    /// The keys of `byLastKey` of 1 to 8 characters, packed by `packedKey`.
    private var lastKeysPacked = IntSet()

    /// The bytes of a key of 1 to 8 ASCII letters and digits side by side, first highest (a
    /// different value for every such key); nil for any other text.
    static func packedKey(_ key: String) -> UInt64? {
        // The bytes read in place (through the UTF-8 view, ~335 instructions a key).
        key.withUTF8Bytes { bytes -> UInt64? in
            guard !bytes.isEmpty, bytes.count <= 8 else { return nil }
            var packed: UInt64 = 0
            for byte in bytes {
                guard (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) else { return nil }
                packed = packed << 8 | UInt64(byte)
            }
            return packed
        }
    }

    /// What `display(range)` makes of a range of ASCII text, read from the code units: where its
    /// text ends (`plainEnd`: a final "'s" dropped), how many bytes of it a key keeps (as
    /// `NameKey.asciiKey` keeps them: digits and letters), the key's first 15 bytes as
    /// `UTF16String.small` takes them (`low`, `high`; complete when `kept` is 15 or fewer) and its
    /// number of words (runs without a space, as `wordCount` counts them); nil for a range with a
    /// unit beyond ASCII or white space other than single spaces (where `plainEnd` is nil).
    ///
    /// One pass on the units' storage: the resolver asks this of every capitalised name it meets
    /// (~9,000 on the dev set); the string-building paths took ~400-700 instructions each, and a
    /// second pass to gather the key's bytes ~100 more.
    @inline(__always)
    private func asciiNameScan(_ range: Range<Int>) -> (end: Int, kept: Int, words: Int, low: UInt64, high: UInt64)? {
        text.units.withUnsafeBufferPointer { units -> (end: Int, kept: Int, words: Int, low: UInt64, high: UInt64)? in
            guard range.lowerBound >= 0, range.upperBound <= units.count else { return nil }
            var kept = 0
            var words = 0
            var inWord = false
            var previousSpace = false
            var low: UInt64 = 0
            var high: UInt64 = 0
            for index in range {
                let unit = units[index]
                if unit >= 0x80 { return nil }
                if unit <= 0x20 && CodeUnit.isWhitespace(unit) {
                    // `plainEnd`: a single space is plain; any other white space, or two, is not.
                    if unit != CodeUnit.space || previousSpace { return nil }
                    previousSpace = true
                    inWord = false
                    continue
                }
                previousSpace = false
                if !inWord {
                    inWord = true
                    words += 1
                }
                if let byte = NameKey.keyByte(unit) {
                    UTF16String.place(byte, at: kept, low: &low, high: &high)
                    kept += 1
                }
            }
            var end = range.upperBound
            // `plainEnd` on ASCII: a final "'s" dropped (no "’s" in ASCII); the "s" was kept (the
            // last byte gathered, cleared below), and a word of "'s" alone is no longer one.
            if range.count >= 2, units[end - 1] == 0x73, units[end - 2] == CodeUnit.apostrophe {
                end -= 2
                kept -= 1
                if end == range.lowerBound || units[end - 1] == CodeUnit.space { words -= 1 }
            }
            // Only the key's bytes: the dropped "s" cleared (`place` drops a sixteenth byte).
            if kept < 8 {
                low &= (1 &<< UInt64(kept &* 8)) &- 1
                high = 0
            } else if kept < 15 {
                high &= (1 &<< UInt64((kept &- 8) &* 8)) &- 1
            }
            return (end, kept, words, low, high)
        }
    }

    /// `packedKey(key(display(range)))` for a range of ASCII text without white space, read from
    /// the code units (as `NameKey.asciiKey` keeps them: digits, and letters lowercased); nil for
    /// other text and for keys `packedKey` does not pack.
    ///
    /// One pass, `asciiNameScan`'s answer for such a range folded in (asked of ~11,600 words a run
    /// of the dev set; the scan and a second pass to pack took ~290 instructions a word): a unit
    /// beyond ASCII or any white space rules the range out, and a final "'s" is not packed.
    func packedKey(of range: Range<Int>) -> UInt64? {
        text.units.withUnsafeBufferPointer { units -> UInt64? in
            guard range.lowerBound >= 0, range.upperBound <= units.count else { return nil }
            var end = range.upperBound
            if range.count >= 2, units[end - 1] == 0x73, units[end - 2] == CodeUnit.apostrophe { end -= 2 }
            var packed: UInt64 = 0
            var kept = 0
            for index in range {
                let unit = units[index]
                if unit >= 0x80 || (unit <= 0x20 && CodeUnit.isWhitespace(unit)) { return nil }
                if index < end, let byte = NameKey.keyByte(unit) {
                    kept += 1
                    if kept > 8 { return nil }
                    packed = packed << 8 | UInt64(byte)
                }
            }
            return kept >= 1 ? packed : nil
        }
    }

    /// `key(display(range))` and `wordCount(display(range))` read from the code units, for a range
    /// of ASCII text that `display` only trims (`asciiNameScan`); nil for any other range.
    func asciiNameKey(of range: Range<Int>) -> (key: String, words: Int)? {
        guard let scan = asciiNameScan(range) else { return nil }
        if scan.kept <= UTF16String.smallCapacity && UTF16String.smallLayoutHolds {
            return (UTF16String.small(low: scan.low, high: scan.high, count: scan.kept), scan.words)
        }
        let key = text.units.withUnsafeBufferPointer { NameKey.asciiKey(of: $0, range.lowerBound..<scan.end, kept: scan.kept) }
        return (key, scan.words)
    }

    /// `byLastKey[key(display(range))] != nil`, answered from the packed keys when it can be.
    private mutating func mayBeKnownSurname(_ range: Range<Int>) -> Bool {
        if byLastKey.isEmpty { return false }
        if let packed = packedKey(of: range) { return lastKeysPacked.contains(packed) }
        return byLastKey[key(display(range))] != nil
    }

    private mutating func collectEntities(_ units: [Unit]) {
        for unit in units {
            let tokens = unit.tokens
            // The one person the unit names, or nil when it names none or several.
            var unitEntity: Int? = nil
            var unitNamesSeveral = false
            func note(_ entity: Int) {
                if unitEntity == nil {
                    unitEntity = entity
                } else if unitEntity != entity {
                    unitNamesSeveral = true
                }
            }
            var index = 0
            while index < tokens.count {
                // The end of a run of name words.
                guard analyzer.isNameWord(tokens[index]), !analyzer.isParticle(tokens[index]),
                      index + 1 >= tokens.count || !analyzer.isNameWord(tokens[index + 1]) else {
                    index += 1
                    continue
                }
                // A capitalised determiner or sentence starter alone ("The", "But") names nobody.
                let single = index == 0 || !tokens[index - 1].isWord
                if single, tokens[index].has(.determiner) || tokens[index].has(.sentenceStarter) {
                    index += 1
                    continue
                }
                // A name word alone: the phrase's name, if any, is this one word, which counts
                // only as the surname of a known full name. Without one, nothing to parse.
                if index == 0 || !analyzer.isNameWord(tokens[index - 1]), !mayBeKnownSurname(tokens[index].range) {
                    index += 1
                    continue
                }
                if let start = analyzer.phraseStart(tokens, end: index, lower: 0),
                   let phrase = analyzer.parse(tokens, start...index), phrase.form == .name {
                    // The name's text is built only for a new entity when the key and the word
                    // count can be read from the code units (most names are written more than once).
                    let fast = asciiNameKey(of: phrase.mention)
                    let name = fast == nil ? display(phrase.mention) : nil
                    let words = fast?.words ?? SpeakerResolver.wordCount(name!)
                    if words >= 2 && words <= 5 {
                        let nameKey = fast?.key ?? key(name!)
                        let role = phrase.role.map { display($0) }  // built once, for the entity and its gender
                        let entity: Int
                        if let known = byName[nameKey] {
                            entity = known
                        } else {
                            // Room for eight people at the first (grown from empty: ~4
                            // reallocations a document; the dev set's name ~11 each). Sixteen
                            // cost 10,000 briefs more than it saved: blocks over ~1 KB leave
                            // malloc's fast per-thread cache.
                            if entities.isEmpty { entities.reserveCapacity(8) }
                            let fullName = name ?? display(phrase.mention)
                            let last = SpeakerResolver.lastSpaceSeparated(fullName)
                            entities.append(Entity(name: fullName, words: words, lastKey: key(last),
                                                   role: role, firstPosition: phrase.mention.lowerBound))
                            entity = entities.count - 1
                            byName[nameKey] = entity
                            byLastKey.update(entities[entity].lastKey, default: SurnameGroup()) { $0.add(entity, words: words) }
                            if let packed = SpeakerResolver.packedKey(entities[entity].lastKey) { lastKeysPacked.insert(packed) }
                        }
                        entities[entity].occurrences += 1
                        if let role {
                            if entities[entity].role == nil { entities[entity].role = role }
                            let evidence = roleGender(role)
                            entities[entity].male += evidence.male
                            entities[entity].female += evidence.female
                        }
                        // Room for 32 mentions at the first (grown from empty: ~6
                        // reallocations a document; 64 cost briefs more, as for people).
                        if mentions.isEmpty { mentions.reserveCapacity(32) }
                        mentions.append((phrase.mention.lowerBound, entity))
                        note(entity)
                    } else if words == 1, !byLastKey.isEmpty, let known = byLastKey[fast?.key ?? key(name!)]?.longest {
                        mentions.append((phrase.mention.lowerBound, known))
                        note(known)
                    }
                }
                index += 1
            }
            // Gender evidence: a unit naming one person and using one kind of pronoun.
            if !unitNamesSeveral, let entity = unitEntity {
                // Object pronouns ("pressed him") usually point at someone else: not evidence.
                // Only a word with the pronoun trait can be in `lexicon.pronouns`.
                for token in tokens where token.isWord && token.has(.pronoun)
                    && !token.hasText("him") && !token.hasText("her") {
                    switch analyzer.pronounMap[token.lower] {
                    case .male: entities[entity].male += 1
                    case .female: entities[entity].female += 1
                    default: break
                    }
                }
            }
        }
        mentions.sort { $0.position < $1.position }
    }

    /// How far back pronouns and descriptions look: this many mentions, speakers or people.
    /// An antecedent further away than that is not one a reader would find either, and the bound
    /// keeps resolution linear on pathological text (thousands of names in one document).
    static let lookback = 400

    /// The latest mention before `position` that passes `test`, among the `lookback` nearest.
    private func recentMention(before position: Int, where test: ((position: Int, entity: Int)) -> Bool) -> (position: Int, entity: Int)? {
        var low = 0
        var high = mentions.count
        while low < high {  // first mention at or after `position`
            let mid = (low + high) / 2
            if mentions[mid].position < position { low = mid + 1 } else { high = mid }
        }
        var index = low - 1
        let floor = max(0, low - SpeakerResolver.lookback)
        while index >= floor {
            if test(mentions[index]) { return mentions[index] }
            index -= 1
        }
        return nil
    }

    /// The index in `history` of the latest resolved speaker before `position` that passes
    /// `test` (given that index), among the `lookback` latest.
    ///
    /// Indexes, not entries: a document of a thousand unresolved "he said" tests 400 entries per
    /// pronoun, and handing each entry over copied it (its strings retained and released).
    private func recentSpeaker(before position: Int, where test: (Int) -> Bool) -> Int? {
        var index = history.count - 1
        let floor = max(0, history.count - SpeakerResolver.lookback)
        while index >= floor {
            if history[index].position < position, test(index) { return index }
            index -= 1
        }
        return nil
    }

    /// `recentSpeaker(before:where:)` for a test that only persons with a role can pass: the same
    /// answer, reading only those entries of the window.
    private func recentPersonWithRole(before position: Int, where test: (Int) -> Bool) -> Int? {
        let floor = max(0, history.count - SpeakerResolver.lookback)
        for index in personsWithRoles.reversed() {
            if index < floor { break }
            if history[index].position < position, test(index) { return index }
        }
        return nil
    }

    /// Resolves one speaker phrase found at `position`.
    mutating func resolve(_ phrase: SpeakerPhrase, at position: Int) -> Speaker {
        let mentionSpan = TextSpan(text: text.text(phrase.mention), start: phrase.mention.lowerBound,
                                   end: phrase.mention.upperBound)
        let role = phrase.role.map { display($0) }  // a closure, not `map(display)`, which copies self
        var speaker: Speaker
        var entity: Int? = nil
        switch phrase.form {
        case .name:
            // The mention's text is the name unless it ends in a possessive or folds white space
            // (one string built, not two).
            let name = display(phrase.mention, whole: mentionSpan.text)
            let key = key(name)
            if let known = knownSuffix(of: name) ?? byName[key] {
                entity = known
                speaker = Speaker(name: entities[known].name, kind: .person, role: role ?? entities[known].role,
                                  mention: mentionSpan, resolution: "name")
            } else if !SpeakerResolver.hasSpace(name), let group = byLastKey[key] {
                let best = pickSurname(key, group, before: position)
                entity = best
                speaker = Speaker(name: entities[best].name, kind: .person, role: role ?? entities[best].role,
                                  mention: mentionSpan, resolution: "surname")
            } else {
                speaker = Speaker(name: name, kind: .person, role: role, mention: mentionSpan, resolution: "name")
            }
        case .pronoun:
            speaker = resolvePronoun(phrase, mention: mentionSpan, at: position, entity: &entity)
        case .nominal:
            speaker = resolveNominal(phrase, mention: mentionSpan, at: position, entity: &entity)
        case .organization:
            speaker = Speaker(name: analyzer.stripDeterminer(display(phrase.mention, whole: mentionSpan.text)), kind: .organization,
                              role: role, mention: mentionSpan, resolution: "name")
        case .document:
            speaker = Speaker(name: display(phrase.mention, whole: mentionSpan.text), kind: .unknown, role: nil, mention: mentionSpan,
                              resolution: "unresolved")
        }
        if let entity, entities[entity].role == nil, let role, phrase.form == .name {
            entities[entity].role = role
        }
        var resolved = Resolved(position: position, speaker: speaker, entity: entity, form: phrase.form)
        if speaker.kind == .person, entity == nil {
            let evidence = roleGender(speaker.role ?? speaker.name)
            (resolved.hasMaleWord, resolved.hasFemaleWord) = (evidence.male > 0, evidence.female > 0)
        }
        if speaker.kind == .person, speaker.role != nil {
            if personsWithRoles.count >= 2 * history.capacity {
                let floor = history.firstKept
                personsWithRoles.removeAll { $0 < floor }
            }
            if personsWithRoles.isEmpty { personsWithRoles.reserveCapacity(16) }  // grown from empty: ~3 reallocations a document
            personsWithRoles.append(history.count)
        }
        history.append(consume resolved)  // moved in (`append` consumes it), not copied
        return speaker
    }

    /// A known full name that ends this longer name ("Ryan Crocker" in "Amabassador Ryan Crocker").
    private mutating func knownSuffix(of name: String) -> Int? {
        guard SpeakerResolver.wordCount(name) >= 3 else { return nil }  // most names: no words to build
        let words = SpeakerResolver.spaceSeparated(name)
        for drop in 1...(words.count - 2) {
            // `words[drop...].joined(separator: " ")`, appended word by word (`joined` on a slice
            // of strings ran the standard library's generic code, ~5,400 instructions a suffix).
            var suffix = words[drop]
            for word in words[(drop + 1)...] {
                suffix += " "
                suffix += word
            }
            if let known = byName[key(suffix)] { return known }
        }
        return nil
    }

    /// The person the surname key `surname` stands for (`group` is its entry in `byLastKey`):
    /// one of `surnameChoices`, the one mentioned last before the position when there are several.
    private mutating func pickSurname(_ surname: String, _ group: SurnameGroup, before position: Int) -> Int {
        // One person of the surname: `surnameChoices` of one candidate is that candidate.
        if group.count == 1 { return group.longest }
        var group = group
        if group.choices == nil {
            let choices = SpeakerResolver.surnameChoices(group.entities.map { entity in
                (entity: entity, key: key(entities[entity].name), words: entities[entity].words,
                 occurrences: entities[entity].occurrences)
            })
            group.choices = choices
            if choices.count > 16 { group.members = Set(choices) }
            byLastKey[surname] = group
        }
        let choices = group.choices!
        if choices.count == 1 { return choices[0] }
        let members = group.members
        let recent = recentMention(before: position) { mention in
            members.isEmpty ? choices.contains(mention.entity) : members.contains(mention.entity)
        }
        return recent?.entity ?? choices[0]
    }

    /// A candidate for a surname: an entity, the key of its name, its number of words and how
    /// often the name was written in full.
    typealias SurnameCandidate = (entity: Int, key: String, words: Int, occurrences: Int)

    /// The people a surname may stand for, in the order given, before recency decides: the
    /// fullest names, where a name whose key ends with the key of a shorter one ("Ryan Crocker"
    /// in "Amabassador Ryan Crocker") gives way to it (extra leading words are usually titles the
    /// lexicon does not know), or all candidates when none has two words; then the forms used
    /// most often, and among those the longest.
    ///
    /// Each candidate's key is compared with the keys of the shorter names through a table of
    /// the keys' suffixes, not with every other candidate: a surname shared by thousands of
    /// people (a long document, a common surname) made every resolution quadratic in them.
    static func surnameChoices(_ candidates: [SurnameCandidate], pairwiseUpTo pairwiseLimit: Int = 16) -> [Int] {
        let pool = candidates.filter { $0.words >= 2 }
        func endsShorterName(_ candidate: SurnameCandidate) -> Bool {
            pool.contains { other in other.entity != candidate.entity && candidate.words > other.words
                && candidate.key.hasSuffix(other.key) }
        }
        // A few candidates (nearly every surname) are compared pair by pair: fewer steps than the table.
        guard pool.count > pairwiseLimit else { return mostUsed(pool.filter { !endsShorterName($0) }, or: candidates) }
        var fewestWordsOfKey: [String: Int] = [:]  // a key of the pool, with the fewest words of a name with it
        for candidate in pool { fewestWordsOfKey[candidate.key] = min(fewestWordsOfKey[candidate.key] ?? .max, candidate.words) }
        let fewestWords = fewestWordsOfKey  // constant from here: the filter reads it without access checks
        // The same by `suffixHash` of the keys (the fewest words among the keys of a hash): each
        // suffix of a key is looked up by its hash, worked out from the right one byte at a time,
        // and only a suffix whose hash is there is built as a string and looked up exactly
        // (building every suffix took ~550 instructions each: 36M for a surname of 4,000 people).
        var fewestWordsOfHash = IntTable<Int>()
        for (key, words) in fewestWords {
            let hash = SpeakerResolver.suffixHash(of: Array(key.utf8))
            fewestWordsOfHash[hash] = min(fewestWordsOfHash[hash] ?? .max, words)
        }
        let fewestWordsByHash = fewestWordsOfHash
        let reduced = pool.filter { candidate in
            let utf8 = Array(candidate.key.utf8)
            // Keys are ASCII letters and digits; any other key is compared the long way.
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return !endsShorterName(candidate) }
            // On ASCII, `hasSuffix` is a byte suffix: every suffix, the empty one included.
            func shorterNameEnds(at start: Int, hash: UInt64) -> Bool {
                guard let words = fewestWordsByHash[hash], words < candidate.words else { return false }
                return (fewestWords[String(decoding: utf8[start...], as: UTF8.self)] ?? .max) < candidate.words
            }
            var sum: UInt64 = 0
            var power: UInt64 = 1
            if shorterNameEnds(at: utf8.count, hash: SpeakerResolver.suffixHash(sum: 0, count: 0)) { return false }
            for start in utf8.indices.reversed() {
                sum &+= UInt64(utf8[start]) &* power
                power &*= SpeakerResolver.suffixHashBase
                if shorterNameEnds(at: start, hash: SpeakerResolver.suffixHash(sum: sum, count: utf8.count - start)) { return false }
            }
            return true
        }
        return mostUsed(reduced, or: candidates)
    }

    /// The base of `suffixHash`: a byte string's sum is each byte times the base to the power
    /// of the number of bytes after it, so that a key's suffixes are summed from the right.
    static let suffixHashBase: UInt64 = 0x100_0000_01B3

    /// The hash of a byte string whose sum (see `suffixHashBase`) is `sum`, of `count` bytes.
    @inline(__always)
    static func suffixHash(sum: UInt64, count: Int) -> UInt64 {
        sum &+ UInt64(count) &* 0x9E37_79B9_7F4A_7C15
    }

    /// `suffixHash(sum:count:)` of `bytes`.
    static func suffixHash(of bytes: [UInt8]) -> UInt64 {
        var sum: UInt64 = 0
        for byte in bytes { sum = sum &* suffixHashBase &+ UInt64(byte) }
        return suffixHash(sum: sum, count: bytes.count)
    }

    /// The entities of the full forms used most often in `reduced` (or in `candidates` when
    /// `reduced` is empty); among equals the longest.
    private static func mostUsed(_ reduced: [SurnameCandidate], or candidates: [SurnameCandidate]) -> [Int] {
        let choices = reduced.isEmpty ? candidates : reduced
        let best = choices.map { ($0.occurrences, $0.words) }.max { $0 < $1 }!
        return choices.filter { ($0.occurrences, $0.words) == best }.map(\.entity)
    }

    private func resolvePronoun(_ phrase: SpeakerPhrase, mention: TextSpan, at position: Int, entity: inout Int?) -> Speaker {
        let kind = analyzer.pronounMap[phrase.head ?? ""]
        let wanted: Lexicon.Gender? = kind == .male ? .male : kind == .female ? .female : nil
        if kind == .male || kind == .female {
            // The latest person speaker of a compatible gender, or the latest person mentioned.
            let lastSpeaker = recentSpeaker(before: position) { index in
                guard history[index].speaker.kind == .person, history[index].form != .pronoun || history[index].entity != nil else {
                    return false
                }
                if let known = history[index].entity, let gender = entities[known].gender, gender != wanted { return false }
                if history[index].entity == nil, wanted == .male ? history[index].hasFemaleWord : history[index].hasMaleWord {
                    return false  // a word of the other gender in the role or name
                }
                return true
            }.map { history[$0] }
            let lastMention = recentMention(before: position) { item in
                entities[item.entity].gender.map { $0 == wanted } ?? true
            }
            var choice: (speaker: Speaker?, entity: Int?) = (nil, nil)
            if let lastSpeaker, lastMention == nil || lastSpeaker.position >= (lastMention?.position ?? 0)
                || lastSpeaker.entity == lastMention?.entity {
                choice = (lastSpeaker.speaker, lastSpeaker.entity)
            } else if let lastMention {
                choice = (nil, lastMention.entity)
            } else if let lastSpeaker {
                choice = (lastSpeaker.speaker, lastSpeaker.entity)
            }
            if let known = choice.entity {
                entity = known
                return Speaker(name: entities[known].name, kind: .person, role: entities[known].role,
                               mention: mention, resolution: "pronoun")
            }
            if let speaker = choice.speaker {
                return Speaker(name: speaker.name, kind: speaker.kind, role: speaker.role, mention: mention,
                               resolution: "pronoun")
            }
        } else if kind == .plural || kind == .neuter {
            if let last = recentSpeaker(before: position, where: { history[$0].speaker.kind != .person || history[$0].form == .nominal })
                .map({ history[$0] }) {
                entity = last.entity
                return Speaker(name: last.speaker.name, kind: last.speaker.kind, role: last.speaker.role,
                               mention: mention, resolution: "pronoun")
            }
        }
        return Speaker(name: mention.text, kind: .unknown, role: nil, mention: mention, resolution: "unresolved")
    }

    /// Lower-cased words of each role seen, computed once per distinct role.
    ///
    /// A reference, so that the look-back tests of `resolveNominal` fill it from locals without
    /// touching the resolver (see there). Copies of a resolver share it: a resolver works on one
    /// document, on one thread (`Extractor` makes one per document).
    private final class RoleWordCache: @unchecked Sendable {
        var words: [String: [String]] = [:]
    }

    private let roleWordCache = RoleWordCache()

    private static func roleWords(_ role: String, cache: RoleWordCache) -> [String] {
        if let cached = cache.words[role] { return cached }
        let words = SpeakerResolver.asciiRoleWords(role)
            ?? role.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "." }).map(String.init)
        cache.words[role] = words
        return words
    }

    /// The words of an ASCII role, as `roleWords` splits them, from the bytes (nil for other text):
    /// lowercased runs of letters and periods.
    ///
    /// Each word is made from the bytes in place, a small string's two words when it has at most
    /// 15 (gathered in an array of bytes and decoded, a word cost ~1,000 instructions: roles are
    /// split for every description resolved, a few thousand times on the dev set).
    static func asciiRoleWords(_ role: String) -> [String]? {
        role.withUTF8Bytes { bytes -> [String]? in
            var words: [String] = []
            var start = -1  // where the current word began, or -1
            for end in 0...bytes.count {
                let byte = end < bytes.count ? bytes[end] : 0x20
                if byte >= 0x80 { return nil }
                let lower = lowercasedASCII(byte)
                if lower &- 0x61 < 26 || lower == 0x2E {
                    if start < 0 { start = end }
                } else if start >= 0 {
                    words.append(lowercasedWord(bytes, start..<end))
                    start = -1
                }
            }
            return words
        }
    }

    /// `bytes[range]`, ASCII, with A-Z lowercased (as `lowercased()` folds ASCII): a small
    /// string's two words when it has at most 15 bytes.
    private static func lowercasedWord(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        if range.count <= UTF16String.smallCapacity && UTF16String.smallLayoutHolds {
            var low: UInt64 = 0
            var high: UInt64 = 0
            for (offset, index) in range.enumerated() {
                UTF16String.place(lowercasedASCII(bytes[index]), at: offset, low: &low, high: &high)
            }
            return UTF16String.small(low: low, high: high, count: range.count)
        }
        return String(unsafeUninitializedCapacity: range.count) { buffer in
            for (offset, index) in range.enumerated() { buffer[offset] = lowercasedASCII(bytes[index]) }
            return range.count
        }
    }

    /// An ASCII byte with A-Z lowercased (as `lowercased()` does on ASCII).
    @inline(__always)
    private static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// `text.lowercased().hasPrefix("the ")`, answered from the first five bytes when they are
    /// ASCII (lowercasing the whole mention took ~1,500 instructions a description).
    static func startsWithThe(_ text: String) -> Bool {
        let answer: Bool? = text.withUTF8Bytes { bytes in
            // No character beyond ASCII lowercases to "t", "h" or "e"; a fifth byte beyond ASCII
            // may be a combining mark that joins the space, so the general test decides then.
            guard bytes.count >= 4 else { return bytes.allSatisfy { $0 < 0x80 } ? false : nil }
            for offset in 0..<min(5, bytes.count) where bytes[offset] >= 0x80 { return nil }
            return bytes[0] | 0x20 == 0x74 && bytes[1] | 0x20 == 0x68 && bytes[2] | 0x20 == 0x65 && bytes[3] == 0x20
        }
        return answer ?? text.lowercased().hasPrefix("the ")
    }

    private mutating func resolveNominal(_ phrase: SpeakerPhrase, mention: TextSpan, at position: Int, entity: inout Int?) -> Speaker {
        // The tests below read locals only: a test that reads `self` while a method of `self`
        // runs it made Swift copy the whole resolver for every definite description.
        let roleGroups = analyzer.lexicon.roleGroupMap
        let cache = roleWordCache
        let entities = self.entities
        let history = self.history
        let head = phrase.head ?? ""
        let group = roleGroups[head]
        func matches(_ role: String?) -> Bool {
            guard let role else { return false }
            return SpeakerResolver.roleWords(role, cache: cache).contains { word in
                word == head || (group != nil && roleGroups[word] == group)
            }
        }
        // Nominals with a determiner other than "the" introduce someone new ("a spokesman").
        let definite = SpeakerResolver.startsWithThe(mention.text)
        if definite {
            // People introduced most recently first; among them, the one mentioned last.
            let candidates = entities.indices.suffix(SpeakerResolver.lookback)
                .filter { entities[$0].firstPosition < position && matches(entities[$0].role) }
            if !candidates.isEmpty {
                let pool = Set(candidates)
                let recent = recentMention(before: position) { pool.contains($0.entity) }
                let best = recent?.entity ?? candidates[0]
                entity = best
                return Speaker(name: entities[best].name, kind: .person, role: entities[best].role, mention: mention,
                               resolution: "nominal")
            }
            if let previous = recentPersonWithRole(before: position, where: { matches(history[$0].speaker.role) }).map({ history[$0] }) {
                entity = previous.entity
                return Speaker(name: previous.speaker.name, kind: .person, role: previous.speaker.role, mention: mention,
                               resolution: "nominal")
            }
        }
        return Speaker(name: display(phrase.mention, whole: mention.text), kind: .person, role: nil, mention: mention, resolution: "unresolved")
    }
}
