import Foundation
import Testing
@testable import PlanSite

@Suite("Markdown and heading ids")
struct MarkdownTests {
    @Test(arguments: [
        ("III. Nhiệm vụ, giải pháp", "iii-nhiem-vu-giai-phap"),
        ("1. Đẩy mạnh tuyên truyền", "1-day-manh-tuyen-truyen"),
        ("3.2. Đảng ủy Ủy ban nhân dân tỉnh", "3-2-dang-uy-uy-ban-nhan-dan-tinh"),
        ("Ðảng ủy (Latin eth)", "dang-uy-latin-eth"),
        ("Trӑng tâm (Cyrillic ӑ)", "trong-tam-cyrillic-o"),
        ("Nghị quyết số 27-NQ/TW", "nghi-quyet-so-27-nq-tw"),
    ])
    func headingIDsAreFoldedToASCII(text: String, id: String) {
        #expect(VietnameseText.slug(text) == id)
    }

    @Test func decomposedTextGivesTheSameID() {
        let nfd = "Nhiệm vụ".decomposedStringWithCanonicalMapping
        #expect(VietnameseText.slug(nfd) == "nhiem-vu")
    }

    @Test func repeatedHeadingsGetUniqueIDs() {
        var ids = UniqueIDs()
        #expect(ids.make(from: "1. Mục đích") == "1-muc-dich")
        #expect(ids.make(from: "1. Mục đích") == "1-muc-dich-2")
        #expect(ids.make(from: "1. Mục đích") == "1-muc-dich-3")
        #expect(ids.make(from: "!!!") == "muc")
    }

    func body(_ markdown: String, raw: Bool = false) -> String {
        let parsed = try! PlanParser(allowRawHTML: raw).parse(SourceFile(path: "Content/a.md", text: planFile(body: markdown))).get()
        return String(decoding: PlanExtractor().extract(parsed).bodyHTML, as: UTF8.self)
    }

    @Test func headingsCarryIDsAndNoSourcePositionsLeak() {
        let html = body("## III. Nhiệm vụ, giải pháp\n\n- một\n  - hai\n\n> ### Trích dẫn\n")
        #expect(html.contains("<h2 id=\"iii-nhiem-vu-giai-phap\">III. Nhiệm vụ, giải pháp</h2>"))
        #expect(html.contains("<h3 id=\"trich-dan\">Trích dẫn</h3>"))
        #expect(!html.contains("data-sourcepos"))
    }

    @Test func rawHTMLIsDroppedUnlessAllowed() {
        let markdown = "Xin chào <script>alert(1)</script> bạn\n\n<div onclick=\"x()\">khối</div>\n"
        let safe = body(markdown)
        #expect(!safe.contains("<script"))
        #expect(!safe.contains("<div"))
        #expect(safe.contains("raw HTML omitted"))
        let trusted = body("Chữ <b>đậm</b>\n", raw: true)
        #expect(trusted.contains("<b>đậm</b>"))
    }

    @Test func tagfilterStillBlocksScriptWhenRawHTMLIsAllowed() {
        #expect(!body("<script>alert(1)</script>\n", raw: true).contains("<script>"))
    }

    @Test func gfmTablesAndFootnotesRender() {
        let html = body("| STT | Nhiệm vụ |\n|---|---|\n| 1 | Tuyên truyền |\n\nBan Bí thư[^1]\n\n[^1]: Quy định.\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<td>Tuyên truyền</td>"))
        #expect(html.contains("class=\"footnotes\""))
    }

    /// cmark is not asked to check UTF-8 (a String is valid already); a NUL byte, which a
    /// String can hold, still becomes U+FFFD and does not cut the text short.
    @Test func aNulByteBecomesTheReplacementCharacter() {
        #expect(body("Trước\u{0}sau, rồi *hết*.\n").contains("Trước\u{FFFD}sau, rồi <em>hết</em>."))
    }

    /// The build parses plans on several threads; the extensions it uses must give the same
    /// HTML there as on one thread (strikethrough and autolink would not).
    @Test func parsingOnManyThreadsGivesTheSameHTML() async {
        let markdown = String(repeating: "## Mục\n\n| a | b |\n|---|---|\n| 1 | www.example.com ~~x~~ |\n\nĐoạn *văn* `mã`.\n\n", count: 50)
        let parser = MarkdownParser()
        let expected = parser.parse(markdown).html
        let results = await withTaskGroup(of: [UInt8].self) { group in
            for _ in 0..<200 { group.addTask { parser.parse(markdown).html } }
            return await group.reduce(into: [[UInt8]]()) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == expected })
    }
}
