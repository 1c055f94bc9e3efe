import Dispatch
import Foundation
import QuoteSchema

/// Runs the extractor over batches of documents on several threads; results keep input order,
/// so the output is the same bytes whatever the number of jobs.
public struct ParallelExtractor: Sendable {
    public let extractor: Extractor
    public let jobs: Int
    /// When set, each worker thread (with more than one job) lowers its priority to this nice
    /// value before extracting (`ThreadPriority.lower(to:)`): `StoreIndexer` sets it so that its
    /// writer thread goes first.
    public var workerNiceness: Int32?

    public init(extractor: Extractor, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.extractor = extractor
        self.jobs = max(1, jobs)
    }

    /// Extracts every document of the batch; `results[i]` belongs to `documents[i]`.
    public func extract(_ documents: [SourceDocument]) -> [DocumentResult] {
        extract(documents) { $0 }
    }

    /// Extracts every document and transforms its result on the worker thread (for example into
    /// encoded output); `results[i]` belongs to `documents[i]`.
    public func extract<T>(_ documents: [SourceDocument], transform: @escaping @Sendable (DocumentResult) -> T) -> [T] {
        extract(documents) { _, result in transform(result) }
    }

    /// Extracts every document and transforms it with its result on the worker thread (for
    /// example into a store's rows); `results[i]` belongs to `documents[i]`. The transform owns
    /// the result (`consuming`): it can move the records out without copying them.
    public func extract<T>(_ documents: [SourceDocument],
                           transform: @escaping @Sendable (SourceDocument, consuming DocumentResult) -> T) -> [T] {
        if jobs == 1 || documents.count < 2 {
            let scratch = ExtractionScratch()
            return documents.map { transform($0, extractOne($0, scratch: scratch)) }
        }
        let results = ResultSlots<T>(count: documents.count)
        // Documents are handed out one at a time so that a long one does not hold a whole share.
        let next = Counter()
        let niceness = workerNiceness
        DispatchQueue.concurrentPerform(iterations: min(jobs, documents.count)) { _ in
            if let niceness { ThreadPriority.lower(to: niceness) }
            let scratch = ExtractionScratch()  // this thread's
            while true {
                let index = next.take()
                if index >= documents.count { break }
                results.set(index, transform(documents[index], extractOne(documents[index], scratch: scratch)))
            }
        }
        return results.values()
    }

    /// One document's result, the diagnostics found while reading it first.
    func extractOne(_ document: SourceDocument, scratch: ExtractionScratch) -> DocumentResult {
        var result = extractor.extract(document, scratch: scratch)
        // Most documents were read without a problem: an insertion of nothing still went through
        // `replaceSubrange` (~165 instructions a document).
        if !document.diagnostics.isEmpty { result.diagnostics.insert(contentsOf: document.diagnostics, at: 0) }
        return result
    }
}

/// A shared counter handing out indices.
private final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value - 1
    }
}

/// One slot per document; each slot is written by exactly one thread.
private final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: T) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func values() -> [T] {
        slots.map { $0! }
    }
}
