@testable import QuoteCore
import Testing

/// `Tokens.endsInING` reads bytes but must answer as `hasSuffix("ing")` does, also where a
/// non-ASCII mark before "ing" makes the characters differ from the bytes.
@Suite struct EndsInINGTests {
    @Test(arguments: ["ing", "saying", "sing", "in", "", "ng", "Saying", "SAYING", "sayinG", "caféing",
                      "x\u{0D4E}ing", "\u{0600}ing", "ing\u{0301}", "i\u{0301}ng", "naïveing", "e\u{0301}ing"])
    func agreesWithHasSuffix(_ word: String) {
        #expect(Tokens.endsInING(word) == word.hasSuffix("ing"), "\(word.unicodeScalars.map { String($0.value, radix: 16) })")
    }
}
