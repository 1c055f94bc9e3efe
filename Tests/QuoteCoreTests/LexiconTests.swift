import Foundation
import QuoteCore
import XCTest

/// Word lists are validated on load.
final class LexiconTests: XCTestCase {
    func testBundledLexiconLoads() {
        let lexicon = Lexicon.bundled
        XCTAssertEqual(lexicon.verb("said")?.lemma, "say")
        XCTAssertEqual(lexicon.verb("told")?.lemma, "tell")
        XCTAssertNotNil(lexicon.abbreviations["U.S."])
        XCTAssertEqual(lexicon.pronouns["she"], .female)
    }

    private func copyBundled(replacing name: String, with content: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lexicon-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let bundled = try XCTUnwrap(Lexicon.bundledDirectory)
        for file in try FileManager.default.contentsOfDirectory(atPath: bundled.path) {
            try FileManager.default.copyItem(at: bundled.appendingPathComponent(file), to: directory.appendingPathComponent(file))
        }
        try content.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        return directory
    }

    func testUnknownClassIsRejectedWithFileAndLine() throws {
        let directory = try copyBundled(replacing: "speech-verbs.tsv", with: "# header\nsay\tsay,said\tspeech\nshout\tshout,shouted\tloud\n")
        XCTAssertThrowsError(try Lexicon(directory: directory)) { error in
            XCTAssertEqual(error as? LexiconError, .unknownValue(file: "speech-verbs.tsv", line: 3, value: "loud",
                                                                 allowed: ["speech", "belief", "report", "quote"]))
        }
    }

    func testDuplicateFormIsRejected() throws {
        let directory = try copyBundled(replacing: "speech-verbs.tsv", with: "say\tsay,said\tspeech\nstate\tstate,said\tspeech\n")
        XCTAssertThrowsError(try Lexicon(directory: directory)) { error in
            XCTAssertEqual(error as? LexiconError, .duplicate(file: "speech-verbs.tsv", line: 2, value: "said"))
        }
    }

    func testMalformedLineIsRejected() throws {
        let directory = try copyBundled(replacing: "pronouns.tsv", with: "he\tmale\nshe female\n")
        XCTAssertThrowsError(try Lexicon(directory: directory)) { error in
            XCTAssertTrue("\(error)".contains("pronouns.tsv:2"), "\(error)")
        }
    }

    func testWindowsLineEndingsReadAsLines() throws {
        let directory = try copyBundled(replacing: "pronouns.tsv", with: "# pronouns\r\nhe\tmale\r\nshe\tfemale\r\nthey\tplural\r\n")
        let lexicon = try Lexicon(directory: directory)
        XCTAssertEqual(lexicon.pronouns["he"], .male)
        XCTAssertEqual(lexicon.pronouns["she"], .female)
        XCTAssertEqual(lexicon.pronouns["they"], .plural)
        XCTAssertEqual(lexicon.pronouns.count, 3)
    }

    func testFieldsWithEdgeSpacesOrEmptyAreRejectedWithTheirLine() throws {
        // ASCII lines are split on their bytes, other lines by Character: both reject the same.
        let cases: [(content: String, line: Int, value: String)] = [
            ("he\tmale\n she\tfemale\n", 2, " she\tfemale"),
            ("he\tmale\nshe\tfemale \n", 2, "she\tfemale "),
            ("he\tmale\n\nshe\t\tfemale\n", 3, "she\t\tfemale"),
            ("he\tmale\nsh\u{E9}\tfemale\u{A0}\n", 2, "sh\u{E9}\tfemale\u{A0}"),
            ("h\u{E9}\t\tmale\r\n", 1, "h\u{E9}\t\tmale"),
        ]
        for (content, line, value) in cases {
            let directory = try copyBundled(replacing: "pronouns.tsv", with: content)
            XCTAssertThrowsError(try Lexicon(directory: directory), content) { error in
                XCTAssertEqual(error as? LexiconError, .badField(file: "pronouns.tsv", line: line, value: value), content)
            }
        }
    }

    func testMultiWordEntriesSplitOnSpacesAndCommas() throws {
        let directory = try copyBundled(replacing: "speech-verbs.tsv", with: "say\tsay,,said,Says\tspeech\n")
        let lexicon = try Lexicon(directory: directory)
        XCTAssertEqual(Set(lexicon.verbs.keys), ["say", "said", "says"], "empty forms are skipped, forms lowercased")
        XCTAssertEqual(Lexicon.bundled.maxTitleWords, Lexicon.bundled.titles.keys.map { $0.split(separator: " ").count }.max())
        XCTAssertTrue(Lexicon.bundled.titleWords.isSuperset(of: ["gen.", "lt."]), "words of \"Lt. Gen.\" are title words")
    }
}
