import Foundation
import QuoteCore
import QuoteSchema
import Testing

/// The hand-written truth for a corpus article (`NAME.facts.json`).
struct ArticleFacts: Decodable {
    struct Fact: Decodable {
        var type: String
        var text: String
        var speaker: String?
        var kind: String?
        var role: String?
        var via: String?
        var cue: String?
    }
    var description: String
    var quotes: [Fact]
}

/// Checks each article's output against the facts a careful human reader wrote down, independent
/// of the recorded golden output: every fact found with its type, text, speaker (and via), and no
/// direct or mixed quotation that the facts do not list.
///
/// Known failures are listed in `Corpus/expected-failures.list` as `NAME#INDEX` (a fact not found
/// or found wrong) or `NAME+extra:TEXT` (a record that should not exist); listed entries must still
/// fail, so a fix forces the list to shrink.
@Suite struct CorpusFactsTests {
    static let expectedFailures: Set<String> = {
        let url = CorpusArticle.directory.appendingPathComponent("expected-failures.list")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return Set(text.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }()

    static var articlesWithFacts: [CorpusArticle] {
        CorpusArticle.all.filter { FileManager.default.fileExists(atPath: $0.factsURL.path) }
    }

    @Test("facts hold", arguments: articlesWithFacts)
    func facts(_ article: CorpusArticle) throws {
        let facts = try JSONDecoder().decode(ArticleFacts.self, from: Data(contentsOf: article.factsURL))
        let result = try article.extract()
        var used = Set<Int>()
        for (index, fact) in facts.quotes.enumerated() {
            let key = "\(article.name)#\(index)"
            let match = result.quotes.indices.first { candidate in
                !used.contains(candidate) && result.quotes[candidate].quote.text == fact.text
            }
            var problem: String? = nil
            if let match {
                used.insert(match)
                let record = result.quotes[match]
                if record.type.rawValue != fact.type {
                    problem = "type \(record.type.rawValue), expected \(fact.type)"
                } else if record.speaker?.name != fact.speaker {
                    problem = "speaker '\(record.speaker?.name ?? "nil")', expected '\(fact.speaker ?? "nil")'"
                } else if let via = fact.via, record.via?.name != via {
                    problem = "via '\(record.via?.name ?? "nil")', expected '\(via)'"
                }
            } else {
                problem = "not found"
            }
            let known = Self.expectedFailures.contains(key)
            if let problem, !known {
                Issue.record("\(key) \(fact.type) \"\(fact.text.prefix(60))\": \(problem)")
            } else if problem == nil, known {
                Issue.record("\(key) now passes: remove it from Corpus/expected-failures.list")
            }
        }
        for (index, record) in result.quotes.enumerated() where !used.contains(index) && record.type != .indirect {
            let key = "\(article.name)+extra:\(record.quote.text.prefix(40))"
            if !Self.expectedFailures.contains(key) {
                Issue.record("\(key): \(record.type.rawValue) record by \(record.rule) that the facts do not list")
            }
        }
    }
}
