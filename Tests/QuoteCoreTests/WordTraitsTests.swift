@testable import QuoteCore
import XCTest

/// The tokenizer's word traits agree with the word lists they fold together.
final class WordTraitsTests: XCTestCase {
    private func traits(_ text: String) -> [String: WordTraits] {
        let buffer = TextBuffer(text)
        let layout = Layout(text: buffer, lexicon: .bundled)
        let tokens = Tokenizer(lexicon: .bundled).tokens(layout.shadow, 0..<layout.shadow.count, atoms: [])
        return Dictionary(tokens.map { (buffer.text($0.range), $0.traits) }, uniquingKeysWith: { first, _ in first })
    }

    func testTraitsFollowTheListsAndTheOriginalCase() {
        let found = traits("But Sen. Ali al-Dabagh, PRESIDENT of the orchard, and the spokesman van Dyke said it.")
        XCTAssertTrue(found["But"]!.contains(.sentenceStarter))
        XCTAssertTrue(found["Sen."]!.contains(.title))
        XCTAssertTrue(found["PRESIDENT"]!.contains(.title), "capitalised form of a title longer than 3 letters")
        XCTAssertTrue(found["al-Dabagh"]!.contains(.nameWord), "lowercase-led name with a particle before the hyphen")
        XCTAssertFalse(found["al-Dabagh"]!.contains(.particle))
        XCTAssertTrue(found["van"]!.isSuperset(of: [.particle, .nameWord]))
        XCTAssertTrue(found["spokesman"]!.contains(.roleNoun))
        XCTAssertTrue(found["the"]!.contains(.determiner))
        XCTAssertTrue(found["and"]!.contains(.stopWord))
        XCTAssertTrue(found["it"]!.contains(.subjectPronoun))
        XCTAssertEqual(found["orchard"], [], "lowercase common noun: no traits")
        XCTAssertFalse(found["president"]?.contains(.title) ?? false)
    }

    /// A capital anywhere in a word, not only its first letter, makes it a written form of its
    /// own: "van" is a particle as written, "vAn" and "vaN" (capitals the tokenizer meets in its
    /// run of ASCII letters, after the first) are not.
    func testACapitalInsideAWordIsNotItsLowercaseForm() {
        let found = traits("the van Dyke, vAn Dyke and vaN Dyke")
        XCTAssertTrue(found["van"]!.contains(.particle))
        XCTAssertFalse(found["vAn"]!.contains(.particle))
        XCTAssertFalse(found["vaN"]!.contains(.particle))
    }

    func testLowercaseTitleIsNoTitleAndVerbsAreAttached() {
        let buffer = TextBuffer("the president said")
        let layout = Layout(text: buffer, lexicon: .bundled)
        let tokens = Tokenizer(lexicon: .bundled).tokens(layout.shadow, 0..<layout.shadow.count, atoms: [])
        XCTAssertFalse(tokens[1].has(.title))
        let analyzer = PhraseAnalyzer(lexicon: .bundled, shadow: layout.shadow)
        XCTAssertEqual(analyzer.verb(tokens[2])?.lemma, "say")
        XCTAssertNil(analyzer.verb(tokens[1]))
        XCTAssertFalse(tokens[1].isCueVerbForm)
    }

    /// The rules find the possessive "'s" by a mark bit instead of its text: the bit is set on
    /// exactly the tokens whose text is "'s" (straight or curly apostrophe, never the start of a
    /// word like "'saddle'"), and "asked", which
    /// `AskedQuestionRule` now looks for among cue verb forms only, is one.
    func testPossessivesAndAskedAreMarkedAsTheRulesExpect() {
        let text = "Obama's aide, the minister\u{2019}s office, it's s and O'Malley's 's 'saddle' ASKED asked Asked."
        let buffer = TextBuffer(text)
        let layout = Layout(text: buffer, lexicon: .bundled)
        let tokens = Tokenizer(lexicon: .bundled).tokens(layout.shadow, 0..<layout.shadow.count, atoms: [])
        XCTAssertEqual(tokens.filter(\.isPossessive).map { buffer.text($0.range) }, ["'s", "\u{2019}s", "'s", "'s", "'s"])
        // An apostrophe before a word that starts with "s" is a mark, not a possessive.
        XCTAssertTrue(tokens.map { buffer.text($0.range) }.contains("saddle"))
        for token in tokens {
            XCTAssertEqual(token.isPossessive, token.kind == .word && token.lower == "'s", buffer.text(token.range))
            if token.lower == "asked" { XCTAssertTrue(token.isCueVerbForm, buffer.text(token.range)) }
        }
        XCTAssertEqual(tokens.filter { $0.lower == "asked" }.count, 3)
        // A possessive carries what the word lists say of "'s" (described once, with the table).
        let described = Lexicon.bundled.wordTable.describe(lower: "'s", isCapitalized: false, hasUpper: false,
                                                           hasHyphen: false, original: { "'s" })
        for token in tokens where token.isPossessive {
            XCTAssertEqual(token.traits, described.traits)
            XCTAssertEqual(token.verbID, described.verbID)
        }
    }
}

/// The word table's ASCII index answers as its dictionary does.
final class WordTableIndexTests: XCTestCase {
    /// The tokenizer's hash of an ASCII word.
    private func hash(_ units: [UInt16]) -> UInt64 {
        var hash = WordTable.hashSeed
        for unit in units {
            var byte = UInt8(truncatingIfNeeded: unit)
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            hash = WordTable.hash(lowercasedByte: byte, into: hash)
        }
        return hash
    }

    private func lookUp(_ table: WordTable, _ word: String) -> WordTable.Entry? {
        let units = Array(word.utf16)
        return units.withUnsafeBufferPointer {
            table.entry(asciiWord: $0, 0..<units.count, hash: hash(units), lower: word.lowercased())
        }
    }

    func testEveryASCIIKeyIsFoundWithItsEntry() {
        let table = Lexicon.bundled.wordTable
        var checked = 0
        for (key, entry) in table.entries where key.utf8.allSatisfy({ $0 < 0x80 }) {
            for form in [key, key.uppercased()] {
                let found = lookUp(table, form)
                XCTAssertEqual(found?.traits, entry.traits, form)
                XCTAssertEqual(found?.verbID, entry.verbID, form)
                XCTAssertEqual(found?.caseSensitive, entry.caseSensitive, form)
                XCTAssertEqual(found?.writtenLower, entry.writtenLower, form)
                XCTAssertEqual(found?.titleWhenCapitalized, entry.titleWhenCapitalized, form)
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 100)
        XCTAssertTrue(table.isASCIIIndexUsable)
        for word in ["said", "The", "SPOKESMAN"] {
            let units = Array(word.utf16)
            let found = units.withUnsafeBufferPointer { table.asciiEntry($0, 0..<units.count, hash: hash(units)) }
            XCTAssertEqual(found.map { TokenText.string($0.text) }, word.lowercased())
        }
    }

    func testUnknownWordsAndPrefixesAreNotFound() {
        let table = Lexicon.bundled.wordTable
        for word in ["orchard", "sai", "saidx", "x", "zzzzzzzzzzzzzzzzzzzzzzzzzzzz", "the-"] {
            XCTAssertNil(lookUp(table, word), word)
        }
    }

    /// Random words, mostly near the table's keys (a key with a letter changed, added or
    /// removed), long and short: the index answers as the dictionary does, found or not.
    func testRandomWordsAreAnsweredAsByTheDictionary() {
        let table = Lexicon.bundled.wordTable
        let keys = table.entries.keys.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.sorted()
        let letters = Array("abcdefghijklmnopqrstuvwxyz.-'0")
        var generator = SystemRandomNumberGenerator()
        var found = 0
        for _ in 0..<50_000 {
            var word = Array(keys.randomElement(using: &generator)!)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: break
            case 1: word[Int.random(in: 0..<word.count, using: &generator)] = letters.randomElement(using: &generator)!
            case 2: word.insert(letters.randomElement(using: &generator)!, at: Int.random(in: 0...word.count, using: &generator))
            default: if word.count > 1 { word.remove(at: Int.random(in: 0..<word.count, using: &generator)) }
            }
            let text = String(word)
            let expected = table.entries[text.lowercased()]
            let answer = lookUp(table, text)
            XCTAssertEqual(answer == nil, expected == nil, text)
            XCTAssertEqual(answer?.traits, expected?.traits, text)
            XCTAssertEqual(answer?.verbID, expected?.verbID, text)
            if answer != nil { found += 1 }
        }
        XCTAssertGreaterThan(found, 10_000)  // the unchanged keys at least
    }
}

/// Tokens are most of a large document's memory; their size is part of the design.
final class TokenLayoutTests: XCTestCase {
    func testTokenStaysSmall() {
        XCTAssertLessThanOrEqual(MemoryLayout<Token>.stride, 32, "Token grew to \(MemoryLayout<Token>.stride) bytes")
    }

    /// The packed fields give back what was stored, for each kind of token.
    func testTokenFieldsRoundTrip() {
        var word = Token(range: 3..<9, kind: .word, lower: "said", isCapitalized: true, quote: -1, part: -1)
        XCTAssertEqual(word.kind, .word)
        XCTAssertEqual(word.verbID, -1)
        XCTAssertEqual(word.traits, [])
        XCTAssertEqual(word.quote, -1)
        XCTAssertEqual(word.part, -1)
        XCTAssertTrue(word.isCapitalized)
        XCTAssertFalse(word.isAllCaps)
        word.traits = [.cueWord, .quotedForm, .roleNoun]
        word.verbID = 1_234
        word.isAllCaps = true
        word.isCapitalized = false
        XCTAssertEqual(word.traits, [.cueWord, .quotedForm, .roleNoun])
        XCTAssertEqual(word.verbID, 1_234)
        XCTAssertTrue(word.isAllCaps)
        XCTAssertFalse(word.isCapitalized)
        word.verbID = -1
        XCTAssertEqual(word.traits, [.cueWord, .quotedForm, .roleNoun])
        XCTAssertFalse(word.isCueVerbForm)
        XCTAssertEqual(word.range, 3..<9)
        let dash = Token(range: 0..<1, kind: .punctuation, lower: "—", isCapitalized: false, quote: -1, part: -1)
        XCTAssertTrue(dash.isPunct("—"))
        XCTAssertFalse(dash.isPunct(","))
        let comma = Token(range: 0..<1, kind: .punctuation, lower: ",", isCapitalized: false, quote: -1, part: -1)
        XCTAssertTrue(comma.isPunct(","))
        XCTAssertEqual(comma.kind, .punctuation)
        var quote = Token(range: 10..<20, kind: .quote, lower: "", isCapitalized: false, quote: Int(Int32.max), part: (1 << 30) - 1)
        XCTAssertEqual(quote.kind, .quote)
        XCTAssertEqual(quote.quote, Int(Int32.max))
        XCTAssertEqual(quote.part, (1 << 30) - 1)
        XCTAssertEqual(quote.traits, [])
        XCTAssertEqual(quote.verbID, -1)
        XCTAssertFalse(quote.isCapitalized || quote.isAllCaps || quote.isPunct(","))
        quote.traits = [.nameWord]  // a quotation carries no traits: its index stays
        quote.isCapitalized = true
        XCTAssertEqual(quote.quote, Int(Int32.max))
        XCTAssertEqual(quote.part, (1 << 30) - 1)
        XCTAssertEqual(quote.traits, [])
    }

    /// A quotation-dense document holds an attribution (with two speaker phrases) for every few
    /// dozen bytes until its records are made: 256 bytes each with `Int` offsets.
    func testAttributionStaysSmall() {
        XCTAssertLessThanOrEqual(MemoryLayout<SpeakerPhrase?>.stride, 40)
        XCTAssertLessThanOrEqual(MemoryLayout<Attribution>.stride, 160, "Attribution grew to \(MemoryLayout<Attribution>.stride) bytes")
    }

    /// The 32-bit fields give back what was stored, nil included.
    func testAttributionOffsetsRoundTrip() {
        let phrase = SpeakerPhrase(form: .name, mention: 5..<17, role: nil, head: nil)
        var attribution = Attribution(rule: "r", type: .mixed, quote: nil, content: 0..<Int(Int32.max - 1), speaker: phrase,
                                      via: nil, cue: nil, cueLemma: nil, confidence: 0.5, claimed: [], unit: 0)
        XCTAssertNil(attribution.quote)
        XCTAssertNil(attribution.cue)
        XCTAssertEqual(attribution.content, 0..<Int(Int32.max - 1))
        XCTAssertEqual(attribution.speaker?.mention, 5..<17)
        XCTAssertNil(attribution.speaker?.role)
        attribution.quote = 0
        attribution.cue = 3..<3
        attribution.content = nil
        attribution.unit = 1_000_000
        attribution.speaker?.role = 0..<4
        XCTAssertEqual(attribution.quote, 0)
        XCTAssertEqual(attribution.cue, 3..<3)
        XCTAssertNil(attribution.content)
        XCTAssertEqual(attribution.unit, 1_000_000)
        XCTAssertEqual(attribution.speaker?.role, 0..<4)
        XCTAssertEqual(attribution.speaker?.start, 0)
        XCTAssertNotEqual(SpeakerPhrase(form: .name, mention: 0..<4, role: nil, head: nil),
                          SpeakerPhrase(form: .name, mention: 0..<4, role: 0..<0, head: nil))
    }
}
