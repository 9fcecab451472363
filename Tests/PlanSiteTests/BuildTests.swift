import Foundation
import Testing
@testable import PlanSite

@Suite("Building sites")
struct BuildTests {
    /// Builds the fixture site into a temporary folder and compares every file with
    /// `expected/`. After an intended change: PLANSITE_UPDATE_FIXTURES=1 swift test.
    @Test func fixtureSiteMatchesExpectedOutput() throws {
        let site = Paths.fixture("basic-site")
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("Public")
        let report = Build(content: site.appendingPathComponent("Content"), templates: site.appendingPathComponent("Templates"),
                           output: output, today: CalendarDate(year: 2024, month: 1, day: 1)!).run()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.formatted))")
        let expectedFolder = site.appendingPathComponent("expected")
        if ProcessInfo.processInfo.environment["PLANSITE_UPDATE_FIXTURES"] == "1" {
            try? FileManager.default.removeItem(at: expectedFolder)
            try FileManager.default.copyItem(at: output, to: expectedFolder)
        }
        let actual = try snapshot(of: output)
        let expected = try snapshot(of: expectedFolder)
        #expect(actual.keys.sorted() == expected.keys.sorted())
        for path in expected.keys.sorted() {
            let a = String(decoding: actual[path] ?? Data(), as: UTF8.self)
            let e = String(decoding: expected[path]!, as: UTF8.self)
            #expect(a == e, "\(path) differs from expected/\(path)")
        }
    }

    @Test func theFiveRealPlansBuildWithoutErrors() throws {
        let folder = try TemporaryFolder()
        let report = Build(content: Paths.content, templates: Paths.templates,
                           output: folder.url.appendingPathComponent("Public")).run()
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics.map(\.formatted))")
        #expect(report.plans == 5)
        let files = try snapshot(of: folder.url.appendingPathComponent("Public"))
        for slug in ["lao-cai-ke-hoach-27-nq-tw", "lai-chau-chuong-trinh-hanh-dong-27-nq-tw", "gia-lai-ke-hoach-hanh-dong-27-nq-tw",
                     "thai-nguyen-ke-hoach-35-ctr-tu", "quang-nam-ke-hoach-28-nq-tw"] {
            let page = String(decoding: files["ke-hoach/\(slug)/index.html"] ?? Data(), as: UTF8.self)
            #expect(page.contains("<nav class=\"toc\""), "\(slug) has a table of contents")
            #expect(page.contains("id=\"ii-"), "\(slug) has outline heading ids")
        }
        // Every task's permalink lands on an element of its plan page, and the task table links to it.
        let tasks = try JSONSerialization.jsonObject(with: files["data/tasks.json"] ?? Data()) as? [[String: Any]] ?? []
        #expect(tasks.count > 100)
        for task in tasks {
            let slug = task["plan"] as? String ?? "", id = task["id"] as? String ?? ""
            let page = String(decoding: files["ke-hoach/\(slug)/index.html"] ?? Data(), as: UTF8.self)
            #expect(page.contains(" id=\"\(id)\""), "\(slug)#\(id) has no element")
            #expect(page.contains("href=\"/ke-hoach/\(slug)/#\(id)\""), "\(slug) task table links \(id)")
        }
        // A handful of plans keeps one page per document and agency: no summary by province.
        let nested = files.keys.filter { ($0.hasPrefix("van-ban/") || $0.hasPrefix("co-quan/")) && $0.split(separator: "/").count > 3 }
        #expect(nested.isEmpty, "\(nested.sorted())")
        let csv = files["data/tasks.csv"] ?? Data()
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]), "tasks.csv starts with a byte-order mark for Excel")
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let folder = try TemporaryFolder()
        let first = folder.url.appendingPathComponent("one")
        let second = folder.url.appendingPathComponent("two")
        _ = Build(content: Paths.content, templates: Paths.templates, output: first).run()
        _ = Build(content: Paths.content, templates: Paths.templates, output: second).run()
        let a = try snapshot(of: first)
        let b = try snapshot(of: second)
        #expect(!a.isEmpty)
        #expect(a == b)
    }

    @Test func aFailedBuildLeavesThePreviousSiteAndListsEveryError() throws {
        let folder = try TemporaryFolder()
        try folder.write(planFile(), to: "Content/good.md")
        let output = folder.url.appendingPathComponent("Public")
        let templates = Paths.templates
        let good = Build(content: folder.url.appendingPathComponent("Content"), templates: templates, output: output).run()
        #expect(good.succeeded)
        let before = try snapshot(of: output)

        try folder.write("---\ntitle: \"A\"\n---\n", to: "Content/bad-one.md")
        try folder.write("---\ntitle: \"B\"\nissuer: \"C\"\nimplements: [\"27-NQ/TW\"]\ndate: 15/5/2023\n---\n", to: "Content/bad-two.md")
        let bad = Build(content: folder.url.appendingPathComponent("Content"), templates: templates, output: output).run()
        #expect(!bad.succeeded)
        let messages = bad.diagnostics.map(\.formatted)
        #expect(messages.contains { $0.hasPrefix("Content/bad-one.md:2:1: error: front matter is missing 'issuer'") })
        #expect(messages.contains { $0.hasPrefix("Content/bad-two.md:5:7: error: 'date' must be a date") })
        #expect(try snapshot(of: output) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".Public") }
        #expect(leftovers.isEmpty)
    }

    @Test func strictTurnsWarningsIntoErrorsAndKeepsThePreviousSite() throws {
        let folder = try TemporaryFolder()
        try folder.write(planFile(body: "Thực hiện Nghị quyết số 27-NQ/TW.\n\n## II. NHIỆM VỤ\n\n1.1. Rà soát.\n\n- Chủ trì: Sở Không Có\n"), to: "Content/a.md")
        let content = folder.url.appendingPathComponent("Content")
        let output = folder.url.appendingPathComponent("Public")
        let lenient = Build(content: content, templates: Paths.templates, output: output).run()
        #expect(lenient.succeeded)
        #expect(lenient.diagnostics.map(\.formatted) == ["Content/a.md:13:3: warning: unknown agency 'Sở Không Có' (add it to Content/agencies.yml)"])
        let before = try snapshot(of: output)
        let strict = Build(content: content, templates: Paths.templates, output: output, strict: true).run()
        #expect(!strict.succeeded)
        #expect(strict.diagnostics.map(\.severity) == [.error])
        #expect(try snapshot(of: output) == before)
    }

    @Test func citationsInTheBodyLinkToDocumentPages() throws {
        let built = try buildInMemory(plans: ["a.md": planFile(body: "Thực hiện Nghị quyết số 27-NQ/TW và Quyết định số 3133/QĐ-UBND, `mã 1-NQ/TW`, [liên kết](https://x) 27-NQ/TW.\n")])
        let page = built.files["ke-hoach/a/index.html"] ?? ""
        #expect(page.contains("<a class=\"doc-ref\" href=\"/van-ban/27-nq-tw/\">Nghị quyết số 27-NQ/TW</a>"))
        #expect(page.contains("<a class=\"doc-ref\" href=\"/van-ban/3133-qd-ubnd/\">Quyết định số 3133/QĐ-UBND</a>"))
        #expect(page.contains("<a href=\"https://x\">liên kết</a>"))
        #expect(built.files["van-ban/27-nq-tw/index.html"] != nil)
    }

    /// Province names are compared by their bytes (`ExactText`), so text given decomposed must
    /// reach them composed: one province of an agency, one local document, not two of each.
    @Test func aProvinceTypedDecomposedIsTheSameProvince() throws {
        let plan = { (title: String, province: String) in
            "---\ntitle: \"\(title)\"\nissuer: \"Ủy ban nhân dân tỉnh\"\nprovince: \"\(province)\"\n"
                + "implements: [\"04-KH/TU\"]\n---\n\nThực hiện Kế hoạch số 04-KH/TU của Tỉnh ủy.\n\n## II. NHIỆM VỤ\n\n1. Rà soát văn bản.\n\n- Chủ trì: Sở Tư pháp.\n"
        }
        let built = try buildInMemory(plans: ["a.md": plan("Kế hoạch A", "Lào Cai"), "b.md": plan("Kế hoạch B", "La\u{300}o Cai")])
        let agencies = try #require(try JSONSerialization.jsonObject(with: Data((built.files["data/agencies.json"] ?? "").utf8)) as? [[String: Any]])
        let provinces = agencies.first { $0["name"] as? String == "Sở Tư pháp" }?["provinces"] as? [String]
        #expect(provinces == ["Lào Cai"])
        #expect(built.files.keys.filter { $0.hasPrefix("van-ban/") && $0.contains("4-kh-tu") } == ["van-ban/lao-cai-4-kh-tu/index.html"])
    }

    @Test func baseURLPrefixesEveryLinkAndAsset() throws {
        let built = try buildInMemory(plans: ["a.md": planFile()], config: SiteConfig(baseURL: "kehoach"))
        let home = built.files["index.html"] ?? ""
        #expect(home.contains("href=\"/kehoach/assets/site.css\""))
        #expect(home.contains("href=\"/kehoach/ke-hoach/a/\""))
        for (path, page) in built.files where path.hasSuffix(".html") {
            for match in page.matches(of: #/(?:href|src|action)="([^"#]*)"/#) {
                let url = String(match.output.1)
                #expect(url.hasPrefix("/kehoach/") || url.isEmpty, "\(path) links to \(url) outside the base path")
            }
        }
    }

    @Test func homeGroupsByNationalDocumentThenProvinceNewestFirst() throws {
        let plans = [
            "b.md": planFile(title: "Cũ", extra: "province: \"Gia Lai\"\ndate: 2023-01-01\n"),
            "c.md": planFile(title: "Mới", extra: "province: \"Gia Lai\"\ndate: 2024-01-01\n"),
            "d.md": "---\ntitle: \"Đà Nẵng\"\nissuer: \"X\"\nimplements: [\"35-CTr/TU\", \"27-NQ/TW\"]\nprovince: \"Đà Nẵng\"\n---\n",
            "e.md": "---\ntitle: \"Quảng Nam\"\nissuer: \"X\"\nimplements: [\"28-NQ/TW\"]\n---\n",
        ]
        let home = try buildInMemory(plans: plans).files["index.html"] ?? ""
        let order = ["27-NQ/TW", "Đà Nẵng", "Gia Lai", "Mới", "Cũ", "28-NQ/TW", "Quảng Nam"].map { home.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
    }
}
