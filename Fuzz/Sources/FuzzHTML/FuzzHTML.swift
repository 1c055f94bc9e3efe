import Foundation
import FuzzDriver
import QuoteCore
import QuoteHTML

/// Page bytes in: the HTML reader must return a document or a typed error, never crash, and the
/// extracted text must go through the extractor with consistent output.
public func fuzzHTML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    switch HTMLArticleReader.read(data: Data(bytes: data, count: size), path: "fuzz.html") {
    case .failure(let error):
        precondition(!"\(error)".isEmpty)
    case .success(let document):
        let result = Extractor().extract(text: document.text, document: document.id)
        let problems = OutputInvariants.violations(of: result, text: document.text)
        precondition(problems.isEmpty, "invariants violated: \(problems)")
    }
    return 0
}

@main
enum Driver {
    static func main() {
        runFuzzer { data, size in
            guard let data else { return 0 }
            return fuzzHTML(data, size)
        }
    }
}
