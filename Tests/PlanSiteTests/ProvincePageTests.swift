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

    /// A plan that names the document as carried out without citing it counts among its
    /// province's plans once, and adds no task.
    @Test func aPlanCarryingOutTheDocumentWithoutCitingItCountsAsOnePlan() throws {
        let built = try buildInMemory(plans: [
            "tn-1.md": Self.plan("Kế hoạch một của Thái Nguyên", province: "Thái Nguyên", tasks: Self.many),
            "gl.md": Self.plan("Kế hoạch của Gia Lai", province: "Gia Lai", tasks: Self.many),
            "tn-3.md": "---\ntitle: \"Kế hoạch ba của Thái Nguyên\"\nissuer: \"Ủy ban nhân dân tỉnh\"\nimplements: [\"27-NQ/TW\"]\n"
                + "province: \"Thái Nguyên\"\n---\n\nKế hoạch rà soát.\n\n## II. NHIỆM VỤ\n\n1.1. Rà soát văn bản.\n\n- Chủ trì: Sở Tư pháp.\n",
        ])
        let summary = built.files["van-ban/27-nq-tw/index.html"] ?? ""
        #expect(Self.row("Thái Nguyên", in: summary) == ["2", "\(Self.many)", "0"])
        #expect(Self.row("Gia Lai", in: summary) == ["1", "\(Self.many)", "0"])
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

    /// The deadlines page of a large site: a table of quarters, a page per quarter, and a quarter
    /// of several provinces past the limit split again by province.
    @Test func theDeadlinesPageBecomesQuartersThenProvinces() throws {
        let built = try buildInMemory(plans: [
            "tn.md": Self.plan("Kế hoạch của Thái Nguyên", province: "Thái Nguyên", tasks: Self.many, deadline: "Quý II năm 2025"),
            "gl.md": Self.plan("Kế hoạch của Gia Lai", province: "Gia Lai", tasks: Self.many, deadline: "Quý II năm 2025"),
            "bo.md": Self.plan("Kế hoạch của Bộ", province: nil, tasks: 3, deadline: "Trước ngày 30/7/2023"),
        ], today: CalendarDate(year: 2024, month: 1, day: 1)!)
        let main = built.files["thoi-han/index.html"] ?? ""
        let quarters = main.matches(of: #/<th scope="row"><a href="([^"]+)">([^<]+)</a>/#).map { "\($0.output.1) \($0.output.2)" }
        #expect(quarters == ["/thoi-han/quy-iii-2023/ Quý III/2023", "/thoi-han/quy-ii-2025/ Quý II/2025"])
        #expect(Self.row("Quý III/2023", in: main) == ["3", "3"], "three tasks, all overdue")
        #expect(!main.contains("task-item"), "the main page lists no tasks")

        let small = built.files["thoi-han/quy-iii-2023/index.html"] ?? ""
        #expect(Self.count("<article class=\"task-item", in: small) == 3, "a short quarter is one page")
        #expect(small.contains("<a href=\"/thoi-han/\">Thời hạn thực hiện</a>"), "breadcrumb back")

        let large = built.files["thoi-han/quy-ii-2025/index.html"] ?? ""
        #expect(large.contains("<h2 id=\"theo-tinh\">Theo tỉnh</h2>"))
        #expect(Self.row("Gia Lai", in: large) == ["1", "\(Self.many)", "0"])
        let gialai = built.files["thoi-han/quy-ii-2025/gia-lai/index.html"] ?? ""
        #expect(Self.count("<article class=\"task-item", in: gialai) == Self.many)
        #expect(gialai.contains("/ke-hoach/gl/") && !gialai.contains("/ke-hoach/tn/"))
        #expect(gialai.contains("<title>Thời hạn thực hiện – Quý II/2025 – Gia Lai"))
    }

    /// The home page and the document index of a large site list provinces, each with a page.
    @Test func theHomePageAndTheDocumentIndexBecomeProvinces() throws {
        var plans: [String: String] = [:]
        for number in 1...(ProvinceSplit.maxRows / 2 + 1) {
            for (province, slug) in [("Thái Nguyên", "tn"), ("Gia Lai", "gl")] {
                plans["\(slug)-\(number).md"] = Self.plan("Kế hoạch \(number) của \(province)", province: province, tasks: 1)
                    .replacingOccurrences(of: "Thực hiện Nghị quyết số 27-NQ/TW.", with: "Thực hiện Nghị quyết số 27-NQ/TW và Kế hoạch số \(number)-KH/TU.")
            }
        }
        let built = try buildInMemory(plans: plans)
        let home = built.files["index.html"] ?? ""
        #expect(home.contains("<a href=\"/tinh/gia-lai/\">Gia Lai</a> <span class=\"count\">(\(ProvinceSplit.maxRows / 2 + 1))</span>"))
        #expect(!home.contains("plan-card"), "the home page lists provinces, not plans")
        let gialai = built.files["tinh/gia-lai/index.html"] ?? ""
        #expect(Self.count("class=\"plan-card\"", in: gialai) == ProvinceSplit.maxRows / 2 + 1)
        #expect(gialai.contains("/ke-hoach/gl-1/") && !gialai.contains("/ke-hoach/tn-1/"))

        let index = built.files["van-ban/index.html"] ?? ""
        #expect(index.contains("<a href=\"/van-ban/theo-tinh/thai-nguyen/\">Thái Nguyên</a>"))
        #expect(index.contains("Nghị quyết số 27-NQ/TW"), "national documents stay on the index")
        #expect(!index.contains("KH/TU"), "local documents are on their province's page")
        let local = built.files["van-ban/theo-tinh/thai-nguyen/index.html"] ?? ""
        #expect(local.contains("Kế hoạch số 1-KH/TU") && local.contains("Kế hoạch số 51-KH/TU"))
    }
}
