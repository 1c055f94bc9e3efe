/// A half-open code-point range used internally for comparing spans.
struct Interval: Hashable, Sendable {
    var start: Int
    var end: Int

    var length: Int { max(0, end - start) }

    func intersection(_ other: Interval) -> Int {
        max(0, min(end, other.end) - max(start, other.start))
    }

    /// |a ∩ b| / max(|a|, |b|); two empty spans at the same place count as identical.
    func overlapRatio(_ other: Interval) -> Double {
        let denominator = max(length, other.length)
        if denominator == 0 { return self == other ? 1 : 0 }
        return Double(intersection(other)) / Double(denominator)
    }

    /// The share of `self` that lies inside `other`; an empty span counts as inside when its
    /// position lies within `other`.
    func containment(in other: Interval) -> Double {
        if length == 0 { return (other.start <= start && start < other.end) ? 1 : 0 }
        return Double(intersection(other)) / Double(length)
    }
}

/// Text helpers on code-point arrays.
enum SpanText {
    /// `scalars[start..<end]` as a string, clamped to the array.
    static func slice(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        let lower = min(max(0, start), scalars.count)
        let upper = min(max(lower, end), scalars.count)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[lower..<upper])
        return String(view)
    }

    /// Quotation marks of any kind, trimmed from both ends of a span before comparing.
    static let quotationMarks: Set<Unicode.Scalar> = [
        "\"", "'", "`", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{00AB}", "\u{00BB}",
        "\u{201E}", "\u{201A}", "\u{201B}", "\u{201F}", "\u{2039}", "\u{203A}", "\u{2032}",
        "\u{2033}", "\u{300C}", "\u{300D}", "\u{300E}", "\u{300F}", "\u{FF02}", "\u{FF07}",
    ]

    /// Edge punctuation trimmed from both ends: . , ; : ! ? … and the dashes and hyphens.
    static let edgePunctuation: Set<Unicode.Scalar> = [
        ".", ",", ";", ":", "!", "?", "\u{2026}", "\u{2014}", "\u{2013}", "-", "\u{2010}",
        "\u{2011}", "\u{2012}", "\u{2015}", "\u{2212}",
    ]

    static func isTrimmable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || quotationMarks.contains(scalar)
            || edgePunctuation.contains(scalar)
    }

    /// The span with whitespace, quotation marks and edge punctuation removed from both ends.
    /// The span is first clamped to the text; a span made only of such characters is kept as is
    /// (clamped), so it can still be compared.
    static func trimmed(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Interval {
        let lower = min(max(0, start), scalars.count)
        let upper = min(max(lower, end), scalars.count)
        var s = lower
        var e = upper
        while s < e && isTrimmable(scalars[s]) { s += 1 }
        while e > s && isTrimmable(scalars[e - 1]) { e -= 1 }
        if s == e { return Interval(start: lower, end: upper) }
        return Interval(start: s, end: e)
    }

    /// About `radius` code points either side of the span, with the span marked by ⟦ ⟧ and line
    /// breaks shown as ¶ so that the context stays on one line.
    static func context(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int, radius: Int = 100) -> String {
        let lower = min(max(0, start), scalars.count)
        let upper = min(max(lower, end), scalars.count)
        let from = max(0, lower - radius)
        let to = min(scalars.count, upper + radius)
        func clean(_ s: String) -> String {
            var out = ""
            for ch in s.unicodeScalars {
                if ch == "\n" || ch == "\r" || ch == "\u{2029}" || ch == "\u{2028}" {
                    out.unicodeScalars.append("¶")
                } else {
                    out.unicodeScalars.append(ch)
                }
            }
            return out
        }
        let before = clean(slice(scalars, from, lower))
        let inside = clean(slice(scalars, lower, upper))
        let after = clean(slice(scalars, upper, to))
        return (from > 0 ? "…" : "") + before + "⟦" + inside + "⟧" + after + (to < scalars.count ? "…" : "")
    }
}
