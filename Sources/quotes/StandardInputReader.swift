import Foundation
import QuoteCore
import QuoteHTML

/// Standard input with `--input auto` for `extract` and `index`: a saved web page when its first
/// bytes look like one, otherwise what `DocumentReader` makes of it (JSONL when it starts with
/// "{", else one text).
enum StandardInputReader {
    /// Bytes read before deciding: enough for `HTMLArticleReader.looksLikeHTML` (a byte-order
    /// mark, white space, a comment or an XML declaration before `<html`).
    static let sniffLength = 1_024

    static func read(with reader: DocumentReader, emit: (SourceDocument) -> Void, fail: (InputError) -> Void) {
        let input = FileHandle.standardInput
        var start = DocumentReader.openingBytes(input, atLeast: sniffLength)
        guard !DocumentReader.startsLikeJSONL(start), HTMLArticleReader.looksLikeHTML(start) else {
            return reader.readStandardInput(start: start, emit: emit, fail: fail)
        }
        start.append(input.readDataToEndOfFile())
        switch HTMLArticleReader.read(data: start, path: "-") {
        case .success(let document): emit(document)
        case .failure(let error): fail(error)
        }
    }
}
