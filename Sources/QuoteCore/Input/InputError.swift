/// Why an input could not be read; the message names the file and the problem.
public enum InputError: Error, CustomStringConvertible, Equatable, Sendable {
    case missingFile(path: String)
    case noArticles(directory: String)
    case invalidUTF8(path: String, byteOffset: Int)
    case binaryFile(path: String, byteOffset: Int)
    case brokenJSONLine(path: String, line: Int, reason: String)
    case missingText(path: String, line: Int)
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .missingFile(let path):
            return "\(path): no such file or directory"
        case .noArticles(let directory):
            return "\(directory): directory holds no articles (*.txt or *.jsonl)"
        case .invalidUTF8(let path, let offset):
            return "\(path): invalid UTF-8 at byte offset \(offset)"
        case .binaryFile(let path, let offset):
            return "\(path): looks like a binary file (NUL byte at byte offset \(offset)), not text"
        case .brokenJSONLine(let path, let line, let reason):
            return "\(path):\(line): broken JSONL line: \(reason)"
        case .missingText(let path, let line):
            return "\(path):\(line): JSONL line has no string field 'text'"
        case .unreadable(let path, let reason):
            return "\(path): cannot read: \(reason)"
        }
    }
}
