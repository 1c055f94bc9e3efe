import Foundation
import QuoteCore
import QuoteHTML
import QuoteSchema
import Testing

/// Reads a page given as a string; fails the test on an error.
func readPage(_ html: String, path: String = "page.html") throws -> SourceDocument {
    try readPage(Data(html.utf8), path: path)
}

func readPage(_ data: Data, path: String = "page.html") throws -> SourceDocument {
    switch HTMLArticleReader.read(data: data, path: path) {
    case .success(let document): return document
    case .failure(let error): throw error
    }
}

/// Turns text into paragraphs of a minimal page.
func simplePage(_ body: String, head: String = "<meta charset=\"utf-8\">") -> String {
    "<!DOCTYPE html><html><head>\(head)<title>Page</title></head><body><article>\(body)</article></body></html>"
}

@Suite struct HTMLReaderTests {
    @Test func pageFurnitureIsLeftOut() throws {
        let html = """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>Bridge vote | The Daily</title>
        <meta property="og:site_name" content="The Daily"><link rel="canonical" href="https://daily.example/bridge">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
        {"@type":"NewsArticle","headline":"Bridge vote","datePublished":"2024-01-02","author":[{"name":"Ann Lee"},{"name":"Bo Chen"}]}]}</script>
        <script>var x = "<p>not text</p>";</script><style>p { color: red }</style></head>
        <body><nav><a href="/">Home</a></nav><header class="site-header">The Daily</header>
        <article><header><h1>Bridge vote</h1><p class="byline">By Ann Lee</p></header>
        <p>&ldquo;We will rebuild the bridge,&rdquo; said Mayor Tom Reed.</p>
        <div class="ad-slot"><span>Advertisement</span></div>
        <p>Advertisement</p>
        <figure><img src="a.jpg"><figcaption>The old bridge. <span class="credit">Photo: X</span></figcaption></figure>
        <p>Reed added: <q>It will take time</q>.<br>Second line &amp; more</p>
        <blockquote><p>A quote block</p></blockquote>
        <div class="share-bar"><a href="#">Share</a></div>
        <aside class="related"><h3>Related</h3><ul><li><a href="/b">Other story</a></li></ul></aside>
        <p><strong>Related:</strong> <a href="/c">Another story</a></p>
        </article><footer>Copyright</footer></body></html>
        """
        let document = try readPage(html, path: "bridge.html")
        #expect(document.id == "bridge.html")
        #expect(document.text == """
        Bridge vote

        “We will rebuild the bridge,” said Mayor Tom Reed.

        Reed added: “It will take time”.
        Second line & more

        A quote block

        The old bridge.
        """)
        let metadata = try #require(document.metadata)
        #expect(metadata["title"] == .string("Bridge vote"))
        #expect(metadata["published"] == .string("2024-01-02"))
        #expect(metadata["author"] == .string("Ann Lee, Bo Chen"))
        #expect(metadata["site"] == .string("The Daily"))
        #expect(metadata["url"] == .string("https://daily.example/bridge"))
        #expect(document.diagnostics.isEmpty)
    }

    @Test func headlineFallsBackToTitleElement() throws {
        let document = try readPage("<html><head><title>Only a title</title></head><body><p>Body text here.</p></body></html>")
        #expect(document.text == "Only a title\n\nBody text here.")
    }

    @Test func nestedQAndEntities() throws {
        let document = try readPage(simplePage("<h1>H</h1><p><q>She said <q>no</q> twice</q> &eacute;t&#233; &#x2014; &nbsp;x</p>"))
        #expect(document.text == "H\n\n“She said ‘no’ twice” été — \u{00A0}x")
    }

    @Test func windows1252DeclaredAndDetected() throws {
        let body = "<h1>Caf\u{E9}</h1><p>\u{201C}Na\u{EF}ve,\u{201D} said Zo\u{EB} \u{2014} 5\u{20AC}.</p>"
        let expected = "Café\n\n“Naïve,” said Zoë — 5€."
        for head in ["<meta charset=\"windows-1252\">", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">", ""] {
            let data = windows1252Bytes(simplePage(body, head: head))
            let document = try readPage(data)
            #expect(document.text == expected, "head: \(head)")
            #expect(document.metadata?["encoding"] == .string("windows-1252"))
        }
    }

    @Test func utf16WithByteOrderMark() throws {
        var data = Data([0xFF, 0xFE])
        for unit in simplePage("<h1>T</h1><p>\u{201C}Hi,\u{201D} said Al.</p>", head: "").utf16 {
            data.append(UInt8(unit & 0xFF))
            data.append(UInt8(unit >> 8))
        }
        #expect(try readPage(data).text == "T\n\n“Hi,” said Al.")
    }

    @Test func binaryDataIsATypedError() {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
        for value in 0..<4096 { bytes.append(UInt8(truncatingIfNeeded: value * 7919)) }
        let result = HTMLArticleReader.read(data: Data(bytes), path: "photo.html")
        guard case .failure(.binaryFile(let path, _)) = result else {
            Issue.record("expected a binary-file error, got \(result)")
            return
        }
        #expect(path == "photo.html")
    }

    @Test func pageWithoutArticleIsEmptyWithWarning() throws {
        for html in ["", "<html><head><title></title></head><body><nav><a href='/'>Home</a></nav><footer>x</footer></body></html>"] {
            let document = try readPage(html)
            #expect(document.text == "")
            #expect(document.diagnostics.map(\.code) == ["no-article-text"])
        }
    }

    @Test func malformedMarkupIsRecovered() throws {
        let document = try readPage("<html><body><div><h1>Title<p>First <b>bold <i>both</b> para<p>Second</div></span></table><p>Third &bogus; &amp")
        // libxml2 keeps an unterminated "&amp" at the end of input as it stands.
        #expect(document.text == "Title\n\nFirst bold both para\n\nSecond\n\nThird &bogus; &amp")
    }

    @Test func captionDoesNotBreakMultiParagraphQuote() throws {
        let clean = """
        Harbour plan

        “The harbour has waited long enough,” said Dana Whitfield, the port director.

        “We start dredging in May. The boats will come back.

        “And the town will come back with them,” Whitfield said.
        """
        let html = simplePage("""
        <h1>Harbour plan</h1>
        <p>&ldquo;The harbour has waited long enough,&rdquo; said Dana Whitfield, the port director.</p>
        <p>&ldquo;We start dredging in May. The boats will come back.</p>
        <figure><img src="x.jpg"><figcaption>Fishing boats in the harbour.</figcaption></figure>
        <div class="ad-slot"><p>Advertisement</p></div>
        <p>&ldquo;And the town will come back with them,&rdquo; Whitfield said.</p>
        """)
        let document = try readPage(html)
        #expect(document.text == clean + "\n\nFishing boats in the harbour.")
        #expect(quoteKeys(clean) == quoteKeys(document.text))
    }

    @Test func largePageCompletes() throws {
        var html = "<html><head><title>Big</title></head><body><article><h1>Big page</h1>"
        let paragraph = "<p>“We counted every ballot twice,” said Ines Marlow, the county clerk, on <b>Monday</b>.</p>\n"
        while html.utf8.count < 20 << 20 { html += paragraph }
        html += "</article></body></html>"
        let start = Date()
        let document = try readPage(html)
        #expect(document.text.hasPrefix("Big page\n\n“We counted"))
        #expect(document.text.count > 10_000_000)
        print("20 MB page read in \(String(format: "%.1f", Date().timeIntervalSince(start))) s")
    }

    /// Thousands of text nodes in one block (lines between <br>s, links in a list item): each
    /// node once recounted the whole block, quadratic in its nodes. The block's text and its
    /// share of link text come out as for a short block.
    @Test func blockOfThousandsOfInlineNodes() throws {
        let lines = (0..<5_000).map { "Line \($0) of the council minutes." }
        let links = (0..<3_000).map { "<a href=\"/story/\($0)\">Story \($0)</a>" }.joined(separator: " ")
        let page = simplePage("<h1>Minutes</h1><p>" + lines.joined(separator: "<br>") + "</p><ul><li>" + links
                              + "</li><li>A vote on <a href=\"/rates\">the water rates</a> was held over to June.</li></ul>")
        let document = try readPage(page)
        #expect(document.text.contains(lines.joined(separator: "\n")))
        #expect(!document.text.contains("Story 2999"))  // a list item of links only is left out
        #expect(document.text.hasSuffix("A vote on the water rates was held over to June."))
    }

    @Test func deepNestingAndGarbageDoNotCrash() throws {
        let deep = String(repeating: "<div><span>", count: 50_000) + "<p>Deep text.</p>"
        _ = try readPage("<html><body>" + deep + "</body></html>")
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("<>/=\"'&;#!- abcdefghijklmnopqrstuvwxyzpqbrdivscript\n\u{201C}\u{201D}é")
        for _ in 0..<200 {
            let garbage = String((0..<Int.random(in: 0..<400, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            _ = HTMLArticleReader.read(data: Data(garbage.utf8), path: "fuzz.html")
        }
    }

    @Test func furnitureWordsOnWrappersDoNotHideTheArticle() throws {
        let share = try readPage(simplePage("<h1>T</h1><div class=\"article-body share-enabled\"><p>Body.</p></div>"))
        #expect(share.text == "T\n\nBody.")
        let wrapper = try readPage("""
        <html><head><title>T</title></head><body><div class="layout-with-sidebar"><nav>Menu</nav>
        <h1>Headline</h1><p>Only paragraph.</p></div></body></html>
        """)
        #expect(wrapper.text == "Headline\n\nOnly paragraph.")
        #expect(wrapper.diagnostics.isEmpty)
    }

    @Test func sniffingAndExtensions() {
        #expect(HTMLArticleReader.looksLikeHTML(Data("\u{FEFF}  <!doctype html><html>".utf8)))
        #expect(HTMLArticleReader.looksLikeHTML(Data("<html><body>".utf8)))
        #expect(HTMLArticleReader.looksLikeHTML(Data("<!-- saved from url=(0014)about:internet -->\n<html>".utf8)))
        #expect(!HTMLArticleReader.looksLikeHTML(Data("He said \"<b> is a tag\" in a text file.".utf8)))
        #expect(!HTMLArticleReader.looksLikeHTML(Data("Put the script before </body> and <html lang> at the top.".utf8)))
        #expect(HTMLArticleReader.hasHTMLExtension("a/B.HTM"))
        #expect(!HTMLArticleReader.hasHTMLExtension("a.txt"))
    }
}

/// The quotations of `text` as (normalised quote text, speaker name) pairs, sorted.
func quoteKeys(_ text: String) -> [String] {
    Extractor().extract(text: text, document: "x").quotes.map {
        normalized($0.quote.text) + " | " + ($0.speaker?.name ?? "")
    }.sorted()
}

/// Collapses every run of white space (including no-break spaces) to one space.
func normalized(_ text: String) -> String {
    text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}

func windows1252Bytes(_ text: String) -> Data { NewsPageGenerator.windows1252(text) }
