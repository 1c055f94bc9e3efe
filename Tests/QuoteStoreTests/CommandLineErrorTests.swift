import Foundation
import QuoteCore
import QuoteStore
import XCTest

/// Bad input to the `quotes` commands, through the real binary: an error that names the file or
/// value and the problem, a usage exit status, and nothing left behind.
final class CommandLineErrorTests: TemporaryDirectoryTestCase {
    /// The reading commands refuse a store that does not exist, naming it, and create nothing.
    func testReadingCommandsRefuseAMissingStore() throws {
        let missing = directory.appendingPathComponent("nowhere.sqlite").path
        for arguments in [["speakers"], ["query", "--speaker", "Ruiz"], ["show", "q1"], ["check"]] {
            let (status, message) = try runQuotes(arguments + ["--db", missing])
            XCTAssertEqual(status, 64, "\(arguments)")
            XCTAssertTrue(message.contains("no store at '\(missing)'"), "\(arguments): \(message)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: missing), "\(arguments)")
        }
    }

    /// Standard output that cannot be written (a full disk) ends the run with status 1 and the
    /// system's reason on standard error, not a crash report.
    func testAFullDiskEndsExtractionWithAClearError() throws {
        guard let full = FileHandle(forWritingAtPath: "/dev/full") else { throw XCTSkip("no /dev/full here") }
        let input = (0..<50).map { #"{"id": "d\#($0)", "text": "\"We will act,\" Ana Okafor said."}"# }.joined(separator: "\n")
        let inputFile = directory.appendingPathComponent("in.jsonl")
        let errorFile = directory.appendingPathComponent("err.txt")
        try Data(input.utf8).write(to: inputFile)
        try Data().write(to: errorFile)
        let process = Process()
        process.executableURL = try quotesBinary()
        process.arguments = ["extract", "--format", "jsonl", inputFile.path]
        process.standardOutput = full
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        process.waitUntilExit()
        let errors = try String(contentsOf: errorFile, encoding: .utf8)
        XCTAssertEqual(process.terminationReason, .exit, errors)
        XCTAssertEqual(process.terminationStatus, 1, errors)
        XCTAssertTrue(errors.contains("error: cannot write standard output: No space left on device"), errors)
        XCTAssertFalse(errors.contains("Fatal error"), errors)
    }

    /// Many documents' records, written in several gathered writes, come out whole and in input
    /// order, as JSON lines and as one JSON object.
    func testManyDocumentsComeOutInOrder() throws {
        let count = 700  // more chunks than one gathered write takes (256)
        let input = (0..<count).map { #"{"id": "d\#($0)", "text": "\"We will act,\" Ana Okafor said."}"# }.joined(separator: "\n")
        let lines = try runQuotes(["extract", "--format", "jsonl", "-"], input: Data(input.utf8))
        XCTAssertEqual(lines.status, 0, lines.errors)
        let documents = try lines.output.split(separator: "\n").map { line in
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])["document"] as? String
        }
        XCTAssertEqual(documents, (0..<count).map { "d\($0)" })
        let object = try runQuotes(["extract", "--format", "json", "-"], input: Data(input.utf8))
        XCTAssertEqual(object.status, 0, object.errors)
        let decoded = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(object.output.utf8)) as? [String: Any])
        let results = try XCTUnwrap(decoded["documents"] as? [[String: Any]], "\(decoded.keys)")
        XCTAssertEqual(results.map { $0["document"] as? String }, (0..<count).map { "d\($0)" })
    }

    /// An ambiguous surname names the ten most quoted matches and counts the rest, however many
    /// share it.
    func testAmbiguousSurnameListsTheMostQuotedTen() throws {
        let path = directory.appendingPathComponent("okafors.sqlite").path
        let store = try QuoteStore(path: path)
        let extractor = Extractor()
        let firsts = ["Ana", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hal", "Ida", "Jon", "Kim", "Lou", "Max", "Ned"]
        try store.index(firsts.enumerated().map { number, first in
            let text = String(repeating: "\"We will act,\" \(first) Okafor said. ", count: number + 1)
            return (SourceDocument(id: "d\(number)", text: text), extractor.extract(text: text, document: "d\(number)"))
        })
        let (status, message) = try runQuotes(["query", "--db", path, "--speaker", "Okafor"])
        XCTAssertEqual(status, 0, message)
        let line = try XCTUnwrap(message.split(separator: "\n").first { $0.hasPrefix("ambiguous:") })
        let matched = try store.query(QuoteQuery(speaker: "Okafor")).speakers.count
        XCTAssertGreaterThan(matched, 10)
        XCTAssertTrue(line.hasPrefix("ambiguous: \(matched) speakers match 'Okafor': Ned Okafor (14), Max Okafor (13)"), String(line))
        XCTAssertTrue(line.hasSuffix("Eli Okafor (5) and \(matched - 10) more (quotes speakers lists them all)"), String(line))
        XCTAssertEqual(line.components(separatedBy: " Okafor (").count - 1, 10)
    }

    /// `quotes eval --predictions` says why a predictions file cannot be used.
    func testEvalPredictionsErrorsSayWhy() throws {
        let gold = directory.appendingPathComponent("gold.jsonl").path
        try Data(#"{"id":"a","text":"\"Yes,\" Ana said.","quotes":[]}"#.utf8 + [10]).write(to: URL(fileURLWithPath: gold))
        let missing = directory.appendingPathComponent("missing.jsonl").path
        let broken = directory.appendingPathComponent("broken.jsonl").path
        try Data("not json\n".utf8).write(to: URL(fileURLWithPath: broken))
        let partial = directory.appendingPathComponent("partial.jsonl").path
        try Data(#"{"document":"a","id":"q1","type":"direct","confidence":0.9}"#.utf8 + [10]).write(to: URL(fileURLWithPath: partial))
        let cases: [(String, String)] = [
            (missing, "\(missing): cannot read predictions file: no such file"),
            (directory.path, "\(directory.path): cannot read predictions file: it is a directory"),
            (broken, "\(broken):1: not a quotation record: The given data was not valid JSON."),
            (partial, "\(partial):1: not a quotation record: missing field \"quote\" in the record"),
        ]
        for (predictions, expected) in cases {
            let (status, message) = try runQuotes(["eval", gold, "--predictions", predictions])
            XCTAssertEqual(status, 64, predictions)
            XCTAssertTrue(message.contains(expected), "\(predictions): \(message)")
        }
    }

    /// Counts below their least meaningful value are usage errors quoting the value (they ran as
    /// 1, or as no limit, before), and nothing is written.
    func testCountsBelowTheirLeastAreRefused() throws {
        let article = directory.appendingPathComponent("a.txt")
        try Data("\"We will act,\" Dana Okafor said.".utf8).write(to: article)
        let store = directory.appendingPathComponent("s.sqlite").path
        for (arguments, message) in [
            (["index", "--db", store, "--batch", "0", article.path], "--batch must be at least 1, not 0"),
            (["index", "--db", store, "--jobs=-2", article.path], "--jobs must be at least 1, not -2"),
            (["extract", "--jobs", "0", article.path], "--jobs must be at least 1, not 0"),
            (["speakers", "--db", store, "--limit=-1"], "--limit must be at least 0, not -1"),
            // A negative count after a space is the option's value, not another option.
            (["speakers", "--db", store, "--limit", "-1"], "--limit must be at least 0, not -1"),
            (["query", "--db", store, "--limit", "-3"], "--limit must be at least 0, not -3"),
            (["index", "--db", store, "--jobs", "-2", article.path], "--jobs must be at least 1, not -2"),
            (["bench", "--runs", "-1"], "--runs must be at least 1, not -1"),
            (["bench", "--runs", "0"], "--runs must be at least 1, not 0"),
        ] {
            let (status, errors) = try runQuotes(arguments)
            XCTAssertEqual(status, 64, "\(arguments): \(errors)")
            XCTAssertTrue(errors.contains(message), "\(arguments): \(errors)")
            XCTAssertFalse(FileManager.default.fileExists(atPath: store), "\(arguments)")
        }
    }

    /// Standard input with `--input auto` is JSONL when its first character is "{" (streamed as
    /// documents, whatever white space comes first), else one text document.
    func testStandardInputIsJSONLWhenItStartsWithABrace() throws {
        let lines = """
            {"id": "a", "text": "\\"The pier is closed,\\" Mayor Ines Carvalho said."}
            {"id": "b", "text": "\\"It opens in May,\\" engineer Tomas Reyes said."}

            """
        for input in [lines, "\n  \n" + lines, "\u{FEFF}" + lines] {
            let (status, output, errors) = try runQuotes(["extract", "--format", "jsonl", "-"], input: Data(input.utf8))
            XCTAssertEqual(status, 0, errors)
            let documents = output.split(separator: "\n").compactMap { line -> String? in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["document"] as? String
            }
            XCTAssertEqual(documents, ["a", "b"], output)
        }
        let text = "Council notes\n\n\"The pier is closed,\" Mayor Ines Carvalho said. {Correction appended.}"
        let (status, output, errors) = try runQuotes(["extract", "--format", "jsonl", "-"], input: Data(text.utf8))
        XCTAssertEqual(status, 0, errors)
        XCTAssertTrue(output.contains("\"document\":\"-\""), output)
        XCTAssertTrue(output.contains("Ines Carvalho"), output)
    }

    /// JSONL on standard input longer than the bytes read to sniff it (a 64 KiB chunk): the
    /// sniffed bytes and the rest are read as one stream, a line split between them included.
    func testLongJSONLOnStandardInputIsReadWhole() throws {
        let lines = (0..<2_000).map { "{\"id\": \"d\($0)\", \"text\": \"\\\"Line \($0) is here,\\\" Mayor Ines Carvalho said.\"}" }
        let input = lines.joined(separator: "\n") + "\n"
        XCTAssertGreaterThan(input.utf8.count, 1 << 17)
        let (status, output, errors) = try runQuotes(["extract", "--format", "jsonl", "-"], input: Data(input.utf8))
        XCTAssertEqual(status, 0, errors)
        let documents = output.split(separator: "\n").compactMap { line -> String? in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["document"] as? String
        }
        XCTAssertEqual(documents, (0..<2_000).map { "d\($0)" })
    }

    /// A saved web page piped in is read as a page (its article text, not its markup), by
    /// `extract` and by `index`; text that merely starts with a tag stays text.
    func testStandardInputIsAWebPageWhenItStartsLikeOne() throws {
        let page = """
            <!DOCTYPE html>
            <html><head><title>Pier</title><script>var said = "not a quotation";</script></head>
            <body><article><p>&ldquo;The pier is closed,&rdquo; Mayor Ines Carvalho said.</p></article></body></html>
            """
        for input in [page, "\u{FEFF}\n  " + page, "<!-- saved -->\n" + page] {
            let (status, output, errors) = try runQuotes(["extract", "--format", "jsonl", "-"], input: Data(input.utf8))
            XCTAssertEqual(status, 0, errors)
            let records = output.split(separator: "\n").compactMap { line in
                try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            }
            XCTAssertEqual(records.count, 1, output)
            XCTAssertEqual((records.first?["quote"] as? [String: Any])?["text"] as? String, "The pier is closed,", output)
            XCTAssertEqual((records.first?["speaker"] as? [String: Any])?["name"] as? String, "Ines Carvalho", output)
        }
        let store = directory.appendingPathComponent("pages.sqlite").path
        let indexed = try runQuotes(["index", "--db", store, "-"], input: Data(page.utf8))
        XCTAssertEqual(indexed.status, 0, indexed.errors)
        let query = try runQuotes(["query", "--db", store, "--speaker", "Carvalho", "--format", "jsonl"], input: Data())
        XCTAssertTrue(query.output.contains("The pier is closed,"), query.output + query.errors)
        XCTAssertFalse(query.output.contains("not a quotation"), query.output)
        let tagged = "<b>Note</b> \"The pier is closed,\" Mayor Ines Carvalho said."
        let (status, output, errors) = try runQuotes(["extract", "--format", "jsonl", "-"], input: Data(tagged.utf8))
        XCTAssertEqual(status, 0, errors)
        XCTAssertTrue(output.contains("</b>"), "read as text, markup and all: \(output)")
    }

    /// A gold file with a refused line is scored on the others, and the run fails.
    func testEvalScoresTheReadableLinesAndFailsOnARefusedOne() throws {
        let gold = directory.appendingPathComponent("gold.jsonl")
        try Data("""
            {"id": "a", "text": "\\"Go,\\" Ann Lee said.", "quotes": [{"start": 1, "end": 4, "text": "Go,", "type": "direct"}]}
            {"id": "a", "text": "Again.", "quotes": []}

            """.utf8).write(to: gold)
        let (status, output, errors) = try runQuotes(["eval", gold.path], input: Data())
        XCTAssertEqual(status, 1, errors)
        XCTAssertTrue(output.hasPrefix("Quotation evaluation: 1 documents, 1 gold quotations"), output)
        XCTAssertTrue(errors.contains("line 2: document id \"a\" already used on line 1"), errors)
    }
}
