@testable import QuoteCore
import XCTest

/// `SpeakerResolver.surnameChoices` finds shorter names that end a longer one through a table
/// of key suffixes; it must choose what comparing every pair of candidates chose.
final class SurnameChoiceTests: XCTestCase {
    /// The choice as it was made before: every candidate compared with every other.
    static func pairwiseChoices(_ candidates: [SpeakerResolver.SurnameCandidate]) -> [Int] {
        let pool = candidates.filter { $0.words >= 2 }
        let reduced = pool.filter { candidate in
            !pool.contains { other in other.entity != candidate.entity && candidate.words > other.words
                && candidate.key.hasSuffix(other.key) }
        }
        let choices = reduced.isEmpty ? candidates : reduced
        let best = choices.map { ($0.occurrences, $0.words) }.max { $0 < $1 }!
        return choices.filter { ($0.occurrences, $0.words) == best }.map(\.entity)
    }

    /// The resolver answers a surname that names one person with that person without asking
    /// `surnameChoices` (`pickSurname`): right only while the choice among one candidate is it.
    func testOneCandidateIsTheChoice() {
        for words in [1, 2, 5] {
            for occurrences in [0, 1, 9] {
                for key in ["", "crocker", "ryancrocker"] {
                    let candidate = (entity: 41, key: key, words: words, occurrences: occurrences)
                    XCTAssertEqual(SpeakerResolver.surnameChoices([candidate]), [41], "\(candidate)")
                }
            }
        }
    }

    /// A surname two people share, each named in full once, stands for the one named last
    /// before it; a surname of one person for that person, even named after it.
    func testSharedSurnameIsTheLatestPersonNamed() {
        let text = """
            Maria Lopez, the harbour master, opened the hearing. Daniel Lopez, a pilot, sat behind her.

            "The channel is too shallow," Lopez said.

            "Nobody told us," Hemming said. Ruth Hemming runs the ferry.
            """
        let speakers = Extractor().extract(text: text, document: "lopez").quotes.map { $0.speaker?.name }
        XCTAssertEqual(speakers, ["Daniel Lopez", "Ruth Hemming"])
    }

    func testSuffixTableChoosesAsEveryPairDid() {
        var state: UInt64 = 20261201
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        // Keys from few letters, so that one key often ends another; an empty key ends every key.
        let letters = Array("abn")
        var reductions = 0
        for _ in 0..<3_000 {
            let candidates = (0..<(1 + next(30))).map { entity in
                (entity: entity * 7, key: String((0..<next(6)).map { _ in letters[next(letters.count)] }) + "smith",
                 words: 1 + next(5), occurrences: 1 + next(3))
            }.map { candidate -> SpeakerResolver.SurnameCandidate in
                next(40) == 0 ? (candidate.entity, "", candidate.words, candidate.occurrences) : candidate
            }
            let expected = SurnameChoiceTests.pairwiseChoices(candidates)
            // The table, whatever the number of candidates, and the default (pairs for a few).
            XCTAssertEqual(SpeakerResolver.surnameChoices(candidates, pairwiseUpTo: 0), expected, "\(candidates)")
            XCTAssertEqual(SpeakerResolver.surnameChoices(candidates), expected, "\(candidates)")
            if expected.count < candidates.filter({ $0.words >= 2 }).count { reductions += 1 }
        }
        XCTAssertGreaterThan(reductions, 1_000)  // the shorter-name rule is exercised
    }

    /// A name that ends a longer one stands for it; otherwise the name written most often.
    func testExamples() {
        let crocker: [SpeakerResolver.SurnameCandidate] = [
            (entity: 0, key: "ambassadorryancrocker", words: 3, occurrences: 1),
            (entity: 1, key: "ryancrocker", words: 2, occurrences: 1),
        ]
        XCTAssertEqual(SpeakerResolver.surnameChoices(crocker), [1])
        let smiths: [SpeakerResolver.SurnameCandidate] = [
            (entity: 0, key: "annsmith", words: 2, occurrences: 1),
            (entity: 1, key: "bobsmith", words: 2, occurrences: 3),
            (entity: 2, key: "carlsmith", words: 2, occurrences: 3),
        ]
        XCTAssertEqual(SpeakerResolver.surnameChoices(smiths), [1, 2])
    }

    /// Thousands of people share a surname: the surname stands for the one named last.
    func testThousandsSharingASurname() {
        let syllables = ["ka", "lo", "mi", "ra", "te", "no", "vi", "sa"]
        let people = (0..<2_000).map { number -> String in
            var name = "", rest = number
            repeat {
                name += syllables[rest % 8]
                rest /= 8
            } while rest > 0
            return name.prefix(1).uppercased() + name.dropFirst() + " Smith"
        }
        let text = people.map { "\($0) said the plan was sound." }.joined(separator: "\n\n")
            + "\n\n\"We will see,\" Smith said.\n"
        let result = Extractor().extract(text: text, document: "smiths")
        let quoted = result.quotes.filter { $0.quote.text == "We will see," }
        XCTAssertEqual(quoted.map { $0.speaker?.name }, [people.last!])
        XCTAssertEqual(quoted.first?.speaker?.resolution, "surname")
    }
}
