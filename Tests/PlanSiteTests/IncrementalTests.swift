import Foundation
import Testing
@testable import PlanSite

/// Rebuilds with the cache must give exactly what a clean build gives, and must actually reuse work.
@Suite("Incremental and parallel builds")
struct IncrementalTests: RebuildFixture {
    let folder: TemporaryFolder

    init() throws {
        folder = try Self.copyOfContent()
    }

    @Test func rebuildsAfterEditsAdditionsDeletionsAndRenamesMatchACleanBuild() throws {
        let first = build(into: "Public")
        #expect(first.succeeded && first.filesKept == 0)

        let unchanged = build(into: "Public")
        #expect(unchanged.filesKept == unchanged.pagesWritten, "nothing changed, so every file is kept")
        #expect(unchanged.plansFromCache == 5)
        try expectSameAsCleanBuild("no change")

        try edit("thai-nguyen-ke-hoach-35-ctr-tu.md") { $0.replacingOccurrences(of: "Sở Tư pháp", with: "Sở Nội vụ") }
        let edited = build(into: "Public")
        #expect(edited.plansFromCache == 4, "only the edited plan is parsed again")
        #expect(edited.filesKept > edited.pagesWritten / 2, "the other plans' pages are kept")
        try expectSameAsCleanBuild("after an edit")

        try folder.write(planFile(title: "Kế hoạch mới", body: "Thực hiện Nghị quyết số 28-NQ/TW.\n\n## II. NHIỆM VỤ\n\n1. Rà soát văn bản.\n\n- Chủ trì: Sở Tư pháp\n"),
                         to: "Content/ke-hoach-moi.md")
        try FileManager.default.removeItem(at: content.appendingPathComponent("lai-chau-chuong-trinh-hanh-dong-27-nq-tw.md"))
        try FileManager.default.moveItem(at: content.appendingPathComponent("gia-lai-ke-hoach-hanh-dong-27-nq-tw.md"),
                                         to: content.appendingPathComponent("gia-lai-2023.md"))
        let reshaped = build(into: "Public")
        #expect(reshaped.succeeded)
        #expect(reshaped.plansFromCache == 3, "Lào Cai, Quảng Nam and Thái Nguyên come from the cache")
        try expectSameAsCleanBuild("after an addition, a deletion and a rename")

        try edit("../Public/404.html") { _ in "changed by hand" }
        _ = build(into: "Public")
        try expectSameAsCleanBuild("a file changed by hand in the output is written again")
    }

    /// Agency and document pages are judged by what they are made from, not by their contexts.
    /// A document's page lists, down its chain, the plans carrying out the documents that carry
    /// it out: such a plan's edit must reach that page though the plan never cites the document,
    /// and must leave alone the page of an agency the plan does not name.
    @Test func anEditReachesTheDocumentsUpTheChainAndNoOtherPages() throws {
        func plan(title: String) -> String {
            "---\ntitle: \"\(title)\"\nissuer: \"Ủy ban nhân dân tỉnh Thái Nguyên\"\nprovince: \"Thái Nguyên\"\n"
                + "implements: [\"35-CTr/TU\"]\n---\n\n## I. MỤC ĐÍCH\n\nNội dung.\n"
        }
        func inode(_ path: String) throws -> Int {
            try FileManager.default.attributesOfItem(atPath: folder.url.appendingPathComponent(path).path)[.systemFileNumber] as! Int
        }
        try folder.write(plan(title: "Kế hoạch cấp huyện"), to: "Content/ke-hoach-cap-huyen.md")
        #expect(build(into: "Public").succeeded)
        let agencyPage = "Public/co-quan/ban-noi-chinh-tinh-uy/index.html"
        let before = try inode(agencyPage)

        try folder.write(plan(title: "Kế hoạch của huyện Đại Từ"), to: "Content/ke-hoach-cap-huyen.md")
        let rebuilt = build(into: "Public")
        #expect(rebuilt.succeeded && rebuilt.plansFromCache == 5)
        let page = try String(contentsOf: folder.url.appendingPathComponent("Public/van-ban/11-kh-tw/index.html"), encoding: .utf8)
        #expect(page.contains("Kế hoạch của huyện Đại Từ"), "11-KH/TW's page lists the plan two steps down its chain")
        #expect(try inode(agencyPage) == before, "the agency's page was kept, not written again")
        try expectSameAsCleanBuild("after editing a plan down a document's chain")

        // Rendered again, as the plan changed, but the same bytes: the file is kept.
        let documentPage = "Public/van-ban/11-kh-tw/index.html"
        let rendered = try inode(documentPage)
        try edit("ke-hoach-cap-huyen.md") { $0.replacingOccurrences(of: "Nội dung.", with: "Nội dung đã sửa.") }
        #expect(build(into: "Public").succeeded)
        #expect(try inode(documentPage) == rendered, "11-KH/TW's page came out the same and was kept")
        try expectSameAsCleanBuild("after editing a plan's text only")
    }

    /// Plan, agency and document pages are judged by what they are made from, which holds the
    /// plans but not whether each task is overdue: the day is part of their fingerprint instead.
    @Test func aRebuildOnALaterDayMarksTheTasksOverdueSince() throws {
        #expect(build(into: "Public").succeeded)
        let later = CalendarDate(year: 2028, month: 1, day: 1)!
        let rebuilt = build(into: "Public", today: later)
        #expect(rebuilt.plansFromCache == 5)
        try expectSameAsCleanBuild("two years on", today: later)
    }

    /// The site a cached build replaces is deleted by the next build, beside its work.
    @Test func theReplacedSiteIsDeletedByTheNextBuild() throws {
        func replaced() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".Public.replaced-") }
        }
        #expect(build(into: "Public").succeeded)
        #expect(try replaced().isEmpty, "nothing was replaced")
        try edit("thai-nguyen-ke-hoach-35-ctr-tu.md") { $0.replacingOccurrences(of: "Sở Tư pháp", with: "Sở Nội vụ") }
        #expect(build(into: "Public").succeeded)
        #expect(try replaced().count == 1, "the replaced site waits for the next build")
        #expect(build(into: "Public").succeeded)
        #expect(try replaced().count == 1, "the one before is gone; this build's own replaced site waits")
        try expectSameAsCleanBuild("after deferred deletions")
        #expect(build(into: "Public", cache: false).succeeded)
        #expect(try replaced().isEmpty, "a build without the cache deletes what it replaces at once")
    }

    /// A cached build stages its site in the one replaced two builds ago, whose files are
    /// mostly links to the live site's: it must replace them, never write into them.
    @Test func aRecycledSiteNeverChangesTheLiveOne() throws {
        func replaced() throws -> URL {
            let name = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).first { $0.hasPrefix(".Public.replaced-") }
            return folder.url.appendingPathComponent(try #require(name))
        }
        #expect(build(into: "Public").succeeded)
        try edit("thai-nguyen-ke-hoach-35-ctr-tu.md") { $0.replacingOccurrences(of: "Sở Tư pháp", with: "Sở Nội vụ") }
        #expect(build(into: "Public").succeeded)
        let live = try snapshot(of: folder.url.appendingPathComponent("Public"))
        // Gia Lai's page was kept by the last build, so the site that build replaced links it.
        try edit("gia-lai-ke-hoach-hanh-dong-27-nq-tw.md") { $0.replacingOccurrences(of: "Sở Tư pháp", with: "Sở Nội vụ") }
        let rebuilt = build(into: "Public")
        #expect(rebuilt.succeeded && rebuilt.filesKept > 0)
        #expect(try snapshot(of: replaced()) == live, "the site this build replaced is as it was served")
        try expectSameAsCleanBuild("a site staged in a recycled one")
    }

    /// Assets are whatever Templates/assets holds, so a recycled site can have a file where the
    /// new one has a folder, or the other way round.
    @Test func aRecycledSiteMayHoldFilesWhereFoldersGoAndFoldersWhereFilesGo() throws {
        let templates = folder.url.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: Paths.templates, to: templates)
        let icons = templates.appendingPathComponent("assets/icons")
        func build(_ output: String = "Public", cache: Bool = true) -> BuildReport {
            Build(content: content, templates: templates, output: folder.url.appendingPathComponent(output),
                  today: CalendarDate(year: 2025, month: 1, day: 1)!, cache: cache ? folder.url.appendingPathComponent("cache") : nil).run()
        }
        func iconsAreAFile(_ isFile: Bool) throws {
            try? FileManager.default.removeItem(at: icons)
            if isFile {
                try Data("icons".utf8).write(to: icons)
            } else {
                try FileManager.default.createDirectory(at: icons, withIntermediateDirectories: true)
                try Data("<svg/>".utf8).write(to: icons.appendingPathComponent("a.svg"))
            }
        }
        for isFile in [true, true, false, false, true] {
            try iconsAreAFile(isFile)
            let report = build()
            #expect(report.succeeded, "\(report.diagnostics.map(\.message))")
            try? FileManager.default.removeItem(at: folder.url.appendingPathComponent("Clean"))
            #expect(build("Clean", cache: false).succeeded)
            #expect(try snapshot(of: folder.url.appendingPathComponent("Public")) == snapshot(of: folder.url.appendingPathComponent("Clean")),
                    "icons as a \(isFile ? "file" : "folder")")
        }
    }

    /// What a killed build left, even under this process's own staging name, and links in a
    /// recycled site, must never reach the output or anything outside it.
    @Test func leftoversAndLinksInARecycledSiteChangeNothingOutside() throws {
        #expect(build(into: "Public").succeeded)
        try edit("thai-nguyen-ke-hoach-35-ctr-tu.md") { $0.replacingOccurrences(of: "Sở Tư pháp", with: "Sở Nội vụ") }
        #expect(build(into: "Public").succeeded)
        let replaced = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).first { $0.hasPrefix(".Public.replaced-") })
        let outside = folder.url.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("outside".utf8).write(to: outside.appendingPathComponent("site.css"))
        let recycledAssets = folder.url.appendingPathComponent(replaced).appendingPathComponent("assets")
        try FileManager.default.removeItem(at: recycledAssets)
        try FileManager.default.createSymbolicLink(at: recycledAssets, withDestinationURL: outside)
        let killed = folder.url.appendingPathComponent(".Public.staging-\(getpid())")
        try FileManager.default.createDirectory(at: killed, withIntermediateDirectories: true)
        try Data("stale".utf8).write(to: killed.appendingPathComponent("stale.html"))

        try edit("gia-lai-ke-hoach-hanh-dong-27-nq-tw.md") { $0.replacingOccurrences(of: "Sở Tư pháp", with: "Sở Nội vụ") }
        #expect(build(into: "Public").succeeded)
        #expect(try snapshot(of: outside) == ["site.css": Data("outside".utf8)], "the link was replaced, not followed")
        try expectSameAsCleanBuild("after a recycled site with a link and a killed build's leftovers")
    }

    @Test func aTemplateChangeRendersEveryPageAgain() throws {
        let templates = folder.url.appendingPathComponent("Templates")
        try FileManager.default.copyItem(at: Paths.templates, to: templates)
        func build(into output: String, cache: Bool) -> BuildReport {
            Build(content: content, templates: templates, output: folder.url.appendingPathComponent(output),
                  today: CalendarDate(year: 2025, month: 1, day: 1)!, cache: cache ? folder.url.appendingPathComponent("cache") : nil).run()
        }
        _ = build(into: "Public", cache: true)
        let footer = templates.appendingPathComponent("footer.mustache")
        try Data((try String(contentsOf: footer, encoding: .utf8) + "<p>Chân trang mới</p>\n").utf8).write(to: footer)
        let rebuilt = build(into: "Public", cache: true)
        #expect(rebuilt.plansFromCache == 5)
        _ = build(into: "Clean", cache: false)
        let pages = try snapshot(of: folder.url.appendingPathComponent("Public")).filter { $0.key.hasSuffix(".html") }
        #expect(!pages.isEmpty && pages.values.allSatisfy { String(decoding: $0, as: UTF8.self).contains("Chân trang mới") })
        #expect(try snapshot(of: folder.url.appendingPathComponent("Public")) == snapshot(of: folder.url.appendingPathComponent("Clean")))
    }

    /// Every stage's threads write their results side by side; a race there crashed a build of
    /// 1,500 plans now and then, so this makes many threads write many small results.
    @Test func parallelMapKeepsEveryResultInOrder() {
        let numbers = Array(0..<200_000)
        for jobs in [2, 8] {
            #expect(numbers.parallelMap(jobs: jobs) { "\($0 * 3)" } == numbers.map { "\($0 * 3)" })
            #expect(numbers.parallelMap(readers: jobs) { "\($0 * 3)" } == numbers.map { "\($0 * 3)" })
        }
    }

    /// Plans, pages and index shards are worked on by several threads; the output must not depend on it.
    @Test func oneThreadAndManyThreadsBuildTheSameBytes() throws {
        var plans = try FileManager.default.contentsOfDirectory(atPath: Paths.content.path).filter { $0.hasSuffix(".md") }
            .map { SourceFile(path: "Content/\($0)", text: try String(contentsOf: Paths.content.appendingPathComponent($0), encoding: .utf8)) }
        for copy in 1...40 {
            plans.append(SourceFile(path: "Content/ban-sao-\(copy).md", text: planFile(
                title: "Kế hoạch số \(copy)",
                body: "Thực hiện Nghị quyết số \(copy)-NQ/TU.\n\n## II. NHIỆM VỤ\n\n1. Nhiệm vụ \(copy) về tư pháp.\n\n- Chủ trì: Sở Tư pháp\n- Thời hạn: Quý \(copy % 4 + 1) năm 2025\n")))
        }
        let registries = try ["agencies.yml", "documents.yml"].reduce(into: [String: SourceFile]()) { result, name in
            result[name] = SourceFile(path: "Content/\(name)", text: try String(contentsOf: Paths.content.appendingPathComponent(name), encoding: .utf8))
        }
        let sources = SiteSources(plans: plans, registries: registries, templates: try realTemplates())
        func files(jobs: Int) -> [String: Data] {
            var files: [String: Data] = [:]
            _ = Build.generate(sources, today: CalendarDate(year: 2025, month: 1, day: 1)!, jobs: jobs) { files[$0.path, default: Data()] += Data($0.bytes) }
            return files
        }
        let serial = files(jobs: 1)
        #expect(serial.count > 300)
        #expect(files(jobs: 8) == serial)
    }
}
