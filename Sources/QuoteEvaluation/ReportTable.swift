import Foundation

/// An optional breakdown section of the text report (`quotes eval --by ...`).
public enum ReportSection: String, CaseIterable, Hashable, Sendable {
    /// Recall by gold type and precision by predicted type.
    case type
    /// Precision and speaker accuracy by attribution rule.
    case rule
    /// All figures by publisher.
    case publisher
}

extension EvaluationReport {
    /// Renders the report as fixed-width text: the headline block, then the requested sections
    /// in the order type, rule, publisher. Every ratio is shown with its counts.
    public func renderTable(sections: Set<ReportSection> = []) -> String {
        var out: [String] = []
        out.append("Quotation evaluation: \(documents) documents, \(goldQuotations) gold quotations, "
            + "\(predictedQuotations) predicted")
        if documentsWithoutPredictions > 0 {
            out.append("note: \(documentsWithoutPredictions) gold documents had no predictions")
        }
        if !unscoredPredictionDocuments.isEmpty {
            out.append("note: \(unscoredPredictionDocuments.count) predicted documents are not in the gold set")
        }
        out.append("")
        out.append("Spans")
        var spans = TextTable(["block", "tp", "fp", "fn", "ignored", "precision", "recall", "F1"])
        for block in MetricBlock.allCases {
            let r = self.block(block)
            spans.add([block.label, "\(r.spans.tp)", "\(r.spans.fp)", "\(r.spans.fn)", "\(r.ignored)",
                       TextTable.ratio(r.spans.tp, r.spans.tp + r.spans.fp),
                       TextTable.ratio(r.spans.tp, r.spans.tp + r.spans.fn),
                       TextTable.number(r.spans.f1)])
        }
        out.append(spans.render())
        out.append("")
        out.append("Speakers and end to end (a match counts only with the right speaker)")
        var speakers = TextTable(["block", "speaker", "null speaker", "e2e precision", "e2e recall", "e2e F1"])
        for block in MetricBlock.allCases {
            let r = self.block(block)
            let e = r.endToEnd
            speakers.add([block.label, TextTable.ratio(r.speaker), TextTable.ratio(r.nullSpeaker),
                          TextTable.ratio(e.tp, e.tp + e.fp), TextTable.ratio(e.tp, e.tp + e.fn),
                          TextTable.number(e.f1)])
        }
        out.append(speakers.render())

        if sections.contains(.type) {
            let r = allOverlap
            out.append("")
            out.append("By gold type (all overlap): recall")
            var gold = TextTable(["gold type", "gold", "matched", "recall", "speaker", "null speaker", "e2e recall"])
            for type in TextTable.typeOrder(r.byGoldType.keys) {
                let s = r.byGoldType[type]!
                gold.add([type, "\(s.gold)", "\(s.matched)", TextTable.ratio(s.matched, s.gold),
                          TextTable.ratio(s.speaker), TextTable.ratio(s.nullSpeaker),
                          TextTable.ratio(s.endToEnd)])
            }
            out.append(gold.render())
            out.append("")
            out.append("By predicted type (all overlap): precision")
            out.append(predictedTable("predicted type", r.byPredictedType,
                                      order: TextTable.typeOrder(r.byPredictedType.keys)).render())
        }
        if sections.contains(.rule) {
            for block in MetricBlock.allCases {
                let r = self.block(block)
                out.append("")
                out.append("By rule (\(block.label)): precision")
                let order = r.byRule.keys.sorted {
                    let a = r.byRule[$0]!, b = r.byRule[$1]!
                    if a.predicted + a.ignored != b.predicted + b.ignored {
                        return a.predicted + a.ignored > b.predicted + b.ignored
                    }
                    return $0 < $1
                }
                out.append(predictedTable("rule", r.byRule, order: order).render())
            }
        }
        if sections.contains(.publisher) {
            for block in MetricBlock.allCases {
                let r = self.block(block)
                out.append("")
                out.append("By publisher (\(block.label))")
                var table = TextTable(["publisher", "docs", "tp", "fp", "fn", "ignored", "precision",
                                       "recall", "F1", "speaker", "null speaker", "e2e F1"])
                for name in r.byPublisher.keys.sorted() {
                    let s = r.byPublisher[name]!
                    table.add([name, "\(s.documents)", "\(s.spans.tp)", "\(s.spans.fp)", "\(s.spans.fn)",
                               "\(s.ignored)", TextTable.ratio(s.spans.tp, s.spans.tp + s.spans.fp),
                               TextTable.ratio(s.spans.tp, s.spans.tp + s.spans.fn),
                               TextTable.number(s.spans.f1), TextTable.ratio(s.speaker),
                               TextTable.ratio(s.nullSpeaker), TextTable.number(s.endToEnd.f1)])
                }
                out.append(table.render())
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func predictedTable(_ title: String, _ stats: [String: PredictedSideStats],
                                order: [String]) -> TextTable {
        var table = TextTable([title, "predicted", "matched", "false alarms", "ignored", "precision",
                               "speaker", "null speaker", "e2e precision"])
        for key in order {
            let s = stats[key]!
            table.add([key, "\(s.predicted)", "\(s.matched)", "\(s.falseAlarms)", "\(s.ignored)",
                       TextTable.ratio(s.matched, s.predicted), TextTable.ratio(s.speaker),
                       TextTable.ratio(s.nullSpeaker), TextTable.ratio(s.endToEnd)])
        }
        return table
    }
}

/// A plain fixed-width table: first column left-aligned, the others right-aligned.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []

    init(_ header: [String]) { self.header = header }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render() -> String {
        let all = [header] + rows
        var widths = [Int](repeating: 0, count: header.count)
        for row in all {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], cell.count)
            }
        }
        func line(_ row: [String]) -> String {
            var cells: [String] = []
            for (i, width) in widths.enumerated() {
                let cell = i < row.count ? row[i] : ""
                let pad = String(repeating: " ", count: width - cell.count)
                cells.append(i == 0 ? cell + pad : pad + cell)
            }
            var text = cells.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var lines = [line(header)]
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        lines += rows.map(line)
        if rows.isEmpty { lines.append("(none)") }
        return lines.joined(separator: "\n")
    }

    static func number(_ value: Double) -> String { String(format: "%.3f", value) }

    /// `0.947 (1800/1900)`, or `- (0/0)` when there is nothing to count.
    static func ratio(_ correct: Int, _ total: Int) -> String {
        total == 0 ? "- (0/0)" : "\(number(Double(correct) / Double(total))) (\(correct)/\(total))"
    }

    static func ratio(_ r: Ratio) -> String { ratio(r.correct, r.total) }

    static func typeOrder<S: Sequence>(_ keys: S) -> [String] where S.Element == String {
        let known = ["direct", "mixed", "indirect"]
        let present = Set(keys)
        return known.filter(present.contains) + present.subtracting(known).sorted()
    }
}
