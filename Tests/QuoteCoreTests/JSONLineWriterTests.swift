import Foundation
import QuoteCore
import QuoteSchema
import Testing

/// `JSONLineWriter` must write exactly the bytes `JSONEncoder` writes for the same record.
@Suite struct JSONLineWriterTests {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    private func assertSameBytes(_ record: QuoteRecord, sourceLocation: SourceLocation = #_sourceLocation) throws {
        var writer = JSONLineWriter()
        writer.append(record)
        let expected = try Self.encoder.encode(record)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self),
                sourceLocation: sourceLocation)
    }

    @Test(arguments: CorpusArticle.all)
    func corpusRecordsMatchJSONEncoder(_ article: CorpusArticle) throws {
        let result = try article.extract()
        #expect(!result.quotes.isEmpty)
        for var record in result.quotes {
            try assertSameBytes(record)
            record.schemaVersion = QuoteSchemaVersion.current
            try assertSameBytes(record)
        }
    }

    @Test func hostileStringsAndNumbersMatchJSONEncoder() throws {
        let controls = String((0..<32).map { Character(Unicode.Scalar(UInt8($0))) })
        let strange = controls + "\"\\/ é 😀 \u{2028}\u{2029}\u{7F}\u{FEFF} </script>"
        for confidence in [0.0, 1.0, 0.07, 0.1 + 0.2, 0.5, 1e-7, 123456789.0] {
            let speaker = Speaker(name: strange, kind: .person, role: strange,
                                  mention: TextSpan(text: strange, start: 0, end: 12_345_678), resolution: strange)
            try assertSameBytes(QuoteRecord(
                document: strange, id: "q1", type: .mixed,
                quote: QuoteContent(text: strange, start: -1, end: 99, parts: [OffsetRange(start: 0, end: 9), OffsetRange(start: 10, end: 11)]),
                speaker: speaker, via: Speaker(name: "", kind: .unknown), cue: Cue(text: strange, lemma: "", start: 3, end: 4),
                confidence: confidence, rule: strange, diagnostics: [strange, ""], schemaVersion: "1.0"))
            try assertSameBytes(QuoteRecord(document: "", id: "", type: .indirect, quote: QuoteContent(text: "", start: 0, end: 0),
                                            speaker: nil, cue: nil, confidence: confidence, rule: "none", diagnostics: []))
        }
    }

    /// Strings are copied eight bytes at a time and their last bytes as the string's last eight,
    /// small ASCII strings (up to 15 bytes) as their two words: an escape (or a multi-byte
    /// character) at each position of strings of 0 to 40 bytes, and two escapes at once, cover
    /// the word loop, the tail word, the bytes one by one and the small strings' words, whose
    /// zeros past the text must not be taken for a NUL, nor a NUL in the text for padding.
    @Test func escapesAtEveryPositionMatchJSONEncoder() throws {
        for special in ["\"", "\\", "\n", "\u{00}", "\u{01}", "\u{1F}", "é", "😀"] {
            for length in 0...40 {
                var texts = [String(repeating: "a", count: length)]
                for position in 0..<max(length, 1) {
                    let before = String(repeating: "b", count: position)
                    let after = String(repeating: "c", count: max(0, length - position - 1))
                    texts.append(before + special + after)
                    texts.append(before + special + after + special)
                }
                for text in texts {
                    try assertSameBytes(QuoteRecord(
                        document: text, id: "q", type: .direct, quote: QuoteContent(text: text, start: 0, end: 1),
                        speaker: Speaker(name: text, kind: .person), cue: nil, confidence: 0.5, rule: text, diagnostics: [text]))
                }
            }
        }
    }

    /// Confidences are hundredths, written digit by digit: every one from 0 to 1, and doubles
    /// beside them that are no hundredth, match `JSONEncoder`'s shortest forms.
    @Test func hundredthsAndTheirNeighboursMatchJSONEncoder() throws {
        for hundredths in 0...100 {
            let value = Double(hundredths) / 100
            for confidence in [value, value.nextUp, value.nextDown, -value] {
                try assertSameBytes(QuoteRecord(document: "d", id: "q", type: .direct, quote: QuoteContent(text: "", start: 0, end: 0),
                                                speaker: nil, cue: nil, confidence: confidence, rule: "r", diagnostics: nil))
            }
        }
    }

    /// Offsets are written two digits at a time into a width counted first: every width from one
    /// digit to `Int.max`'s nineteen, at its edges (10^k - 1, 10^k, 10^k + 1), and 0 to 1,000.
    @Test func integersOfEveryWidthMatchJSONEncoder() throws {
        var values = Array(0...1_000) + [Int.max, Int.max - 1, Int.min, -1, -10, -99]
        var power = 10
        for width in 2...19 {  // `power` is 10^(width - 1)
            values += [power - 1, power, power + 1, power * 2 - 1]
            if width < 19 { power *= 10 }
        }
        for chunk in stride(from: 0, to: values.count, by: 64) {
            let slice = values[chunk..<min(chunk + 64, values.count)]
            let parts = slice.map { OffsetRange(start: $0, end: $0 / 3) }
            try assertSameBytes(QuoteRecord(
                document: "d", id: "q", type: .direct,
                quote: QuoteContent(text: "t", start: slice.first!, end: slice.last!, parts: parts),
                speaker: nil, cue: nil, confidence: 0.5, rule: "r", diagnostics: []))
        }
    }

    /// The writer reserves a bound per record and writes without checks: text that is all
    /// six-byte escapes, long parts lists and many records in one buffer must still come out whole.
    @Test func worstCaseEscapesAndManyLinesInOneBuffer() throws {
        let escapes = String(repeating: "\u{01}\u{1F}", count: 5_000)
        let parts = (0..<500).map { OffsetRange(start: -1_000_000_000_000 + $0, end: Int.max - $0) }
        let record = QuoteRecord(
            document: escapes, id: escapes, type: .direct,
            quote: QuoteContent(text: escapes, start: Int.min, end: Int.max, parts: parts),
            speaker: Speaker(name: escapes, kind: .person, role: escapes,
                             mention: TextSpan(text: escapes, start: Int.min, end: Int.max), resolution: escapes),
            via: Speaker(name: escapes, kind: .organization, role: escapes,
                         mention: TextSpan(text: escapes, start: Int.min, end: Int.max), resolution: escapes),
            cue: Cue(text: escapes, lemma: escapes, start: Int.min, end: Int.max),
            confidence: -1.2345678901234567e-300, rule: escapes, diagnostics: Array(repeating: escapes, count: 3),
            schemaVersion: escapes)
        let expected = try Self.encoder.encode(record) + [0x0A]
        var writer = JSONLineWriter()
        for _ in 0..<3 { writer.appendLine(record) }
        #expect(writer.bytes == Array(expected + expected + expected))
        writer.removeAll()
        writer.appendLine(record, schemaVersion: "2.0")
        var changed = record
        changed.schemaVersion = "2.0"
        #expect(writer.bytes == Array(try Self.encoder.encode(changed) + [0x0A]))
    }

    /// `appendLines(taking:)` writes each record's line as `appendLine` does, in order, with the
    /// schema version given, and leaves the array empty (its records moved out, not copied).
    @Test(arguments: CorpusArticle.all)
    func takenRecordsWriteTheLinesOfAppendLine(_ article: CorpusArticle) throws {
        var records = try article.extract().quotes
        try #require(!records.isEmpty)
        var expected = JSONLineWriter()
        expected.appendLine(records[0])  // a line already in the buffer stays before the new ones
        for record in records { expected.appendLine(record, schemaVersion: "9.9") }
        var writer = JSONLineWriter()
        writer.appendLine(records[0])
        writer.appendLines(taking: &records, schemaVersion: "9.9")
        #expect(records.isEmpty)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == String(decoding: expected.bytes, as: UTF8.self))
    }

    /// `takeEach` hands the records over in order and empties the array; a throw leaves the
    /// records not yet handed over in place, after empty records in the slots already emptied.
    @Test(arguments: CorpusArticle.all)
    func takeEachHandsOverEveryRecordInOrder(_ article: CorpusArticle) throws {
        struct Stop: Error {}
        let original = try article.extract().quotes
        try #require(original.count >= 2)
        var records = original
        var taken: [QuoteRecord] = []
        records.takeEach { taken.append($0) }
        #expect(records.isEmpty)
        #expect(taken == original)
        records = original
        var handed = 0
        #expect(throws: Stop.self) {
            try records.takeEach { record in
                handed += 1
                if handed == 2 { throw Stop() }
            }
        }
        #expect(records.count == original.count)
        #expect(records.prefix(2).allSatisfy { $0 == QuoteRecord.empty })
        #expect(Array(records.dropFirst(2)) == Array(original.dropFirst(2)))
    }

    /// `JSONStringArray` (the store's `diagnostics` column, the ids of a look-up) writes
    /// JSONEncoder's bytes too, for every escape and for none.
    @Test func stringArraysMatchJSONEncoder() throws {
        let strings = ["", "plain", "a\"b\\c/d", "tab\tnew\nline\rform\u{C}back\u{8}", "\u{0}\u{1}\u{1F}\u{7F}",
                       "caf\u{E9} \u{1F600}", String(repeating: "\u{1}", count: 40)]
        for count in 0...strings.count {
            let array = Array(strings.prefix(count))
            #expect(Array(JSONStringArray.text(array).utf8) == Array(try Self.encoder.encode(array)))
        }
    }
}
