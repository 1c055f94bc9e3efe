/// A text as well-formed UTF-16 code units, with the offsets of its high surrogates: what a
/// `TextBuffer` is made of, decoded by the JSONL reader straight from a line's bytes.
///
/// Read through a `String`, a document's text was validated as UTF-8 when the string was made
/// (~6 instructions a byte in the standard library; no public initialiser skips it) and decoded
/// into UTF-16 again for the `TextBuffer`; `quotes extract` needs the units alone.
public struct UTF16Text: Sendable, Equatable {
    /// The code units: every high surrogate is followed by a low one, and no low one stands alone.
    public let units: [UInt16]
    /// The offsets in `units` of the high surrogates, ascending.
    public let surrogateStarts: [Int]

    /// Units that the caller has checked (the JSONL reader's decoder makes only well-formed ones).
    init(checkedUnits units: [UInt16], surrogateStarts: [Int]) {
        self.units = units
        self.surrogateStarts = surrogateStarts
    }

    /// The units of `string`.
    public init(_ string: String) {
        var starts: [Int] = []
        units = TextBuffer.utf16(string, surrogateStarts: &starts)
        surrogateStarts = starts
    }

    /// The text as a `String`.
    public var string: String { String(decoding: units, as: UTF16.self) }
}
