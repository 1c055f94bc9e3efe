/// Why a word-list data file was rejected on load.
public enum LexiconError: Error, CustomStringConvertible, Equatable {
    /// The file is not in the bundle or directory.
    case missingFile(String)
    /// A line does not have the expected number of TAB-separated fields.
    case malformedLine(file: String, line: Int, text: String, expectedFields: Int)
    /// A field holds a value outside the allowed set.
    case unknownValue(file: String, line: Int, value: String, allowed: [String])
    /// The same entry appears twice.
    case duplicate(file: String, line: Int, value: String)
    /// A field is empty or has surrounding white space.
    case badField(file: String, line: Int, value: String)

    public var description: String {
        switch self {
        case .missingFile(let name):
            return "lexicon file '\(name)' is missing"
        case .malformedLine(let file, let line, let text, let expected):
            return "\(file):\(line): expected \(expected) TAB-separated fields, got '\(text)'"
        case .unknownValue(let file, let line, let value, let allowed):
            return "\(file):\(line): unknown value '\(value)' (allowed: \(allowed.joined(separator: ", ")))"
        case .duplicate(let file, let line, let value):
            return "\(file):\(line): duplicate entry '\(value)'"
        case .badField(let file, let line, let value):
            return "\(file):\(line): empty field or surrounding white space in '\(value)'"
        }
    }
}
