import Foundation
import Testing

@testable import TandemCore

@Suite("HTML and XML through libxml2")
struct MarkupTests {
    init() { MarkupExtractor.initialize() }
    let extractor = MarkupExtractor()

    @Test func visibleTextOnlyWithParagraphs() throws {
        let html = """
            <html lang="vi"><head><title>T</title><style>p{}</style>
            <meta property="article:published_time" content="2024-02-06T08:00:00+07:00"></head>
            <body><nav>Menu Trang chủ</nav><header>Logo</header>
            <article><p>Ngày 6-2, Bộ trưởng nói.</p><p>Đoạn   hai &amp; ba.</p></article>
            <script>var x = 1;</script><footer>Bản quyền</footer></body></html>
            """
        let result = try extractor.extract(html, format: .html)
        #expect(result.text == "Ngày 6-2, Bộ trưởng nói.\n\nĐoạn hai & ba.")
        #expect(result.language == "vi")
        #expect(result.publishedTime == "2024-02-06")
    }

    @Test func jsonLDAndTimeDates() throws {
        let jsonLD = """
            <html><body><script type="application/ld+json">{"@type":"NewsArticle","datePublished": "2023-10-31T10:00:00Z"}</script><p>Text</p></body></html>
            """
        #expect(try extractor.extract(jsonLD, format: .html).publishedTime == "2023-10-31")
        let time = "<html><body><p><time datetime=\"2022-05-26\">May 26</time> text</p></body></html>"
        #expect(try extractor.extract(time, format: .html).publishedTime == "2022-05-26")
    }

    @Test func malformedHTMLIsRecoveredWithAWarning() throws {
        let result = try extractor.extract("<html><body><p>One <b>two</p><p>three</i></body>", format: .html)
        #expect(result.text.contains("One two"))
        #expect(!result.warnings.isEmpty)
    }

    @Test func entityBombIsNotExpanded() {
        let bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
            <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
            <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
            <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
            <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
            <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
            <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>
            <lolz>&lol9;</lolz>
            """
        do {
            let result = try extractor.extract(bomb, format: .xml)
            #expect(result.text.count < 100)
            #expect(!result.warnings.isEmpty)
        } catch {
            #expect(error.message.contains("XML"))
        }
    }

    @Test func externalEntityIsNeverLoaded() throws {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE doc [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
            <doc><p>before &secret; after</p></doc>
            """
        let result = try extractor.extract(xxe, format: .xml)
        #expect(result.text == "before after")
        #expect(!result.warnings.isEmpty)
    }

    @Test func brokenXMLIsAnError() {
        #expect(throws: StageFailure.self) { try extractor.extract("<a><b></a>", format: .xml) }
    }

    @Test func xmlContainersBecomeParagraphs() throws {
        let result = try extractor.extract(
            "<doc xml:lang=\"en\"><title>Head</title><p>One <em>two</em>.</p></doc>", format: .xml)
        #expect(result.text == "Head\n\nOne two.")
        #expect(result.language == "en")
    }
}
