import Foundation
import QuoteSchema

/// A token's lowercased text held as the two words of a `String`, without owning its storage.
///
/// A token that held its text as a `String` was not plain data: every array of tokens was
/// destroyed token by token through its type's value witness (a release of each text, ~40
/// instructions a token), and every copy of a token retained its text. Most texts need no
/// owner: a word of up to 15 UTF-8 bytes is a small string, which is its two words, and a
/// literal is immortal. The few others (longer words) are kept alive by whoever holds the
/// tokens: the `TokenBuffer` they are made into, then the extraction, which keeps them until it
/// returns (`Extractor.buildUnits(layout:quotes:diagnostics:texts:)`); for tokens made by hand,
/// `bitsKeptForever(_:)`, and for the tests' one-off tokenizing, `keepForever(_:)`.
///
/// Which strings need an owner is read from bit 63 of the second word, the standard library's
/// "immortal" flag (set for small strings and literals, clear for strings on the heap). That
/// layout is the standard library's, not a promise: `ownerlessBitHolds` checks it once, and when
/// it fails every text is kept, so a later Swift can cost speed but not correctness.
enum TokenText {
    /// A `String`'s two words.
    typealias Bits = (low: UInt64, high: UInt64)

    /// The two words of `text`. The caller keeps `text` alive while the bits are read as a
    /// string, unless `needsOwner` says it needs no keeping.
    @inline(__always)
    static func bits(_ text: String) -> Bits {
        unsafeBitCast(text, to: Bits.self)
    }

    /// The string of `bits`, which `bits(_:)` made from a string that is still alive.
    @inline(__always)
    static func string(_ bits: Bits) -> String {
        unsafeBitCast(bits, to: String.self)
    }

    /// True when the string of `bits` must be kept alive by someone while a token holds it:
    /// always, unless `ownerless` (`ownerlessBitHolds`, read once by the caller) and the
    /// string's immortal bit is set.
    @inline(__always)
    static func needsOwner(_ bits: Bits, ownerless: Bool) -> Bool {
        !ownerless || bits.high >> 63 == 0
    }

    /// True when the string of `bits` is `text` (`Token.hasText(_:)`): two small ASCII strings
    /// are equal exactly when their words are (bytes, zero padding and count), so between two of
    /// them differing words answer; any other pair is compared as strings.
    @inline(__always)
    static func equals(_ bits: Bits, _ text: String) -> Bool {
        let other = self.bits(text)
        if other.low == bits.low && other.high == bits.high { return true }
        if isSmallASCII(other.high) && isSmallASCII(bits.high) && UTF16String.smallLayoutHolds { return false }
        return string(bits) == text
    }

    /// True when `high`, a string's second word, is that of a small ASCII string as
    /// `UTF16String.smallBits(low:high:count:)` lays it out (its top byte 0xE0 plus the count:
    /// immortal, ASCII, small). Meaningful only where `UTF16String.smallLayoutHolds`.
    @inline(__always)
    static func isSmallASCII(_ high: UInt64) -> Bool {
        SmallStringLayout.isSmallASCII(high)
    }

    /// True when bit 63 of a string's second word is set exactly for strings that need no
    /// owner: checked once on a small string, a long literal, and strings built on the heap.
    static let ownerlessBitHolds: Bool = {
        let small = "said"
        let literal = "a literal of more than fifteen bytes"
        let built = String(repeating: "counterterrorism", count: 2)
        let lowered = "COUNTERTERRORISM".lowercased()
        return bits(small).high >> 63 == 1 && bits(literal).high >> 63 == 1
            && bits(built).high >> 63 == 0 && bits(lowered).high >> 63 == 0
    }()

    /// Texts that need an owner of tokens no extraction keeps (`Token.init(range:kind:lower:...)`,
    /// `Tokenizer.tokens(_:_:atoms:)`, `Extractor.buildUnits(layout:quotes:diagnostics:)`):
    /// kept for the life of the process. Extraction never puts a text here; tests and
    /// hand-made tokens do.
    private static let forever = Keeper()

    /// The bits a token holds for `text`: its own when it needs no owner, else those of an equal
    /// string kept for the life of the process (so the texts kept grow with the distinct texts
    /// given, not with the calls).
    static func bitsKeptForever(_ text: String) -> Bits {
        let own = bits(text)
        guard needsOwner(own, ownerless: ownerlessBitHolds) else { return own }
        return forever.keep(text)
    }

    /// Keeps each of `texts` (these very strings, not equal ones) alive for the life of the
    /// process: for tokens that already hold their bits.
    static func keepForever(_ texts: [String]) {
        guard !texts.isEmpty else { return }
        forever.keep(exactly: texts)
    }

    private final class Keeper: @unchecked Sendable {
        private let lock = NSLock()
        private var texts: Set<String> = []
        private var exact: [String] = []

        func keep(exactly kept: [String]) {
            lock.lock()
            defer { lock.unlock() }
            exact.append(contentsOf: kept)
        }

        /// The bits of the kept string equal to `text`, kept now if there was none.
        func keep(_ text: String) -> Bits {
            lock.lock()
            defer { lock.unlock() }
            return TokenText.bits(texts.insert(text).memberAfterInsert)
        }
    }
}
