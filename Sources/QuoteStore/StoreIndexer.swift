import Dispatch
import Foundation
import QuoteCore
import QuoteSchema

/// Extracts documents in batches and writes each batch to a store in one transaction.
///
/// A batch is extracted in parts (on the extractor's threads) and each part is written (on one
/// writer thread) while the next is extracted, the batch's transaction staying open until its
/// last part; batches are committed in input order. `committed` is called on the writer
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
        /// Documents handed to the extractor; the others came back with the input and extractor
        /// their stored rows were made from (a writer that finds such a row replaced since extracts
        /// the document itself, uncounted).
        public var extracted = 0
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
    private let partSize: Int
    private let partBytes: Int
    private let committed: @Sendable (CommittedBatch) -> Void
    /// The writer has a thread of its own: never one of Dispatch's pool threads, which run the
    /// extraction at a lower priority.
    private let writer = WriterThread(name: "quotes.writer")
    /// Parts extracted and not yet taken by the writer: at most `Self.partsAhead`.
    private let slots = DispatchSemaphore(value: StoreIndexer.partsAhead)
    private let lock = NSLock()
    /// The documents of the part being gathered, and the UTF-8 bytes of their texts.
    private var pending: [SourceDocument] = []
    private var pendingBytes = 0
    /// Documents and text bytes of the open transaction so far, pending ones included.
    private var batchCount = 0
    private var batchTextBytes = 0
    /// The open transaction's parts, on their way to its writer job.
    private var channel: PartChannel?
    private var submitted = 0
    private var committedCount = 0
    private var totals = QuoteStore.BatchSummary()
    private var timings = Timings()
    private var failure: Failure?
    /// Parts the writer has written, freed by the thread that submits the next part (under
    /// `lock`): freeing a part's rows (their strings and arrays, made on the extraction threads)
    /// took ~2% of the writer thread, the index's critical path. At most the parts written
    /// between two submissions, `partsAhead` and the one in hand.
    private var written: [[StoreDocument]] = []
    /// The extractor's fingerprint (`Extractor.fingerprint`), under which documents' inputs are
    /// hashed; nil: every document is extracted. Settable for tests, before the first `add`.
    var fingerprint: String?
    /// Whether the store held documents when the indexer was made (else no input is looked up).
    private let storeHadDocuments: Bool

    /// An indexer writing `batchSize` documents per transaction into `store`, fewer when their
    /// texts reach `batchBytes` first (the store's page cache holds what a transaction dirtied
    /// until it commits, so the bytes bound a transaction of long documents). A transaction's
    /// documents are extracted and written in parts of `partSize` documents or `partBytes` of
    /// text, whichever comes first: the writer starts on a part while the next is extracted.
    public init(store: QuoteStore, extractor: ParallelExtractor, batchSize: Int,
                batchBytes: Int = StoreIndexer.defaultBatchBytes,
                partSize: Int = StoreIndexer.defaultPartSize, partBytes: Int = StoreIndexer.defaultPartBytes,
                committed: @escaping @Sendable (CommittedBatch) -> Void = { _ in }) {
        self.store = store
        var extractor = extractor
        extractor.workerNiceness = extractor.workerNiceness ?? Self.processNiceness + Self.extractionNiceness
        self.extractor = extractor
        fingerprint = extractor.extractor.fingerprint
        storeHadDocuments = (try? store.hasDocuments()) ?? true
        self.batchSize = max(1, batchSize)
        self.batchBytes = max(1, batchBytes)
        self.partSize = max(1, partSize)
        self.partBytes = max(1, partBytes)
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
    /// at 200, 6.16 s at 1,000. Peak memory 125 -> 170-185 MB. Since a batch is extracted and
    /// written in parts, memory follows the part, and the count only matters for documents too
    /// short for `defaultBatchBytes` to end their batch: 10,000 (twenty-third session), so that
    /// documents of 400 bytes or more end theirs at 4 MB of text. 25,000 articles of ~280 bytes
    /// took 25 transactions at 1,000 (each writing most of the speaker and record indexes again:
    /// 50,718 page writes) and take 3 now (14,685 page writes): wall 2.54 -> 1.80 s, medians of 5
    /// interleaved runs; peak memory 97 -> 104 MB.
    public static let defaultBatchSize = 10_000

    /// Text bytes after which a batch ends before `batchSize` documents: 4 MB, about a thousand
    /// news articles.
    public static let defaultBatchBytes = 4_000_000

    /// Documents extracted together and handed to the writer as one part of a transaction.
    /// Until the thirteenth session a whole batch was extracted before its write began and held
    /// until it committed: memory followed the batch (dev text x20: 171 MB, now 124), and the
    /// writer waited for the first batch, the extraction for the last write. (The time did not
    /// change there: two cores are busy with the two together either way.) The transaction
    /// stays open, and the store's write lock held, while the batch's later parts are extracted.
    public static let defaultPartSize = 100

    /// Text bytes after which a part ends before `defaultPartSize` documents.
    public static let defaultPartBytes = 400_000

    /// Parts that may wait for the writer while the next is extracted: enough to ride out a
    /// slow part, few enough that memory stays that of a few hundred documents.
    static let partsAhead = 4

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

    /// Queues a document; a full part is extracted at once and handed to the writer, and a full
    /// batch ends the transaction.
    public func add(_ document: SourceDocument) {
        guard !hasFailed else { return }
        let bytes = document.text.utf8.count
        pending.append(document)
        pendingBytes += bytes
        batchCount += 1
        batchTextBytes += bytes
        if batchCount >= batchSize || batchTextBytes >= batchBytes {
            submitPending(endingTheBatch: true)
        } else if pending.count >= partSize || pendingBytes >= partBytes {
            submitPending(endingTheBatch: false)
        }
    }

    /// Writes what is queued, waits for the writer, and returns the totals; throws `Failure` for
    /// the first batch the store refused.
    @discardableResult
    public func finish() throws -> (summary: QuoteStore.BatchSummary, timings: Timings) {
        submitPending(endingTheBatch: true)
        writer.sync()
        return try lock.withLock {
            if let failure { throw failure }
            return (totals, timings)
        }
    }

    /// Extracts the pending part and hands it to the open transaction's writer job (opening a
    /// transaction first if none is open); `endingTheBatch` closes the transaction after it.
    /// After a failure nothing is extracted, but an open transaction is still closed, so that
    /// its job, which drains its parts, ends.
    private func submitPending(endingTheBatch: Bool) {
        // Taken under the lock, freed after it (the writer may be waiting for the lock).
        let retired = lock.withLock { () -> [[StoreDocument]] in
            defer { written = [] }
            return written
        }
        withExtendedLifetime(retired) {}
        if !pending.isEmpty && !hasFailed {
            let documents = pending
            let started = Date()
            let (prepared, extracted) = prepare(documents)
            lock.withLock {
                timings.extraction += Date().timeIntervalSince(started)
                timings.extracted += extracted
            }
            let channel = self.channel ?? openTransaction()
            slots.wait()
            channel.send(Part(documentIDs: documents.map(\.id), prepared: prepared))
        }
        pending.removeAll(keepingCapacity: true)
        pendingBytes = 0
        if endingTheBatch {
            channel?.close()
            channel = nil
            batchCount = 0
            batchTextBytes = 0
        }
    }

    /// The rows of `documents`, in their order, and how many were extracted. A document whose
    /// stored row has its input hash under this extractor's fingerprint is not extracted
    /// (`StoreDocument.isUnextracted`); the others are extracted in parallel, and each one's rows
    /// encoded on the thread that extracted it, right after.
    private func prepare(_ documents: [SourceDocument]) -> (rows: [Result<StoreDocument, Error>], extracted: Int) {
        let fingerprint = self.fingerprint
        // The rows as last committed: one the open transaction has replaced since is found out
        // by the writer, which then extracts the document itself. A store that had no documents
        // when the indexer began is not asked (a first index: ~550,000 instructions a part).
        let stored = fingerprint != nil && storeHadDocuments ? (try? store.inputHashes(ids: documents.map(\.id))) ?? [:] : [:]
        var prepared: [Result<StoreDocument, Error>?] = Array(repeating: nil, count: documents.count)
        var extracting: [Int] = []
        extracting.reserveCapacity(documents.count)
        for (index, document) in documents.enumerated() {
            if let fingerprint, let storedHash = stored[document.id] {
                let inputHash = StoreDocument.inputHash(of: document, fingerprint: fingerprint)
                if inputHash == storedHash {
                    prepared[index] = .success(StoreDocument(unextracted: document, inputHash: inputHash,
                                                             extractor: extractor.extractor))
                    continue
                }
            }
            extracting.append(index)
        }
        let extracted = extractor.extract(extracting.map { documents[$0] }) { document, result in
            Result {
                try StoreDocument(document: document, result: consume result,
                                  inputHash: fingerprint.map { StoreDocument.inputHash(of: document, fingerprint: $0) })
            }
        }
        for (index, result) in zip(extracting, extracted) { prepared[index] = result }
        return (prepared.map { $0! }, extracting.count)
    }

    /// A new channel, and the writer job that writes its parts in one transaction.
    private func openTransaction() -> PartChannel {
        let channel = PartChannel()
        self.channel = channel
        submitted += 1
        let number = submitted
        writer.async { [self] in
            // Every part taken frees a slot, also when the part is not written.
            func take() -> Part? {
                let part = channel.next()
                if part != nil { slots.signal() }
                return part
            }
            guard !hasFailed else {
                while take() != nil {}
                return
            }
            var documentIDs: [String] = []
            let started = Date()
            let startedCPU = Self.threadCPUTime()
            do {
                let summary = try store.index(parts: {
                    guard let part = take() else { return nil }
                    documentIDs += part.documentIDs
                    return try part.prepared.map { try $0.get() }
                }, written: { part in
                    lock.withLock { written.append(part) }
                })
                let sofar = lock.withLock {
                    // The time spent waiting for parts is not the store's.
                    timings.store += Date().timeIntervalSince(started) - channel.waited
                    timings.storeCPU += Self.threadCPUTime() - startedCPU
                    totals.add(summary)
                    committedCount += 1
                    return totals
                }
                committed(CommittedBatch(number: number, documentIDs: documentIDs, summary: summary, totals: sofar))
            } catch {
                while let part = take() { documentIDs += part.documentIDs }
                lock.withLock {
                    failure = Failure(error: StoreError(error, path: store.path), batch: number,
                                      documents: documentIDs.count, committedBatches: committedCount)
                }
            }
        }
        return channel
    }

    /// Documents extracted and encoded together, in input order.
    private struct Part {
        var documentIDs: [String]
        var prepared: [Result<StoreDocument, Error>]
    }

    /// One transaction's parts, sent by the indexer and taken by its writer job in order.
    private final class PartChannel: @unchecked Sendable {
        private let condition = NSCondition()
        private var parts: [Part] = []
        private var first = 0
        private var closed = false
        /// Seconds the taker spent waiting for parts (read once it has taken the last).
        private(set) var waited: TimeInterval = 0

        func send(_ part: Part) {
            condition.withLock {
                parts.append(part)
                condition.signal()
            }
        }

        /// No more parts: `next()` returns nil once the sent ones are taken.
        func close() {
            condition.withLock {
                closed = true
                condition.signal()
            }
        }

        /// The next part, waiting for it; nil when the channel is closed and empty.
        func next() -> Part? {
            condition.withLock {
                if first == parts.count && !closed {
                    let started = Date()
                    while first == parts.count && !closed { condition.wait() }
                    waited += Date().timeIntervalSince(started)
                }
                guard first < parts.count else { return nil }
                // The taken part's storage is released now, not when the channel goes.
                let part = parts[first]
                parts[first] = Part(documentIDs: [], prepared: [])
                first += 1
                return part
            }
        }
    }
}
