@testable import QuoteCore
import XCTest

/// Name keys: the ASCII shortcut agrees with ICU's transform; other scripts go through ICU.
final class NameKeyTests: XCTestCase {
    func testASCIIShortcutAgreesWithICU() {
        let names = ["Ryan Crocker", "RYAN CROCKER", "al-Dabagh", "Al Dabagh", "O'Malley", "Donald J. Trump",
                     "Rep. Jason Holsman (D)", "3M", "Mary-Kate", " ", "", "~!@#$%^&*()_+`{}|[]\\:\";'<>?,./", "Zz09"]
        for name in names {
            XCTAssertEqual(NameKey.asciiKey(name), NameKey.icuKey(name), name)
        }
        let every = String((0..<128).map { Character(Unicode.Scalar(UInt8($0))) })
        XCTAssertEqual(NameKey.asciiKey(every), NameKey.icuKey(every))
    }

    func testOtherScriptsUseICU() {
        XCTAssertNil(NameKey.asciiKey("José Núñez"))
        XCTAssertEqual(NameKey.key("José Núñez"), "josenunez")
        XCTAssertEqual(NameKey.key("AL-DABAGH"), NameKey.key("al Dabagh"))
    }
}
