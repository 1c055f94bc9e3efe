import Foundation
import QuoteCore
import QuoteHTML
import QuoteSchema
import Testing

/// The hand-written web pages of `Corpus/` (`NAME.html`) checked against `NAME.facts.json`, as
/// `CorpusFactsTests` checks the `.txt` articles: every fact found with its type, text and
/// speaker, no direct or mixed record the facts do not list, and no page furniture in the text.
@Suite struct CorpusPageTests {
    struct Facts: Decodable {
        struct Fact: Decodable {
            var type: String
            var text: String
            var speaker: String?
        }
        var quotes: [Fact]
    }

    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus")

    static var pages: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".html") }.map { String($0.dropLast(5)) }.sorted()
    }

    @Test func thereAreCorpusPages() {
        #expect(Self.pages.count >= 2)
    }

    @Test("page facts hold", arguments: pages)
    func facts(_ name: String) throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent(name + ".html"))
        let document = try readPage(data, path: "Corpus/\(name).html")
        for furniture in ["Advertisement", "Related", "Read more", "Skip to", "Share", "Photo", "©", "Most read", "Privacy", "By "] {
            #expect(!document.text.contains(furniture), "\(name): text contains \(furniture)")
        }
        #expect(document.metadata?["title"] == .string(String(document.text.prefix { $0 != "\n" })))
        let facts = try JSONDecoder().decode(Facts.self, from: Data(contentsOf: Self.directory.appendingPathComponent(name + ".facts.json")))
        let result = Extractor().extract(text: document.text, document: document.id, metadata: document.metadata)
        var used = Set<Int>()
        for (index, fact) in facts.quotes.enumerated() {
            guard let match = result.quotes.indices.first(where: { !used.contains($0) && result.quotes[$0].quote.text == fact.text }) else {
                Issue.record("\(name)#\(index) \"\(fact.text.prefix(50))\": not found")
                continue
            }
            used.insert(match)
            #expect(result.quotes[match].type.rawValue == fact.type, "\(name)#\(index)")
            #expect(result.quotes[match].speaker?.name == fact.speaker, "\(name)#\(index)")
        }
        for (index, record) in result.quotes.enumerated() where !used.contains(index) && record.type != .indirect {
            Issue.record("\(name): extra \(record.type.rawValue) record \"\(record.quote.text.prefix(40))\"")
        }
    }

    /// Golden output of a page: the extracted text (which offsets refer to) and every record,
    /// compared with `NAME.html.expected.json`; re-recorded with `QUOTES_RECORD=1`, failing then.
    @Test("page golden output", arguments: pages)
    func golden(_ name: String) throws {
        let data = try Data(contentsOf: Self.directory.appendingPathComponent(name + ".html"))
        let document = try readPage(data, path: "Corpus/\(name).html")
        var metadata = document.metadata ?? [:]
        metadata["text"] = .string(document.text)
        let result = Extractor().extract(text: document.text, document: document.id, metadata: metadata)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let actual = try encoder.encode(result)
        let url = Self.directory.appendingPathComponent(name + ".html.expected.json")
        if ProcessInfo.processInfo.environment["QUOTES_RECORD"] == "1" {
            try (actual + Data("\n".utf8)).write(to: url)
            Issue.record("re-recorded \(url.lastPathComponent); review the diff and run again")
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing \(url.lastPathComponent); record it with QUOTES_RECORD=1")
            return
        }
        #expect(try JSONDecoder().decode(DocumentResult.self, from: expected) == result,
                "output of \(name).html differs from \(url.lastPathComponent)")
    }
}
