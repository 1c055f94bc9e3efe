import Foundation
import FuzzDriver
import QuoteCore
import QuoteSchema

/// Document bytes in, records out; checks the output invariants and that two runs agree.
public func fuzzExtractor(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let extractor = Extractor(offsetUnit: .codepoint)
    let result = extractor.extract(text: text, document: "fuzz")
    let problems = OutputInvariants.violations(of: result, text: text)
    precondition(problems.isEmpty, "invariants violated: \(problems)")
    precondition(extractor.extract(text: text, document: "fuzz") == result, "output differs between two runs")
    return 0
}

@main
enum Driver {
    static func main() {
        runFuzzer { data, size in
            guard let data else { return 0 }
            return fuzzExtractor(data, size)
        }
    }
}
