import Foundation
import QuoteSchema

/// One scoring error for `--errors`: a miss, a false alarm or a wrong speaker, with context.
///
/// This is a record to inspect, not a Swift `Error`. Every field is always written (as `null`
/// when it does not apply) so that each JSON line has the same keys.
public struct EvaluationError: Codable, Hashable, Sendable {
    /// What went wrong.
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
        /// A gold quotation no prediction matched (false negative).
        case miss
        /// A prediction that matched no gold quotation (false positive).
        case falseAlarm = "false-alarm"
        /// A matched quotation whose speaker is wrong.
        case wrongSpeaker = "wrong-speaker"
    }

    /// The document id.
    public var document: String
    /// Miss, false alarm or wrong speaker.
    public var kind: Kind
    /// The metric block in which the error occurred.
    public var block: MetricBlock
    /// The gold quotation's type (miss, wrong speaker).
    public var goldType: QuoteType?
    /// The gold quotation as annotated, untrimmed offsets (miss, wrong speaker).
    public var gold: TextSpan?
    /// The predicted record's type (false alarm, wrong speaker).
    public var predictedType: QuoteType?
    /// The predicted span (one part of a multi-part record), untrimmed offsets.
    public var predicted: TextSpan?
    /// The rule that produced the prediction.
    public var rule: String?
    /// The predicted record's id.
    public var recordID: String?
    /// The gold speaker span, nil when the gold has no speaker or there is no gold quotation.
    public var goldSpeaker: TextSpan?
    /// The predicted speaker's name.
    public var predictedSpeaker: String?
    /// The predicted speaker's mention in the text.
    public var predictedMention: TextSpan?
    /// How the speakers compared (wrong speaker only).
    public var speakerVerdict: SpeakerVerdict?
    /// Overlap ratio of the matched pair (wrong speaker only).
    public var overlap: Double?
    /// About 100 characters either side, the gold span (or for a false alarm the predicted span)
    /// marked with ⟦ ⟧ and line breaks shown as ¶.
    public var context: String

    enum CodingKeys: String, CodingKey {
        case document, kind, block, goldType, gold, predictedType, predicted, rule, recordID
        case goldSpeaker, predictedSpeaker, predictedMention, speakerVerdict, overlap, context
    }

    public init(document: String, kind: Kind, block: MetricBlock, goldType: QuoteType? = nil,
                gold: TextSpan? = nil, predictedType: QuoteType? = nil, predicted: TextSpan? = nil,
                rule: String? = nil, recordID: String? = nil, goldSpeaker: TextSpan? = nil,
                predictedSpeaker: String? = nil, predictedMention: TextSpan? = nil,
                speakerVerdict: SpeakerVerdict? = nil, overlap: Double? = nil, context: String) {
        self.document = document
        self.kind = kind
        self.block = block
        self.goldType = goldType
        self.gold = gold
        self.predictedType = predictedType
        self.predicted = predicted
        self.rule = rule
        self.recordID = recordID
        self.goldSpeaker = goldSpeaker
        self.predictedSpeaker = predictedSpeaker
        self.predictedMention = predictedMention
        self.speakerVerdict = speakerVerdict
        self.overlap = overlap
        self.context = context
    }

    /// Writes every key, absent values as `null`.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(document, forKey: .document)
        try c.encode(kind, forKey: .kind)
        try c.encode(block, forKey: .block)
        try c.encode(goldType, forKey: .goldType)
        try c.encode(gold, forKey: .gold)
        try c.encode(predictedType, forKey: .predictedType)
        try c.encode(predicted, forKey: .predicted)
        try c.encode(rule, forKey: .rule)
        try c.encode(recordID, forKey: .recordID)
        try c.encode(goldSpeaker, forKey: .goldSpeaker)
        try c.encode(predictedSpeaker, forKey: .predictedSpeaker)
        try c.encode(predictedMention, forKey: .predictedMention)
        try c.encode(speakerVerdict, forKey: .speakerVerdict)
        try c.encode(overlap, forKey: .overlap)
        try c.encode(context, forKey: .context)
    }

    /// Encodes errors as JSON Lines (one compact object per line, keys sorted, trailing newline).
    public static func jsonLines(_ errors: [EvaluationError]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var out = ""
        for error in errors {
            out += String(decoding: try encoder.encode(error), as: UTF8.self)
            out += "\n"
        }
        return out
    }
}
