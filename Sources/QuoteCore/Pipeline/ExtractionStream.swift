import Foundation
import QuoteSchema

/// Extracts documents on worker threads while the caller goes on reading; results come back in
/// input order, so the output is the same bytes whatever the number of jobs.
///
/// Unlike batches (`ParallelExtractor.extract`), a stream has no point where every thread waits
/// for the slowest document of a batch, and reading and writing on the caller's thread overlap
/// extraction. Memory stays bounded: `submit` blocks while `maxPendingDocuments` documents or
/// `maxPendingBytes` bytes of text are read but not yet handed back (a single larger document
/// is always let through).
///
/// With one job there is no worker thread: `submit` extracts the document before it returns.
/// Use a stream from one thread only.
public final class ExtractionStream<T>: @unchecked Sendable {
    private let shared: Shared
    private let maxPendingDocuments: Int
    private let maxPendingBytes: Int
    private var submitted = 0
    private var handedBack = 0
    private var pendingBytes = 0
    private var started = false

    /// A stream over `extractor`'s jobs, applying `transform` to each result on the worker thread.
    public init(extractor: ParallelExtractor, maxPendingDocuments: Int = 256, maxPendingBytes: Int = 16 << 20,
                transform: @escaping @Sendable (consuming DocumentResult) -> T) {
        shared = Shared(extractor: extractor, transform: transform)
        self.maxPendingDocuments = max(1, maxPendingDocuments)
        self.maxPendingBytes = max(1, maxPendingBytes)
    }

    /// Waits for what is still being extracted (its results are dropped) and ends the workers.
    deinit {
        shared.close()
    }

    /// Queues a document and returns the results that are ready, in input order (possibly none,
    /// possibly several of earlier documents). Blocks while too much is pending.
    public func submit(_ document: SourceDocument) -> [T] {
        if shared.extractor.jobs == 1 {
            return [shared.run(document)]
        }
        if !started {
            started = true
            shared.startWorkers()
        }
        let bytes = document.textSize
        var ready: [T] = []
        let condition = shared.condition
        condition.lock()
        while true {
            collect(into: &ready)
            let pendingDocuments = submitted - handedBack
            if pendingDocuments == 0 || (pendingDocuments < maxPendingDocuments && pendingBytes + bytes <= maxPendingBytes) {
                break
            }
            // Sleep until half of what is pending is done, then read on in one go: waking for
            // every document cost a context switch each (10,000 on the dev text x20).
            shared.await(completed: handedBack + max(1, pendingDocuments / 2), first: handedBack)
        }
        shared.queue.append((submitted, document, bytes))
        submitted += 1
        pendingBytes += bytes
        if shared.idleWorkers > 0 { condition.signal() }
        condition.unlock()
        return ready
    }

    /// `submit(_:)` handing the results that are ready to `each`, in input order, instead of
    /// returning them: with one job, the array of one result made for every document cost
    /// ~1,950 instructions (the stream is generic, so the array's types were looked up at run
    /// time and its element destroyed through the tuple's metadata).
    public func submit(_ document: SourceDocument, each: (T) -> Void) {
        if shared.extractor.jobs == 1 {
            each(shared.run(document))
            return
        }
        for result in submit(document) { each(result) }
    }

    /// Waits until every submitted document is extracted and returns the results not yet handed
    /// back, in input order. The stream takes more documents afterwards.
    public func drain() -> [T] {
        var ready: [T] = []
        let condition = shared.condition
        condition.lock()
        while true {
            collect(into: &ready)
            if handedBack == submitted { break }
            shared.await(completed: submitted, first: handedBack)
        }
        condition.unlock()
        return ready
    }

    /// Moves the finished results that come next in input order into `ready`; the lock is held.
    private func collect(into ready: inout [T]) {
        while let next = shared.done.removeValue(forKey: handedBack) {
            ready.append(next.value)
            pendingBytes -= next.bytes
            handedBack += 1
        }
    }

    /// What the workers share with the stream; its fields (but the two constants) are guarded by
    /// `condition`. The workers hold this, not the stream, so that dropping the stream ends them.
    private final class Shared: @unchecked Sendable {
        let extractor: ParallelExtractor
        let transform: @Sendable (consuming DocumentResult) -> T
        let condition = NSCondition()
        var queue: [(sequence: Int, document: SourceDocument, bytes: Int)] = []
        var queueHead = 0
        var done: [Int: (bytes: Int, value: T)] = [:]
        var closed = false
        var runningWorkers = 0
        var idleWorkers = 0
        /// How many results the workers have filed, in any order.
        var completed = 0
        /// The stream's thread sleeps until this many results are filed (`Int.max`: it does not
        /// sleep), the one of document `wakeFirst` among them.
        var wakeAt = Int.max
        var wakeFirst = 0

        init(extractor: ParallelExtractor, transform: @escaping @Sendable (consuming DocumentResult) -> T) {
            self.extractor = extractor
            self.transform = transform
        }

        /// The scratch of the stream's own thread, which extracts with one job (a stream is used
        /// from one thread only).
        private let callerScratch = ExtractionScratch()

        /// Extracts `document` on the stream's thread (one job).
        func run(_ document: SourceDocument) -> T {
            run(document, scratch: callerScratch)
        }

        func run(_ document: SourceDocument, scratch: ExtractionScratch) -> T {
            transform(extractor.extractOne(document, scratch: scratch))
        }

        func startWorkers() {
            condition.lock()
            runningWorkers = extractor.jobs
            condition.unlock()
            for number in 0..<extractor.jobs {
                let thread = Thread { [self] in work() }
                thread.name = "quotes.extract.\(number + 1)"
                // The pthread default, as Dispatch's workers have: deep documents recurse in places.
                thread.stackSize = 8 << 20
                thread.start()
            }
        }

        /// A worker: takes the oldest queued document, extracts it, files its result; ends when
        /// the stream is closed and the queue is empty.
        private func work() {
            let scratch = ExtractionScratch()  // this thread's
            condition.lock()
            while true {
                if queueHead < queue.count {
                    let (sequence, document, bytes) = queue[queueHead]
                    queue[queueHead].document = SourceDocument(id: "", text: "")
                    queueHead += 1
                    if queueHead == queue.count {
                        queue.removeAll(keepingCapacity: true)
                        queueHead = 0
                    } else if queueHead >= 1024, queueHead * 2 >= queue.count {
                        // A queue that never runs dry drops its taken slots now and then.
                        queue.removeFirst(queueHead)
                        queueHead = 0
                    }
                    condition.unlock()
                    let value = run(document, scratch: scratch)
                    condition.lock()
                    done[sequence] = (bytes, value)
                    completed += 1
                    if completed >= wakeAt, done[wakeFirst] != nil {
                        wakeAt = Int.max
                        condition.broadcast()
                    }
                } else if closed {
                    break
                } else {
                    idleWorkers += 1
                    condition.wait()
                    idleWorkers -= 1
                }
            }
            runningWorkers -= 1
            condition.broadcast()
            condition.unlock()
        }

        /// Sleeps until the workers have filed `count` results, the result of document `first`
        /// among them (they finish out of order); the lock is held.
        func await(completed count: Int, first: Int) {
            while completed < count || done[first] == nil {
                wakeAt = count
                wakeFirst = first
                condition.wait()
            }
            wakeAt = Int.max
        }

        /// Lets the workers end once the queue is empty and waits for them.
        func close() {
            condition.lock()
            closed = true
            condition.broadcast()
            while runningWorkers > 0 { condition.wait() }
            condition.unlock()
        }
    }
}
