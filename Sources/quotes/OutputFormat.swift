import ArgumentParser
import Foundation
import QuoteCore
import QuoteSchema

/// Output layouts of `quotes extract`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// One JSON object with every document's result.
    case json
    /// One quotation record per line.
    case jsonl
}

extension InputFormat: ExpressibleByArgument {}
extension OffsetUnit: ExpressibleByArgument {}

/// Writes to standard error without buffering surprises.
enum StandardError {
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// Buffered standard output.
final class StandardOutput {
    private var buffer = Data()

    func write(_ data: Data) {
        buffer.append(data)
        if buffer.count > 1 << 16 { flush() }
    }

    func write(_ string: String) { write(Data(string.utf8)) }

    func flush() {
        FileHandle.standardOutput.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
