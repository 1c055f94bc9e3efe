import Foundation
import QuoteCore
import QuoteSchema
import Testing

/// One `Corpus/` article: its text file and the expected-output and facts files beside it.
struct CorpusArticle: CustomTestStringConvertible, Sendable {
    let name: String
    let textURL: URL

    var testDescription: String { name }
    var expectedURL: URL { textURL.deletingPathExtension().appendingPathExtension("expected.json") }
    var factsURL: URL { textURL.deletingPathExtension().appendingPathExtension("facts.json") }

    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus")

    static var all: [CorpusArticle] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map {
            CorpusArticle(name: String($0.dropLast(4)), textURL: directory.appendingPathComponent($0))
        }
    }

    /// Reads and extracts the article the way `quotes extract Corpus/NAME.txt` does.
    func extract() throws -> DocumentResult {
        var result: DocumentResult? = nil
        var failure: InputError? = nil
        DocumentReader().read([textURL.path], emit: { document in
            result = Extractor().extract(text: document.text, document: "Corpus/\(name).txt")
        }, fail: { failure = $0 })
        if let failure { throw failure }
        return try #require(result)
    }
}

/// Golden tests: each article's full output must equal the recorded `NAME.expected.json`.
///
/// Re-record with `QUOTES_RECORD=1 swift test --filter CorpusGoldenTests`; a re-recording run
/// fails so that recorded changes are always looked at before they are committed.
@Suite struct CorpusGoldenTests {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    @Test("the corpus is not empty")
    func corpusExists() {
        #expect(CorpusArticle.all.count >= 10, "Corpus/ at \(CorpusArticle.directory.path) has too few articles")
    }

    @Test("golden output", arguments: CorpusArticle.all)
    func golden(_ article: CorpusArticle) throws {
        let result = try article.extract()
        let actual = try Self.encoder.encode(result)
        if ProcessInfo.processInfo.environment["QUOTES_RECORD"] == "1" {
            try (actual + Data("\n".utf8)).write(to: article.expectedURL)
            Issue.record("re-recorded \(article.expectedURL.lastPathComponent); review the diff and run again")
            return
        }
        guard let expected = FileManager.default.contents(atPath: article.expectedURL.path) else {
            Issue.record("missing \(article.expectedURL.lastPathComponent); record it with QUOTES_RECORD=1")
            return
        }
        let expectedResult = try JSONDecoder().decode(DocumentResult.self, from: expected)
        if expectedResult != result {
            let expectedText = String(decoding: expected, as: UTF8.self)
            let actualText = String(decoding: actual, as: UTF8.self) + "\n"
            Issue.record("output of \(article.name) differs from \(article.expectedURL.lastPathComponent):\n\(firstDifference(expectedText, actualText))")
        }
    }

    private func firstDifference(_ expected: String, _ actual: String) -> String {
        let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let a = index < left.count ? String(left[index]) : "<end>"
            let b = index < right.count ? String(right[index]) : "<end>"
            if a != b { return "line \(index + 1):\n- expected: \(a)\n+ actual:   \(b)" }
        }
        return "(same text, different values)"
    }
}
