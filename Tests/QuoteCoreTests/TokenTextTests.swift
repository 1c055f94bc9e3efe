@testable import QuoteCore
import Foundation
import XCTest

/// Tokens hold their texts as bits (`TokenText`); the texts that need an owner are kept by the
/// buffer, then by the extraction or for the life of the process.
final class TokenTextTests: XCTestCase {
    /// Words of more than 15 bytes lowercased (strings on the heap), ASCII and not, one of them
    /// twice, between words that fit in a small string.
    private let text = "The Counterintelligence officials said internationalisation of ÜBERLANDSTRASSEN "
        + "and counterintelligence work was réorganisationnelle."
    private let longWords = ["counterintelligence", "internationalisation", "überlandstrassen",
                             "counterintelligence", "réorganisationnelle"]

    func testTheImmortalBitIsReadRightHere() {
        // If a later Swift lays out strings otherwise, every text is kept (slower, still right):
        // this test says when that happens.
        XCTAssertTrue(TokenText.ownerlessBitHolds)
        XCTAssertFalse(TokenText.needsOwner(TokenText.bits("said"), ownerless: true))
        XCTAssertFalse(TokenText.needsOwner(TokenText.bits("a literal of more than fifteen bytes"), ownerless: true))
        let built = String(repeating: "ab", count: 20)
        XCTAssertTrue(TokenText.needsOwner(TokenText.bits(built), ownerless: true))
        XCTAssertTrue(TokenText.needsOwner(TokenText.bits("said"), ownerless: false))
    }

    /// A mark's text is made from its byte (not read from a table of strings): each ASCII mark
    /// the tokenizer makes a token of has that one character as its text, equal to and hashing
    /// as the standard library's string.
    func testEveryASCIIMarkHasItsOneCharacterText() {
        // Every printable ASCII byte but letters, digits, the apostrophe and the hyphen.
        var marks: [UInt8] = []
        for byte in UInt8(0x21)..<UInt8(0x7F) {
            let scalar = UnicodeScalar(byte)
            if CharacterSet.alphanumerics.contains(scalar) || byte == 0x27 || byte == 0x2D { continue }
            marks.append(byte)
        }
        XCTAssertEqual(marks.count, 30)
        for mark in marks {
            let character = String(UnicodeScalar(mark))
            let tokens = Tokenizer(lexicon: .bundled).tokens(Array("a \(character) b".utf16), 0..<5, atoms: [])
            let kinds: [Token.Kind] = tokens.map(\.kind)
            XCTAssertEqual(kinds, [.word, .punctuation, .word], "mark \(character)")
            guard tokens.count == 3 else { continue }
            XCTAssertEqual(tokens[1].lower, character)
            XCTAssertEqual(tokens[1].lower.hashValue, character.hashValue, "mark \(character)")
            XCTAssertTrue(tokens[1].isPunct(UnicodeScalar(mark)), "mark \(character)")
        }
    }

    /// `hasText` compares small ASCII texts by their bits and falls back to `==` otherwise: it
    /// must answer as `lower == text` for every kind of token text and of literal.
    func testHasTextAnswersAsEquality() {
        let text = "Counterintelligence, said the Café owner, \"is réorganisationnelle\" — and 'who' said so. "
            + "counterintelligence école"
        let units = Array(text.utf16)
        let atoms = [(range: 42..<66, quote: 0, part: 0)]  // the quotation with its marks
        let tokens = Tokenizer(lexicon: .bundled).tokens(units, 0..<units.count, atoms: atoms)
        XCTAssertEqual(tokens.filter(\.isQuote).count, 1)
        let literals = ["counterintelligence", "said", "the", "café", "cafe\u{301}", "owner", ",", "—", "and", "who",
                        "so", ".", "", "école", "e\u{301}cole", "réorganisationnelle", "whom", "sai", "saidx", "'"]
        for token in tokens {
            for literal in literals {
                XCTAssertEqual(token.hasText(literal), token.lower == literal, "\(token.lower) against \(literal)")
            }
        }
        // The paths besides two small ASCII strings: a long word on the heap against a literal,
        // and canonically equal texts in different code points.
        XCTAssertEqual(tokens.filter { $0.hasText("counterintelligence") }.count, 2)
        XCTAssertEqual(tokens.filter { $0.hasText("e\u{301}cole") }.count, 1)
        XCTAssertEqual(tokens.filter { $0.hasText("café") }.count, 1)
        XCTAssertEqual(tokens.filter { $0.hasText("said") }.count, 2)
    }

    func testTokensArePlainData() {
        // The point of `TokenText`: arrays of tokens are copied and freed without a retain,
        // release or destroy per token. A field with a reference in it would undo that.
        XCTAssertTrue(_isPOD(Token.self))
        XCTAssertTrue(_isPOD(TokenText.Bits.self))
    }

    func testTheBufferKeepsTheTextsThatNeedAnOwner() {
        let layout = Layout(text: TextBuffer(text), lexicon: .bundled)
        let range = 0..<layout.shadow.count
        var buffer = TokenBuffer(capacity: 4)
        var cursor = Tokenizer.Cursor(range)
        Tokenizer(lexicon: .bundled).append(layout.shadow, range, atoms: [][...], to: &buffer, from: &cursor, upTo: .max)
        let texts = buffer.takeTexts()
        XCTAssertEqual(texts, longWords)
        XCTAssertEqual(buffer.takeTexts(), [], "handed on once")
        let tokens = buffer.removeFirst(buffer.count)
        let kept = Set(texts.map { TokenText.bits($0).high })
        for token in tokens where token.lower.utf8.count > 15 {
            // The token holds the very string the buffer handed on.
            XCTAssertTrue(kept.contains(token.textBits.high), token.lower)
        }
        XCTAssertEqual(tokens.filter { $0.kind == .word }.map(\.lower),
                       text.split(separator: " ").map { $0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".")) })
        withExtendedLifetime(texts) {}
    }

    func testUnitsReadTheirLongWordsWhileTheTextsAreKept() {
        let document = String(repeating: text + " ", count: 40)
        let layout = Layout(text: TextBuffer(document), lexicon: .bundled)
        let (quotes, diagnostics) = QuoteScanner().scan(layout)
        var noted = diagnostics
        var texts: [String] = []
        let units = Extractor().buildUnits(layout: layout, quotes: quotes, diagnostics: &noted, texts: &texts)
        XCTAssertEqual(texts.count, longWords.count * 40)
        // Strings made and freed in between would take the place of texts not kept.
        var churn: [String] = []
        for number in 0..<2_000 { churn.append(String(repeating: "x\(number)", count: 12)) }
        let words = units.flatMap(\.tokens).filter { $0.kind == .word }.map(\.lower)
        XCTAssertEqual(words.filter { $0.utf8.count > 15 }, Array(repeating: longWords, count: 40).flatMap { $0 })
        withExtendedLifetime((texts, churn)) {}
    }

    func testExtractionOfLongWordsIsWhole() {
        // Long words around an attribution: the cue and speaker come out as usual.
        let article = "Counterintelligence officials reorganised everything. \"We are finished,\" "
            + "said Maria Oberlandesgerichtsrätin, the counterintelligence chief."
        let result = Extractor().extract(text: article, document: "long-words")
        XCTAssertEqual(result.quotes.count, 1)
        XCTAssertEqual(result.quotes.first?.quote.text, "We are finished,")
        XCTAssertEqual(result.quotes.first?.cue?.lemma, "say")
        XCTAssertEqual(result.quotes.first?.speaker?.name, "Maria Oberlandesgerichtsrätin")
    }

    func testHandMadeTokensKeepTheirTextOnceForEachText() {
        func made() -> Token {
            let lower = String(repeating: "hand-made-", count: 3)  // a new string on the heap each call
            return Token(range: 0..<30, kind: .word, lower: lower, isCapitalized: false, quote: -1, part: -1)
        }
        let first = made()
        let second = made()
        XCTAssertEqual(first.lower, "hand-made-hand-made-hand-made-")
        // The second token holds the string kept for the first: equal texts are kept once.
        XCTAssertTrue(first.textBits == second.textBits)
    }

    func testTokensOfEqualTextsAreEqual() {
        // Canonically equal texts in different code points: equal tokens, equal hashes.
        let composed = Token(range: 0..<1, kind: .word, lower: "caf\u{E9}", isCapitalized: false, quote: -1, part: -1)
        let decomposed = Token(range: 0..<1, kind: .word, lower: "cafe\u{301}", isCapitalized: false, quote: -1, part: -1)
        XCTAssertFalse(composed.textBits == decomposed.textBits)
        XCTAssertEqual(composed, decomposed)
        XCTAssertEqual(composed.hashValue, decomposed.hashValue)
        let other = Token(range: 0..<1, kind: .word, lower: "cafes", isCapitalized: false, quote: -1, part: -1)
        XCTAssertNotEqual(composed, other)
    }

    /// `isWord`, `isQuote` and `isPunctuation` read the kind's bits directly: each answers as
    /// `kind` does for words, marks, possessives and quotation tokens (large part and quotation
    /// indexes included, whose bits sit beside the kind's).
    func testKindTestsAnswerAsKind() {
        let text = "O'Malley's aide said: \"No.\" — and 'yes' 2,400 times, Ph.D. café."
        let units = Array(text.utf16)
        let atoms = [(range: 22..<27, quote: 0, part: 0)]
        var tokens = Tokenizer(lexicon: .bundled).tokens(units, 0..<units.count, atoms: atoms)
        for (quote, part) in [(0, 0), (1, 1), (2, 3), (7, 1 << 29), (Int(Int32.max), (1 << 30) - 1)] {
            tokens.append(Token(range: 0..<3, kind: .quote, lower: "", isCapitalized: false, quote: quote, part: part))
        }
        tokens.append(Token(range: 0..<1, kind: .punctuation, lower: "—", isCapitalized: false, quote: -1, part: -1))
        tokens.append(Token(range: 0..<1, kind: .word, lower: "Roe", isCapitalized: true, quote: -1, part: -1))
        var seen: Set<String> = []
        for token in tokens {
            XCTAssertEqual(token.isWord, token.kind == .word, "\(token)")
            XCTAssertEqual(token.isQuote, token.kind == .quote, "\(token)")
            XCTAssertEqual(token.isPunctuation, token.kind == .punctuation, "\(token)")
            seen.insert("\(token.kind)")
        }
        XCTAssertEqual(seen, ["word", "punctuation", "quote"])
        XCTAssertTrue(tokens.contains { $0.isPossessive && $0.isWord })
    }

    /// `firstByte` reads a small ASCII text's first byte from its bits: it answers as the first
    /// byte of `lower`'s UTF-8 for every kind of token and text.
    func testFirstByteIsTheTextsFirstByte() {
        let text = "Whom Counterintelligence said, \"no\" — while école and ÉCOLE whistleblowers' w 9 Ωmega. "
        let units = Array(text.utf16)
        let atoms = [(range: 31..<35, quote: 0, part: 0)]
        var tokens = Tokenizer(lexicon: .bundled).tokens(units, 0..<units.count, atoms: atoms)
        tokens.append(Token(range: 0..<1, kind: .word, lower: "", isCapitalized: false, quote: -1, part: -1))
        XCTAssertTrue(tokens.contains { $0.isQuote })
        var bytes: Set<UInt8> = []
        for token in tokens {
            XCTAssertEqual(token.firstByte, token.lower.utf8.first ?? 0, token.lower)
            bytes.insert(token.firstByte)
        }
        XCTAssertTrue(bytes.isSuperset(of: [0, 0x77, 0x63, 0x2C, 0xC3, 0xE2, 0x39, 0xCF]), "\(bytes.sorted())")
    }
}
