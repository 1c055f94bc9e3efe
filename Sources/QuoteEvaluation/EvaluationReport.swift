import Foundation
import QuoteSchema

/// One of the three ways quotations are compared (see docs/evaluation.md).
public enum MetricBlock: String, Codable, CaseIterable, Hashable, Sendable, Comparable {
    /// Direct quotations, same span after trimming whitespace, marks and edge punctuation.
    case directExact = "direct-exact"
    /// Direct quotations, |overlap| / max(length) >= 0.5.
    case directOverlap = "direct-overlap"
    /// Every quotation whatever its type, |overlap| / max(length) >= 0.5.
    case allOverlap = "all-overlap"

    /// The prefix of this block's figures in `EvaluationReport.headline`.
    public var headlinePrefix: String {
        switch self {
        case .directExact: return "direct_exact"
        case .directOverlap: return "direct_overlap"
        case .allOverlap: return "all_overlap"
        }
    }

    /// A short human label for tables.
    public var label: String {
        switch self {
        case .directExact: return "direct exact"
        case .directOverlap: return "direct overlap"
        case .allOverlap: return "all overlap"
        }
    }

    public static func < (lhs: MetricBlock, rhs: MetricBlock) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// A proportion with the counts it comes from; `value` is 0 when `total` is 0.
public struct Ratio: Codable, Hashable, Sendable {
    /// The numerator.
    public var correct: Int
    /// The denominator.
    public var total: Int
    /// `correct / total`, or 0 when there is nothing to count.
    public var value: Double

    public init(correct: Int, total: Int) {
        self.correct = correct
        self.total = total
        self.value = total == 0 ? 0 : Double(correct) / Double(total)
    }
}

/// True positives, false positives and false negatives with precision, recall and F1.
public struct SpanCounts: Codable, Hashable, Sendable {
    /// Matched pairs.
    public var tp: Int
    /// Predictions left unmatched (not counting ignored ones).
    public var fp: Int
    /// Gold quotations left unmatched.
    public var fn: Int
    /// tp / (tp + fp), 0 when there are no predictions.
    public var precision: Double
    /// tp / (tp + fn), 0 when there is no gold.
    public var recall: Double
    /// Harmonic mean of precision and recall, 0 when both are 0.
    public var f1: Double

    public init(tp: Int, fp: Int, fn: Int) {
        self.tp = tp
        self.fp = fp
        self.fn = fn
        precision = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)
        recall = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
        f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }
}

/// Recall-side figures for a group of gold quotations (one gold type).
public struct GoldSideStats: Codable, Hashable, Sendable {
    /// Gold quotations in the group.
    public var gold: Int
    /// Of which matched by a prediction.
    public var matched: Int
    /// matched / gold.
    public var recall: Double
    /// Right speakers among matched quotations whose gold speaker is non-null.
    public var speaker: Ratio
    /// Predictions without a speaker among matched quotations whose gold speaker is null.
    public var nullSpeaker: Ratio
    /// Matched with the right speaker, over all gold quotations of the group (end-to-end recall).
    public var endToEnd: Ratio
}

/// Precision-side figures for a group of predictions (one predicted type, or one rule).
public struct PredictedSideStats: Codable, Hashable, Sendable {
    /// Predicted quotations in the group, not counting ignored ones.
    public var predicted: Int
    /// Of which matched to gold.
    public var matched: Int
    /// Of which unmatched (false alarms).
    public var falseAlarms: Int
    /// Direct predictions inside a gold mixed/indirect span, counted neither way.
    public var ignored: Int
    /// matched / predicted.
    public var precision: Double
    /// Right speakers among matched quotations whose gold speaker is non-null.
    public var speaker: Ratio
    /// Predictions without a speaker among matched quotations whose gold speaker is null.
    public var nullSpeaker: Ratio
    /// Matched with the right speaker, over all predictions of the group (end-to-end precision).
    public var endToEnd: Ratio
}

/// All the figures of one block for one publisher.
public struct PublisherStats: Codable, Hashable, Sendable {
    /// Gold documents from this publisher.
    public var documents: Int
    /// Span matching.
    public var spans: SpanCounts
    /// Direct predictions ignored under the counts-neither-way rule.
    public var ignored: Int
    /// Speaker accuracy where the gold speaker is non-null.
    public var speaker: Ratio
    /// Accuracy where the gold speaker is null (the prediction must have none).
    public var nullSpeaker: Ratio
    /// End-to-end: a match counts only with the right speaker.
    public var endToEnd: SpanCounts
}

/// Every figure of one metric block, with its breakdowns.
public struct BlockReport: Codable, Hashable, Sendable {
    /// Which block this is.
    public var block: MetricBlock
    /// Span matching: tp, fp, fn, precision, recall, F1.
    public var spans: SpanCounts
    /// Direct predictions inside a gold mixed/indirect span that matched no gold direct quote;
    /// counted neither as true nor as false positives (always 0 in the all-overlap block).
    public var ignored: Int
    /// Speaker accuracy on matched quotations whose gold speaker is non-null.
    public var speaker: Ratio
    /// Accuracy on matched quotations whose gold speaker is null: the prediction must have none.
    public var nullSpeaker: Ratio
    /// End-to-end: a match counts as a true positive only when its speaker is right.
    public var endToEnd: SpanCounts
    /// Recall by gold type (`direct`, `mixed`, `indirect`).
    public var byGoldType: [String: GoldSideStats]
    /// Precision by predicted type.
    public var byPredictedType: [String: PredictedSideStats]
    /// Precision and speaker accuracy by the prediction's `rule`.
    public var byRule: [String: PredictedSideStats]
    /// Everything by `meta.publisher` (`unknown` when absent).
    public var byPublisher: [String: PublisherStats]
}

/// The result of scoring predictions against a gold set; encodes as the `--json` output.
public struct EvaluationReport: Codable, Hashable, Sendable {
    /// Gold documents scored.
    public var documents: Int
    /// Gold quotation records (fragments counted separately).
    public var goldQuotations: Int
    /// Predicted spans in gold documents (a record with `parts` counts once per part).
    public var predictedQuotations: Int
    /// Gold documents for which the predictions map had no entry (scored as finding nothing).
    public var documentsWithoutPredictions: Int
    /// Ids of predicted documents that are not in the gold set (not scored).
    public var unscoredPredictionDocuments: [String]
    /// Direct quotations by exact trimmed span.
    public var directExact: BlockReport
    /// Direct quotations by overlap.
    public var directOverlap: BlockReport
    /// All quotations by overlap, types ignored.
    public var allOverlap: BlockReport

    /// The report of one block.
    public func block(_ block: MetricBlock) -> BlockReport {
        switch block {
        case .directExact: return directExact
        case .directOverlap: return directOverlap
        case .allOverlap: return allOverlap
        }
    }

    /// The headline figures as a flat map, the format of a baseline file.
    ///
    /// For each block prefix (`direct_exact`, `direct_overlap`, `all_overlap`): `_precision`,
    /// `_recall`, `_f1`. Speaker and end-to-end figures: `direct_*` from the direct-exact block,
    /// `direct_overlap_*` from the direct-overlap block and `all_*` from the all-overlap block,
    /// each with `_speaker_accuracy`, `_null_speaker_accuracy`, `_e2e_precision`,
    /// `_e2e_recall`, `_e2e_f1`.
    public var headline: [String: Double] {
        var map: [String: Double] = [:]
        for block in MetricBlock.allCases {
            let report = self.block(block)
            let prefix = block.headlinePrefix
            map[prefix + "_precision"] = report.spans.precision
            map[prefix + "_recall"] = report.spans.recall
            map[prefix + "_f1"] = report.spans.f1
            let speakerPrefix: String
            switch block {
            case .directExact: speakerPrefix = "direct"
            case .directOverlap: speakerPrefix = "direct_overlap"
            case .allOverlap: speakerPrefix = "all"
            }
            map[speakerPrefix + "_speaker_accuracy"] = report.speaker.value
            map[speakerPrefix + "_null_speaker_accuracy"] = report.nullSpeaker.value
            map[speakerPrefix + "_e2e_precision"] = report.endToEnd.precision
            map[speakerPrefix + "_e2e_recall"] = report.endToEnd.recall
            map[speakerPrefix + "_e2e_f1"] = report.endToEnd.f1
        }
        return map
    }

    /// The report as pretty-printed JSON with sorted keys (the `--json` output).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
