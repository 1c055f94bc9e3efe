import ArgumentParser
import Foundation
import QuoteCore
import QuoteSchema
import QuoteStore

/// `quotes index`: extract articles and add them to the store.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Extract quotations from articles and add them to the store (default ./quotes.sqlite).",
        discussion: """
        Each batch of documents is one transaction: an interrupted run (even kill -9) leaves the \
        store as it was after the last committed batch. A document indexed again (same id, or same \
        text) replaces its earlier records; one that would give the same rows again (same id, text, \
        metadata and records) is left as it is, and is not even extracted again when this same build \
        of quotes stored it. Documents that cannot be read are reported and skipped. \
        When the store cannot be written (full disk, read-only file system, not a store) the run \
        stops with a non-zero status; the batches committed before are kept. Progress is shown on \
        standard error when it is a terminal.
        """
    )

    @OptionGroup var store: StoreOptions

    @Argument(help: "Article files, saved web pages, directories (txt, jsonl and html mixed), JSONL files, or - for standard input.")
    var inputs: [String]

    @Option(help: "How to read inputs: auto (by extension and content), text or jsonl.")
    var input: InputFormat = .auto

    @Option(parsing: .unconditional, help: "Documents per transaction (fewer when their texts reach 4 MB first).")
    var batch: Int = StoreIndexer.defaultBatchSize

    @Option(parsing: .unconditional, help: "Documents extracted in parallel.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(help: """
        After each committed batch, print {"batch": N, "documents": [ids]} as one line on standard \
        output (written after the commit returns).
        """)
    var logBatches = false

    @Option(help: ArgumentHelp("Cap the store at this many pages (SQLite max_page_count; 16 KiB in a new store), to test a full disk.",
                               visibility: .hidden))
    var maxPages: Int?

    func validate() throws {
        try OptionChecks.atLeast(1, batch, option: "--batch")
        try OptionChecks.atLeast(1, jobs, option: "--jobs")
        try OptionChecks.atLeast(1, maxPages, option: "--max-pages")
    }

    func run() throws {
        let quoteStore = try QuoteStore(path: store.db, maxPageCount: maxPages)
        let progress = IndexProgress.standardError()
        let started = Date()
        let logBatches = logBatches
        let indexer = StoreIndexer(store: quoteStore, extractor: ParallelExtractor(extractor: Extractor(), jobs: jobs),
                                   batchSize: batch) { batch in
            if logBatches { BatchLog.write(batch) }
            progress.update(batch.totals, seconds: Date().timeIntervalSince(started))
        }
        var failures = 0
        IndexInputs(format: input).read(inputs, emit: indexer.add, fail: { error in
            failures += 1
            StandardError.write("error: \(error)")
        })
        let outcome = Result { try indexer.finish() }
        progress.finish()
        let (totals, timings) = try outcome.get()
        let seconds = Date().timeIntervalSince(started)
        StandardError.write("indexed \(totals.documents) documents (\(totals.replaced) replaced, \(totals.unchanged) unchanged, "
            + "\(timings.extracted) extracted), \(totals.quotes) quotations "
            + "into \(store.db) in " + String(format: "%.2f s (extraction %.2f s, store %.2f s, %.2f s processor)",
                                      seconds, timings.extraction, timings.store, timings.storeCPU))
        if failures > 0 { throw ExitCode(1) }
    }
}

/// The `--log-batches` lines: one JSON object per committed batch on standard output.
enum BatchLog {
    private struct Line: Encodable {
        var batch: Int
        var documents: [String]
    }

    /// Writes the batch's line with one `write(2)`, so a kill leaves whole lines or a cut last line.
    static func write(_ batch: StoreIndexer.CommittedBatch) {
        // An Int and strings always encode.
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = (try? encoder.encode(Line(batch: batch.number, documents: batch.documentIDs))) ?? Data()
        data.append(UInt8(ascii: "\n"))
        FileHandle.standardOutput.write(data)
    }
}
