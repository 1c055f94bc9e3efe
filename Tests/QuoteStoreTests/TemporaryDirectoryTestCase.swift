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
}
