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
    /// Buffered bytes. An array that keeps its room between flushes: a `Data` buffer emptied with
    /// `removeAll(keepingCapacity: true)` grew again by `realloc` after each flush (115 times on
    /// the dev set, ~1% of its extraction).
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 16

    init() {
        buffer.reserveCapacity(2 * Self.flushSize)
    }

    func write(_ data: Data) {
        buffer.append(contentsOf: data)
        if buffer.count > Self.flushSize { flush() }
    }

    /// Small writes are buffered; a large one (a huge document's records) goes out as it is,
    /// after what is buffered, without being copied into the buffer first.
    func write(_ bytes: [UInt8]) {
        guard bytes.count > Self.flushSize else {
            buffer.append(contentsOf: bytes)
            if buffer.count > Self.flushSize { flush() }
            return
        }
        flush()
        Self.writeOut(bytes)
    }

    func write(_ string: String) { write(Data(string.utf8)) }

    func flush() {
        guard !buffer.isEmpty else { return }
        Self.writeOut(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private static func writeOut(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes {
            FileHandle.standardOutput.write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: $0.baseAddress!),
                                                 count: $0.count, deallocator: .none))
        }
    }
}
