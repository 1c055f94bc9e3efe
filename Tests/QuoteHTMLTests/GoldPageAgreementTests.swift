import Foundation
import QuoteCore
import QuoteHTML
import QuoteSchema
import Testing

/// The shared gold articles, read at run time only (their text never enters the project).
enum GoldArticles {
    static let file: URL = {
        if let path = ProcessInfo.processInfo.environment["QUOTES_GOLD_JSONL"] { return URL(fileURLWithPath: path) }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/gold/polnear.dev.jsonl")
    }()

    static var available: Bool { FileManager.default.fileExists(atPath: file.path) }

    /// (id, text) of every article.
    static func load() throws -> [(String, String)] {
        let data = try Data(contentsOf: file)
        return try data.split(separator: 0x0A).compactMap { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let text = object["text"] as? String else { return nil }
            return ((object["id"] as? String) ?? "?", text)
        }
    }
}

/// Quotations found in a generated news page equal those found in the clean article text.
@Suite struct GoldPageAgreementTests {
    @Test(.enabled(if: GoldArticles.available, "../shared/gold/polnear.dev.jsonl is absent; set QUOTES_GOLD_JSONL"))
    func pageQuotesMatchCleanTextQuotes() throws {
        let articles = try GoldArticles.load()
        let generator = NewsPageGenerator()
        final class Box: @unchecked Sendable {
            var rows: [(clean: [String], page: [String], headlineOK: Bool, sameText: Bool, id: String)?]
            init(_ count: Int) { rows = Array(repeating: nil, count: count) }
        }
        let box = Box(articles.count)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: articles.count) { index in
            let (id, text) = articles[index]
            let data = generator.page(id: id, text: text, variant: index)
            if let directory = ProcessInfo.processInfo.environment["QUOTES_HTML_PAGES_OUT"] {
                // For Tools/html-pages/agreement.sh: the same pages, for the command-line check.
                let name = id.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }
                try? data.write(to: URL(fileURLWithPath: directory).appendingPathComponent(String(name) + ".html"))
            }
            guard case .success(let document) = HTMLArticleReader.read(data: data, path: "\(id).html") else {
                lock.lock(); box.rows[index] = ([], ["<read failed>"], false, false, id); lock.unlock()
                return
            }
            let clean = quoteKeys(text)
            let page = quoteKeys(document.text)
            let headline = text.components(separatedBy: "\n\n").first.map(normalized) ?? ""
            let headlineOK = normalized(document.text.components(separatedBy: "\n\n").first ?? "") == headline
            // The page's text is the article's, then the figure caption (when the page has one).
            let pageText = normalized(document.text)
            let sameText = pageText == normalized(text)
                || pageText == normalized(text + " Residents gather outside the hall on Tuesday morning.")
            lock.lock(); box.rows[index] = (clean, page, headlineOK, sameText, id); lock.unlock()
        }
        var matched = 0, cleanCount = 0, pageCount = 0, identicalDocuments = 0, headlines = 0, sameTexts = 0
        var mismatches: [String] = []
        for row in box.rows.compactMap({ $0 }) {
            var remaining = row.page
            for key in row.clean {
                if let found = remaining.firstIndex(of: key) { matched += 1; remaining.remove(at: found) }
            }
            cleanCount += row.clean.count
            pageCount += row.page.count
            if row.clean == row.page { identicalDocuments += 1 } else {
                let missing = row.clean.filter { !row.page.contains($0) }
                let extra = row.page.filter { !row.clean.contains($0) }
                mismatches.append("\(row.id): missing \(missing.prefix(2)) extra \(extra.prefix(2))")
            }
            if row.headlineOK { headlines += 1 }
            if row.sameText { sameTexts += 1 }
        }
        let agreement = cleanCount + pageCount == 0 ? 1 : Double(2 * matched) / Double(cleanCount + pageCount)
        print("""
        HTML page agreement: \(articles.count) articles, \(cleanCount) quotations in clean text, \(pageCount) in pages, \
        \(matched) identical (text and speaker); agreement \(String(format: "%.2f", agreement * 100))%; \
        \(identicalDocuments) documents identical; \(headlines) headlines kept; \(sameTexts) extracted texts equal to the article plus caption (white space normalised)
        """)
        for line in mismatches.prefix(20) { print("  mismatch \(line)") }
        #expect(agreement >= 0.99)
        #expect(headlines == articles.count)
    }
}

