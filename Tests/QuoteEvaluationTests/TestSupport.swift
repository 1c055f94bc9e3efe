import XCTest
import QuoteSchema
@testable import QuoteEvaluation

/// Builders for small synthetic documents. Offsets are found by searching the text, in code
/// points, so tests read like the sentences they score.
enum Fixture {
    /// Code-point range of the `occurrence`-th (0-based) occurrence of `needle` in `text`.
    static func range(_ needle: String, in text: String, occurrence: Int = 0,
                      file: StaticString = #filePath, line: UInt = #line) -> (start: Int, end: Int) {
        let hay = Array(text.unicodeScalars)
        let pin = Array(needle.unicodeScalars)
        var seen = 0
        if !pin.isEmpty && pin.count <= hay.count {
            for start in 0...(hay.count - pin.count) where Array(hay[start..<start + pin.count]) == pin {
                if seen == occurrence { return (start, start + pin.count) }
                seen += 1
            }
        }
        XCTFail("\"\(needle)\" (occurrence \(occurrence)) not in test text", file: file, line: line)
        return (0, 0)
    }

    static func gold(_ needle: String, in text: String, occurrence: Int = 0, type: QuoteType = .direct,
                     speaker: String? = nil, speakerOccurrence: Int = 0, attribution: String? = nil,
                     fragment: [Int]? = nil) -> GoldQuote {
        let r = range(needle, in: text, occurrence: occurrence)
        var speakerSpan: GoldSpan?
        if let speaker {
            let s = range(speaker, in: text, occurrence: speakerOccurrence)
            speakerSpan = GoldSpan(text: speaker, start: s.start, end: s.end)
        }
        return GoldQuote(start: r.start, end: r.end, text: needle, type: type, speaker: speakerSpan,
                         attributionID: attribution, fragment: fragment)
    }

    /// A gold quote at explicit offsets.
    static func gold(start: Int, end: Int, in text: String, type: QuoteType = .direct) -> GoldQuote {
        GoldQuote(start: start, end: end, text: SpanText.slice(Array(text.unicodeScalars), start, end),
                  type: type)
    }

    static func speaker(_ name: String, mention: String? = nil, in text: String = "",
                        occurrence: Int = 0) -> Speaker {
        var span: TextSpan?
        if let mention {
            let r = range(mention, in: text, occurrence: occurrence)
            span = TextSpan(text: mention, start: r.start, end: r.end)
        }
        return Speaker(name: name, kind: .person, mention: span)
    }

    static func record(_ needle: String, in text: String, occurrence: Int = 0, type: QuoteType = .direct,
                       speaker: Speaker? = nil, rule: String = "test", id: String = "r") -> QuoteRecord {
        let r = range(needle, in: text, occurrence: occurrence)
        return record(start: r.start, end: r.end, in: text, type: type, speaker: speaker, rule: rule, id: id)
    }

    static func record(start: Int, end: Int, in text: String, type: QuoteType = .direct,
                       speaker: Speaker? = nil, rule: String = "test", id: String = "r",
                       parts: [OffsetRange]? = nil) -> QuoteRecord {
        let content = QuoteContent(text: SpanText.slice(Array(text.unicodeScalars), start, end),
                                   start: start, end: end, parts: parts)
        return QuoteRecord(document: "-", id: id, type: type, quote: content, speaker: speaker, cue: nil,
                           confidence: 0.9, rule: rule)
    }

    static func document(_ id: String, _ text: String, _ quotes: [GoldQuote],
                         publisher: String? = nil) -> GoldDocument {
        GoldDocument(id: id, text: text, quotes: quotes,
                     meta: publisher.map { GoldMeta(publisher: $0) })
    }

    static func score(_ documents: [GoldDocument], _ predictions: [String: [QuoteRecord]]) -> EvaluationReport {
        Scorer().score(gold: documents, predictions: predictions)
    }

    /// Text of 60 letters with no whitespace or punctuation, so trimming never moves an edge.
    static let letters = String(repeating: "abcdefghij", count: 6)
}

/// Asserts a double to 1e-9.
func XCTAssertClose(_ actual: Double, _ expected: Double, _ message: String = "",
                    file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual, expected, accuracy: 1e-9, message, file: file, line: line)
}

/// Asserts tp/fp/fn of a block.
func XCTAssertCounts(_ counts: SpanCounts, tp: Int, fp: Int, fn: Int,
                     file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(counts.tp, tp, "tp", file: file, line: line)
    XCTAssertEqual(counts.fp, fp, "fp", file: file, line: line)
    XCTAssertEqual(counts.fn, fn, "fn", file: file, line: line)
}
