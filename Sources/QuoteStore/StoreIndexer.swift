import Dispatch
import Foundation
import QuoteCore
import QuoteSchema

/// Extracts documents in batches and writes each batch to a store in one transaction.
///
/// Extraction of batch N+1 (on the extractor's threads) overlaps the write of batch N (on one
/// writer thread); batches are committed in input order. `committed` is called on the writer
/// thread right after a batch's transaction has returned, never before, so whatever it reports
/// is in the store. After a failed batch nothing more is written.
public final class StoreIndexer: @unchecked Sendable {
    /// A batch whose transaction has committed.
    public struct CommittedBatch: Sendable {
        /// 1 for the first batch of this indexer.
        public var number: Int
        public var documentIDs: [String]
        public var summary: QuoteStore.BatchSummary
        /// All committed batches of this indexer so far, this one included.
        public var totals: QuoteStore.BatchSummary
    }

    /// Where the time went: extraction (with record encoding) and the store's transactions.
    /// They overlap, so the two can add up to more than the wall-clock time; `storeCPU` is the
    /// writer thread's processor time in the transactions, which other processes do not inflate.
    public struct Timings: Sendable, Equatable {
        public var extraction: TimeInterval = 0
        public var store: TimeInterval = 0
        public var storeCPU: TimeInterval = 0
    }

    /// The calling thread's processor time in seconds.
    static func threadCPUTime() -> TimeInterval {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return TimeInterval(time.tv_sec) + TimeInterval(time.tv_nsec) / 1e9
    }

    /// A batch the store refused; the batches before it are committed, it and later ones are not.
    public struct Failure: Error, CustomStringConvertible {
        public var error: StoreError
        /// The refused batch's number and size.
        public var batch: Int
        public var documents: Int
        public var committedBatches: Int

        public var description: String {
            "\(error); batch \(batch) (\(documents) documents) was not stored, "
                + "the \(committedBatches) batches committed before it are intact"
        }
    }

    private let store: QuoteStore
    private let extractor: ParallelExtractor
    private let batchSize: Int
    private let batchBytes: Int
    private let committed: @Sendable (CommittedBatch) -> Void
    /// The writer has a thread of its own: never one of Dispatch's pool threads, which run the
    /// extraction at a lower priority.
    private let writer = WriterThread(name: "quotes.writer")
    /// At most one batch waits for the writer while the next one is extracted.
    private let slots = DispatchSemaphore(value: 1)
    private let lock = NSLock()
    private var pending: [SourceDocument] = []
    /// UTF-8 bytes of the pending documents' texts.
    private var pendingBytes = 0
    private var submitted = 0
    private var committedCount = 0
    private var totals = QuoteStore.BatchSummary()
    private var timings = Timings()
    private var failure: Failure?

    /// An indexer writing `batchSize` documents per transaction into `store`, fewer when their
    /// texts reach `batchBytes` first (a batch's records are held until it commits, so the bytes
    /// bound the memory of a batch of long documents).
    public init(store: QuoteStore, extractor: ParallelExtractor, batchSize: Int,
                batchBytes: Int = StoreIndexer.defaultBatchBytes,
                committed: @escaping @Sendable (CommittedBatch) -> Void = { _ in }) {
        self.store = store
        var extractor = extractor
        extractor.workerNiceness = extractor.workerNiceness ?? Self.processNiceness + Self.extractionNiceness
        self.extractor = extractor
        self.batchSize = max(1, batchSize)
        self.batchBytes = max(1, batchBytes)
        self.committed = committed
    }

    deinit {
        writer.stop()
    }

    /// Documents per transaction for `quotes index`. Each commit writes every page its batch
    /// dirtied to the log and FTS5 flushes a segment: fewer, larger transactions write each page
    /// fewer times. Measured with schema `v4`, whose record-id index took its keys (hashes) in
    /// random order, so that any batch dirtied most of it: dev text x20 (6,040 documents), writer
    /// processor time 2.02-2.10 s at 200, 1.64-1.77 s at 1,000; four times that text 8.24-8.88 s
    /// at 200, 6.16 s at 1,000. Peak memory 125 -> 170-185 MB.
    public static let defaultBatchSize = 1_000

    /// Text bytes after which a batch ends before `batchSize` documents: 4 MB, about a thousand
    /// news articles.
    public static let defaultBatchBytes = 4_000_000

    /// How much lower than the caller the extraction threads run (nice values): the writer is
    /// the critical path, and three busy threads on two cores each got two thirds of a core.
    /// Measured on the dev text x20 (27 MB, 2 cores), interleaved runs: 2.29-2.35 s at equal
    /// priority, 2.07-2.15 s at +6 (+3 gave most of it, +10 no more).
    static let extractionNiceness: Int32 = 6

    /// The nice value of the thread that first made an indexer, before any extraction lowered
    /// it: the calling thread takes part in the extraction (and Dispatch's threads stay lowered,
    /// since an unprivileged thread cannot raise its priority again), so later indexers of the
    /// same process aim at the same value instead of going lower each time.
    static let processNiceness = ThreadPriority.current

    /// True once a batch has failed: adding more documents does nothing.
    public var hasFailed: Bool {
        lock.withLock { failure != nil }
    }

    /// Counts of the committed batches so far.
    public var summary: QuoteStore.BatchSummary {
        lock.withLock { totals }
    }

    /// Queues a document; a full batch is extracted at once and handed to the writer.
    public func add(_ document: SourceDocument) {
        guard !hasFailed else { return }
        pendingBytes += document.text.utf8.count
        pending.append(document)
        if pending.count >= batchSize || pendingBytes >= batchBytes { submitPending() }
    }

    /// Writes what is queued, waits for the writer, and returns the totals; throws `Failure` for
    /// the first batch the store refused.
    @discardableResult
    public func finish() throws -> (summary: QuoteStore.BatchSummary, timings: Timings) {
        if !hasFailed { submitPending() }
        writer.sync()
        return try lock.withLock {
            if let failure { throw failure }
            return (totals, timings)
        }
    }

    /// The store rows of each document, encoded on `jobs` threads; `[i]` belongs to `documents[i]`.
    static func prepare(_ documents: [SourceDocument], _ results: [DocumentResult], jobs: Int,
                        niceness: Int32? = nil) -> [Result<StoreDocument, Error>] {
        let count = documents.count
        guard count > 0 else { return [] }
        let threads = min(max(1, jobs), count)
        return [Result<StoreDocument, Error>](unsafeUninitializedCapacity: count) { buffer, initialized in
            let base = buffer.baseAddress!
            // Each thread initialises its own slots: every `threads`-th one from `part`.
            DispatchQueue.concurrentPerform(iterations: threads) { part in
                if let niceness { ThreadPriority.lower(to: niceness) }
                for index in stride(from: part, to: count, by: threads) {
                    (base + index).initialize(to: Result { try StoreDocument(document: documents[index], result: results[index]) })
                }
            }
            initialized = count
        }
    }

    private func submitPending() {
        guard !pending.isEmpty else { return }
        let documents = pending
        pending.removeAll(keepingCapacity: true)
        pendingBytes = 0
        let started = Date()
        let prepared = Self.prepare(documents, extractor.extract(documents), jobs: extractor.jobs,
                                    niceness: extractor.workerNiceness)
        lock.withLock { timings.extraction += Date().timeIntervalSince(started) }
        submitted += 1
        let number = submitted
        slots.wait()
        writer.async { [self] in
            defer { slots.signal() }
            guard !hasFailed else { return }
            let started = Date()
            let startedCPU = Self.threadCPUTime()
            do {
                let batch = try prepared.map { try $0.get() }
                let summary = try store.index(batch)
                let sofar = lock.withLock {
                    timings.store += Date().timeIntervalSince(started)
                    timings.storeCPU += Self.threadCPUTime() - startedCPU
                    totals.add(summary)
                    committedCount += 1
                    return totals
                }
                committed(CommittedBatch(number: number, documentIDs: documents.map(\.id), summary: summary, totals: sofar))
            } catch {
                lock.withLock {
                    failure = Failure(error: StoreError(error, path: store.path), batch: number,
                                      documents: documents.count, committedBatches: committedCount)
                }
            }
        }
    }
}
