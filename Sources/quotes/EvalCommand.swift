import ArgumentParser
import Foundation
import QuoteCore
import QuoteEvaluation
import QuoteSchema

extension ReportSection: ExpressibleByArgument {}

/// `quotes eval`: runs the extractor on annotated documents and scores it.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score the extractor on annotated articles (PolNeAR-style gold JSONL).",
        discussion: """
        Runs the extractor on each gold document's text and compares: direct quotations by exact \
        span and by overlap, all quotations by overlap, speaker accuracy and end-to-end figures. \
        See docs/evaluation.md. With --baseline, exits 1 when a headline figure dropped by more \
        than --tolerance.
        """
    )

    @Argument(help: "Gold JSONL file (documents with `text` and annotated `quotes`).")
    var gold: String

    @Flag(help: "Print the report as JSON instead of a table.")
    var json = false

    @Option(help: ArgumentHelp("Write every miss, false alarm and wrong speaker to this JSONL file.", valueName: "file"))
    var errors: String?

    @Option(help: "Add a breakdown to the table: type, rule or publisher (repeatable).")
    var by: [ReportSection] = []

    @Option(help: ArgumentHelp("Fail when a headline figure drops below this baseline file.", valueName: "file"))
    var baseline: String?

    @Option(help: "Largest drop tolerated against the baseline.")
    var tolerance: Double = 0.005

    @Option(help: ArgumentHelp("Write the headline figures to this file as a new baseline.", valueName: "file"))
    var writeBaseline: String?

    @Option(help: ArgumentHelp("A folder of word lists to use instead of the built-in ones.", valueName: "dir"))
    var lexicon: String?

    @Option(help: ArgumentHelp("Score these records (JSONL, one quotation record per line, as `quotes extract --format jsonl` writes) instead of running the extractor: for comparing other tools.", valueName: "file"))
    var predictions: String?

    func run() throws {
        let (documents, readErrors) = try GoldReader.read(path: gold)
        for error in readErrors { StandardError.write("error: \(error)") }
        var predicted: [String: [QuoteRecord]] = [:]
        if let predictions {
            predicted = try Self.readRecords(predictions)
        } else {
            let words = try lexicon.map { try Lexicon(directory: URL(fileURLWithPath: $0)) } ?? .bundled
            let extractor = Extractor(lexicon: words)
            for document in documents {
                predicted[document.id] = extractor.extract(text: document.text, document: document.id).quotes
            }
        }
        let scorer = Scorer()
        let (report, found) = scorer.evaluate(gold: documents, predictions: predicted)
        if json {
            FileHandle.standardOutput.write(try report.jsonData())
            FileHandle.standardOutput.write(Data("\n".utf8))
        } else {
            print(report.renderTable(sections: Set(by)))
        }
        if let errors {
            try EvaluationError.jsonLines(found).write(toFile: errors, atomically: true, encoding: .utf8)
        }
        if let writeBaseline {
            try Baseline.write(report.headline, to: writeBaseline)
        }
        if let baseline {
            let regressions = Baseline.regressions(current: report.headline, baseline: try Baseline.load(path: baseline),
                                                   tolerance: tolerance)
            if regressions.isEmpty {
                StandardError.write("baseline \(baseline): no headline figure dropped by more than \(tolerance)")
            } else {
                for regression in regressions { StandardError.write("regression: \(regression)") }
                throw ExitCode(1)
            }
        }
        // The report covers the lines that were read; a refused line still fails the run (as a
        // file `quotes extract` cannot read does), so a script does not take a partial score for
        // the whole file.
        if !readErrors.isEmpty { throw ExitCode(1) }
    }

    /// Reads quotation records from JSONL, grouped by document; a broken line is an error naming it.
    static func readRecords(_ path: String) throws -> [String: [QuoteRecord]] {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let reason = !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) ? "no such file"
                : isDirectory.boolValue ? "it is a directory" : "it cannot be read (permissions?)"
            throw ValidationError("\(path): cannot read predictions file: \(reason)")
        }
        var result: [String: [QuoteRecord]] = [:]
        let decoder = JSONDecoder()
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() where !line.allSatisfy({ $0 == 32 || $0 == 13 }) {
            do {
                let record = try decoder.decode(QuoteRecord.self, from: Data(line))
                result[record.document, default: []].append(record)
            } catch {
                throw ValidationError("\(path):\(index + 1): not a quotation record: \(GoldReader.describe(error))")
            }
        }
        return result
    }
}
