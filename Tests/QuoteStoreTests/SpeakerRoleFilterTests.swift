import Foundation
import QuoteCore
import QuoteSchema
@testable import QuoteStore
import XCTest

/// A speaker's roles in the directory are functions and titles, not the stray words the phrase
/// reader gives as a record's role; the records themselves keep their roles.
final class SpeakerRoleFilterTests: TemporaryDirectoryTestCase {

    func testOnlyTitlesAndRoleNounsBecomeSpeakerRoles() throws {
        let roles = ["Sen.", "Republican presidential nominee", "billionaire businessman", "a defiant", "attack", "the",
                     "who has told aides he sees the issues as interconnected", "the State Department"]
        let text = roles.indices.map { "\"Point \($0) stands,\" Donald Trump said." }.joined(separator: "\n\n")
        var result = Extractor().extract(text: text, document: "d")
        XCTAssertEqual(result.quotes.count, roles.count, "the extractor did not find one quotation per paragraph")
        for (index, role) in roles.enumerated() where index < result.quotes.count {
            result.quotes[index].speaker?.role = role
        }
        let store = try QuoteStore(path: directory.appendingPathComponent("roles.sqlite").path)
        try store.index([(document: SourceDocument(id: "d", text: text), result: result)])

        let trump = try XCTUnwrap(try store.speakers().first { $0.name == "Donald Trump" })
        XCTAssertEqual(Set(trump.roles), ["Sen.", "Republican presidential nominee", "billionaire businessman"])
        // The records keep the role the extractor gave.
        let stored = try store.query(QuoteQuery(speaker: "Donald Trump")).quotes.compactMap { $0.record.speaker?.role }
        XCTAssertEqual(Set(stored), Set(roles))
    }

    /// The filter reads bytes; case, leading spaces, punctuation around words and non-ASCII
    /// text must give what the word lists say.
    func testRoleWordsInAnyCaseAndRelativeClausesInAnyCase() {
        for role in ["Sen.", "SEN.", "sen.", "(Sen.)", "former ambassador,", "Ambassador", "AMBASSADOR",
                     "the senator's aide", "President-elect", "president-elect"] {
            XCTAssertTrue(SpeakerRoleFilter.isRole(role), role)
        }
        for role in ["who is a senator", "WHO is a senator", "  Who is a senator", "That senator", "which ambassador",
                     "WHOSE aide", "a defiant", "", "   ", "Sen", "ambassadorial", "sénateur"] {
            XCTAssertFalse(SpeakerRoleFilter.isRole(role), role)
        }
        // Relative words only open a clause as a whole word.
        XCTAssertTrue(SpeakerRoleFilter.isRole("Thatcher's aide"))
        XCTAssertTrue(SpeakerRoleFilter.isRole("Whoever senator"))
    }

    /// `isRole` as it was before its word filter: every word looked up in the lists.
    static func unfilteredIsRole(_ role: String) -> Bool {
        let first = role.split(separator: " ").first.map { $0.lowercased() }
        if let first, ["who", "whose", "which", "that"].contains(first) { return false }
        let words = role.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "(" || $0 == ")" }).map(String.init)
        return words.contains { text in
            if Lexicon.bundled.titles[text] != nil { return true }
            let lower = text.lowercased()
            if Lexicon.bundled.roleNouns[lower] == .person { return true }
            if text.utf8.allSatisfy({ $0 < 0x80 }) && !Lexicon.bundled.titleWords.contains(lower) { return false }
            return Lexicon.bundled.titles[text.capitalized] != nil
        }
    }

    /// The filter that spares most words their look-ups must not change an answer: roles made
    /// of the lists' own words in three cases, beside words of no list, against every look-up.
    func testWordFilterAnswersAsEveryLookUpDid() {
        let lexicon = Lexicon.bundled
        var words = Array(lexicon.titles.keys) + Array(lexicon.roleNouns.keys) + Array(lexicon.titleWords)
        words = words.flatMap { [$0, $0.uppercased(), $0.capitalized, $0.lowercased()] }
        let plain = ["a", "the", "defiant", "attack", "of", "former", "GOP", "ex-", "Sen", "sénateur", "Señora", "N.Y.",
                     "who", "That", "longtime", "campaign", "(R)", "Iraq's", "big", "Times", "new", "party", "it"]
        var state: UInt64 = 20261202
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var roles = words + plain
        for _ in 0..<6_000 {
            let role = (0...next(3)).map { _ in next(5) == 0 ? words[next(words.count)] : plain[next(plain.count)] }
            roles.append(role.joined(separator: next(4) == 0 ? ", " : " "))
        }
        var yes = 0
        for role in roles {
            let expected = SpeakerRoleFilterTests.unfilteredIsRole(role)
            XCTAssertEqual(SpeakerRoleFilter.isRole(role), expected, role)
            if expected { yes += 1 }
        }
        XCTAssertGreaterThan(yes, roles.count / 4)  // both answers are exercised
        XCTAssertLessThan(yes, roles.count * 3 / 4)
    }

    func testNegatedClausesAreNotNamesWithEitherApostrophe() {
        func endsInNegation(_ word: String) -> Bool {
            var word = word
            return word.withUTF8 { SpeakerNameFilter.endsInNegation($0) }
        }
        XCTAssertTrue(endsInNegation("didn't"))
        XCTAssertTrue(endsInNegation("don\u{2019}t"))
        XCTAssertTrue(endsInNegation("n't"))
        XCTAssertFalse(endsInNegation("'t"))
        XCTAssertFalse(endsInNegation("Trent"))
        XCTAssertFalse(endsInNegation("don\u{2018}t"))
        XCTAssertFalse(endsInNegation("\u{2019}t"))
        // In a name: any word of it, and only at a word's end.
        let speaker = { (name: String) in Speaker(name: name, kind: .organization, resolution: "name") }
        XCTAssertFalse(SpeakerNameFilter.isTrackable(speaker("The NEA didn't")))
        XCTAssertFalse(SpeakerNameFilter.isTrackable(speaker("Who won\u{2019}t  say")))
        XCTAssertTrue(SpeakerNameFilter.isTrackable(speaker("Don'ts Club")))
    }
}
