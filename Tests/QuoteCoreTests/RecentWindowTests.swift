@testable import QuoteCore
import XCTest

/// The speaker resolver's window of latest speakers reads like the whole sequence over the
/// elements it keeps, however many were appended.
final class RecentWindowTests: XCTestCase {
    func testCapacityIsTheMinimumRoundedUpToAPowerOfTwo() {
        XCTAssertEqual([1, 2, 3, 400, 512, 513].map { RecentWindow<Int>(minimumCapacity: $0).capacity }, [1, 2, 4, 512, 512, 1_024])
    }

    func testKeptElementsReadAsInTheWholeSequence() {
        var generator = SystemRandomNumberGenerator()
        for minimum in [1, 3, 8, 400] {
            var window = RecentWindow<String>(minimumCapacity: minimum)
            var all: [String] = []
            for step in 0..<3_000 {
                let element = "e\(step)-\(UInt32.random(in: 0...9_999, using: &generator))"
                window.append(element)
                all.append(element)
                XCTAssertEqual(window.count, all.count)
                XCTAssertEqual(window.firstKept, max(0, all.count - window.capacity))
                // Every kept element after some appends, else the newest and the oldest kept.
                let checked = step % 97 == 0 ? Array(window.firstKept..<window.count) : [window.count - 1, window.firstKept]
                for index in checked {
                    XCTAssertEqual(window[index], all[index], "minimum \(minimum), element \(index) of \(all.count)")
                }
            }
        }
    }
}
