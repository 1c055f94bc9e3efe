import Foundation

/// Turns bytes into text: UTF-8 (BOM removed) or UTF-16 with a BOM; rejects binary data, invalid
/// UTF-8 and invalid UTF-16 with the byte offset of the problem.
public enum TextDecoding {
    public static func decode(_ data: Data, path: String) -> Result<String, InputError> {
        // Read in place: a copy of the bytes as an array was as large as the document.
        data.withUnsafeBytes { raw in
            decode(raw.bindMemory(to: UInt8.self), path: path)
        }
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> Result<String, InputError> {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return decodeUTF16(bytes, littleEndian: bytes[0] == 0xFF, path: path)
        }
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        if let nul = bytes[start...].prefix(1 << 16).firstIndex(of: 0) {
            return .failure(.binaryFile(path: path, byteOffset: nul))
        }
        if let text = String(validating: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self) {
            return .success(text)
        }
        return .failure(.invalidUTF8(path: path, byteOffset: firstInvalidUTF8(Array(bytes), from: start)))
    }

    /// `decode(_:path:)` as UTF-16 units, for callers that only extract the text: UTF-8 (most
    /// files) is decoded straight into the units (`UTF16Text(validatingUTF8:)`), without a
    /// `String` validated and decoded again. Anything else, and any text that decoder refuses,
    /// goes through `decode(_:path:)`, so what is accepted and reported is the same.
    public static func decodeUTF16(_ data: Data, path: String) -> Result<UTF16Text, InputError> {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let isUTF16 = bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF))
            if !isUTF16 {
                let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
                let text = UnsafeBufferPointer(rebasing: bytes[start...])
                if !text.prefix(1 << 16).contains(0), let units = UTF16Text(validatingUTF8: text) {
                    return .success(units)
                }
            }
            return decode(bytes, path: path).map(UTF16Text.init)
        }
    }

    /// The code units after a UTF-16 byte-order mark. Refused: an odd number of bytes (a UTF-16
    /// text has two per unit: a binary file that happens to start with FF FE was decoded as
    /// garbage before), a U+0000 unit in the first 64 KiB (binary, as for UTF-8), and a surrogate
    /// without its other half, with its byte offset (Foundation refused those without saying
    /// where).
    static func decodeUTF16(_ bytes: UnsafeBufferPointer<UInt8>, littleEndian: Bool, path: String) -> Result<String, InputError> {
        guard bytes.count % 2 == 0 else {
            return .failure(.unreadable(path: path, reason: "invalid UTF-16: \(bytes.count) bytes with a byte-order mark, an odd number"))
        }
        let count = bytes.count / 2 - 1
        var units = [UInt16](repeating: 0, count: count)
        for index in 0..<count {
            let first = UInt16(bytes[2 + 2 * index])
            let second = UInt16(bytes[3 + 2 * index])
            units[index] = littleEndian ? first | second << 8 : first << 8 | second
        }
        if let nul = units.prefix(1 << 15).firstIndex(of: 0) {
            return .failure(.binaryFile(path: path, byteOffset: 2 + 2 * nul))
        }
        var index = 0
        while index < count {
            let unit = units[index]
            if unit & 0xFC00 == 0xD800, index + 1 < count, units[index + 1] & 0xFC00 == 0xDC00 {
                index += 2
                continue
            }
            if unit & 0xF800 == 0xD800 {
                return .failure(.unreadable(path: path, reason: "invalid UTF-16 at byte offset \(2 + 2 * index): a surrogate without its other half"))
            }
            index += 1
        }
        return .success(String(decoding: units, as: UTF16.self))
    }

    /// Offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch byte {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            if bytes[index + 1] < lower || bytes[index + 1] > upper { return index }
            for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 { return index }
            index += length
        }
        return bytes.count
    }
}
