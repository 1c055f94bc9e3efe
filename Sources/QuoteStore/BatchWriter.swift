import Dispatch
import Foundation
import QuoteCore
import QuoteSchema

/// Writes batches to a store on a background queue, one batch in flight, so that the next batch
/// is extracted while the previous one is written.
///
/// Batches are written in the order they are submitted, each in its own transaction. After the
/// first failure no further batch is written (the failed one was rolled back); `finish()` waits
/// for the last write and returns the totals and that failure.
public final class BatchWriter: @unchecked Sendable {
    private let store: QuoteStore
    private let queue = DispatchQueue(label: "quotes.store.writer")
    private let slot = DispatchSemaphore(value: 1)
    private let lock = NSLock()
    private var totals = QuoteStore.BatchSummary()
    private var failure: Error?
    private let progress: (@Sendable (QuoteStore.BatchSummary) -> Void)?

    /// `progress` is called on the writer's queue after each committed batch, with the totals so far.
    public init(store: QuoteStore, progress: (@Sendable (QuoteStore.BatchSummary) -> Void)? = nil) {
        self.store = store
        self.progress = progress
    }

    /// True once a batch has failed; later batches are skipped.
    public var hasFailed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return failure != nil
    }

    /// Queues a batch; blocks while the previous batch is still being written.
    public func submit(_ batch: [(document: SourceDocument, result: DocumentResult)]) {
        slot.wait()
        queue.async { [self] in
            defer { slot.signal() }
            guard !hasFailed else { return }
            do {
                let summary = try store.index(batch)
                lock.lock()
                totals.documents += summary.documents
                totals.quotes += summary.quotes
                totals.replaced += summary.replaced
                let now = totals
                lock.unlock()
                progress?(now)
            } catch {
                lock.lock()
                failure = error
                lock.unlock()
            }
        }
    }

    /// Waits for the last batch; the totals of the committed batches and the first failure.
    public func finish() -> (totals: QuoteStore.BatchSummary, failure: Error?) {
        queue.sync {}
        lock.lock()
        defer { lock.unlock() }
        return (totals, failure)
    }
}
