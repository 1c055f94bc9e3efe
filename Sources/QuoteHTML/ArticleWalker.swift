import CQuoteHTML
import Foundation

/// One paragraph-like block of visible text found while walking a page.
struct TextBlock {
    var text: String
    /// The `<article>` (or article-body container) the block sits in, if any.
    var article: Int?
    var inMain: Bool
    var isCaption: Bool
    /// 1–6 for `<h1>`–`<h6>`, 0 otherwise.
    var headingLevel: Int
    var isListItem: Bool
    /// Characters of the block that were link text.
    var linkCharacters: Int
}

/// Walks libxml2's tree of a page and collects visible text blocks, the `<title>`, `<meta>`
/// and `<link>` values and JSON-LD scripts, leaving out everything that is not article text.
final class ArticleWalker {
    /// Whether class and id words mark furniture; off for the second try on a page whose
    /// wrapper's class happened to contain one ("layout-with-sidebar").
    let useClassNames: Bool

    init(useClassNames: Bool = true) {
        self.useClassNames = useClassNames
    }

    private struct Frame {
        var name: String
        var skip = false
        var figure = false
        var article = false
        var main = false
        var pre = false
        var quote = false
        var link = false
        var title = false
        var jsonLD = false
        var listItem = false
        var heading = 0
        var header = false
    }

    private(set) var blocks: [TextBlock] = []
    private(set) var titleText = ""
    /// `<meta name|property|itemprop>` values by lower-case key, first one kept.
    private(set) var meta: [String: String] = [:]
    private(set) var canonical: String?
    private(set) var jsonLD: [String] = []
    private(set) var firstTime: String?
    private(set) var elementCount = 0

    private var stack: [Frame] = []
    private var skipDepth = 0
    private var figureDepth = 0
    private var preDepth = 0
    private var quoteDepth = 0
    private var linkDepth = 0
    private var titleDepth = 0
    private var headDepth = 0
    private var mainDepth = 0
    private var listItemDepth = 0
    private var headingLevel = 0
    /// Open `<header>` elements kept (inside an article): only their headings are text.
    private var headerDepth = 0
    private var articleStack: [Int] = []
    private var articleCount = 0
    private var scriptBuffer = ""
    private var inJSONLD = false

    private var current = String.UnicodeScalarView()
    private var pendingSpace = false
    private var linkCharacters = 0

    /// Elements whose whole subtree is never article text.
    static let skippedElements: Set<String> = [
        "script", "style", "noscript", "nav", "footer", "aside", "form", "button", "iframe", "svg",
        "template", "select", "textarea", "object", "embed", "canvas", "audio", "video", "map",
        "dialog", "menu", "input", "label", "math", "frameset", "frame", "applet",
    ]

    /// Elements that end a paragraph where they open and where they close.
    static let blockElements: Set<String> = [
        "p", "div", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
        "dd", "section", "article", "main", "table", "tr", "td", "th", "caption", "thead", "tbody",
        "tfoot", "pre", "figure", "figcaption", "hr", "address", "center", "body", "details", "summary",
        "header", "fieldset", "legend", "hgroup", "picture",
    ]

    /// ARIA roles of page furniture.
    static let skippedRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
        "dialog", "alertdialog", "toolbar", "tablist",
    ]

    /// Runs libxml2 over UTF-8 bytes; false when libxml2 could not build a tree at all.
    func walk(utf8 bytes: [UInt8]) -> Bool {
        let context = Unmanaged.passUnretained(self).toOpaque()
        let status = bytes.withUnsafeBufferPointer { buffer -> Int32 in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                qhtml_walk(pointer, Int64(buffer.count), "UTF-8", context, { context, name, attributes, count in
                    let walker = Unmanaged<ArticleWalker>.fromOpaque(context!).takeUnretainedValue()
                    var pairs: [(String, String)] = []
                    if let attributes {
                        for index in 0..<Int(count) {
                            let key = attributes[index * 2].map { String(cString: $0) } ?? ""
                            let value = attributes[index * 2 + 1].map { String(cString: $0) } ?? ""
                            pairs.append((key.lowercased(), value))
                        }
                    }
                    walker.start(name.map { String(cString: $0) }?.lowercased() ?? "", pairs)
                }, { context, _ in
                    Unmanaged<ArticleWalker>.fromOpaque(context!).takeUnretainedValue().end()
                }, { context, text, length in
                    guard let text, length > 0 else { return }
                    let string = text.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
                        String(decoding: UnsafeBufferPointer(start: $0, count: Int(length)), as: UTF8.self)
                    }
                    Unmanaged<ArticleWalker>.fromOpaque(context!).takeUnretainedValue().text(string)
                })
            }
        }
        flush()
        return status == 0
    }

    // MARK: - Events

    private func start(_ name: String, _ attributes: [(String, String)]) {
        elementCount += 1
        var frame = Frame(name: name)
        func attribute(_ key: String) -> String? { attributes.first { $0.0 == key }?.1 }

        if name == "head" { headDepth += 1 }
        if name == "title", headDepth > 0 || titleText.isEmpty { frame.title = true; titleDepth += 1 }
        if name == "meta" { recordMeta(attribute) }
        if name == "link", let rel = attribute("rel"), rel.lowercased().split(separator: " ").contains("canonical"),
           let href = attribute("href"), canonical == nil {
            canonical = href.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if name == "script", (attribute("type") ?? "").lowercased().contains("ld+json") {
            frame.jsonLD = true
            inJSONLD = true
            scriptBuffer = ""
        }
        if name == "time", firstTime == nil, let value = attribute("datetime"), !value.isEmpty {
            firstTime = value
        }

        if ArticleWalker.blockElements.contains(name) || name == "figure" { flush() }

        if skipDepth == 0, headDepth == 0, isFurniture(name, attribute) {
            frame.skip = true
        }
        if frame.skip { skipDepth += 1 } else if name == "header" { frame.header = true; headerDepth += 1 }

        if name == "figure" || name == "figcaption" { frame.figure = true; figureDepth += 1 }
        if name == "pre" || name == "textarea" { frame.pre = true; preDepth += 1 }
        if name == "li" || name == "dt" || name == "dd" { frame.listItem = true; listItemDepth += 1 }
        if name == "a", attribute("href") != nil { frame.link = true; linkDepth += 1 }
        if name.count == 2, name.first == "h", let level = Int(String(name.last!)), (1...6).contains(level) {
            frame.heading = level
            headingLevel = level
        }
        if name == "main" || (attribute("role") ?? "").lowercased() == "main" { frame.main = true; mainDepth += 1 }
        if isArticleContainer(name, attribute) {
            frame.article = true
            if articleStack.isEmpty {
                articleCount += 1
                articleStack.append(articleCount)
            } else {
                articleStack.append(articleStack.last!)
            }
        }
        if name == "q", skipDepth == 0 {
            frame.quote = true
            appendRaw(quoteDepth % 2 == 0 ? "\u{201C}" : "\u{2018}")
            quoteDepth += 1
        }
        if name == "br", skipDepth == 0, headDepth == 0 {
            trimTrailingSpaces()
            current.append("\n")
            pendingSpace = false
        }
        stack.append(frame)
    }

    private func end() {
        guard let frame = stack.popLast() else { return }
        if frame.quote {
            quoteDepth -= 1
            appendRaw(quoteDepth % 2 == 0 ? "\u{201D}" : "\u{2019}")
        }
        if ArticleWalker.blockElements.contains(frame.name) { flush() }
        if frame.name == "head" { headDepth -= 1 }
        if frame.title { titleDepth -= 1 }
        if frame.jsonLD {
            inJSONLD = false
            jsonLD.append(scriptBuffer)
            scriptBuffer = ""
        }
        if frame.skip { skipDepth -= 1 }
        if frame.header { headerDepth -= 1 }
        if frame.figure { figureDepth -= 1 }
        if frame.pre { preDepth -= 1 }
        if frame.listItem { listItemDepth -= 1 }
        if frame.link { linkDepth -= 1 }
        if frame.heading > 0 { headingLevel = 0 }
        if frame.main { mainDepth -= 1 }
        if frame.article { articleStack.removeLast() }
    }

    private func text(_ string: String) {
        if inJSONLD { scriptBuffer += string; return }
        if titleDepth > 0 { titleText += string; return }
        guard skipDepth == 0, headDepth == 0 else { return }
        // An article's header holds its headline; its byline, date and kicker are not text.
        if headerDepth > 0, headingLevel == 0 { return }
        // Scalars appended, counted as they go: `current.count` walks the whole paragraph, and a
        // paragraph of thousands of text nodes (text between <br>s, links) made that quadratic.
        var appended = 0
        if preDepth > 0 {
            for scalar in string.unicodeScalars where scalar != "\r" {
                current.append(scalar)
                appended += 1
            }
            pendingSpace = false
        } else {
            for scalar in string.unicodeScalars {
                switch scalar {
                case " ", "\t", "\n", "\r", "\u{0C}":
                    pendingSpace = true
                default:
                    if pendingSpace, let last = current.last, last != "\n" {
                        current.append(" ")
                        appended += 1
                    }
                    pendingSpace = false
                    current.append(scalar)
                    appended += 1
                }
            }
        }
        if linkDepth > 0 { linkCharacters += appended }
    }

    private func appendRaw(_ string: String) {
        guard skipDepth == 0, headDepth == 0 else { return }
        if pendingSpace, let last = current.last, last != "\n" { current.append(" ") }
        pendingSpace = false
        current.append(contentsOf: string.unicodeScalars)
    }

    private func trimTrailingSpaces() {
        while let last = current.last, last == " " { current.removeLast() }
    }

    /// Ends the paragraph being collected, keeping it when it holds any text.
    private func flush() {
        defer {
            current = String.UnicodeScalarView()
            pendingSpace = false
            linkCharacters = 0
        }
        guard !current.isEmpty else { return }
        let lines = String(current).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var text = lines.joined(separator: "\n")
        text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        while text.contains("\n\n\n") { text = text.replacingOccurrences(of: "\n\n\n", with: "\n\n") }
        guard !text.isEmpty else { return }
        blocks.append(TextBlock(text: text, article: articleStack.last, inMain: mainDepth > 0,
                                isCaption: figureDepth > 0, headingLevel: headingLevel,
                                isListItem: listItemDepth > 0, linkCharacters: linkCharacters))
    }

    // MARK: - Classification

    private func recordMeta(_ attribute: (String) -> String?) {
        guard let content = attribute("content") else {
            if let charset = attribute("charset") { meta["charset"] = meta["charset"] ?? charset }
            return
        }
        for keyName in ["property", "name", "itemprop", "http-equiv"] {
            if let key = attribute(keyName)?.lowercased(), !key.isEmpty, meta[key] == nil {
                meta[key] = content.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
    }

    private func isArticleContainer(_ name: String, _ attribute: (String) -> String?) -> Bool {
        if name == "article" { return true }
        if (attribute("itemprop") ?? "").lowercased() == "articlebody" { return true }
        let classes = ((attribute("class") ?? "") + " " + (attribute("id") ?? "")).lowercased()
        return ["article-body", "article__body", "story-body", "entry-content", "post-content", "articlebody"]
            .contains { classes.contains($0) }
    }

    /// Whether an element is navigation, advertising, sharing, related links or hidden.
    private func isFurniture(_ name: String, _ attribute: (String) -> String?) -> Bool {
        if ["html", "body", "article", "main"].contains(name) || isArticleContainer(name, attribute) { return false }
        if ArticleWalker.skippedElements.contains(name) { return true }
        // A page header is furniture; an article's own header holds its headline.
        if name == "header" { return articleStack.isEmpty }
        if attribute("hidden") != nil { return true }
        if (attribute("aria-hidden") ?? "").lowercased() == "true" { return true }
        if let role = attribute("role")?.lowercased(), ArticleWalker.skippedRoles.contains(role) { return true }
        if let style = attribute("style")?.lowercased().replacingOccurrences(of: " ", with: ""),
           style.contains("display:none") || style.contains("visibility:hidden") {
            return true
        }
        guard useClassNames else { return false }
        let tokens = ((attribute("class") ?? "") + " " + (attribute("id") ?? "")).lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        return tokens.contains { ArticleWalker.isFurnitureToken(String($0)) }
    }

    /// Class and id words of page furniture ("share-bar", "ad-slot", "related-links", "site-nav").
    static func isFurnitureToken(_ token: String) -> Bool {
        let parts = token.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(String.init)
        let exact: Set<String> = [
            "ad", "ads", "advert", "adslot", "adunit", "advertisement", "advertising", "nav", "navbar",
            "navigation", "menu", "share", "sharing", "social", "related", "recommended", "newsletter",
            "promo", "breadcrumb", "breadcrumbs", "cookie", "cookies", "sidebar", "subscribe",
            "subscription", "byline", "comments", "comment", "masthead", "footer", "credit", "credits",
            "copyright", "paywall", "outbrain", "taboola", "sponsored", "toolbar", "skip", "sronly",
            "screenreader", "visuallyhidden", "popup", "modal", "banner", "tags", "dateline",
            "timestamp", "author", "signup", "trending", "readmore",
        ]
        if parts.contains(where: { exact.contains($0) }) { return true }
        if parts.first == "sr" && parts.dropFirst().first == "only" { return true }
        if parts.first == "visually" && parts.dropFirst().first == "hidden" { return true }
        if parts.contains("site") && parts.contains("header") { return true }
        return token.hasPrefix("advert") || token.hasPrefix("dfp") || token.hasPrefix("gpt-")
    }
}
