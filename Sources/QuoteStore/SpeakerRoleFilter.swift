import QuoteCore
import QuoteSchema

/// Which of a record's roles the speaker directory keeps as the speaker's roles.
///
/// The extractor's `role` is the text before a name or an appositive after it, so besides
/// "Sen.", "former ambassador" or "Republican presidential nominee" it holds words the phrase
/// reader took in ("a defiant", "attack", "the", "who has told aides ..."). The record keeps
/// what the extractor gave; `quotes speakers` lists only roles with a title or a person's role
/// noun of the lexicon among their words ("GOP front-runner", "billionaire businessman", "Mr.").
enum SpeakerRoleFilter {
    /// True when `role` names a function or a title.
    static func isRole(_ role: String) -> Bool {
        // Each table is read from the bundled lexicon in place: a copy of the `Lexicon` retained
        // and released every one of its tables (~1,900 instructions a call). The role is read on
        // its contiguous bytes (the UTF-8 view's generic split took ~2,500 instructions a role,
        // its generic comparisons with the relative words ~900).
        let filter = roleWordFilter  // once: each read of a static goes through `swift_once`
        let words: [(text: String, isASCII: Bool)]? = role.withUTF8Bytes { bytes in
            // Relative clauses describe, they do not name a function: the first word between
            // spaces, in any case.
            var start = 0
            while start < bytes.count && bytes[start] == 0x20 { start += 1 }
            if start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x20 { end += 1 }
                let first = UnsafeBufferPointer(rebasing: bytes[start..<end])
                let isRelative = first.allSatisfy { $0 < 0x80 }
                    ? relativeWordBytes.contains { first.elementsEqual($0) { $0 | 0x20 == $1 } }
                    : relativeWords.contains(String(decoding: first, as: UTF8.self).lowercased())
                if isRelative { return nil }
            }
            // The words between spaces, commas and parentheses.
            return UTF8Words.ranges(in: bytes) { $0 == 0x20 || $0 == 0x2C || $0 == 0x28 || $0 == 0x29 }.compactMap { range in
                let word = UnsafeBufferPointer(rebasing: bytes[range])
                let isASCII = word.allSatisfy { $0 < 0x80 }
                // An ASCII word the filter rules out is, in any case, no title, no role noun and
                // no word of a title: the tests below cannot hold for it (~1,000 instructions
                // a word spared, most of a role's words).
                if isASCII && !filter.mayContain(ascii: bytes, range) { return nil }
                return (text: String(decoding: word, as: UTF8.self), isASCII: isASCII)
            }
        }
        guard let words else { return false }
        return words.contains { text, isASCII in
            if Lexicon.bundled.titles[text] != nil { return true }
            let lower = text.lowercased()
            if Lexicon.bundled.roleNouns[lower] == .person { return true }
            // `capitalized` (Foundation) is slow; for ASCII text it can only give a one-word
            // title if the lowercased word is a title's lowercased word.
            if isASCII && !Lexicon.bundled.titleWords.contains(lower) { return false }
            return Lexicon.bundled.titles[text.capitalized] != nil
        }
    }

    /// Which ASCII words may be, in some case, a title, a person's role noun or a word of a
    /// title: the only words for which `isRole` looks further.
    private static let roleWordFilter = ASCIIKeyFilter(
        Array(Lexicon.bundled.titles.keys) + Lexicon.bundled.roleNouns.filter { $0.value == .person }.map(\.key)
            + Array(Lexicon.bundled.titleWords))

    /// A role that starts with one of these words (in any case) is a relative clause.
    private static let relativeWords = ["who", "whose", "which", "that"]
    private static let relativeWordBytes = relativeWords.map { Array($0.utf8) }
}
