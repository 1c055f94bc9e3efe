import Foundation
import QuoteSchema

/// One article to process: an id, its text and any metadata that came with it.
public struct SourceDocument: Sendable {
    public var id: String
    /// The text as the reader made it.
    public var body: Body
    public var metadata: [String: JSONValue]?
    /// Problems found while reading that did not stop the document (an empty file).
    public var diagnostics: [Diagnostic]

    /// A document's text: a string, or UTF-16 from a reader that decodes JSONL texts straight
    /// into it (`DocumentReader.readsUTF16`).
    public enum Body: Sendable {
        case string(String)
        case utf16(UTF16Text)
    }

    public init(id: String, text: String, metadata: [String: JSONValue]? = nil, diagnostics: [Diagnostic] = []) {
        self.init(id: id, body: .string(text), metadata: metadata, diagnostics: diagnostics)
    }

    public init(id: String, body: Body, metadata: [String: JSONValue]? = nil, diagnostics: [Diagnostic] = []) {
        self.id = id
        self.body = body
        self.metadata = metadata
        self.diagnostics = diagnostics
    }

    /// The text as a `String` (made from the units of a UTF-16 body each time it is read).
    public var text: String {
        get {
            switch body {
            case .string(let text): return text
            case .utf16(let text): return text.string
            }
        }
        set { body = .string(newValue) }
    }

    /// The bytes the text takes: its UTF-8 for a string, two a code unit for UTF-16; what the
    /// extraction stream counts to bound the text it holds.
    public var textSize: Int {
        switch body {
        case .string(let text): return text.utf8.count
        case .utf16(let text): return text.units.count * 2
        }
    }
}

/// How to read an input path.
public enum InputFormat: String, Sendable, CaseIterable {
    /// By extension: `.jsonl` is JSONL, anything else is text; standard input by its first
    /// character (after white space): "{" is JSONL.
    case auto
    case text
    case jsonl
}

/// Reads files, directories, JSONL and stdin into documents, reporting bad inputs and going on.
public struct DocumentReader: Sendable {
    public let format: InputFormat
    /// Whether JSONL fields other than `id` and `text` become `SourceDocument.metadata`; callers
    /// that never write metadata (JSONL output) turn it off and JSONL lines are read faster.
    public var keepsMetadata: Bool
    /// Whether a text file's text, and a JSONL line's when metadata is not kept, is decoded
    /// straight into UTF-16 (`SourceDocument.Body.utf16`) for callers that only extract: no
    /// `String` validated and decoded again. Lines the fast JSONL reader does not take, and
    /// UTF-16 files, still give strings.
    public var readsUTF16: Bool

    public init(format: InputFormat = .auto, keepsMetadata: Bool = true, readsUTF16: Bool = false) {
        self.format = format
        self.readsUTF16 = readsUTF16
        self.keepsMetadata = keepsMetadata
    }

    /// Reads every input in order; `emit` receives documents, `fail` receives unreadable inputs.
    public func read(_ paths: [String], emit: (SourceDocument) -> Void, fail: (InputError) -> Void) {
        for path in paths {
            if path == "-" {
                let start = format == .auto ? Self.openingBytes(FileHandle.standardInput) : Data()
                readStandardInput(start: start, emit: emit, fail: fail)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                fail(.missingFile(path: path))
                continue
            }
            if isDirectory.boolValue {
                let files = Self.articleFiles(in: path)
                if files.isEmpty {
                    fail(.noArticles(directory: path))
                }
                for file in files { readFile(file, emit: emit, fail: fail) }
            } else {
                readFile(path, emit: emit, fail: fail)
            }
        }
    }

    /// Files below a directory whose names end in one of `extensions` (lowercase, with the
    /// dot), sorted, hidden ones left out; `*.txt` and `*.jsonl` by default.
    public static func articleFiles(in directory: String, extensions: [String] = [".txt", ".jsonl"]) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory) else { return [] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            let lower = name.lowercased()
            if extensions.contains(where: { lower.hasSuffix($0) }) {
                let full = (directory as NSString).appendingPathComponent(relative)
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files.append(full)
                }
            }
        }
        return files.sorted()
    }

    private func readFile(_ path: String, emit: (SourceDocument) -> Void, fail: (InputError) -> Void) {
        let jsonl = format == .jsonl || (format == .auto && path.lowercased().hasSuffix(".jsonl"))
        if jsonl {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                fail(.unreadable(path: path, reason: "permission denied or not a regular file"))
                return
            }
            defer { try? handle.close() }
            streamJSONL(handle, path: path, emit: emit, fail: fail)
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            fail(.unreadable(path: path, reason: "permission denied or not a regular file"))
            return
        }
        handle(data: consume data, path: path, emit: emit, fail: fail)
    }

    /// Decodes `data` and emits it as one document (its text in UTF-16 when `readsUTF16`); the
    /// bytes are let go before the document is extracted (a file's text is otherwise held twice,
    /// as bytes and as text).
    private func handle(data: consuming Data, path: String, emit: (SourceDocument) -> Void, fail: (InputError) -> Void) {
        let decoded = readsUTF16
            ? TextDecoding.decodeUTF16(data, path: path).map(SourceDocument.Body.utf16)
            : TextDecoding.decode(data, path: path).map(SourceDocument.Body.string)
        _ = consume data
        switch decoded {
        case .failure(let error):
            fail(error)
        case .success(let body):
            var diagnostics: [Diagnostic] = []
            if Self.isBlank(body) {
                diagnostics.append(Diagnostic(code: "empty-document", severity: .warning,
                                              message: "\(path): document is empty"))
            }
            emit(SourceDocument(id: path, body: body, diagnostics: diagnostics))
        }
    }

    /// Whether a text is all white space (`Character.isWhitespace`), or empty. Read from the
    /// units of a UTF-16 text until the first that is not ASCII white space: a printable ASCII
    /// one answers at once; past ASCII, the characters decide.
    static func isBlank(_ body: SourceDocument.Body) -> Bool {
        switch body {
        case .string(let text):
            return text.allSatisfy(\.isWhitespace)
        case .utf16(let text):
            guard let first = text.units.firstIndex(where: { $0 != 0x20 && ($0 < 0x09 || $0 > 0x0D) }) else { return true }
            return text.units[first] >= 0x80 && text.string.allSatisfy(\.isWhitespace)
        }
    }

    /// Reads standard input, of which a caller that looked at its first bytes already read
    /// `start`: JSONL streamed (with `--input jsonl`, or with `auto` when it starts with "{"),
    /// else one text document.
    public func readStandardInput(start: Data, emit: (SourceDocument) -> Void, fail: (InputError) -> Void) {
        let input = FileHandle.standardInput
        // Standard input has no name to go by: it is JSONL when its first character is "{" (an
        // article does not start with a brace), and then streamed, so a large archive piped in
        // is not held whole as one text.
        if format == .jsonl || (format == .auto && Self.startsLikeJSONL(start)) {
            streamJSONL(input, path: "-", prefix: start, emit: emit, fail: fail)
        } else {
            var data = start
            data.append(input.readDataToEndOfFile())
            handle(data: consume data, path: "-", emit: emit, fail: fail)
        }
    }

    /// The first bytes of `handle` up to and including its first one that is not white space
    /// (or all of it, when it is only white space), and at least `minimum` bytes unless it ends
    /// first: what `startsLikeJSONL` (or a caller sniffing for web pages) needs, read in chunks
    /// as a pipe delivers them.
    public static func openingBytes(_ handle: FileHandle, atLeast minimum: Int = 0) -> Data {
        var bytes = Data()
        var sawText = false
        while true {
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { return bytes }
            bytes.append(chunk)
            // Only the new chunk is looked at: input that is all white space stays linear.
            sawText = sawText || chunk.contains(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) })
            if sawText && bytes.count >= minimum { return bytes }
        }
    }

    /// True when the first character after a UTF-8 byte-order mark and white space is "{".
    public static func startsLikeJSONL(_ bytes: Data) -> Bool {
        var rest = bytes[...]
        if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
        return rest.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) } == UInt8(ascii: "{")
    }

    /// Reads JSONL a chunk at a time: memory stays bounded by the longest line, not the file.
    /// `prefix` holds bytes already read from `handle` (standard input's first bytes).
    func streamJSONL(_ handle: FileHandle, path: String, prefix: Data = Data(), emit: (SourceDocument) -> Void,
                     fail: (InputError) -> Void) {
        let decoder = JSONDecoder()
        var lineNumber = 0
        var first = true
        func process(_ line: ArraySlice<UInt8>) {
            lineNumber += 1
            var lower = line.startIndex
            var upper = line.endIndex
            while lower < upper, [0x20, 0x09, 0x0D].contains(line[lower]) { lower += 1 }
            while upper > lower, [0x20, 0x09, 0x0D].contains(line[upper - 1]) { upper -= 1 }
            guard lower < upper else { return }
            let text: FlatJSONObject.DocumentFields.Field
            let idValue: FlatJSONObject.DocumentFields.Field
            var metadata: [String: JSONValue]? = nil
            // Without metadata, the fast path reads the two fields alone (no dictionary).
            if !keepsMetadata, let fields = line[lower..<upper].withUnsafeBufferPointer({
                FlatJSONObject.documentFields($0, textAsUTF16: readsUTF16)
            }) {
                (text, idValue) = (fields.text, fields.id)
            } else {
                var fields: [String: JSONValue]
                if keepsMetadata, let flat = line[lower..<upper].withUnsafeBufferPointer(FlatJSONObject.nestedFields) {
                    fields = flat
                } else {
                    let value: JSONValue
                    do {
                        value = try decoder.decode(JSONValue.self, from: Data(line[lower..<upper]))
                    } catch {
                        // Where and why the line is not JSON, the same on every run; the decoder's own
                        // message only for valid JSON it still could not read.
                        let syntax = line[lower..<upper].withUnsafeBufferPointer(JSONSyntax.firstError)
                        let reason = syntax.map { "at byte \($0.offset + 1 + lower - line.startIndex): \($0.reason)" }
                            ?? JSONLReason.describe(error)
                        fail(.brokenJSONLine(path: path, line: lineNumber, reason: reason))
                        return
                    }
                    guard case .object(let object) = value else {
                        fail(.brokenJSONLine(path: path, line: lineNumber, reason: "expected a JSON object"))
                        return
                    }
                    fields = object
                }
                text = .init(fields.removeValue(forKey: "text"))
                idValue = .init(fields.removeValue(forKey: "id"))
                if keepsMetadata && !fields.isEmpty { metadata = fields }
            }
            let body: SourceDocument.Body
            switch text {
            case .string(let string): body = .string(string)
            case .utf16(let units): body = .utf16(units)
            case .absent, .other:
                fail(.missingText(path: path, line: lineNumber))
                return
            }
            // The path and line number only for a line without an id (made for every line, they
            // cost ~1,100 instructions a line).
            let id: String
            switch idValue {
            case .string(let value): id = value
            case .other(.number(let value)): id = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
            default: id = "\(path):\(lineNumber)"
            }
            emit(SourceDocument(id: id, body: body, metadata: metadata))
        }
        // Bytes go straight from `read` into one buffer (`FileHandle.readData` made a `Data` a
        // chunk, grown by `realloc`, then copied); a line's unread rest moves to its front.
        var buffer = [UInt8](repeating: 0, count: Self.chunkSize)
        var filled = 0  // bytes of `buffer` read and not yet processed, from its start
        var prefixLeft = prefix.count  // `prefix`'s bytes are taken as the first read
        while true {
            if buffer.count - filled < Self.chunkSize / 2 {
                // A line longer than the buffer: twice the room (memory stays about the line's size).
                buffer.append(contentsOf: repeatElement(0, count: buffer.count))
            }
            let got: Int
            if prefixLeft > 0 {
                got = min(prefixLeft, buffer.count - filled)
                let offset = prefix.count - prefixLeft
                buffer.withUnsafeMutableBufferPointer {
                    prefix.copyBytes(to: $0.baseAddress! + filled, from: (prefix.startIndex + offset)..<(prefix.startIndex + offset + got))
                }
                prefixLeft -= got
            } else {
                guard let read = Self.read(handle.fileDescriptor, into: &buffer, at: filled) else {
                    let reason = String(cString: strerror(errno))
                    fail(.unreadable(path: path, reason: "read failed after \(lineNumber) lines: \(reason)"))
                    return
                }
                got = read
            }
            if got == 0 { break }
            let end = filled + got
            var start = 0
            if first {
                first = false
                if end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { start = 3 }
            }
            while let newline = Self.newline(in: buffer, from: start, to: end) {
                process(buffer[start..<newline])
                start = newline + 1
            }
            filled = end - start
            if start > 0 && filled > 0 {
                buffer.withUnsafeMutableBufferPointer { _ = memmove($0.baseAddress!, $0.baseAddress! + start, filled) }
            }
        }
        if filled > 0 { process(buffer[0..<filled]) }
    }

    /// Bytes asked of `read` at a time (and the buffer's first size).
    static let chunkSize = 1 << 20

    /// Reads from `descriptor` into `buffer` from `offset` to its end (retrying when a signal
    /// interrupts); the number of bytes read, 0 at the end of the input, nil on an error (`errno`).
    static func read(_ descriptor: Int32, into buffer: inout [UInt8], at offset: Int) -> Int? {
        while true {
            let got = buffer.withUnsafeMutableBufferPointer {
                Foundation.read(descriptor, $0.baseAddress! + offset, $0.count - offset)
            }
            if got >= 0 { return got }
            if errno != EINTR { return nil }
        }
    }
}

extension DocumentReader {
    /// The index of the first line feed in `bytes[start..<end]` (memchr: a byte-by-byte search
    /// was 1% of extraction).
    static func newline(in bytes: [UInt8], from start: Int, to end: Int) -> Int? {
        guard start < end else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress,
                  let found = memchr(base + start, 0x0A, end - start) else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }
}

/// Short reasons for JSON decoding failures.
enum JSONLReason {
    static func describe(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? context.debugDescription
        }
        return "\(error)"
    }
}
