import Foundation
import FuzzDriver
import QuoteCore

/// libFuzzer entry: bytes as a JSONL file; the reader must report or emit, never crash, and read
/// the same documents and errors whether it keeps the metadata or only checks it.
public func fuzzJSONL(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let path = NSTemporaryDirectory() + "fuzz-\(getpid()).jsonl"
    FileManager.default.createFile(atPath: path, contents: Data(bytes: data, count: size))
    defer { try? FileManager.default.removeItem(atPath: path) }
    var documents = 0
    var errors = 0
    var read: [String] = []
    DocumentReader(format: .jsonl).read([path], emit: { document in
        documents += 1
        read.append("\(document.id)\u{0}\(document.text)")
    }, fail: { error in
        errors += 1
        precondition(!"\(error)".isEmpty)
        read.append("error: \(error)")
    })
    var lean: [String] = []
    DocumentReader(format: .jsonl, keepsMetadata: false).read([path], emit: { document in
        precondition(document.metadata == nil, "metadata kept")
        lean.append("\(document.id)\u{0}\(document.text)")
    }, fail: { error in lean.append("error: \(error)") })
    precondition(read == lean, "keepsMetadata changes what is read")
    let lines = data.withMemoryRebound(to: UInt8.self, capacity: size) { pointer in
        UnsafeBufferPointer(start: pointer, count: size).filter { $0 == 0x0A }.count
    }
    precondition(documents + errors <= lines + 1, "more results than lines")
    return 0
}

@main
enum Driver {
    static func main() {
        runFuzzer { data, size in
            guard let data else { return 0 }
            return fuzzJSONL(data, size)
        }
    }
}
