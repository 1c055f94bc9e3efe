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

    func run() throws {
        let words = try lexicon.map { try Lexicon(directory: URL(fileURLWithPath: $0)) } ?? .bundled
        let extractor = Extractor(lexicon: words, offsetUnit: offsets)
        let reader = DocumentReader(format: input)
        let output = StandardOutput()
        let encoder = JSONEncoder()
        encoder.outputFormatting = format == .json ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        var results: [DocumentResult] = []
        var failures = 0
        reader.read(inputs, emit: { document in
            var result = extractor.extract(text: document.text, document: document.id, metadata: document.metadata)
            result.diagnostics.insert(contentsOf: document.diagnostics, at: 0)
            if directOnly { result.quotes.removeAll { $0.type == .indirect } }
            for diagnostic in result.diagnostics {
                let place = diagnostic.start.map { " at \($0)" } ?? ""
                StandardError.write("\(document.id)\(place): \(diagnostic.severity.rawValue): \(diagnostic.code): \(diagnostic.message)")
            }
            switch format {
            case .json:
                results.append(result)
            case .jsonl:
                for var record in result.quotes {
                    record.schemaVersion = QuoteSchemaVersion.current
                    if let data = try? encoder.encode(record) {
                        output.write(data)
                        output.write("\n")
                    }
                }
            }
        }, fail: { error in
            failures += 1
            StandardError.write("error: \(error)")
        })
        if format == .json, let data = try? encoder.encode(ExtractionOutput(documents: results)) {
            output.write(data)
            output.write("\n")
        }
        output.flush()
        if failures > 0 { throw ExitCode(1) }
    }
}
