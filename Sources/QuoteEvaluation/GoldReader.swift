import Foundation

/// A problem reading the gold file: the whole file, or one line of it (with its line number).
public enum GoldReadError: Error, CustomStringConvertible, Hashable, Sendable {
    /// The file could not be opened or read at all.
    case unreadableFile(path: String, reason: String)
    /// The line is not valid UTF-8.
    case invalidEncoding(path: String, line: Int)
    /// The line is not a JSON object of the expected shape.
    case invalidJSON(path: String, line: Int, detail: String)
    /// A quote's (or its speaker's) offsets fall outside the text or run backwards.
    case invalidOffsets(path: String, line: Int, id: String, field: String, start: Int, end: Int,
                        length: Int)
    /// A quote's `text` is not what its offsets select from the document text.
    case textMismatch(path: String, line: Int, id: String, quoteIndex: Int, expected: String,
                      found: String)
    /// A document id already seen on an earlier line; the later line is skipped.
    case duplicateID(path: String, line: Int, id: String, firstLine: Int)
    /// A quote's `fragment` is not `[i, n]` with n >= 1 and 0 <= i <= n (the dev set counts from
    /// 0; a set counting from 1 passes too).
    case invalidFragment(path: String, line: Int, id: String, quoteIndex: Int, fragment: [Int])

    /// The 1-based line number, or nil for a whole-file error.
    public var line: Int? {
        switch self {
        case .unreadableFile: return nil
        case .invalidEncoding(_, let line), .invalidJSON(_, let line, _),
             .invalidOffsets(_, let line, _, _, _, _, _), .textMismatch(_, let line, _, _, _, _),
             .duplicateID(_, let line, _, _), .invalidFragment(_, let line, _, _, _):
            return line
        }
    }

    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason):
            return "cannot read gold file \"\(path)\": \(reason)"
        case .invalidEncoding(let path, let line):
            return "\"\(path)\" line \(line): not valid UTF-8"
        case .invalidJSON(let path, let line, let detail):
            return "\"\(path)\" line \(line): invalid gold record: \(detail)"
        case .invalidOffsets(let path, let line, let id, let field, let start, let end, let length):
            return "\"\(path)\" line \(line) (document \"\(id)\"): \(field) offsets \(start)..<\(end) "
                + "do not fit a text of \(length) code points"
        case .textMismatch(let path, let line, let id, let index, let expected, let found):
            return "\"\(path)\" line \(line) (document \"\(id)\"): quote \(index) text "
                + "\"\(GoldReadError.clip(expected))\" differs from the text at its offsets "
                + "\"\(GoldReadError.clip(found))\""
        case .invalidFragment(let path, let line, let id, let index, let fragment):
            return "\"\(path)\" line \(line) (document \"\(id)\"): quote \(index) fragment \(fragment) "
                + "is not [i, n] with n >= 1 and 0 <= i <= n"
        case .duplicateID(let path, let line, let id, let firstLine):
            return "\"\(path)\" line \(line): document id \"\(id)\" already used on line \(firstLine); "
                + "line skipped"
        }
    }

    static func clip(_ text: String, limit: Int = 60) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > limit else { return text }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[0..<limit])
        return String(view) + "…"
    }
}

/// Reads the gold JSONL file one line at a time, keeping the good documents and a list of the bad
/// lines.
public enum GoldReader {
    /// Reads `path`. Throws only when the file cannot be read at all; a broken line becomes an
    /// entry in `errors` (with its line number) and the remaining lines are still read.
    public static func read(path: String) throws -> (documents: [GoldDocument], errors: [GoldReadError]) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw GoldReadError.unreadableFile(path: path, reason: error.localizedDescription)
        }
        return read(data: data, path: path)
    }

    /// Reads JSONL from memory; `path` is used only in error messages.
    public static func read(data: Data, path: String) -> (documents: [GoldDocument], errors: [GoldReadError]) {
        var documents: [GoldDocument] = []
        var errors: [GoldReadError] = []
        var firstLineOfID: [String: Int] = [:]
        let decoder = JSONDecoder()
        let bytes = [UInt8](data)
        var lineNumber = 0
        var lineStart = 0
        while lineStart < bytes.count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = lineEnd + 1
            var contentEnd = lineEnd
            if contentEnd > lineStart && bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let slice = bytes[lineStart..<contentEnd]
            lineStart = next
            if slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            guard String(validating: slice, as: UTF8.self) != nil else {
                errors.append(.invalidEncoding(path: path, line: lineNumber))
                continue
            }
            let document: GoldDocument
            do {
                document = try decoder.decode(GoldDocument.self, from: Data(slice))
            } catch {
                let detail = outOfRangeNumber(in: slice) ?? describe(error)
                errors.append(.invalidJSON(path: path, line: lineNumber, detail: detail))
                continue
            }
            if let problem = validate(document, path: path, line: lineNumber) {
                errors.append(problem)
                continue
            }
            if let first = firstLineOfID[document.id] {
                errors.append(.duplicateID(path: path, line: lineNumber, id: document.id, firstLine: first))
                continue
            }
            firstLineOfID[document.id] = lineNumber
            documents.append(document)
        }
        return (documents, errors)
    }

    /// Checks every quote's and speaker's offsets against the text, and that each quote's `text`
    /// is what its offsets select (a check that catches UTF-16 or byte offsets).
    static func validate(_ document: GoldDocument, path: String, line: Int) -> GoldReadError? {
        let scalars = Array(document.text.unicodeScalars)
        let length = scalars.count
        func fits(_ start: Int, _ end: Int) -> Bool { 0 <= start && start <= end && end <= length }
        for (index, quote) in document.quotes.enumerated() {
            guard fits(quote.start, quote.end) else {
                return .invalidOffsets(path: path, line: line, id: document.id,
                                       field: "quote \(index)", start: quote.start, end: quote.end,
                                       length: length)
            }
            if let speaker = quote.speaker, !fits(speaker.start, speaker.end) {
                return .invalidOffsets(path: path, line: line, id: document.id,
                                       field: "quote \(index) speaker", start: speaker.start,
                                       end: speaker.end, length: length)
            }
            if let fragment = quote.fragment, fragment.count != 2 || fragment[1] < 1 || fragment[0] < 0 || fragment[0] > fragment[1] {
                return .invalidFragment(path: path, line: line, id: document.id, quoteIndex: index, fragment: fragment)
            }
            if !quote.text.isEmpty {
                let found = SpanText.slice(scalars, quote.start, quote.end)
                if !found.unicodeScalars.elementsEqual(quote.text.unicodeScalars) {
                    return .textMismatch(path: path, line: line, id: document.id, quoteIndex: index,
                                         expected: quote.text, found: found)
                }
            }
        }
        return nil
    }

    /// For a line that is valid JSON but has an offset that is not a whole number an `Int` holds
    /// ("start": 1e30, 12.5): which one. `JSONDecoder` says only that the data was not valid JSON.
    static func outOfRangeNumber(in line: ArraySlice<UInt8>) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
              let quotes = object["quotes"] as? [Any] else { return nil }
        func check(_ value: Any?, _ field: String) -> String? {
            guard let number = value as? NSNumber, !(value is Bool) else { return nil }
            let double = number.doubleValue
            if double.rounded() == double, abs(double) < 9e15 { return nil }
            return "`\(field)` is \(number), not a whole-number offset"
        }
        for (index, quote) in quotes.enumerated() {
            guard let quote = quote as? [String: Any] else { continue }
            for key in ["start", "end", "start_with_marks", "end_with_marks"] {
                if let problem = check(quote[key], "quotes[\(index)].\(key)") { return problem }
            }
            for span in ["speaker", "cue"] {
                guard let fields = quote[span] as? [String: Any] else { continue }
                for key in ["start", "end"] {
                    if let problem = check(fields[key], "quotes[\(index)].\(span).\(key)") { return problem }
                }
            }
        }
        return nil
    }

    /// A one-line account of a decoding error: where in the record, and what was wrong.
    public static func describe(_ error: Error) -> String {
        func where_(_ path: [CodingKey]) -> String {
            let parts = path.map { key -> String in
                if let index = key.intValue { return "[\(index)]" }
                return "." + key.stringValue
            }
            let joined = parts.joined()
            return joined.isEmpty ? "the record" : "`" + String(joined.drop(while: { $0 == "." })) + "`"
        }
        guard let decoding = error as? DecodingError else { return String(describing: error) }
        switch decoding {
        case .keyNotFound(let key, let context):
            return "missing field \"\(key.stringValue)\" in \(where_(context.codingPath))"
        case .typeMismatch(let type, let context):
            return "\(where_(context.codingPath)) is not a \(type)"
        case .valueNotFound(let type, let context):
            return "\(where_(context.codingPath)) is null, expected a \(type)"
        case .dataCorrupted(let context):
            let location = context.codingPath.isEmpty ? "" : "\(where_(context.codingPath)): "
            var message = context.debugDescription
            if let underlying = context.underlyingError {
                message += " (\((underlying as NSError).localizedDescription))"
            }
            return location + message
        @unknown default:
            return String(describing: decoding)
        }
    }
}
