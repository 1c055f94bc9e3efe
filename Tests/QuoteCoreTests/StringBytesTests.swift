import Foundation
@testable import QuoteSchema
import XCTest

/// `withUTF8Bytes` hands over exactly the string's UTF-8, whatever the string's representation.
final class StringBytesTests: XCTestCase {
    func testBytesAreTheUTF8OfEveryKindOfString() {
        let large = String(repeating: "Ryan Crocker said ", count: 20)
        let texts: [String] = [
            "", "a", "said", "fifteen bytes!!", "sixteen bytes!!!",  // empty, small, the small/large edge
            "Zoë Ångström", "“Quoted,” she said — 😀", large, large + "é",
            String(large.dropFirst(3)),  // from a substring
            String(NSString(string: "Anne Garrels quoted Crocker as saying")),  // through Foundation
            String(decoding: [0x61, 0xFF, 0x62] as [UInt8], as: UTF8.self),  // repaired bytes
        ]
        for text in texts {
            let bytes = text.withUTF8Bytes { Array($0) }
            XCTAssertEqual(bytes, Array(text.utf8), "bytes of \(text.debugDescription)")
        }
    }

    func testResultAndErrorsPassThrough() {
        struct Stop: Error {}
        XCTAssertEqual("abc".withUTF8Bytes { $0.count }, 3)
        XCTAssertThrowsError(try "abc".withUTF8Bytes { _ in throw Stop() })
    }
}
