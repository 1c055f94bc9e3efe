import Foundation

/// Wraps a clean article text in a realistic news page, for testing the HTML reader.
///
/// The first paragraph becomes the headline (`<title>`, Open Graph, JSON-LD and `<h1>`); the
/// others become `<p>` elements, single newlines `<br>`. Around them: a skip link, a site header
/// with navigation, scripts and styles, a byline, a share bar, an ad slot labelled
/// "Advertisement" between paragraphs, a figure with caption and credit, a related-links box,
/// a newsletter promo and a footer. Variants (chosen by `variant`) move things around, use bare
/// `<p>Advertisement</p>` labels and inline "Related:" paragraphs, and encode every third page
/// as Windows-1252 (characters outside it become numeric references); every fifth page uses an
/// older template built from `<div>`s only, with no `<main>`, `<article>` or `<header>`.
struct NewsPageGenerator {
    var site = "The Valley Courier"

    /// The page for `text`, as bytes in its declared encoding.
    func page(id: String, text: String, variant: Int) -> Data {
        let paragraphs = text.components(separatedBy: "\n\n").filter {
            !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
        let headline = paragraphs.first ?? ""
        let body = Array(paragraphs.dropFirst())
        let windows1252 = variant % 3 == 2
        var html = ""
        func add(_ line: String) { html += line + "\n" }
        let slug = id.replacingOccurrences(of: ":", with: "-")
        add("<!DOCTYPE html>")
        add("<html lang=\"en\">")
        add("<head>")
        add(windows1252 ? (variant % 2 == 0 ? "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
                                            : "<meta charset=\"ISO-8859-1\">")
                        : "<meta charset=\"utf-8\">")
        add("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        add("<title>\(escape(headline)) | \(site)</title>")
        add("<meta property=\"og:title\" content=\"\(escape(headline, attribute: true))\">")
        add("<meta property=\"og:site_name\" content=\"\(site)\">")
        add("<meta property=\"og:url\" content=\"https://courier.example/news/\(slug)\">")
        add("<meta property=\"article:published_time\" content=\"2024-03-\(String(format: "%02d", variant % 28 + 1))T08:30:00Z\">")
        add("<meta name=\"author\" content=\"Staff Reporter\">")
        add("<link rel=\"canonical\" href=\"https://courier.example/news/\(slug)\">")
        add("<link rel=\"stylesheet\" href=\"/static/site.css\">")
        add("<style>body { font-family: Georgia, serif; } .ad-slot::before { content: \"Advertisement\"; }</style>")
        add("<script>window.dataLayer = window.dataLayer || []; if (a < b && c > d) { console.log(\"<p>not text</p>\"); }</script>")
        add("<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@type\": \"NewsArticle\", "
            + "\"headline\": \(jsonString(headline)), \"datePublished\": \"2024-03-01T08:30:00Z\", "
            + "\"author\": [{\"@type\": \"Person\", \"name\": \"Staff Reporter\"}], "
            + "\"publisher\": {\"@type\": \"Organization\", \"name\": \"\(site)\"}}</script>")
        add("</head>")
        add("<body class=\"article-page\">")
        add("<a class=\"skip-link\" href=\"#content\">Skip to content</a>")
        add("<div id=\"cookie-banner\" class=\"cookie-consent\"><p>We use cookies to improve your experience. <button>Accept</button></p></div>")
        add("<header class=\"site-header\"><div class=\"logo\"><a href=\"/\">\(site)</a></div>")
        add("<nav class=\"main-nav\"><ul><li><a href=\"/news\">News</a></li><li><a href=\"/politics\">Politics</a></li>"
            + "<li><a href=\"/business\">Business</a></li><li><a href=\"/sport\">Sport</a></li><li><a href=\"/opinion\">Opinion</a></li></ul></nav>")
        add("<form class=\"search\" action=\"/search\"><input type=\"search\" name=\"q\" placeholder=\"Search\"><button>Go</button></form>")
        add("</header>")
        add("<div class=\"breaking-banner\" role=\"banner\"><strong>Breaking:</strong> <a href=\"/live\">Follow our live coverage</a></div>")
        add("<main id=\"content\">")
        add("<article class=\"story\">")
        add("<header class=\"story-header\">")
        add("<ul class=\"breadcrumbs\"><li><a href=\"/news\">News</a></li><li><a href=\"/politics\">Politics</a></li></ul>")
        add("<h1 class=\"headline\">\(escape(headline))</h1>")
        add("<p class=\"byline\">By <a href=\"/staff\">Staff Reporter</a></p>")
        add("<time datetime=\"2024-03-01T08:30:00Z\">March 1, 2024</time>")
        add("<div class=\"share-bar\"><a href=\"#\">Share on Facebook</a> <a href=\"#\">Share on X</a> <a href=\"#\">Email</a></div>")
        add("</header>")
        add("<div class=\"article-body\">")
        let adAt = min(2, body.count)
        let figureAt = body.count / 2
        let relatedAt = max(body.count - 1, 0)
        for (index, paragraph) in body.enumerated() {
            if index == adAt && index > 0 {
                if variant % 2 == 0 {
                    add("<div class=\"ad-slot\" data-ad=\"mid-1\"><p class=\"ad-label\">Advertisement</p><div id=\"gpt-ad-1\"></div></div>")
                } else {
                    add("<p>Advertisement</p>")
                }
            }
            if index == figureAt && index > 0 {
                add("<figure class=\"story-image\"><img src=\"/img/\(variant).jpg\" alt=\"\">"
                    + "<figcaption>Residents gather outside the hall on Tuesday morning. <span class=\"credit\">Photo: Courier staff</span></figcaption></figure>")
            }
            if index == relatedAt && index > 1 {
                if variant % 4 == 1 {
                    add("<p><strong>Related:</strong> <a href=\"/news/other\">Council weighs new budget rules</a></p>")
                } else {
                    add("<aside class=\"related-links\"><h3>Related</h3><ul><li><a href=\"/a\">Council weighs new budget rules</a></li>"
                        + "<li><a href=\"/b\">What the vote means for you</a></li></ul></aside>")
                }
            }
            let lines = paragraph.components(separatedBy: "\n").map { escape($0) }
            add("<p>\(lines.joined(separator: "<br>\n"))</p>")
        }
        add("</div>")
        add("<div class=\"newsletter-signup\"><h2>Get the morning briefing</h2><p>Sign up for our newsletter.</p></div>")
        add("<footer class=\"story-footer\"><ul class=\"tags\"><li><a href=\"/t/politics\">Politics</a></li></ul></footer>")
        add("</article>")
        add("</main>")
        add("<aside class=\"sidebar\"><h2>Most read</h2><ol><li><a href=\"/1\">First story</a></li><li><a href=\"/2\">Second story</a></li></ol></aside>")
        add("<footer class=\"site-footer\"><p>&copy; 2024 \(site). All rights reserved.</p><nav><a href=\"/about\">About</a> <a href=\"/contact\">Contact</a></nav></footer>")
        add("<script src=\"/static/app.js\"></script>")
        add("</body>")
        add("</html>")
        if variant % 5 == 3 {
            // Older templates: no <main>, <article> or <header>, only divs.
            html = html.replacingOccurrences(of: "<main id=\"content\">", with: "<div id=\"content\" class=\"page\">")
                .replacingOccurrences(of: "</main>", with: "</div>")
                .replacingOccurrences(of: "<article class=\"story\">", with: "<div class=\"story\">")
                .replacingOccurrences(of: "</article>", with: "</div>")
                .replacingOccurrences(of: "<header class=\"story-header\">", with: "<div class=\"story-header\">")
                .replacingOccurrences(of: "</header>\n<div class=\"article-body\">", with: "</div>\n<div class=\"story-text\">")
                .replacingOccurrences(of: "<time datetime=\"2024-03-01T08:30:00Z\">March 1, 2024</time>",
                                      with: "<div class=\"dateline\"><time datetime=\"2024-03-01T08:30:00Z\">March 1, 2024</time></div>")
                .replacingOccurrences(of: "<p>Advertisement</p>", with: "<p>ADVERTISEMENT</p>")
        }
        return windows1252 ? NewsPageGenerator.windows1252(html) : Data(html.utf8)
    }

    /// Escapes text for HTML content (and attribute values when `attribute`).
    func escape(_ text: String, attribute: Bool = false) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    func jsonString(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text], options: [])) ?? Data("[\"\"]".utf8)
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }

    /// Encodes as Windows-1252; characters it lacks become numeric character references.
    static func windows1252(_ text: String) -> Data {
        var reverse: [UInt32: UInt8] = [:]
        let high: [UInt32] = [
            0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
            0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
        ]
        for (index, value) in high.enumerated() where value != 0 { reverse[value] = UInt8(0x80 + index) }
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 || (value >= 0xA0 && value <= 0xFF) {
                bytes.append(UInt8(value))
            } else if let byte = reverse[value] {
                bytes.append(byte)
            } else {
                bytes.append(contentsOf: Array("&#\(value);".utf8))
            }
        }
        return Data(bytes)
    }
}
