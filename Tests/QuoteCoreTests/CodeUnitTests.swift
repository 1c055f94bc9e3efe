import XCTest
@testable import QuoteCore

/// `CodeUnit`'s classes answer some ranges without Unicode's property tables; these tests hold
/// every BMP unit's answer to the tables, so a shortcut that is wrong for one unit fails here.
final class CodeUnitTests: XCTestCase {
    func testLettersAndDigitsAgreeWithUnicodeProperties() {
        for value in UInt32(0x80)...0xFFFF {
            let unit = UInt16(value)
            guard let scalar = Unicode.Scalar(value) else {
                XCTAssertTrue(CodeUnit.isLetter(unit), "surrogate \(unit) is part of a word")
                XCTAssertFalse(CodeUnit.isDigit(unit))
                continue
            }
            XCTAssertEqual(CodeUnit.isLetter(unit), scalar.properties.isAlphabetic, "isLetter U+\(String(value, radix: 16))")
            XCTAssertEqual(CodeUnit.isDigit(unit), scalar.properties.numericType == .decimal, "isDigit U+\(String(value, radix: 16))")
        }
    }

    func testCaseAgreesWithUnicodeProperties() {
        for value in UInt32(0x80)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let unit = UInt16(value)
            XCTAssertEqual(CodeUnit.isUppercase(unit), scalar.properties.isUppercase, "isUppercase U+\(String(value, radix: 16))")
            XCTAssertEqual(CodeUnit.isLowercase(unit), scalar.properties.isLowercase, "isLowercase U+\(String(value, radix: 16))")
        }
    }

    func testCommonNewsUnitsAreClassified() {
        XCTAssertTrue(CodeUnit.isLetter(0xE9))  // é
        XCTAssertTrue(CodeUnit.isUppercase(0xC9))  // É
        XCTAssertTrue(CodeUnit.isLowercase(0xDF))  // ß
        XCTAssertFalse(CodeUnit.isLetter(0x2019))  // ’
        XCTAssertFalse(CodeUnit.isLetter(0xD7))  // ×
        XCTAssertTrue(CodeUnit.isDigit(0x0661))  // Arabic-Indic one
    }
}
