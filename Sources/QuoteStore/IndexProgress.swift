import Foundation

/// The progress line of `quotes index`: rewritten in place after each batch, and only when its
/// destination is a terminal, so that logs and pipes get nothing but the final summary.
public final class IndexProgress: @unchecked Sendable {
    private let isTerminal: Bool
    private let write: @Sendable (String) -> Void
    private let lock = NSLock()
    private var shown = false

    /// A progress line going to `write`; silent unless `isTerminal`.
    public init(isTerminal: Bool, write: @escaping @Sendable (String) -> Void) {
        self.isTerminal = isTerminal
        self.write = write
    }

    /// A progress line on standard error when standard error is a terminal.
    public static func standardError() -> IndexProgress {
        IndexProgress(isTerminal: isatty(STDERR_FILENO) != 0) { text in
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    /// Shows the totals so far after `seconds` of indexing.
    public func update(_ totals: QuoteStore.BatchSummary, seconds: TimeInterval) {
        guard isTerminal else { return }
        let rate = Double(totals.documents) / max(0.001, seconds)
        lock.withLock {
            shown = true
            write(String(format: "\r%d documents, %d quotations, %.0f documents/s", totals.documents, totals.quotes, rate))
        }
    }

    /// Ends the progress line, if one was shown, so the next message starts on a line of its own.
    public func finish() {
        lock.withLock {
            if shown { write("\n") }
            shown = false
        }
    }
}
