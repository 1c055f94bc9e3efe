import Foundation
import QuoteSchema

/// A problem reading or writing a baseline file.
public enum BaselineError: Error, CustomStringConvertible, Hashable, Sendable {
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The file is not a JSON object.
    case notAnObject(path: String, detail: String)
    /// A value in the object is not a number.
    case notANumber(path: String, key: String, value: String)
    /// The file could not be written.
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            return "cannot read baseline file \"\(path)\": \(reason)"
        case .notAnObject(let path, let detail):
            return "baseline file \"\(path)\" is not a JSON object of metric names to numbers: \(detail)"
        case .notANumber(let path, let key, let value):
            return "baseline file \"\(path)\": value of \"\(key)\" is \(value), not a number"
        case .unwritable(let path, let reason):
            return "cannot write baseline file \"\(path)\": \(reason)"
        }
    }
}

/// A headline figure that fell by more than the tolerance (or disappeared) since the baseline.
public struct Regression: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The headline metric name, such as `direct_exact_f1`.
    public var metric: String
    /// The value recorded in the baseline.
    public var baseline: Double
    /// The value now, or nil when the current report no longer has this metric.
    public var current: Double?

    public init(metric: String, baseline: Double, current: Double?) {
        self.metric = metric
        self.baseline = baseline
        self.current = current
    }

    /// How much the figure fell (`baseline - current`); nil when it is missing.
    public var drop: Double? { current.map { baseline - $0 } }

    public var description: String {
        guard let current else {
            return "\(metric): \(Baseline.format(baseline)) in the baseline, missing now"
        }
        return "\(metric): \(Baseline.format(baseline)) -> \(Baseline.format(current)) "
            + "(-\(Baseline.format(baseline - current)))"
    }
}

/// Reads, writes and compares baseline files: flat JSON maps of headline metric name to value.
public enum Baseline {
    /// The tolerance used when none is given: drops up to half a point are noise.
    public static let defaultTolerance = 0.005

    /// Reads a baseline file (`{"direct_exact_f1": 0.93, ...}`).
    public static func load(path: String) throws -> [String: Double] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw BaselineError.unreadable(path: path, reason: error.localizedDescription)
        }
        return try parse(data: data, path: path)
    }

    /// Parses baseline JSON from memory; `path` is used only in error messages.
    public static func parse(data: Data, path: String) throws -> [String: Double] {
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw BaselineError.notAnObject(path: path, detail: GoldReader.describe(error))
        }
        guard case .object(let map) = value else {
            throw BaselineError.notAnObject(path: path, detail: "the top level is \(render(value))")
        }
        var result: [String: Double] = [:]
        for (key, value) in map {
            guard case .number(let number) = value else {
                throw BaselineError.notANumber(path: path, key: key, value: render(value))
            }
            result[key] = number
        }
        return result
    }

    /// The figures in `baseline` that fell by more than `tolerance` in `current`, or that
    /// `current` lacks, in name order. Figures only in `current` are not compared.
    public static func regressions(current: [String: Double], baseline: [String: Double],
                                   tolerance: Double = defaultTolerance) -> [Regression] {
        var found: [Regression] = []
        for metric in baseline.keys.sorted() {
            let old = baseline[metric]!
            guard let new = current[metric] else {
                found.append(Regression(metric: metric, baseline: old, current: nil))
                continue
            }
            // A small epsilon keeps a drop of exactly `tolerance` from tripping on rounding.
            if old - new > tolerance + 1e-9 {
                found.append(Regression(metric: metric, baseline: old, current: new))
            }
        }
        return found
    }

    /// The baseline file content for a headline map: pretty JSON, keys sorted, values rounded to
    /// four decimals.
    public static func encode(_ headline: [String: Double]) throws -> Data {
        let rounded = headline.mapValues { ($0 * 10_000).rounded() / 10_000 }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var data = try encoder.encode(rounded)
        data.append(0x0A)
        return data
    }

    /// Writes a baseline file for `headline` (use `EvaluationReport.headline`).
    public static func write(_ headline: [String: Double], to path: String) throws {
        do {
            try encode(headline).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch let error as BaselineError {
            throw error
        } catch {
            throw BaselineError.unwritable(path: path, reason: error.localizedDescription)
        }
    }

    static func format(_ value: Double) -> String {
        String(format: "%.4f", value)
    }

    /// A JSON value in short, for messages.
    static func render(_ value: JSONValue) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return String(describing: value) }
        let text = String(decoding: data, as: UTF8.self)
        return text.count > 80 ? String(text.prefix(80)) + "…" : text
    }
}
