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
///
/// The chunks written (a document's records each) are kept as they are and written together with
/// one `writev` once they reach `flushSize` bytes: copied into one buffer first, their bytes went
/// through `memmove` once more (the dev set's 2.9 MB of records: ~2.2M instructions, 0.6% of its
/// extraction).
final class StandardOutput {
    /// Chunks not yet written, in order, and their bytes in all.
    private var chunks: [[UInt8]] = []
    private var pendingBytes = 0
    private static let flushSize = 1 << 16
    /// Most chunks one `writev` takes here (the system's limit, `IOV_MAX`, is 1,024 on Linux).
    private static let chunksPerWrite = 256

    init() {
        chunks.reserveCapacity(Self.chunksPerWrite)
    }

    /// Small writes are kept until `flushSize` bytes are; a large one (a huge document's records)
    /// goes out at once, after what is kept.
    func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        chunks.append(bytes)
        pendingBytes += bytes.count
        if pendingBytes > Self.flushSize || chunks.count >= Self.chunksPerWrite { flush() }
    }

    func write(_ string: String) { write(Array(string.utf8)) }

    func flush() {
        guard !chunks.isEmpty else { return }
        Self.writeOut(chunks)
        chunks.removeAll(keepingCapacity: true)
        pendingBytes = 0
    }

    /// Writes `chunks` in order to file descriptor 1 with `writev`, again from where a partial
    /// write stopped; a write that fails ends the run (`failed(errno:)`).
    private static func writeOut(_ chunks: [[UInt8]]) {
        var first = 0  // the first chunk not wholly written
        var offset = 0  // bytes of it written
        while first < chunks.count {
            let written: Int = withIOVectors(chunks[first...], skipping: offset) { vectors in
                writev(1, vectors.baseAddress, Int32(vectors.count))
            }
            if written < 0 {
                if errno == EINTR { continue }
                StandardOutput.failed(errno: errno)
            }
            var left = written
            while first < chunks.count && left >= chunks[first].count - offset {
                left -= chunks[first].count - offset
                first += 1
                offset = 0
            }
            offset += left
        }
    }

    /// Ends the run with status 1 after saying on standard error why standard output could not
    /// be written ("No space left on device"): records that cannot be written are lost, and
    /// extracting more would only lose more. (`FileHandle.write` stopped the program with a
    /// crash report.) A closed pipe still ends it by SIGPIPE, as `head` expects.
    private static func failed(errno code: Int32) -> Never {
        StandardError.write("error: cannot write standard output: \(String(cString: strerror(code)))")
        exit(1)
    }

    /// Calls `body` with one `iovec` for each chunk of `chunks`, the first starting `skipping`
    /// bytes in, each chunk's bytes borrowed for the call (one nested `withUnsafeBytes` a chunk:
    /// a pointer must not outlive its closure).
    private static func withIOVectors<Result>(_ chunks: ArraySlice<[UInt8]>, skipping: Int,
                                              _ body: (UnsafeBufferPointer<iovec>) -> Result) -> Result {
        var vectors: [iovec] = []
        vectors.reserveCapacity(chunks.count)
        func borrow(_ rest: ArraySlice<[UInt8]>, skipping: Int) -> Result {
            guard let chunk = rest.first else { return vectors.withUnsafeBufferPointer(body) }
            return chunk.withUnsafeBytes { raw in
                vectors.append(iovec(iov_base: UnsafeMutableRawPointer(mutating: raw.baseAddress! + skipping),
                                     iov_len: raw.count - skipping))
                return borrow(rest.dropFirst(), skipping: 0)
            }
        }
        return borrow(chunks, skipping: skipping)
    }
}
