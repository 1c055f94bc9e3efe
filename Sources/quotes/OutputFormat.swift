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

    /// Small writes are buffered; a large one (a huge document's records) goes out as it is,
    /// after what is buffered, without being copied into the buffer first.
    func write(_ bytes: [UInt8]) {
        guard bytes.count > 1 << 16 else {
            buffer.append(contentsOf: bytes)
            if buffer.count > 1 << 16 { flush() }
            return
        }
        flush()
        bytes.withUnsafeBytes { FileHandle.standardOutput.write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: $0.baseAddress!),
                                                                      count: $0.count, deallocator: .none)) }
    }

    func write(_ string: String) { write(Data(string.utf8)) }

    func flush() {
        FileHandle.standardOutput.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}
