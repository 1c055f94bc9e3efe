import Foundation
import QuoteCore
import QuoteSchema

/// Turns a saved web page into a `SourceDocument`: the article's headline and text, with the
/// page's title, date, author, site and canonical URL as metadata.
///
/// The page is parsed by libxml2's HTML parser (recovering from malformed markup, never touching
/// the network). The extracted text is the headline, a blank line, then the article's paragraphs
/// separated by blank lines, then figure captions; navigation, headers, footers, scripts,
/// styles, share widgets, advertisement labels and related-link boxes are left out. Quotation
/// offsets computed on the document refer to this text.
public enum HTMLArticleReader {
    /// Metadata keys set on the document.
    public enum Key {
        public static let title = "title"
        public static let published = "published"
        public static let author = "author"
        public static let site = "site"
        public static let url = "url"
        public static let encoding = "encoding"
        public static let format = "format"
    }

    /// Reads a page; fails with a typed error naming `path` for binary data or an unparsable page.
    ///
    /// A page with no article text is not an error: the document is empty and carries a
    /// `no-article-text` warning.
    public static func read(data: Data, path: String) -> Result<SourceDocument, InputError> {
        let bytes = [UInt8](data)
        let (encoding, bomLength) = HTMLEncoding.detect(bytes)
        if encoding == .utf8 || encoding == .windows1252, let offset = binaryOffset(bytes) {
            return .failure(.binaryFile(path: path, byteOffset: offset))
        }
        let decoded = encoding.decode(bytes[bomLength...])
        var utf8 = Array(decoded.utf8)
        // libxml2 would stop at a NUL; there is nothing after one worth reading in a text page.
        if let nul = utf8.firstIndex(of: 0) { utf8.removeSubrange(nul...) }
        guard utf8.count < Int(Int32.max) else {
            return .failure(.unreadable(path: path, reason: "page larger than 2 GB"))
        }
        var walker = ArticleWalker()
        if !utf8.isEmpty, !walker.walk(utf8: utf8) {
            return .failure(.unreadable(path: path, reason: "libxml2 could not parse the page as HTML"))
        }
        var metadata = PageMetadata(walker: walker)
        var article = ArticleAssembler.assemble(walker.blocks, fallbackTitle: metadata.title)
        if article.bodyParagraphs == 0, !utf8.isEmpty {
            // Nothing left: a wrapper's class may have looked like furniture. Trust markup only.
            let retry = ArticleWalker(useClassNames: false)
            if retry.walk(utf8: utf8) {
                let second = ArticleAssembler.assemble(retry.blocks, fallbackTitle: metadata.title)
                if second.bodyParagraphs > 0 {
                    walker = retry
                    metadata = PageMetadata(walker: walker)
                    article = second
                }
            }
        }
        var fields: [String: JSONValue] = [Key.format: .string("html"), Key.encoding: .string(encoding.rawValue)]
        let title = metadata.title ?? article.headline
        if let title { fields[Key.title] = .string(title) }
        if let value = metadata.published { fields[Key.published] = .string(value) }
        if let value = metadata.author { fields[Key.author] = .string(value) }
        if let value = metadata.site { fields[Key.site] = .string(value) }
        if let value = metadata.url { fields[Key.url] = .string(value) }
        var diagnostics: [Diagnostic] = []
        if article.bodyParagraphs == 0 {
            diagnostics.append(Diagnostic(code: "no-article-text", severity: .warning,
                                          message: "\(path): no article text found in the page"))
        }
        return .success(SourceDocument(id: path, text: article.text, metadata: fields, diagnostics: diagnostics))
    }

    /// Whether `data` starts like an HTML page: a doctype, `<html`, `<head` or `<body` first
    /// (after white space), or a comment or XML declaration first and `<html` within 1 KB.
    /// Text that merely mentions a tag is not a page.
    public static func looksLikeHTML(_ data: Data) -> Bool {
        var head = [UInt8](data.prefix(1024))
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { head.removeFirst(3) }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            head = Array(HTMLEncoding.detect(head).encoding.decode(head.dropFirst(2)).utf8)
        }
        let text = String(decoding: head, as: UTF8.self).lowercased()
        let trimmed = text.drop { $0.isWhitespace }
        if ["<!doctype html", "<html", "<head", "<body"].contains(where: { trimmed.hasPrefix($0) }) { return true }
        return (trimmed.hasPrefix("<!--") || trimmed.hasPrefix("<?xml")) && text.contains("<html")
    }

    /// Whether `path` names an HTML file by its extension.
    public static func hasHTMLExtension(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml")
    }

    /// The offset of the first byte showing binary data: a NUL or a run of control bytes in the
    /// first 64 KB.
    static func binaryOffset(_ bytes: [UInt8]) -> Int? {
        let limit = min(bytes.count, 65_536)
        var controls = 0
        for index in 0..<limit {
            let byte = bytes[index]
            if byte == 0 { return index }
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C {
                controls += 1
                if controls > 8, controls * 20 > index + 1 { return index }
            }
        }
        return nil
    }
}

/// The article text chosen from a page's blocks.
struct ArticleText {
    var headline: String?
    var text: String
    var bodyParagraphs: Int
}

/// Chooses the article's blocks and orders them: headline, body, captions.
enum ArticleAssembler {
    /// Whole-paragraph labels of advertising slots.
    static let adLabels: Set<String> = [
        "advertisement", "advertisements", "advertising", "ad", "sponsored", "sponsored content",
        "story continues below advertisement", "article continues below advertisement",
        "continue reading below", "scroll to continue with content", "continue reading the main story",
        "skip advertisement", "- advertisement -", "— advertisement —", "paid content", "promoted",
    ]

    /// Opening words of related-link interstitials.
    static let relatedOpenings = [
        "related", "read more", "see also", "more from", "recommended", "also read", "read also",
        "you may also like", "more on this", "further reading", "watch:", "listen:",
    ]

    static func assemble(_ all: [TextBlock], fallbackTitle: String?) -> ArticleText {
        let blocks = all.filter { !isInterstitial($0) }
        // The article container with the most text wins; then <main>; then the whole body.
        var sizes: [Int: Int] = [:]
        for block in blocks where !block.isCaption {
            if let article = block.article { sizes[article, default: 0] += block.text.count }
        }
        let chosen: [TextBlock]
        if let best = sizes.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key {
            chosen = blocks.filter { $0.article == best }
        } else if blocks.contains(where: { $0.inMain && !$0.isCaption }) {
            chosen = blocks.filter { $0.inMain }
        } else {
            chosen = blocks
        }
        var headline: String? = nil
        var body: [String] = []
        var captions: [String] = []
        var headlineTaken = false
        let h1 = chosen.first(where: { $0.headingLevel == 1 && !$0.isCaption })
            ?? blocks.first(where: { $0.headingLevel == 1 && !$0.isCaption })
        if let h1 { headline = h1.text.replacingOccurrences(of: "\n", with: " ") }
        for block in chosen {
            if block.isCaption {
                captions.append(block.text)
            } else if !headlineTaken, block.headingLevel == 1, block.text == h1?.text {
                headlineTaken = true
            } else {
                body.append(block.text)
            }
        }
        if headline == nil, let fallbackTitle, !fallbackTitle.isEmpty { headline = fallbackTitle }
        var paragraphs: [String] = []
        if let headline { paragraphs.append(headline) }
        paragraphs += body
        paragraphs += captions
        return ArticleText(headline: headline, text: paragraphs.joined(separator: "\n\n"), bodyParagraphs: body.count)
    }

    /// Advertisement labels, related-link boxes and link lists that slipped past the markup tests.
    static func isInterstitial(_ block: TextBlock) -> Bool {
        let lower = block.text.lowercased().trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters))
        if adLabels.contains(lower) || adLabels.contains(block.text.lowercased()) { return true }
        let count = block.text.count
        let linky = block.linkCharacters * 2 >= count
        if relatedOpenings.contains(where: { lower.hasPrefix($0) }), linky || count <= 40 { return true }
        if block.isListItem, block.linkCharacters * 5 >= count * 4 { return true }
        return false
    }
}

/// Title, date, author, site and URL from `<meta>` tags, Open Graph, JSON-LD and the page.
struct PageMetadata {
    var title: String?
    var published: String?
    var author: String?
    var site: String?
    var url: String?

    init(walker: ArticleWalker) {
        let meta = walker.meta
        let ld = PageMetadata.newsArticle(in: walker.jsonLD)
        func first(_ values: String?...) -> String? {
            values.compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }.first { !$0.isEmpty }
        }
        let pageTitle = walker.titleText.trimmingCharacters(in: .whitespacesAndNewlines)
            .split(whereSeparator: \.isNewline).joined(separator: " ")
        title = first(meta["og:title"], ld?.string("headline"), meta["twitter:title"], meta["headline"],
                      meta["dc.title"], pageTitle.isEmpty ? nil : pageTitle)
        published = first(meta["article:published_time"], ld?.string("datePublished"), meta["datepublished"],
                           meta["date"], meta["pubdate"], meta["publishdate"], meta["dc.date"],
                           meta["dc.date.issued"], meta["parsely-pub-date"], meta["sailthru.date"],
                           walker.firstTime)
        let metaAuthor = [meta["author"], meta["article:author"], meta["parsely-author"], meta["byl"]]
            .compactMap { $0 }.first { !$0.isEmpty && !$0.hasPrefix("http") }
        author = first(ld.flatMap(PageMetadata.authors), metaAuthor)
        site = first(meta["og:site_name"], ld?.publisherName, meta["application-name"], meta["twitter:site"])
        url = first(walker.canonical, meta["og:url"], ld?.string("url"), ld?.mainEntityURL)
    }

    /// The first JSON-LD object typed as a news article (or article, or blog posting).
    static func newsArticle(in scripts: [String]) -> LDObject? {
        let types: Set<String> = ["newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle",
                                  "opinionnewsarticle", "backgroundnewsarticle", "blogposting", "reviewnewsarticle"]
        func search(_ value: Any) -> [String: Any]? {
            if let array = value as? [Any] {
                for item in array { if let found = search(item) { return found } }
            } else if let object = value as? [String: Any] {
                let type = object["@type"]
                let names = (type as? [Any] ?? [type as Any]).compactMap { ($0 as? String)?.lowercased() }
                if names.contains(where: types.contains) { return object }
                if let graph = object["@graph"] { return search(graph) }
            }
            return nil
        }
        for script in scripts {
            let cleaned = script.trimmingCharacters(in: .whitespacesAndNewlines)
                .replacingOccurrences(of: "<!--", with: "").replacingOccurrences(of: "-->", with: "")
            guard let data = cleaned.data(using: .utf8),
                  let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { continue }
            if let found = search(value) { return LDObject(fields: found) }
        }
        return nil
    }

    /// Author names of a JSON-LD article, joined by ", ".
    static func authors(_ ld: LDObject) -> String? {
        let value = ld.fields["author"] ?? ld.fields["creator"]
        let items = value as? [Any] ?? (value.map { [$0] } ?? [])
        let names = items.compactMap { item -> String? in
            if let name = item as? String { return name }
            return (item as? [String: Any])?["name"] as? String
        }.filter { !$0.isEmpty }
        return names.isEmpty ? nil : names.joined(separator: ", ")
    }
}

/// A decoded JSON-LD object.
struct LDObject {
    var fields: [String: Any]

    func string(_ key: String) -> String? { fields[key] as? String }

    var publisherName: String? {
        (fields["publisher"] as? [String: Any])?["name"] as? String
    }

    var mainEntityURL: String? {
        if let value = fields["mainEntityOfPage"] as? String { return value }
        return (fields["mainEntityOfPage"] as? [String: Any])?["@id"] as? String
    }
}
