import QuoteCore
import QuoteSchema
@testable import QuoteStore
import XCTest

/// `SpeakerNameFilter.isTrackable` reads names on their bytes; it must answer as the filter did
/// on words, substrings and characters, kept here as the reference.
final class SpeakerNameFilterEquivalenceTests: XCTestCase {
    /// `isTrackable` as it was before it read the name's bytes in one pass (thirty-second
    /// session), word for word.
    static func referenceIsTrackable(_ speaker: Speaker) -> Bool {
        let name = speaker.name
        if speaker.resolution == "unresolved", Lexicon.bundled.pronouns[name] != nil || Lexicon.bundled.pronouns[name.lowercased()] != nil {
            return false
        }
        let (words, negated, comma) = name.withUTF8Bytes { bytes -> ([Range<Int>], Bool, Int?) in
            let words = UTF8Words.ranges(in: bytes) { $0 == 0x20 }
            return (words, words.contains { SpeakerNameFilter.endsInNegation(UnsafeBufferPointer(rebasing: bytes[$0])) },
                    bytes.firstIndex(of: 0x2C))
        }
        if negated { return false }
        guard speaker.kind == .person else { return true }
        if words.count > 8 { return false }
        if words.count >= 3 {
            let utf8 = name.utf8
            let parts = words.map { range in
                Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)])
            }
            if SpeakerNameFilter.isHeadlineFragment(parts) { return false }
        }
        if words.count >= 2 {
            let utf8 = name.utf8
            let first = String(Substring(utf8[utf8.startIndex..<utf8.index(utf8.startIndex, offsetBy: words[0].upperBound)]))
            if Lexicon.bundled.sentenceStarters.contains(first), Lexicon.bundled.titles[first] == nil { return false }
        }
        if let comma {
            let rest = name[name.index(after: name.utf8.index(name.utf8.startIndex, offsetBy: comma))...]
                .split(whereSeparator: { $0 == " " || $0 == "," })
            if !rest.allSatisfy({ SpeakerNameFilter.suffixes.contains(String($0)) }) { return false }
        }
        return true
    }

    func testBytesAnswerAsWordsAndCharactersDid() {
        let lexicon = Lexicon.bundled
        let starters = Array(lexicon.sentenceStarters)
        let pronouns = Array(lexicon.pronouns.keys).flatMap { [$0, $0.capitalized, $0.uppercased()] }
        let parts = ["Donald", "Trump", "Jr.", "III", "On", "Of", "the", "The", "For", "And", "A", "F.", "al-Assad", "de",
                     "Ángela", "Zoë", "Éric", "O\u{301}scar", "e\u{301}milie", "İpek", "\u{0600}X", "didn't", "won\u{2019}t",
                     "Don'ts", "x", "Vs", "Ph.D.", "M.D.", "(R)", "1st", "Kelvin\u{212A}", "\u{212A}", "Ω", "ı", "", "ÅSA"]
        let separators = [" ", " ", " ", ", ", "  ", ",", " , "]
        var state: UInt64 = 20261203
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var names = parts + pronouns + starters.map { $0 + " Trump" }
        names += ["Attacks On Donald Trump", "Growls In Response To Kaine", "Despite Trump", "Hillary Clinton, triumphant",
                  "Joseph Biden, Jr.", " Leading Space", "Trailing Space ", "Sen. Roe", "What I don\u{2019}t",
                  "The Spokesman For The Ministry Of Finance", "the spokesman for the ministry of finance"]
        for _ in 0..<8_000 {
            var name = ""
            for index in 0...next(5) {
                if index > 0 { name += separators[next(separators.count)] }
                let pool = next(6)
                name += pool == 0 ? starters[next(starters.count)] : pool == 1 ? pronouns[next(pronouns.count)] : parts[next(parts.count)]
            }
            names.append(name)
        }
        var trackable = 0
        var checked = 0
        for name in names {
            for kind in [SpeakerKind.person, .organization] {
                for resolution in ["unresolved", "name"] {
                    let speaker = Speaker(name: name, kind: kind, resolution: resolution)
                    let expected = Self.referenceIsTrackable(speaker)
                    XCTAssertEqual(SpeakerNameFilter.isTrackable(speaker), expected, "\(name) (\(kind), \(resolution))")
                    if expected { trackable += 1 }
                    checked += 1
                }
            }
        }
        XCTAssertGreaterThan(trackable, checked / 5)  // both answers are exercised
        XCTAssertLessThan(trackable, checked * 4 / 5)
    }
}
