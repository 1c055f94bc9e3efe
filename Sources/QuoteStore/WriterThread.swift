import Foundation

/// A serial queue on a thread of its own, started once and kept until `stop`.
///
/// `StoreIndexer`'s writer runs here rather than on Dispatch's shared pool, so that the pool
/// threads doing extraction can be given a lower priority (`ThreadPriority.lower(to:)`) without
/// the writer ever running on one of them. Jobs run in the order they were queued.
final class WriterThread: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [() -> Void] = []
    private var stopping = false

    /// `name` is the thread's name as debuggers and `top -H` show it: at most 15 bytes on Linux.
    init(name: String) {
        // The thread keeps its queue alive until `stop` lets it end.
        let thread = Thread {
            // Named from inside: on Linux a name set before `start` does not reach the thread.
            ThreadName.set(name)
            self.run()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Runs `job` after the jobs queued before it.
    func async(_ job: @escaping () -> Void) {
        condition.withLock {
            jobs.append(job)
            condition.signal()
        }
    }

    /// Waits until every job queued so far has run.
    func sync() {
        let done = DispatchSemaphore(value: 0)
        async { done.signal() }
        done.wait()
    }

    /// Lets the thread end once its queue is empty.
    func stop() {
        condition.withLock {
            stopping = true
            condition.signal()
        }
    }

    private func run() {
        while true {
            let job: (() -> Void)? = condition.withLock {
                while jobs.isEmpty && !stopping { condition.wait() }
                return jobs.isEmpty ? nil : jobs.removeFirst()
            }
            guard let job else { return }
            job()
        }
    }
}
