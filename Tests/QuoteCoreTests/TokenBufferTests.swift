@testable import QuoteCore
import XCTest

/// `TokenBuffer` keeps its tokens in order through growth and moves them out whole.
final class TokenBufferTests: XCTestCase {
    /// A word token whose text (long enough to live on the heap) names its position.
    private func token(_ number: Int) -> Token {
        Token(range: number..<(number + 1), kind: .word, lower: "word-number-\(number)-of-the-buffer",
              isCapitalized: number % 2 == 0, quote: -1, part: -1)
    }

    private func assertTokens(_ tokens: [Token], _ numbers: Range<Int>, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(tokens.map(\.range.lowerBound), Array(numbers), file: file, line: line)
        XCTAssertEqual(tokens.map(\.lower), numbers.map { "word-number-\($0)-of-the-buffer" }, file: file, line: line)
        XCTAssertEqual(tokens.map(\.isCapitalized), numbers.map { $0 % 2 == 0 }, file: file, line: line)
    }

    func testTokensKeepTheirOrderThroughGrowthAndRemoval() {
        var buffer = TokenBuffer(capacity: 1)
        for number in 0..<100 {
            buffer.reserveOne()
            buffer.append(token(number))
        }
        XCTAssertEqual(buffer.count, 100)
        XCTAssertEqual(buffer[99].lower, "word-number-99-of-the-buffer")
        assertTokens(buffer.removeFirst(0), 0..<0)
        assertTokens(buffer.removeFirst(30), 0..<30)
        XCTAssertEqual(buffer.count, 70)
        XCTAssertEqual(buffer[0].range, 30..<31)
        // Appending after a removal goes on after the tokens that moved to the front.
        for number in 100..<110 {
            buffer.reserveOne()
            buffer.append(token(number))
        }
        assertTokens(buffer.removeFirst(70), 30..<100)
        assertTokens(buffer.removeFirst(buffer.count), 100..<110)
        XCTAssertEqual(buffer.count, 0)
        assertTokens(buffer.removeFirst(0), 0..<0)
    }

    func testTokensLeftInTheBufferAreFreedWithIt() {
        // The buffer's deinit destroys what it holds (the address sanitizer sees a double free or
        // a use after free if tokens moved out were also destroyed there).
        var taken: [Token] = []
        do {
            var buffer = TokenBuffer(capacity: 4)
            for number in 0..<10 {
                buffer.reserveOne()
                buffer.append(token(number))
            }
            taken = buffer.removeFirst(6)
        }
        assertTokens(taken, 0..<6)
    }
}
