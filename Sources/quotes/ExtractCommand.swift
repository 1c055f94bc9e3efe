import ArgumentParser
import Foundation
import QuoteCore
import QuoteHTML
import QuoteSchema

/// `quotes extract`: articles in, quotation records out.
struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Find every quotation in articles, with its speaker, cue and type.",
        discussion: """
        Inputs are text files, directories (searched for *.txt and *.jsonl), JSONL files with one \
        {"id": ..., "text": ...} object per line, saved web pages (*.html, *.htm, or any file \
        starting like HTML; see docs/html.md), or - for standard input. Offsets count Unicode \
        code points unless --offsets says otherwise. Exit status is 1 when an input could not be \
        read at all; the other inputs are still processed.
        """
    )

    @Argument(help: "Article files, web pages, directories, JSONL files, or - for standard input.")
    var inputs: [String]

    @Option(help: "Output layout: json (one object) or jsonl (one record per line).")
    var format: OutputFormat = .json

    @Option(help: "How to read inputs: auto (by extension and content), text, jsonl or html.")
    var input: ExtractInput = .auto

    @Flag(help: "Also output each document's text, which offsets refer to (the article text of a web page): metadata.text in json output, a {\"document\", \"text\"} line before its records in jsonl output.")
    var emitText = false

    @Option(help: "Offset unit: codepoint, utf8 or utf16.")
    var offsets: OffsetUnit = .codepoint

    @Flag(help: "Leave indirect (reported) speech out of the output.")
    var directOnly = false

    @Option(help: ArgumentHelp("A folder of word lists to use instead of the built-in ones.", valueName: "dir"))
    var lexicon: String?

    @Option(parsing: .unconditional, help: "Documents processed in parallel (default: all cores). Output order does not depend on it.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        try OptionChecks.atLeast(1, jobs, option: "--jobs")
    }

    func run() throws {
        let words = try lexicon.map { try Lexicon(directory: URL(fileURLWithPath: $0)) } ?? .bundled
        let extractor = Extractor(lexicon: words, offsetUnit: offsets)
        // JSONL output writes no metadata (and --text adds the text itself), so JSONL input need not
        // keep it; nor, without --text, the text as a string (the extractor reads its UTF-16).
        let reader = DocumentReader(format: input.coreFormat, keepsMetadata: format != .jsonl, readsUTF16: !emitText)
        let output = StandardOutput()
        // JSON output is written as documents come too (the envelope around them by `envelope`).
        var envelope = ExtractionJSONWriter()
        var failures = 0
        let parallel = ParallelExtractor(extractor: extractor, jobs: jobs)
        let format = self.format
        let directOnly = self.directOnly
        let emitText = self.emitText
        // Filtering and JSONL encoding run on the worker threads too.
        // The result is the closure's own (`consuming`): its records are its only copy, which
        // `appendLines(taking:)` empties in place.
        let stream = ExtractionStream(extractor: parallel) { (result: consuming DocumentResult) -> (DocumentResult, [UInt8]) in
            if directOnly { result.quotes.removeAll { $0.type == .indirect } }
            guard format == .jsonl else {
                let json = ExtractionJSONWriter.document(result)
                result.quotes = []
                result.metadata = nil
                return (result, json)
            }
            // ~550 bytes a line, and room for the last record's bound (what `JSONCursor` reserves
            // before writing it: six bytes a character of text and 1,024); nothing for a document
            // without records. Sized for the lines alone, the buffer was grown (and copied) ~3
            // times a document.
            var writer = JSONLineWriter(capacity: result.quotes.isEmpty ? 0 : result.quotes.count * 600 + 4_096)
            writer.appendLines(taking: &result.quotes, schemaVersion: QuoteSchemaVersion.current)
            // The records are freed here, on the thread that made them: only the lines and the
            // diagnostics go back to the writing thread.
            let text = emitText ? result.metadata?["text"] : nil
            result.quotes = []
            result.metadata = nil
            guard case .string(let text)? = text else {
                // The writer's bytes as they are: a huge document's lines are not copied again.
                return (result, writer.bytes)
            }
            let lineEncoder = JSONEncoder()
            lineEncoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            guard let data = try? lineEncoder.encode(["document": result.document, "text": text]) else {
                return (result, writer.bytes)
            }
            return (result, Array(data) + [0x0A] + writer.bytes)
        }
        func write(_ result: DocumentResult, _ lines: [UInt8]) {
            for diagnostic in result.diagnostics {
                let place = diagnostic.start.map { " at \($0)" } ?? ""
                StandardError.write("\(result.document)\(place): \(diagnostic.severity.rawValue): \(diagnostic.code): \(diagnostic.message)")
            }
            if format == .json { output.write(envelope.separator()) }
            output.write(lines)
        }
        func write(_ done: [(DocumentResult, [UInt8])]) {
            for (result, lines) in done { write(result, lines) }
        }
        func emit(_ document: SourceDocument) {
            var document = document
            if emitText {
                var metadata = document.metadata ?? [:]
                metadata["text"] = .string(document.text)
                document.metadata = metadata
            }
            // Documents are extracted while the next ones are read; memory stays bounded by
            // the stream's limit on what is read but not yet written.
            stream.submit(document) { write($0.0, $0.1) }
        }
        func fail(_ error: InputError) {
            // The documents before the failed input are written first, so messages keep input order.
            write(stream.drain())
            failures += 1
            StandardError.write("error: \(error)")
        }
        for path in inputs {
            if path == "-" && input == .auto {
                StandardInputReader.read(with: reader, emit: emit, fail: fail)
                continue
            }
            // Web pages go through QuoteHTML, one input at a time so output keeps input order.
            if let pages = htmlPages(path) {
                for page in pages {
                    let data = page == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: page)
                    guard let data else {
                        fail(.unreadable(path: page, reason: "permission denied or not a regular file"))
                        continue
                    }
                    switch HTMLArticleReader.read(data: data, path: page) {
                    case .success(let document): emit(document)
                    case .failure(let error): fail(error)
                    }
                }
                if pages.isEmpty { fail(.unreadable(path: path, reason: "directory holds no web pages (*.html or *.htm)")) }
            } else {
                reader.read([path], emit: emit, fail: fail)
            }
        }
        write(stream.drain())
        if format == .json {
            output.write(envelope.closing())
            output.write("\n")
        }
        output.flush()
        if failures > 0 { throw ExitCode(1) }
    }

    /// The pages to read with the HTML reader for one input, or nil when it is not HTML.
    ///
    /// `--input html` makes files, stdin and directories (their *.html and *.htm files) HTML;
    /// `auto` takes files named *.html or *.htm and files whose first bytes look like a page.
    func htmlPages(_ path: String) -> [String]? {
        if path == "-" { return input == .html ? ["-"] : nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue {
            guard input == .html else { return nil }
            let enumerator = FileManager.default.enumerator(atPath: path)
            var pages: [String] = []
            while let relative = enumerator?.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if !name.hasPrefix("."), HTMLArticleReader.hasHTMLExtension(name) {
                    pages.append((path as NSString).appendingPathComponent(relative))
                }
            }
            return pages.sorted()
        }
        switch input {
        case .html: return [path]
        case .text, .jsonl: return nil
        case .auto:
            if HTMLArticleReader.hasHTMLExtension(path) { return [path] }
            if path.lowercased().hasSuffix(".jsonl") { return nil }
            guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
            defer { try? handle.close() }
            return HTMLArticleReader.looksLikeHTML(handle.readData(ofLength: 1024)) ? [path] : nil
        }
    }
}

/// `--input`: the core reader's formats plus saved web pages.
enum ExtractInput: String, CaseIterable, ExpressibleByArgument {
    case auto
    case text
    case jsonl
    case html

    /// The format the core reader uses for inputs that are not HTML.
    var coreFormat: InputFormat {
        switch self {
        case .auto: return .auto
        case .text, .html: return .text
        case .jsonl: return .jsonl
        }
    }
}
