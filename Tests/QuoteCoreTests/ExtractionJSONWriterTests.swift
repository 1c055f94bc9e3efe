import Foundation
import QuoteCore
import QuoteSchema
import Testing

/// `ExtractionJSONWriter` must write exactly the bytes `JSONEncoder` writes for the whole
/// `ExtractionOutput`, whatever the documents hold.
@Suite struct ExtractionJSONWriterTests {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// The writer's output for `documents`, written as `quotes extract` does: separator and
    /// document for each, then the closing.
    private func streamed(_ documents: [DocumentResult]) -> String {
        var writer = ExtractionJSONWriter()
        var bytes: [UInt8] = []
        for document in documents {
            bytes += writer.separator()
            bytes += ExtractionJSONWriter.document(document)
        }
        bytes += writer.closing()
        #expect(writer.documentCount == documents.count)
        return String(decoding: bytes, as: UTF8.self)
    }

    private func assertSameBytes(_ documents: [DocumentResult], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = String(decoding: try Self.encoder.encode(ExtractionOutput(documents: documents)), as: UTF8.self)
        let actual = streamed(documents)
        #expect(actual == expected, "first difference at byte \(zip(actual.utf8, expected.utf8).prefix { $0 == $1 }.count)",
                sourceLocation: sourceLocation)
    }

    @Test func corpusArticlesOneByOneAndTogether() throws {
        let results = try CorpusArticle.all.map { try $0.extract() }
        #expect(results.contains { !$0.quotes.isEmpty && !$0.diagnostics.isEmpty })
        for result in results { try assertSameBytes([result]) }
        try assertSameBytes(results)
    }

    @Test func noDocumentsAndEmptyDocuments() throws {
        try assertSameBytes([])
        let empty = DocumentResult(document: "", offsetUnit: .utf16, length: 0, quotes: [], diagnostics: [])
        try assertSameBytes([empty])
        try assertSameBytes([empty, empty, empty])
    }

    /// Metadata is any JSON a line carried: nested and empty containers, numbers of every form,
    /// keys whose order depends on the comparison, escapes; and with `--emit-text` the text.
    @Test func metadataOfAnyShape() throws {
        let strange = String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }) + "\"\\/ é 😀 \u{2028}\u{7F}"
        let metadata: [String: JSONValue] = [
            "a10": .number(1), "a2": .number(-0.0), "B": .number(1e30), "a": .number(1e-7), "é": .number(123.25),
            "empty object": .object([:]), "empty array": .array([]), "Zeta": .null, "yes": .bool(true),
            "no": .bool(false), strange: .string(strange), "text": .string("line one\n\nline two\n"),
            "nest": .object(["x": .array([.object([:]), .array([]), .null, .array([.array([.number(2)])])]),
                             "y": .object(["z": .object(["deep": .string("\n")])])]),
        ]
        let result = DocumentResult(document: "with metadata", offsetUnit: .codepoint, length: 3, metadata: metadata,
                                    quotes: [], diagnostics: [])
        try assertSameBytes([result])
        try assertSameBytes([result, DocumentResult(document: "empty metadata", offsetUnit: .utf8, length: 0,
                                                    metadata: [:], quotes: [], diagnostics: []), result])
    }

    /// Every optional member present and absent, empty arrays inside records, hostile strings,
    /// and text made of six-byte escapes (the writer reserves a bound and writes without checks).
    @Test func recordsAndDiagnosticsOfEveryShape() throws {
        let strange = String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) }) + "\"\\/ é 😀 </script>"
        let escapes = String(repeating: "\u{01}\u{1F}", count: 3_000)
        let parts = (0..<300).map { OffsetRange(start: -1_000_000_000_000 + $0, end: Int.max - $0) }
        let speaker = Speaker(name: strange, kind: .person, role: strange,
                              mention: TextSpan(text: escapes, start: Int.min, end: Int.max), resolution: strange)
        let records = [
            QuoteRecord(document: escapes, id: "q1", type: .mixed,
                        quote: QuoteContent(text: escapes, start: -1, end: 99, parts: parts),
                        speaker: speaker, via: Speaker(name: "", kind: .unknown),
                        cue: Cue(text: strange, lemma: "", start: 3, end: 4),
                        confidence: 0.1 + 0.2, rule: strange, diagnostics: [escapes, ""], schemaVersion: "9.9"),
            QuoteRecord(document: "", id: "", type: .indirect, quote: QuoteContent(text: "", start: 0, end: 0, parts: []),
                        speaker: nil, cue: nil, confidence: -1.2345678901234567e-300, rule: "none", diagnostics: []),
            QuoteRecord(document: "d", id: "q3", type: .direct, quote: QuoteContent(text: "x", start: 1, end: 2),
                        speaker: Speaker(name: "N", kind: .organization), cue: nil, confidence: 1, rule: "r"),
        ]
        let diagnostics = [
            Diagnostic(code: "unclosed-quote", severity: .warning, message: strange, start: 4, end: nil),
            Diagnostic(code: escapes, severity: .error, message: escapes, start: nil, end: -7),
            Diagnostic(code: "x", severity: .info, message: "", start: 0, end: 12_345_678_901),
            Diagnostic(code: "", severity: .info, message: ""),
        ]
        let full = DocumentResult(document: strange, offsetUnit: .utf16, length: Int.max, metadata: ["k": .string(escapes)],
                                  quotes: records, diagnostics: diagnostics, schemaVersion: escapes)
        try assertSameBytes([full])
        try assertSameBytes([full, DocumentResult(document: "d", offsetUnit: .codepoint, length: 1, quotes: records,
                                                  diagnostics: [])])
    }
}
