import Foundation

/// Progress of an index run on standard error: one line rewritten in place on a terminal,
/// nothing at all in a pipe or a file (logs stay clean).
public final class IndexProgress: @unchecked Sendable {
    private let isTerminal: Bool
    private let write: @Sendable (String) -> Void
    private let started: Date
    private let lock = NSLock()
    private var shown = false

    /// `write` receives the text to print (standard error by default).
    public init(isTerminal: Bool, started: Date = Date(),
                write: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }) {
        self.isTerminal = isTerminal
        self.started = started
        self.write = write
    }

    /// The line for the totals so far, `seconds` after the start.
    public static func line(_ totals: QuoteStore.BatchSummary, seconds: Double) -> String {
        let rate = Double(totals.documents) / max(seconds, 0.001)
        return "\r\(totals.documents) documents, \(totals.quotes) quotations, \(Int(rate.rounded())) documents/s"
    }

    /// Shows the totals (on a terminal only).
    public func update(_ totals: QuoteStore.BatchSummary) {
        guard isTerminal else { return }
        lock.lock()
        shown = true
        lock.unlock()
        write(IndexProgress.line(totals, seconds: Date().timeIntervalSince(started)))
    }

    /// Ends the progress line, if one was shown.
    public func finish() {
        lock.lock()
        let end = shown
        lock.unlock()
        if end { write("\n") }
    }
}
