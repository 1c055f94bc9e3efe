import Foundation

/// Turns bytes into text: UTF-8 (BOM removed) or UTF-16 with a BOM; rejects binary data and
/// invalid UTF-8 with the byte offset of the problem.
public enum TextDecoding {
    public static func decode(_ data: Data, path: String) -> Result<String, InputError> {
        let bytes = [UInt8](data)
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            let littleEndian = bytes[0] == 0xFF
            guard let text = String(data: data.dropFirst(2), encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian) else {
                return .failure(.unreadable(path: path, reason: "invalid UTF-16 after the byte-order mark"))
            }
            return .success(text)
        }
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { start = 3 }
        if let nul = bytes[start...].prefix(1 << 16).firstIndex(of: 0) {
            return .failure(.binaryFile(path: path, byteOffset: nul))
        }
        let body = bytes[start...]
        if let text = String(validating: body, as: UTF8.self) {
            return .success(text)
        }
        return .failure(.invalidUTF8(path: path, byteOffset: firstInvalidUTF8(bytes, from: start)))
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
