import Foundation
import Testing
@testable import PlanSite

/// What a rebuild after one edit does again, and what it takes from the previous build: the
/// pages, search tokens and data the edit reaches must change, and the result must equal a
/// clean build.
@Suite("What a rebuild does again")
struct RebuildScopeTests: RebuildFixture {
    let folder: TemporaryFolder

    init() throws {
        folder = try Self.copyOfContent()
    }

    /// A split page's summary counts every province's plans and each province page lists its
    /// own: an edit in one province must reach the summary and that province's page, and a plan
    /// moving to another province both provinces' pages.
    @Test func anEditReachesTheSummaryAndItsProvincesPages() throws {
        let many = ProvincePageTests.many
        try folder.write(ProvincePageTests.plan("Kế hoạch của Thái Nguyên", province: "Thái Nguyên", tasks: many), to: "Content/tn.md")
        try folder.write(ProvincePageTests.plan("Kế hoạch của Gia Lai", province: "Gia Lai", tasks: many), to: "Content/gl.md")
        try folder.write(ProvincePageTests.plan("Kế hoạch nhỏ", province: "Gia Lai", tasks: 2), to: "Content/nho.md")
        #expect(build(into: "Public").succeeded)
        func page(_ path: String) throws -> String {
            try String(contentsOf: folder.url.appendingPathComponent("Public/" + path), encoding: .utf8)
        }
        let thaiNguyen = "van-ban/27-nq-tw/thai-nguyen/index.html", agencyThaiNguyen = "co-quan/so-tu-phap/thai-nguyen/index.html"
        #expect(try page("van-ban/27-nq-tw/index.html").contains(">Gia Lai</"), "27-NQ/TW's page is split by province")
        #expect(try page(agencyThaiNguyen).contains("Kế hoạch của Thái Nguyên"))

        try edit("tn.md") { $0.replacingOccurrences(of: "đợt 1.", with: "đợt đầu tiên.") }
        #expect(build(into: "Public").succeeded)
        #expect(try page(thaiNguyen).contains("đợt đầu tiên"), "the province's page shows the edit")
        #expect(try page(agencyThaiNguyen).contains("đợt đầu tiên"), "so does the agency's page of that province")
        try expectSameAsCleanBuild("after editing a plan of one province")

        try edit("nho.md") { $0.replacingOccurrences(of: "province: \"Gia Lai\"", with: "province: \"Thái Nguyên\"") }
        #expect(build(into: "Public").succeeded)
        #expect(try page(thaiNguyen).contains("Kế hoạch nhỏ"), "the plan joined its new province's page")
        #expect(try !page("van-ban/27-nq-tw/gia-lai/index.html").contains("Kế hoạch nhỏ"), "and left its old one")
        try expectSameAsCleanBuild("after a plan moved to another province")

        try edit("gl.md") { $0.replacingOccurrences(of: "- Thời hạn: Thường xuyên.\n", with: "- Thời hạn: Trước ngày 30/7/2023.\n") }
        #expect(build(into: "Public").succeeded)
        try expectSameAsCleanBuild("after a province's tasks fell overdue, which the summaries count")
    }

    /// What the registries say reaches every page and search record that shows it.
    @Test func anEditedRegistryReachesThePagesAndTheSearchRecords() throws {
        #expect(build(into: "Public").succeeded)
        try edit("documents.yml") { $0.replacingOccurrences(of: "Tiếp tục xây dựng và hoàn thiện Nhà nước pháp quyền", with: "Xây dựng Nhà nước pháp quyền") }
        try edit("agencies.yml") { $0.replacingOccurrences(of: "hợp nhất năm 2025.", with: "hợp nhất từ năm 2025.") }
        #expect(build(into: "Public").succeeded)
        try expectSameAsCleanBuild("after editing the registries")
    }

    /// The search index's tokens of unchanged plans are read back from the cache: an edit makes
    /// only its own group of plans again, and a damaged entry is made again, never trusted.
    @Test func searchTokensOfUnchangedPlansAreReadBack() throws {
        for number in 1...80 {
            try folder.write(planFile(title: "Kế hoạch số \(number)", body: "## II. NHIỆM VỤ\n\n1. Việc thứ \(number).\n\n- Chủ trì: Sở Tư pháp\n"),
                             to: "Content/ke-hoach-\(number).md")
        }
        #expect(build(into: "Public").succeeded)
        let tokens = folder.url.appendingPathComponent(".plansite-cache/tokens")
        func entries() throws -> [String: Int] {
            try Dictionary(uniqueKeysWithValues: FileManager.default.contentsOfDirectory(atPath: tokens.path).map { name in
                (name, try FileManager.default.attributesOfItem(atPath: tokens.appendingPathComponent(name).path)[.systemFileNumber] as! Int)
            })
        }
        let first = try entries()
        #expect(first.count > 1, "85 plans make several groups")

        try edit("ke-hoach-7.md") { $0.replacingOccurrences(of: "Việc thứ 7.", with: "Việc thứ bảy, sửa lại.") }
        #expect(build(into: "Public").succeeded)
        let second = try entries()
        #expect(Set(second.keys).subtracting(first.keys).count == 1, "one group is new")
        #expect(second.filter { first[$0.key] == $0.value }.count == first.count - 1, "the other groups' entries were read, not written")
        try expectSameAsCleanBuild("after an edit, with the other groups' tokens from the cache")

        for name in second.keys {
            let url = tokens.appendingPathComponent(name)
            var bytes = try Data(contentsOf: url)
            bytes[bytes.count / 2] ^= 0x5A
            try bytes.write(to: url)
        }
        #expect(build(into: "Public").succeeded)
        try expectSameAsCleanBuild("with every tokens entry damaged")
    }

    /// Units are numbered by where their plan's name hashes to, not one after another: a task or
    /// a plan added rewrites the display chunks and shards it touches, not every one after it.
    @Test func aNewTaskOrPlanRewritesOnlyTheSearchFilesItTouches() throws {
        func plan(_ number: Int, tasks: Int) -> String {
            planFile(title: "Kế hoạch số \(number)", body: "## II. NHIỆM VỤ\n\n" + (1...tasks).map {
                "\($0). Việc thứ \($0) của kế hoạch \(number) về cải cách hành chính.\n\n- Chủ trì: Sở Tư pháp\n\n"
            }.joined())
        }
        for number in 1...40 { try folder.write(plan(number, tasks: 10), to: "Content/ke-hoach-\(number).md") }
        #expect(build(into: "Public").succeeded)
        func search() throws -> [String: Data] {
            let root = folder.url.appendingPathComponent("Public/search")
            let paths = try FileManager.default.subpathsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".json") }
            return try Dictionary(uniqueKeysWithValues: paths.map { ($0, try Data(contentsOf: root.appendingPathComponent($0))) })
        }
        func changed(_ before: [String: Data], _ after: [String: Data], in folder: String) -> (changed: Int, of: Int) {
            let paths = Set(before.keys).union(after.keys).filter { $0.hasPrefix(folder) }
            return (paths.filter { before[$0] != after[$0] }.count, paths.count)
        }

        let first = try search()
        try folder.write(plan(20, tasks: 11), to: "Content/ke-hoach-20.md")
        #expect(build(into: "Public").succeeded)
        let second = try search()
        let chunks = changed(first, second, in: "d/"), shards = changed(first, second, in: "i/")
        #expect(chunks.of > 60 && chunks.changed <= 2, "the plan's chunks alone: \(chunks)")
        #expect(shards.changed * 4 < shards.of, "the shards of the new task's tokens: \(shards)")
        try expectSameAsCleanBuild("after a task was added")

        try folder.write(plan(41, tasks: 10), to: "Content/ke-hoach-0.md")
        #expect(build(into: "Public").succeeded)
        let third = try search()
        let added = changed(second, third, in: "d/")
        #expect(added.changed <= 4, "the new plan's chunks, and a neighbour's at most: \(added)")
        try expectSameAsCleanBuild("after a plan was added")
    }

    /// The data export copies unchanged plans' parts from the previous files: an edit must still
    /// reach them, and a file changed by hand since is not copied from.
    @Test func theDataExportTakesUnchangedPlansFromThePreviousFiles() throws {
        #expect(build(into: "Public").succeeded)
        try edit("thai-nguyen-ke-hoach-35-ctr-tu.md") { $0.replacingOccurrences(of: "Sở Tư pháp", with: "Sở Nội vụ") }
        #expect(build(into: "Public").succeeded)
        let tasks = try String(contentsOf: folder.url.appendingPathComponent("Public/data/tasks.json"), encoding: .utf8)
        #expect(tasks.contains("\"plan\":\"lao-cai-ke-hoach-27-nq-tw\""), "an unchanged plan's tasks are there")
        try expectSameAsCleanBuild("after an edit, with the other plans' parts copied")

        try edit("../Public/data/tasks.csv") { $0.replacingOccurrences(of: "Lào Cai", with: "Lao Cai") }
        try edit("quang-nam-ke-hoach-28-nq-tw.md") { $0 + "\nMột câu thêm.\n" }
        #expect(build(into: "Public").succeeded)
        try expectSameAsCleanBuild("after tasks.csv was changed by hand")
    }
}
