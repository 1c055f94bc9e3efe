import QuoteCore
import QuoteSchema
import Testing

/// Runs every rule's documented examples through the whole pipeline.
@Suite struct RuleExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let ruleID: String
        let ids: [String]
        let index: Int
        let example: RuleExample
        var testDescription: String { "\(ruleID) example \(index + 1)" }
    }

    static let cases: [Case] = RuleRegistry.rules.flatMap { rule in
        rule.examples.enumerated().map { Case(ruleID: rule.id, ids: rule.ids, index: $0.offset, example: $0.element) }
    }

    @Test("every rule documents at least one example")
    func everyRuleHasExamples() {
        for rule in RuleRegistry.rules {
            #expect(!rule.examples.isEmpty, "rule \(rule.id) has no examples")
        }
    }

    @Test("rule ids are unique and registered")
    func idsAreUnique() {
        let ids = RuleRegistry.rules.flatMap(\.ids)
        #expect(Set(ids).count == ids.count)
        #expect(Set(ids) == Set(RuleRegistry.ids))
    }

    @Test("rule example", arguments: cases)
    func example(_ testCase: Case) {
        let example = testCase.example
        let result = Extractor().extract(text: example.text, document: "example")
        guard let record = result.quotes.first(where: { $0.quote.text == example.quote }) else {
            Issue.record("no record with quote '\(example.quote)'; got \(result.quotes.map { "\($0.type.rawValue) '\($0.quote.text)' by \($0.rule)" })")
            return
        }
        #expect(record.rule == (example.rule ?? testCase.ruleID))
        #expect(record.type.rawValue == example.type.rawValue)
        #expect(record.speaker?.name == example.speaker)
        if let via = example.via {
            #expect(record.via?.name == via)
        }
    }
}
