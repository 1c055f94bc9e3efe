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
        // The role is read on its contiguous bytes in one pass, each word looked up in the
        // lexicon's packed tables as it is met (`Lexicon.isBundledRoleWord`): the words gathered
        // into an array of strings first and each looked up in dictionaries by SipHash took
        // ~5,000 instructions a role.
        let filter = roleWordFilter  // once: each read of a static goes through `swift_once`
        return role.withUTF8Bytes { bytes in
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
                if isRelative { return false }
            }
            // The words between spaces, commas and parentheses, in order, until one names a function.
            var found = false
            UTF8Words.forEach(in: bytes, separatedBy: { $0 == 0x20 || $0 == 0x2C || $0 == 0x28 || $0 == 0x29 }) { range in
                let word = UnsafeBufferPointer(rebasing: bytes[range])
                let isASCII = word.allSatisfy { $0 < 0x80 }
                // An ASCII word the filter rules out is, in any case, no title, no role noun and
                // no word of a title: the look-ups cannot find it (most of a role's words).
                if isASCII && !filter.mayContain(ascii: bytes, range) { return true }
                found = Lexicon.isBundledRoleWord(String(decoding: word, as: UTF8.self), isASCII: isASCII)
                return !found
            }
            return found
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
