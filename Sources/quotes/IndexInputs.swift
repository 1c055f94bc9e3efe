import Foundation
import QuoteCore
import QuoteHTML

/// Inputs for `quotes index`: text, JSONL and saved web pages, mixed in files and directories.
///
/// Pages (by extension, or by content for files without one) go through `HTMLArticleReader`;
/// everything else through `DocumentReader`. Directories are searched recursively, in sorted
/// order, for `*.txt`, `*.jsonl` and `*.html`/`*.htm`.
struct IndexInputs {
    let format: InputFormat

    func read(_ paths: [String], emit: (SourceDocument) -> Void, fail: (InputError) -> Void) {
        let reader = DocumentReader(format: format)
        for path in paths {
            var isDirectory: ObjCBool = false
            if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let files = DocumentReader.articleFiles(in: path, extensions: [".txt", ".jsonl", ".html", ".htm", ".xhtml"])
                if files.isEmpty { fail(.noArticles(directory: path)) }
                for file in files { readFile(file, reader: reader, emit: emit, fail: fail) }
            } else {
                readFile(path, reader: reader, emit: emit, fail: fail)
            }
        }
    }

    private func readFile(_ path: String, reader: DocumentReader, emit: (SourceDocument) -> Void, fail: (InputError) -> Void) {
        if path == "-" && format == .auto {
            return StandardInputReader.read(with: reader, emit: emit, fail: fail)
        }
        guard path != "-", format == .auto, isPage(path) else {
            reader.read([path], emit: emit, fail: fail)
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            fail(.unreadable(path: path, reason: "permission denied or not a regular file"))
            return
        }
        switch HTMLArticleReader.read(data: data, path: path) {
        case .success(let document): emit(document)
        case .failure(let error): fail(error)
        }
    }

    private func isPage(_ path: String) -> Bool {
        if HTMLArticleReader.hasHTMLExtension(path) { return true }
        let lower = path.lowercased()
        if lower.hasSuffix(".txt") || lower.hasSuffix(".jsonl") { return false }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return HTMLArticleReader.looksLikeHTML(handle.readData(ofLength: 1024))
    }
}
