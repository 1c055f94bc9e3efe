import ArgumentParser
import Foundation
import QuoteCore
import QuoteSchema

/// `quotes extract`: articles in, quotation records out.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Find every quotation in articles, with its speaker, cue and type.",
        discussion: """
        Inputs are text files, directories (searched for *.txt and *.jsonl), JSONL files with one \
        {"id": ..., "text": ...} object per line, or - for standard input. Offsets count Unicode \
        code points unless --offsets says otherwise. Exit status is 1 when an input could not be \
        read at all; the other inputs are still processed.
        """
    )

    @Argument(help: "Article files, directories, JSONL files, or - for standard input.")
    var inputs: [String]

    @Option(help: "Output layout: json (one object) or jsonl (one record per line).")
    var format: OutputFormat = .json

    @Option(help: "How to read inputs: auto (by extension), text or jsonl.")
    var input: InputFormat = .auto

    @Option(help: "Offset unit: codepoint, utf8 or utf16.")
    var offsets: OffsetUnitKind = .codepoint

    @Flag(help: "Leave indirect (reported) speech out of the output.")
    var directOnly = false

    @Option(help: ArgumentHelp("A folder of word lists to use instead of the built-in ones.", valueName: "dir"))
    var lexicon: String?

    @Option(help: "Documents processed in parallel (default: all cores). Output order does not depend on it.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func run() throws {
        let words = try lexicon.map { try Lexicon(directory: URL(fileURLWithPath: $0)) } ?? .bundled
        let extractor = Extractor(lexicon: words, offsetUnit: offsets)
        let reader = DocumentReader(format: input)
        let output = StandardOutput()
        let encoder = JSONEncoder()
        encoder.outputFormatting = format == .json ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        var results: [DocumentResult] = []
        var failures = 0
        let parallel = ParallelExtractor(extractor: extractor, jobs: jobs)
        var batch: [SourceDocument] = []
        var batchBytes = 0
        let format = self.format
        let directOnly = self.directOnly
        func flush() {
            // Filtering and JSONL encoding run on the worker threads too.
            let done = parallel.extract(batch) { result -> (DocumentResult, Data) in
                var result = result
                if directOnly { result.quotes.removeAll { $0.type == .indirect } }
                var lines = Data()
                if format == .jsonl {
                    let lineEncoder = JSONEncoder()
                    lineEncoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
                    for var record in result.quotes {
                        record.schemaVersion = QuoteSchemaVersion.current
                        if let data = try? lineEncoder.encode(record) {
                            lines.append(data)
                            lines.append(0x0A)
                        }
                    }
                }
                return (result, lines)
            }
            for (result, lines) in done {
                for diagnostic in result.diagnostics {
                    let place = diagnostic.start.map { " at \($0)" } ?? ""
                    StandardError.write("\(result.document)\(place): \(diagnostic.severity.rawValue): \(diagnostic.code): \(diagnostic.message)")
                }
                if format == .json { results.append(result) } else { output.write(lines) }
            }
            batch.removeAll(keepingCapacity: true)
            batchBytes = 0
        }
        reader.read(inputs, emit: { document in
            batch.append(document)
            batchBytes += document.text.utf8.count
            // Bounded batches keep memory proportional to the batch, not the input.
            if batch.count >= 64 * jobs || batchBytes >= 16 << 20 { flush() }
        }, fail: { error in
            flush()
            failures += 1
            StandardError.write("error: \(error)")
        })
        flush()
        if format == .json, let data = try? encoder.encode(ExtractionOutput(documents: results)) {
            output.write(data)
            output.write("\n")
        }
        output.flush()
        if failures > 0 { throw ExitCode(1) }
    }
}
