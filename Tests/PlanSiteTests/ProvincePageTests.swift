import Foundation
import Testing
@testable import PlanSite

/// Document and agency pages that would list too many plans and tasks of several provinces
/// become a summary by province, with one page per province under them.
@Suite("Pages by province")
struct ProvincePageTests {
    /// Enough tasks in one plan that two such plans make a page too long to keep whole.
    static let many = ProvinceSplit.maxRows / 2 + 1

    /// A plan carrying out 27-NQ/TW with `tasks` tasks, each citing it.
    static func plan(_ title: String, province: String?, tasks: Int, lead: String = "Sở Tư pháp",
                     support: String = "Sở Nội vụ", deadline: String = "Thường xuyên") -> String {
        let items = (1...tasks).map { number in
            "1.\(number). Tuyên truyền Nghị quyết số 27-NQ/TW, đợt \(number).\n\n- Chủ trì: \(lead).\n- Phối hợp: \(support).\n- Thời hạn: \(deadline).\n"
        }
        return "---\ntitle: \"\(title)\"\nissuer: \"Ủy ban nhân dân tỉnh\"\nimplements: [\"27-NQ/TW\"]\n"
            + (province.map { "province: \"\($0)\"\n" } ?? "")
            + "---\n\nThực hiện Nghị quyết số 27-NQ/TW.\n\n## II. NHIỆM VỤ\n\n" + items.joined(separator: "\n")
    }

    /// Two plans of Thái Nguyên, one of Gia Lai (its tasks overdue, Sở Tư pháp supporting), one of no province.
    static let built: (files: [String: String], report: BuildReport) = try! buildInMemory(plans: [
        "tn-1.md": plan("Kế hoạch một của Thái Nguyên", province: "Thái Nguyên", tasks: many),
        "tn-2.md": plan("Kế hoạch hai của Thái Nguyên", province: "Thái Nguyên", tasks: 2),
        "gl.md": plan("Kế hoạch của Gia Lai", province: "Gia Lai", tasks: many, lead: "Sở Nội vụ", support: "Sở Tư pháp",
                      deadline: "Trước ngày 30/7/2023"),
        "bo.md": plan("Kế hoạch của Bộ", province: nil, tasks: 1),
    ])

    static func page(_ path: String) -> String { built.files[path] ?? "" }

    static func count(_ needle: String, in page: String) -> Int { page.components(separatedBy: needle).count - 1 }

    /// The summary table's cells for one province, in order.
    static func row(_ name: String, in page: String) -> [String] {
        guard let start = page.range(of: ">\(name)</"), let end = page[start.upperBound...].range(of: "</tr>") else { return [] }
        return page[start.upperBound..<end.lowerBound].matches(of: #/<td class="num">(?:<span[^>]*>)?(\d+)/#).map { String($0.output.1) }
    }

    @Test func aDocumentCitedInSeveralProvincesGetsASummaryByProvince() throws {
        #expect(Self.built.report.succeeded)
        let summary = Self.page("van-ban/27-nq-tw/index.html")
        #expect(summary.contains("<h2 id=\"theo-tinh\">Theo tỉnh</h2>"))
        #expect(summary.contains("<dt>Số hiệu</dt><dd>27-NQ/TW</dd>"), "keeps what the document is")
        #expect(summary.contains("<h2 id=\"chuoi-van-ban\">Chuỗi văn bản</h2>"))
        // Plans without a province first, then provinces alphabetically; plans, tasks, overdue.
        let links = summary.matches(of: #/<th scope="row"><a href="([^"]+)">/#).map { String($0.output.1) }
        #expect(links == ["/van-ban/27-nq-tw/chua-ghi-tinh/", "/van-ban/27-nq-tw/gia-lai/", "/van-ban/27-nq-tw/thai-nguyen/"])
        #expect(Self.row("Chưa ghi tỉnh", in: summary) == ["1", "1", "0"])
        #expect(Self.row("Gia Lai", in: summary) == ["1", "\(Self.many)", "\(Self.many)"])
        #expect(Self.row("Thái Nguyên", in: summary) == ["2", "\(Self.many + 2)", "0"])
        #expect(!summary.contains("task-item"), "the summary lists no tasks")
        #expect(!summary.contains("/ke-hoach/"), "the summary lists no plans")

        let thaiNguyen = Self.page("van-ban/27-nq-tw/thai-nguyen/index.html")
        #expect(thaiNguyen.contains("<a href=\"/van-ban/27-nq-tw/\">Nghị quyết số 27-NQ/TW</a>"), "breadcrumb back")
        #expect(thaiNguyen.contains("<title>Nghị quyết số 27-NQ/TW – Thái Nguyên"))
        #expect(thaiNguyen.contains("/ke-hoach/tn-1/") && thaiNguyen.contains("/ke-hoach/tn-2/"))
        #expect(!thaiNguyen.contains("/ke-hoach/gl/") && !thaiNguyen.contains("/ke-hoach/bo/"))
        #expect(Self.count("<article class=\"task-item", in: thaiNguyen) == Self.many + 2)
        #expect(!thaiNguyen.contains("Theo tỉnh"))

        let giaLai = Self.page("van-ban/27-nq-tw/gia-lai/index.html")
        #expect(giaLai.contains("/ke-hoach/gl/") && !giaLai.contains("/ke-hoach/tn-1/"))
        #expect(Self.count("<article class=\"task-item is-overdue", in: giaLai) == Self.many)
        #expect(Self.page("van-ban/27-nq-tw/chua-ghi-tinh/index.html").contains("/ke-hoach/bo/"))
    }

    @Test func anAgencyWithTasksInSeveralProvincesGetsASummaryByProvince() throws {
        let summary = Self.page("co-quan/so-tu-phap/index.html")
        #expect(summary.contains("<h1 class=\"page-title\">Sở Tư pháp</h1>"))
        #expect(summary.contains("\(Self.many * 2 + 3) nhiệm vụ trên các kế hoạch"), "the total stays on the summary")
        let links = summary.matches(of: #/<th scope="row"><a href="([^"]+)">/#).map { String($0.output.1) }
        #expect(links == ["/co-quan/so-tu-phap/chua-ghi-tinh/", "/co-quan/so-tu-phap/gia-lai/", "/co-quan/so-tu-phap/thai-nguyen/"])
        // Plans, tasks, lead, support, overdue tasks it leads.
        #expect(Self.row("Gia Lai", in: summary) == ["1", "\(Self.many)", "0", "\(Self.many)", "0"])
        #expect(Self.row("Thái Nguyên", in: summary) == ["2", "\(Self.many + 2)", "\(Self.many + 2)", "0", "0"])
        #expect(Self.row("Tổng cộng", in: summary) == ["4", "\(Self.many * 2 + 3)", "\(Self.many + 3)", "\(Self.many)", "0"])
        #expect(!summary.contains("task-item"))

        let thaiNguyen = Self.page("co-quan/so-tu-phap/thai-nguyen/index.html")
        #expect(thaiNguyen.contains("<a href=\"/co-quan/so-tu-phap/\">Sở Tư pháp</a>"), "breadcrumb back")
        #expect(thaiNguyen.contains("<h2>Thái Nguyên</h2>") && !thaiNguyen.contains("<h2>Gia Lai</h2>"))
        #expect(!thaiNguyen.contains("/ke-hoach/gl/"))
        #expect(Self.count("<article class=\"task-item", in: thaiNguyen) == Self.many + 2)
        let giaLai = Self.page("co-quan/so-tu-phap/gia-lai/index.html")
        #expect(giaLai.contains("<h4>Phối hợp</h4>") && !giaLai.contains("<h4>Chủ trì</h4>"))
        #expect(Self.count("<article class=\"task-item", in: giaLai) == Self.many)
    }

    @Test func anAgencyLeadingOverdueTasksShowsThemInTheTable() throws {
        let summary = Self.page("co-quan/so-noi-vu/index.html")
        #expect(Self.row("Gia Lai", in: summary) == ["1", "\(Self.many)", "\(Self.many)", "0", "\(Self.many)"])
        #expect(summary.contains("<span class=\"badge badge--overdue\">\(Self.many)</span>"))
    }

    @Test func oneProvinceOrAShortPageStaysOnePage() throws {
        let oneProvince = try buildInMemory(plans: [
            "a.md": Self.plan("Một", province: "Thái Nguyên", tasks: Self.many),
            "b.md": Self.plan("Hai", province: "Thái Nguyên", tasks: Self.many),
        ]).files
        let twoShort = try buildInMemory(plans: [
            "a.md": Self.plan("Một", province: "Thái Nguyên", tasks: 3),
            "b.md": Self.plan("Hai", province: "Gia Lai", tasks: 3),
        ]).files
        for (files, tasks) in [(oneProvince, Self.many * 2), (twoShort, 6)] {
            #expect(files.keys.filter { $0.hasPrefix("van-ban/27-nq-tw/") || $0.hasPrefix("co-quan/so-tu-phap/") }.sorted()
                == ["co-quan/so-tu-phap/index.html", "van-ban/27-nq-tw/index.html"])
            for path in ["van-ban/27-nq-tw/index.html", "co-quan/so-tu-phap/index.html"] {
                let page = files[path] ?? ""
                #expect(!page.contains("Theo tỉnh"), "\(path)")
                #expect(Self.count("<article class=\"task-item", in: page) == tasks, "\(path)")
            }
        }
    }

    @Test func provinceNamesAreEscapedAndTheirSlugsKeptApart() throws {
        let files = try buildInMemory(plans: [
            "a.md": Self.plan("Một", province: "Thừa Thiên Huế", tasks: Self.many),
            "b.md": Self.plan("Hai", province: "Thừa Thiên - Huế", tasks: Self.many),
            "c.md": Self.plan("Ba", province: "<script>alert(1)</script>", tasks: 1),
        ]).files
        let summary = files["van-ban/27-nq-tw/index.html"] ?? ""
        #expect(!summary.contains("<script>alert"))
        #expect(summary.contains("<a href=\"/van-ban/27-nq-tw/script-alert-1-script/\">&lt;script&gt;alert(1)&lt;/script&gt;</a>"))
        #expect(files["van-ban/27-nq-tw/thua-thien-hue/index.html"]?.contains("/ke-hoach/b/") == true)
        #expect(files["van-ban/27-nq-tw/thua-thien-hue-2/index.html"]?.contains("/ke-hoach/a/") == true)
        for (path, page) in files where path.hasSuffix(".html") {
            #expect(!page.contains("<script>alert"), "\(path)")
        }
    }
}
