@testable import QuoteCore
import XCTest

/// Name keys: the ASCII shortcut agrees with ICU's transform; other scripts go through ICU.
final class NameKeyTests: XCTestCase {
    func testASCIIShortcutAgreesWithICU() {
        let names = ["Ryan Crocker", "RYAN CROCKER", "al-Dabagh", "Al Dabagh", "O'Malley", "Donald J. Trump",
                     "Rep. Jason Holsman (D)", "3M", "Mary-Kate", " ", "", "~!@#$%^&*()_+`{}|[]\\:\";'<>?,./", "Zz09",
                     "Abcdefgh I", "Abcdefg-Hijklmno", "Abc Defghijklmnop", "A. B. C. D. E. F. G. H."]
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
        XCTAssertNil(NameKey.latinKey("Владимир Путин"))
        XCTAssertEqual(NameKey.key("Владимир Путин"), NameKey.icuKey("Владимир Путин"))
        XCTAssertFalse(NameKey.key("Владимир Путин").isEmpty)
    }

    /// Every character of the Latin table, between letters and doubled, gives ICU's key.
    func testLatinTableAgreesWithICUForEveryCharacter() {
        var checked = 0
        for block in LatinNameKeys.blocks {
            for value in block.first...block.last {
                guard let scalar = Unicode.Scalar(value) else { continue }
                for name in ["a\(scalar)b", "\(scalar)\(scalar)", "Z\(scalar) 9"] {
                    XCTAssertEqual(NameKey.latinKey(name), NameKey.icuKey(name),
                                   "U+\(String(value, radix: 16, uppercase: true)) in '\(name)'")
                }
                checked += 1
            }
        }
        XCTAssertEqual(checked, 0x24F - 0xA0 + 1 + 0x100 + 0x70)
    }

    func testLatinNamesAgreeWithICU() {
        let names = ["José Núñez", "O’Brien", "Łukasz Dąbrowski", "Ægir Þórsson", "Straße", "Søren Kierkegaard",
                     "François Hollande", "Recep Tayyip Erdoğan", "Nguyễn Tấn Dũng", "Jean‑Luc — “JL” Mélenchon",
                     "Sánchez‑Pérez", "ĲSSEL", "Đorđe", "Ħal", "ı", "ǅ", "Œuvre", "½ Ltd", "©Corp"]
        for name in names {
            XCTAssertNotNil(NameKey.latinKey(name), name)
            XCTAssertEqual(NameKey.latinKey(name), NameKey.icuKey(name), name)
        }
    }
}
