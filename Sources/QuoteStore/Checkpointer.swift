import Foundation
import GRDBSQLite

/// Copies the store's write-ahead log into its database file on a thread of its own, while the
/// writer goes on committing.
///
/// SQLite checkpoints on the connection that commits, once the log passes a threshold, and on
/// the last connection to close. Both stop the writing: the store's threshold was 16,384 pages
/// (256 MiB at 16 KiB pages), so on the dev text x20 the whole 141 MB log was copied at the
/// close, after all the work (~0.3 s of a 2.3 s run with one core idle). Here a commit that
/// leaves `backgroundFrames` or more in the log only wakes this thread, whose own connection
/// runs a passive checkpoint (it never waits for the writer nor stops it) of the frames
/// committed since the last one. The close then copies little (dev text x20, six interleaved
/// runs each: median 2.29 -> 2.13 s).
///
/// The log file is only started again from its beginning by a transaction that begins after a
/// checkpoint copied all of it, which the writer's next batch usually does not wait for: the
/// file still grows to `foregroundFrames`. A commit that reaches that size checkpoints on its
/// own connection, as SQLite's automatic checkpoint did, but has only the frames since the
/// last background checkpoint to copy; the next transaction then starts the log again.
/// Checkpoints change where pages are kept, never what the store holds; one that fails
/// (`SQLITE_BUSY` while another runs) is left to a later commit or to the close.
final class Checkpointer: @unchecked Sendable {
    /// Log frames (pages) after a commit from which this thread is woken.
    let backgroundFrames: Int32
    /// Log frames after a commit from which the committing connection checkpoints itself.
    let foregroundFrames: Int32
    private let path: String
    private let condition = NSCondition()
    private var requested = false
    private var stopping = false
    private var started = false
    private var running = false
    private var finished = false
    /// Passive checkpoints run on this thread, the result code of the last one and the log's
    /// frames it found and had copied (in all, not only by it); checkpoints run by the
    /// committing connection.
    private var runs = 0
    private var lastCode: Int32 = SQLITE_OK
    private var lastFrames: (log: Int32, copied: Int32) = (0, 0)
    private var foregroundRuns = 0

    /// A checkpointer of the store file at `path`; its thread starts at the first request.
    init(path: String, backgroundFrames: Int32 = 2_048, foregroundFrames: Int32 = 16_384) {
        self.path = path
        self.backgroundFrames = max(1, backgroundFrames)
        self.foregroundFrames = max(self.backgroundFrames, foregroundFrames)
    }

    /// What the checkpoints did so far (tests).
    var statistics: (runs: Int, lastCode: Int32, lastFrames: (log: Int32, copied: Int32), foregroundRuns: Int) {
        condition.withLock { (runs, lastCode, lastFrames, foregroundRuns) }
    }

    /// Makes every commit of `connection` report its log's size to this checkpointer (SQLite's
    /// WAL hook, which replaces the connection's automatic checkpoint). The hook holds no
    /// reference: the checkpointer must outlive every commit of the connection.
    func install(on connection: OpaquePointer) {
        sqlite3_wal_hook(connection, { context, connection, schema, frames in
            guard let context else { return SQLITE_OK }
            let checkpointer = Unmanaged<Checkpointer>.fromOpaque(context).takeUnretainedValue()
            if frames >= checkpointer.foregroundFrames {
                // What SQLite's automatic checkpoint does; a failure is not the commit's.
                _ = sqlite3_wal_checkpoint_v2(connection, schema, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
                checkpointer.condition.withLock { checkpointer.foregroundRuns += 1 }
            } else if frames >= checkpointer.backgroundFrames {
                checkpointer.request()
            }
            return SQLITE_OK
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Asks for a checkpoint soon; requests made while one is pending are one request.
    func request() {
        condition.withLock {
            guard !stopping else { return }
            requested = true
            if !started {
                started = true
                let thread = Thread { [self] in run() }
                thread.stackSize = 1 << 20
                thread.start()
            }
            condition.signal()
        }
    }

    /// Waits until no request is pending and no checkpoint runs (tests).
    func waitUntilIdle() {
        condition.withLock {
            while started && !finished && (requested || running) { condition.wait() }
        }
    }

    /// Ends the thread after the checkpoint it is running, if any, and closes its connection;
    /// returns once that is done. Later requests are ignored.
    func stop() {
        condition.withLock {
            stopping = true
            condition.broadcast()
            while started && !finished { condition.wait() }
        }
    }

    private func run() {
        ThreadName.set("quotes.ckpt")
        var connection: OpaquePointer?
        while true {
            let go: Bool = condition.withLock {
                while !requested && !stopping { condition.wait() }
                requested = false
                running = !stopping
                return running
            }
            guard go else { break }
            if connection == nil {
                var opened: OpaquePointer?
                // A connection takes the file's log mode when it first reads it: until then a
                // checkpoint call reports "not in WAL mode" and copies nothing.
                if sqlite3_open_v2(path, &opened, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK,
                   sqlite3_exec(opened, "PRAGMA schema_version", nil, nil, nil) == SQLITE_OK {
                    connection = opened
                } else {
                    sqlite3_close(opened)
                    condition.withLock {
                        lastCode = SQLITE_CANTOPEN
                        running = false
                        condition.broadcast()
                    }
                    continue
                }
            }
            var log: Int32 = 0, copied: Int32 = 0
            let code = sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, &log, &copied)
            condition.withLock {
                runs += 1
                lastCode = code
                lastFrames = (log, copied)
                running = false
                condition.broadcast()
            }
        }
        sqlite3_close(connection)
        condition.withLock {
            finished = true
            condition.broadcast()
        }
    }
}
