import Foundation
@testable import QuoteCore
import QuoteSchema
import XCTest

/// The engine offers a rule only the units that hold its `trigger`; that must never change what
/// the rules find. Texts: every `Corpus/` article, every rule's examples, and a few made here.
final class RuleTriggerTests: XCTestCase {
    static var texts: [String] {
        let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Corpus")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        let articles = names.filter { $0.hasSuffix(".txt") }.sorted().compactMap {
            try? String(contentsOf: corpus.appendingPathComponent($0), encoding: .utf8)
        }
        return articles + RuleRegistry.rules.flatMap { $0.examples.map(\.text) } + [
            "Critics who say the plan fails were asked: \"Why?\" according to aides, who quoted him as saying so.",
            "MAYOR: \"We are ready.\" — Ana Ruiz\n\n\"It is done.\" \"It is late,\" she said, asked about it.",
        ]
    }

    /// Each rule with a trigger, applied to every unit of the texts, finds nothing in the units
    /// without it, whatever earlier rules claimed (here: nothing).
    func testRulesFindNothingInUnitsWithoutTheirTrigger() {
        let extractor = Extractor()
        var skipped: [String: Int] = [:]
        for text in RuleTriggerTests.texts {
            let layout = Layout(text: TextBuffer(text), lexicon: extractor.lexicon)
            let scanned = QuoteScanner().scan(layout)
            let quotes = scanned.quotes
            var diagnostics = scanned.diagnostics
            let units = extractor.buildUnits(layout: layout, quotes: quotes, diagnostics: &diagnostics)
            let analyzer = PhraseAnalyzer(lexicon: extractor.lexicon, shadow: layout.shadow)
            let context = RuleContext(analyzer: analyzer, units: units, quotes: quotes, claimed: QuoteClaims(count: quotes.count),
                                      acceptedByUnit: AcceptedByUnit(units: units.count))
            for rule in RuleRegistry.rules {
                guard let trigger = rule.trigger else { continue }
                for unit in units where !UnitFeatures.of(unit).contains(trigger) {
                    XCTAssertEqual(rule.apply(unit, context).count, 0, "\(rule.id) found something in a unit without its trigger: \(text)")
                    skipped[rule.id, default: 0] += 1
                }
            }
        }
        // Every rule with a trigger met units without it.
        for rule in RuleRegistry.rules where rule.trigger != nil {
            XCTAssertGreaterThan(skipped[rule.id] ?? 0, 10, rule.id)
        }
    }

    /// Each unit the extractor makes carries the features its tokens give (gathered by the
    /// tokenizer, which the engine reads instead of the tokens), also for the windows of a
    /// sentence too long for one unit, whose features are read apart.
    func testUnitsCarryTheFeaturesOfTheirTokens() {
        let extractor = Extractor()
        // One run-on sentence of ~1,200 tokens, windows of 256: a cue, a colon, "asked", a
        // quotation, "according" and "quoted" fall in different windows, each alone in its
        // window but for the cue.
        let filler = Array(repeating: "the plan went on and on", count: 45).joined(separator: " ")
        let runOn = [filler, "officials said", filler, "one reason: money", filler, "she was asked", filler,
                     "a \"clear\" answer", filler, "according to aides", filler, "quoted him", filler].joined(separator: " ") + "."
        var seen = UnitFeatures()
        var windows = 0
        for text in RuleTriggerTests.texts + [runOn] {
            let layout = Layout(text: TextBuffer(text), lexicon: extractor.lexicon)
            let scanned = QuoteScanner().scan(layout)
            var diagnostics = scanned.diagnostics
            let units = extractor.buildUnits(layout: layout, quotes: scanned.quotes, diagnostics: &diagnostics)
            if text == runOn { windows = units.count }
            for unit in units {
                XCTAssertEqual(unit.features, UnitFeatures.of(unit), "unit \(unit.index) of: \(text.prefix(80))")
                seen.formUnion(unit.features)
            }
        }
        XCTAssertGreaterThan(windows, 4, "the run-on sentence is read in windows")
        XCTAssertEqual(seen, [.quotation, .cue, .cueWord, .asked, .colon, .quotedForm, .relativePronoun])
    }

    /// A rule as it is, but offered every unit.
    struct Untriggered: AttributionRule {
        let rule: any AttributionRule
        var id: String { rule.id }
        var ids: [String] { rule.ids }
        var examples: [RuleExample] { rule.examples }
        func apply(_ unit: QuoteCore.Unit, _ context: RuleContext) -> [Attribution] { rule.apply(unit, context) }
    }

    /// The whole extraction gives the same records with and without the triggers.
    func testExtractionIsTheSameWhenEveryRuleIsOfferedEveryUnit() throws {
        let plain = Extractor(rules: RuleRegistry.rules.map { Untriggered(rule: $0) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var records = 0
        for (index, text) in RuleTriggerTests.texts.enumerated() {
            let triggered = Extractor().extract(text: text, document: "t\(index)")
            let untriggered = plain.extract(text: text, document: "t\(index)")
            XCTAssertEqual(try encoder.encode(triggered), try encoder.encode(untriggered), text)
            records += triggered.quotes.count
        }
        XCTAssertGreaterThan(records, 200)
    }
}
