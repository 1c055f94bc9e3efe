import QuoteSchema

/// Checks that a document result is consistent with its text: offsets inside the text, texts
/// equal to the text at their offsets, parts inside their quotation, records in order.
///
/// Used by the fuzz targets and the regression tests; code-point offsets only.
public enum OutputInvariants {
    /// Every violated invariant, described; empty when the result is consistent.
    public static func violations(of result: DocumentResult, text: String) -> [String] {
        guard result.offsetUnit == .codepoint else { return ["offsets are not code points"] }
        let scalars = Array(text.unicodeScalars)
        var problems: [String] = []
        func slice(_ start: Int, _ end: Int) -> String? {
            guard start >= 0, start <= end, end <= scalars.count else { return nil }
            return String(String.UnicodeScalarView(scalars[start..<end]))
        }
        if result.length != scalars.count { problems.append("length \(result.length) != \(scalars.count)") }
        var previous = (-1, -1)
        for record in result.quotes {
            let quote = record.quote
            if slice(quote.start, quote.end) != quote.text {
                problems.append("\(record.id): quote.text is not the text at \(quote.start)..<\(quote.end)")
            }
            for part in quote.parts ?? [] where part.start < quote.start || part.end > quote.end || part.start > part.end {
                problems.append("\(record.id): part \(part.start)..<\(part.end) outside the quotation")
            }
            for mention in [record.speaker?.mention, record.via?.mention].compactMap({ $0 })
                where slice(mention.start, mention.end) != mention.text {
                problems.append("\(record.id): mention '\(mention.text)' is not the text at its offsets")
            }
            if let cue = record.cue, slice(cue.start, cue.end) != cue.text {
                problems.append("\(record.id): cue '\(cue.text)' is not the text at its offsets")
            }
            if (quote.start, quote.end) < previous { problems.append("\(record.id): records out of order") }
            previous = (quote.start, quote.end)
            if !(0...1).contains(record.confidence) { problems.append("\(record.id): confidence \(record.confidence)") }
        }
        for diagnostic in result.diagnostics {
            if let start = diagnostic.start, let end = diagnostic.end, slice(start, end) == nil {
                problems.append("diagnostic \(diagnostic.code) at \(start)..<\(end) outside the text")
            }
        }
        return problems
    }
}
