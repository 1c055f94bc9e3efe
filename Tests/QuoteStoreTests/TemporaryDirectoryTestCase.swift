import Foundation
import XCTest

/// A test case with a fresh temporary directory per test, removed afterwards.
class TemporaryDirectoryTestCase: XCTestCase {
    /// This test's own directory.
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("quotes-\(type(of: self))-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// The `quotes` executable in the products directory the test bundle runs from.
    func quotesBinary() throws -> URL {
        let places = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
                      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        for place in places {
            let binary = place.appendingPathComponent("quotes")
            if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        }
        throw XCTSkip("no quotes binary in \(places.map(\.path)); run swift build first")
    }

    /// Runs `quotes` with `arguments` and nothing on its standard input; returns its exit status
    /// and standard error.
    func runQuotes(_ arguments: [String]) throws -> (status: Int32, errors: String) {
        let run = try runQuotes(arguments, input: Data())
        return (run.status, run.errors)
    }

    /// Runs `quotes` with `arguments` and `input` on its standard input; returns its exit status,
    /// standard output and standard error (through files: no pipe can fill and stall it).
    func runQuotes(_ arguments: [String], input: Data) throws -> (status: Int32, output: String, errors: String) {
        let name = UUID().uuidString
        let inputFile = directory.appendingPathComponent(name + ".in")
        let outputFile = directory.appendingPathComponent(name + ".out")
        let errorFile = directory.appendingPathComponent(name + ".err")
        try input.write(to: inputFile)
        try Data().write(to: outputFile)
        try Data().write(to: errorFile)
        let process = Process()
        process.executableURL = try quotesBinary()
        process.arguments = arguments
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: outputFile, encoding: .utf8),
                try String(contentsOf: errorFile, encoding: .utf8))
    }
}
