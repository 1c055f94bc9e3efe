import Foundation

/// The word lists the rules consult, loaded from the TSV data files in `Lexicon/Data`.
///
/// Logic stays in code; every list is data, validated when it is loaded (field count, allowed
/// values, duplicates), so a bad edit fails loudly with the file and line.
///
/// A class: every document's phrase analyzer holds the lexicon, and a struct of two dozen tables
/// was two dozen retains for each copy and as many releases when the analyzer went (~2,100
/// instructions a document, 5.8% of the instructions of 10,000 one-paragraph briefs). Every
/// property is a constant.
public final class Lexicon: Sendable {
    /// A speech or report verb form with its lemma and class.
    public struct Verb: Sendable, Hashable {
        public enum Class: String, Sendable, CaseIterable {
            /// Introduces direct and reported speech: said, told.
            case speech
            /// A thought or attitude, reported only: believes, hopes.
            case belief
            /// Reporting or evaluating, reported only: revealed, criticized.
            case report
            /// Introduces a direct quotation but reports nothing without one: began, continued.
            case quote
        }
        public let lemma: String
        public let verbClass: Class
    }

    public enum TitleKind: String, Sendable, CaseIterable {
        case honorific, political, military, professional
    }

    public enum RoleKind: String, Sendable, CaseIterable {
        case person, organization, document
    }

    public enum PronounKind: String, Sendable, CaseIterable {
        case male, female, plural, neuter
        case firstSingular = "first-singular"
        case firstPlural = "first-plural"
        case second
    }

    public enum AbbreviationKind: String, Sendable, CaseIterable {
        case title, name, general
    }

    public enum OrganizationKind: String, Sendable, CaseIterable {
        case organizationWord = "organization-word"
        case organization
    }

    public enum ParticlePosition: String, Sendable, CaseIterable {
        case prefix, suffix
    }

    /// Verb forms, lowercased ("said") to their verb.
    public let verbs: [String: Verb]
    /// Titles as written ("Sen.", "Prime Minister").
    public let titles: [String: TitleKind]
    /// Lowercased single words that occur in titles ("prime", "minister").
    public let titleWords: Set<String>
    /// Longest title in words.
    public let maxTitleWords: Int
    /// Lowercased role nouns ("spokesman").
    public let roleNouns: [String: RoleKind]
    /// Lowercased pronouns ("he"), plus "I".
    public let pronouns: [String: PronounKind]
    /// Abbreviations as written ("U.S.", "Sen.").
    public let abbreviations: [String: AbbreviationKind]
    /// Organization names and organization head words as written.
    public let organizations: [String: OrganizationKind]
    /// Longest organization name in words.
    public let maxOrganizationWords: Int
    /// Page-furniture lines, lowercased and trimmed.
    public let clutter: Set<String>
    /// Name particles ("al", "van") and suffixes ("Jr.").
    public let particles: [String: ParticlePosition]
    /// Capitalised words that start sentences and are not names.
    public let sentenceStarters: Set<String>
    /// Place names as written ("New Hampshire", "Iraq").
    public let places: Set<String>
    /// Lowercased role nouns to a synonym group id ("envoy" and "ambassador" share one).
    public let roleGroups: [String: Int]
    /// Lowercased titles and role words that tell a gender ("spokeswoman").
    public let genderedWords: [String: Gender]
    /// Every list above folded into one table the tokenizer consults once per word.
    let wordTable: WordTable
    /// The tables the analyzer, the resolver and the sentence splitter look words up in for
    /// every document, as `WordMap`s (the same answers without SipHashing each word).
    let roleNounMap: WordMap<RoleKind>
    let pronounMap: WordMap<PronounKind>
    let abbreviationMap: WordMap<AbbreviationKind>
    let organizationMap: WordMap<OrganizationKind>
    let roleGroupMap: WordMap<Int>
    let genderedWordMap: WordMap<Gender>
    /// A hash of the files the lists were read from, names and bytes (`Extractor.fingerprint`).
    package let sourceHash: UInt64

    public enum Gender: String, Sendable, CaseIterable {
        case male, female
    }

    /// True when `word` as written, or lowercased, is one of the bundled lexicon's `pronouns`
    /// (the store's test of an unresolved speaker's name), as `pronouns[word] != nil ||
    /// pronouns[word.lowercased()] != nil` answers: found by packed words, a short ASCII word
    /// lowercased as it is packed. (Static: a method called on `bundled` copied the lexicon,
    /// every table retained and released.)
    package static func isBundledPronounAsWrittenOrLowercased(_ word: String) -> Bool {
        let pronouns = bundled.pronounMap
        return pronouns[word] != nil || pronouns.lowercased(word) != nil
    }

    /// True when `word`, one word of a role as written, names a function in the bundled
    /// lexicon (the store's role filter asks it of each word), as
    /// `titles[word] != nil || roleNouns[word.lowercased()] == .person` or, for a word beyond
    /// ASCII or an ASCII word whose lowercased form is in `titleWords`,
    /// `titles[word.capitalized] != nil` answers: found by packed words, a short ASCII word
    /// lowercased as it is packed. (`capitalized`, Foundation's, is slow; an ASCII word can only
    /// give a one-word title if it is a word of some title.)
    package static func isBundledRoleWord(_ word: String, isASCII: Bool) -> Bool {
        if bundledTitleMap[word] != nil { return true }
        if bundled.roleNounMap.lowercased(word) == .person { return true }
        if isASCII && bundledTitleWordMap.lowercased(word) == nil { return false }
        return bundled.titles[word.capitalized] != nil
    }

    /// The bundled `titles` and `titleWords` (each word mapped to true) as `WordMap`s, for
    /// `isBundledRoleWord(_:isASCII:)` alone: built at its first call rather than with every
    /// lexicon (~0.5M instructions a process that never indexes).
    private static let bundledTitleMap = WordMap(bundled.titles)
    private static let bundledTitleWordMap = WordMap(Dictionary(uniqueKeysWithValues: bundled.titleWords.map { ($0, true) }))

    /// The folder of the word lists shipped with the package.
    public static var bundledDirectory: URL? { Bundle.module.url(forResource: "Data", withExtension: nil) }

    /// The lexicon shipped with the package, loaded once.
    public static let bundled: Lexicon = {
        guard let url = bundledDirectory else {
            fatalError("QuoteCore resource folder 'Data' is missing from the bundle")
        }
        do {
            return try Lexicon(directory: url)
        } catch {
            fatalError("bundled lexicon is invalid: \(error)")
        }
    }()

    /// Loads and validates every list from a directory.
    public init(directory: URL) throws {
        var sources = FieldHasher()
        func read(_ name: String) throws -> [(line: Int, fields: [String])] {
            let url = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path),
                  let text = String(data: data, encoding: .utf8) else {
                throw LexiconError.missingFile(name)
            }
            sources.add(name)
            data.withUnsafeBytes { sources.add(bytes: $0.bindMemory(to: UInt8.self)) }
            var rows: [(line: Int, fields: [String])] = []
            var text8 = text
            // Lines split on the byte: splitting a String on "\n" reads it by Character, which
            // was a third of the tool's start-up time (and never splits at "\r\n", one Character).
            try text8.withUTF8 { bytes in
                var lineStart = 0
                var number = 0
                while lineStart <= bytes.count {
                    var lineEnd = lineStart
                    while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                    number += 1
                    let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<lineEnd])
                    if let fields = try asciiFields(line, file: name, line: number) {
                        if !fields.isEmpty { rows.append((number, fields)) }
                    } else {
                        let utf8 = text.utf8
                        let rawLine = text[utf8.index(utf8.startIndex, offsetBy: lineStart)..<utf8.index(utf8.startIndex, offsetBy: lineEnd)]
                        let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : String(rawLine)
                        if !line.isEmpty, !line.hasPrefix("#") {
                            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                            for field in fields where field.isEmpty || field.trimmingCharacters(in: .whitespaces) != field {
                                throw LexiconError.badField(file: name, line: number, value: line)
                            }
                            rows.append((number, fields))
                        }
                    }
                    lineStart = lineEnd + 1
                }
            }
            return rows
        }

        /// The fields of a line of printable ASCII and tabs, split and checked on its bytes as
        /// `read` does by `Character`s (an empty array for a blank or comment line); nil for any
        /// other line, which `read` handles itself. The only ASCII white space a field may not
        /// start or end with is the space: tabs separate fields.
        func asciiFields(_ line: UnsafeBufferPointer<UInt8>, file: String, line number: Int) throws -> [String]? {
            for byte in line where !((byte >= 0x20 && byte < 0x7F) || byte == 0x09) { return nil }
            if line.isEmpty || line[0] == UInt8(ascii: "#") { return [] }
            var fields: [String] = []
            var start = 0
            for index in 0...line.count where index == line.count || line[index] == 0x09 {
                if index == start || line[start] == 0x20 || line[index - 1] == 0x20 {
                    throw LexiconError.badField(file: file, line: number, value: String(decoding: line, as: UTF8.self))
                }
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: line[start..<index]), as: UTF8.self))
                start = index + 1
            }
            return fields
        }

        func table<Kind: RawRepresentable & CaseIterable>(
            _ name: String, _ kind: Kind.Type, lowercased: Bool
        ) throws -> [String: Kind] where Kind.RawValue == String {
            var result: [String: Kind] = [:]
            for (line, fields) in try read(name) {
                guard fields.count == 2 else {
                    throw LexiconError.malformedLine(file: name, line: line,
                                                     text: fields.joined(separator: "\t"), expectedFields: 2)
                }
                guard let value = Kind(rawValue: fields[1]) else {
                    throw LexiconError.unknownValue(file: name, line: line, value: fields[1],
                                                    allowed: Kind.allCases.map(\.rawValue))
                }
                let key = lowercased && fields[0] != "I" ? fields[0].lowercased() : fields[0]
                if result[key] != nil {
                    throw LexiconError.duplicate(file: name, line: line, value: fields[0])
                }
                result[key] = value
            }
            return result
        }

        func list(_ name: String, lowercased: Bool) throws -> Set<String> {
            var result = Set<String>()
            for (line, fields) in try read(name) {
                guard fields.count == 1 else {
                    throw LexiconError.malformedLine(file: name, line: line,
                                                     text: fields.joined(separator: "\t"), expectedFields: 1)
                }
                let key = lowercased ? fields[0].lowercased() : fields[0]
                if !result.insert(key).inserted {
                    throw LexiconError.duplicate(file: name, line: line, value: fields[0])
                }
            }
            return result
        }

        var verbs: [String: Verb] = [:]
        var lemmas = Set<String>()
        for (line, fields) in try read("speech-verbs.tsv") {
            guard fields.count == 3 else {
                throw LexiconError.malformedLine(file: "speech-verbs.tsv", line: line,
                                                 text: fields.joined(separator: "\t"), expectedFields: 3)
            }
            guard let verbClass = Verb.Class(rawValue: fields[2]) else {
                throw LexiconError.unknownValue(file: "speech-verbs.tsv", line: line, value: fields[2],
                                                allowed: Verb.Class.allCases.map(\.rawValue))
            }
            guard lemmas.insert(fields[0]).inserted else {
                throw LexiconError.duplicate(file: "speech-verbs.tsv", line: line, value: fields[0])
            }
            // Forms split on the byte (by `Character` this was 6M of the tool's 89M start-up).
            for form in SpeakerResolver.separated(fields[1], by: UInt8(ascii: ",")).map({ $0.lowercased() }) {
                guard verbs[form] == nil else {
                    throw LexiconError.duplicate(file: "speech-verbs.tsv", line: line, value: form)
                }
                verbs[form] = Verb(lemma: fields[0], verbClass: verbClass)
            }
        }
        self.verbs = verbs

        let titles = try table("titles.tsv", TitleKind.self, lowercased: false)
        self.titles = titles
        // Words of multi-word entries ("Lt. Gen."), split on bytes as the resolver splits names.
        self.titleWords = Set(titles.keys.flatMap { SpeakerResolver.spaceSeparated($0).map { $0.lowercased() } })
        self.maxTitleWords = titles.keys.map(SpeakerResolver.wordCount).max() ?? 1
        let roleNouns = try table("role-nouns.tsv", RoleKind.self, lowercased: true)
        self.roleNouns = roleNouns
        let pronouns = try table("pronouns.tsv", PronounKind.self, lowercased: true)
        self.pronouns = pronouns
        let abbreviations = try table("abbreviations.tsv", AbbreviationKind.self, lowercased: false)
        self.abbreviations = abbreviations
        let organizations = try table("organizations.tsv", OrganizationKind.self, lowercased: false)
        self.organizations = organizations
        self.maxOrganizationWords = organizations.keys.map(SpeakerResolver.wordCount).max() ?? 1
        let clutter = try list("clutter.txt", lowercased: true)
        self.clutter = clutter
        let particles = try table("name-particles.tsv", ParticlePosition.self, lowercased: false)
        self.particles = particles
        let sentenceStarters = try list("sentence-starters.txt", lowercased: false)
        self.sentenceStarters = sentenceStarters
        let places = try list("places.txt", lowercased: false)
        self.places = places

        var groups: [String: Int] = [:]
        for (line, fields) in try read("role-synonyms.tsv") {
            for word in fields {
                let key = word.lowercased()
                if groups[key] != nil {
                    throw LexiconError.duplicate(file: "role-synonyms.tsv", line: line, value: word)
                }
                groups[key] = line
            }
        }
        self.roleGroups = groups
        let genderedWords = try table("gendered-words.tsv", Gender.self, lowercased: true)
        self.genderedWords = genderedWords
        self.sourceHash = sources.value
        self.roleNounMap = WordMap(roleNouns)
        self.pronounMap = WordMap(pronouns)
        self.abbreviationMap = WordMap(abbreviations)
        self.organizationMap = WordMap(organizations)
        self.roleGroupMap = WordMap(groups)
        self.genderedWordMap = WordMap(genderedWords)
        self.wordTable = WordTable(WordTable.Lists(
            verbs: verbs, titles: titles, roleNouns: roleNouns, pronouns: pronouns, abbreviations: abbreviations,
            organizations: organizations, particles: particles, sentenceStarters: sentenceStarters, places: places,
            genderedWords: genderedWords, clutter: clutter))
    }

    /// The verb for a lowercased word form, if it is a cue verb.
    @inline(__always)
    public func verb(_ lowercasedForm: String) -> Verb? { verbs[lowercasedForm] }
}
