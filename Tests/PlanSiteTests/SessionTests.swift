import Foundation
import Testing
@testable import PlanSite

/// `plansite watch`: a session writes edits to a plan's prose into the output in place and
/// builds again for anything else; either way the output must be what a clean build gives.
@Suite("A session that stays running")
struct SessionTests: RebuildFixture {
    let folder: TemporaryFolder
    let plan = "gia-lai-ke-hoach-hanh-dong-27-nq-tw.md"

    init() throws {
        folder = try Self.copyOfContent()
    }

    func session(today: (() -> CalendarDate)? = nil) -> SiteSession {
        SiteSession(Build(content: content, templates: Paths.templates, output: folder.url.appendingPathComponent("Public"),
                          today: CalendarDate(year: 2025, month: 1, day: 1)!, cache: folder.url.appendingPathComponent(".plansite-cache")),
                    today: today)
    }

    /// A paragraph before the first heading moves every task below it down.
    func addProse(lines: Int, to name: String? = nil) throws {
        try edit(name ?? plan) { $0.replacingOccurrences(of: "\n## ", with: "\n" + String(repeating: "Đoạn văn thêm vào.\n\n", count: lines) + "## ",
                                                 options: [], range: $0.range(of: "\n## ")) }
    }

    @Test func anEditToAPlansProseIsWrittenInPlaceAsACleanBuildWouldWriteIt() throws {
        let session = session()
        #expect(session.update()?.report.succeeded == true)
        #expect(session.update() == nil, "nothing changed")

        try addProse(lines: 1)
        let small = try #require(session.update())
        #expect(small.editedInPlace == ["Content/\(plan)"])
        #expect(small.filesWritten.contains("ke-hoach/gia-lai-ke-hoach-hanh-dong-27-nq-tw/index.html"))
        #expect(small.filesWritten.contains("data/tasks.json"), "the tasks' line numbers moved")
        try expectSameAsCleanBuild("after a line of prose")

        // Line numbers gain a digit: the tasks' part of tasks.json grows, and the file is written anew.
        try addProse(lines: 60)
        #expect(try #require(session.update()).editedInPlace == ["Content/\(plan)"])
        try expectSameAsCleanBuild("after sixty lines of prose")

        // The plans after it in data/ moved with it.
        try addProse(lines: 60, to: "thai-nguyen-ke-hoach-35-ctr-tu.md")
        #expect(try #require(session.update()).editedInPlace == ["Content/thai-nguyen-ke-hoach-35-ctr-tu.md"])
        try expectSameAsCleanBuild("after prose in a later plan")

        #expect(build(into: "Public").succeeded)
        try expectSameAsCleanBuild("a build after the session trusts nothing it wrote")
    }

    @Test func anyOtherChangeBuildsTheSiteAgain() throws {
        let session = session()
        _ = session.update()
        let original = try String(contentsOf: content.appendingPathComponent(plan), encoding: .utf8)

        try edit(plan) { $0.replacingOccurrences(of: "Sở Tư pháp", with: "Công an tỉnh") }
        let retasked = try #require(session.update())
        #expect(retasked.editedInPlace.isEmpty && retasked.report.succeeded, "a new agency: every page may link to it")
        try expectSameAsCleanBuild("after a new agency")

        try edit(plan) { $0.replacingOccurrences(of: "\n## ", with: "\nThực hiện Quyết định số 987/QĐ-UBND ngày 5/3/2024.\n\n## ",
                                                 options: [], range: $0.range(of: "\n## ")) }
        #expect(try #require(session.update()).editedInPlace.isEmpty, "a new cited document gets a page")
        try expectSameAsCleanBuild("after a new citation")

        try folder.write(planFile(title: "Kế hoạch mới", body: "## I. NHIỆM VỤ\n\n1. Rà soát văn bản.\n\n- Chủ trì: Sở Tư pháp\n"),
                         to: "Content/ke-hoach-moi.md")
        try FileManager.default.removeItem(at: content.appendingPathComponent("lai-chau-chuong-trinh-hanh-dong-27-nq-tw.md"))
        #expect(try #require(session.update()).report.plans == 5)
        try expectSameAsCleanBuild("after a plan added and one removed")

        try addProse(lines: 2)
        #expect(try #require(session.update()).editedInPlace == ["Content/\(plan)"], "in place again after a build")
        try expectSameAsCleanBuild("after prose following a build")

        // The plan as it was at the start: its old body must not come back from the builds between.
        try edit(plan) { _ in original }
        #expect(try #require(session.update()).report.plansFromCache == 4)
        try expectSameAsCleanBuild("after the plan went back to how it was")
    }

    /// A task's line under "b) Cơ quan thực hiện:" in section II.3.
    let assignment = "- Xây dựng, nâng cao năng lực của hệ thống trợ giúp pháp lý; tự kiểm tra văn bản quy phạm pháp luật của Ủy ban nhân dân tỉnh: Sở Tư pháp chủ trì"

    @Test func anEditToAPlansTasksOrCitationsIsJoinedAgainInPlace() throws {
        let session = session()
        _ = session.update()
        func expectInPlace(_ comment: Comment, indexMadeAgain: Bool = false) throws {
            let update = try #require(session.update())
            #expect(update.editedInPlace == ["Content/\(plan)"], comment)
            #expect(update.searchIndexMadeAgain == indexMadeAgain, comment)
            #expect(update.report.succeeded)
            try expectSameAsCleanBuild(comment)
        }
        try edit(plan) { $0.replacingOccurrences(of: assignment, with: assignment.replacingOccurrences(of: "Sở Tư pháp chủ trì", with: "Sở Nội vụ chủ trì")) }
        try expectInPlace("after a task went to another agency")

        try edit(plan) { $0.replacingOccurrences(of: assignment.replacingOccurrences(of: "Sở Tư pháp chủ trì", with: "Sở Nội vụ chủ trì"),
                                                 with: "- Rà soát các quy định về trợ giúp pháp lý theo Nghị quyết số 27-NQ/TW: Sở Tư pháp chủ trì, hoàn thành trong quý II năm 2026.\n\n"
                                                    + assignment) }
        // The plan's units then need one more display chunk, where another entity's start: every number after moves.
        try expectInPlace("after a task was added, with a deadline and a citation", indexMadeAgain: true)

        // The section's time, which its tasks take: first dated, in a quarter no task had, then overdue.
        let ongoing = "c) Thời gian thực hiện: Thường xuyên hoặc theo kế hoạch của cơ quan, người có thẩm quyền."
        func time(_ from: String, _ to: String) throws {
            try edit(plan) { text in
                let after = text.range(of: "Rà soát các quy định về trợ giúp pháp lý")!.upperBound
                return text.replacingCharacters(in: text.range(of: from, range: after..<text.endIndex)!, with: to)
            }
        }
        try time(ongoing, "c) Thời gian thực hiện: Quý II năm 2031.")
        // A year gained or lost by the search facets renumbers every posting's facet code.
        try expectInPlace("after the tasks were given a deadline in a new quarter", indexMadeAgain: true)
        try time("Quý II năm 2031", "Năm 2024")
        try expectInPlace("after the deadline moved to a past year", indexMadeAgain: true)
        try time("c) Thời gian thực hiện: Năm 2024.", ongoing)
        try expectInPlace("after the deadline was taken away")

        try edit(plan) { $0.replacingOccurrences(of: "theo Nghị quyết số 27-NQ/TW: Sở Tư pháp", with: ": Sở Tư pháp") }
        try expectInPlace("after a citation was taken out of a task")

        try edit(plan) { $0.replacingOccurrences(of: "- Rà soát các quy định về trợ giúp pháp lý: Sở Tư pháp chủ trì, hoàn thành trong quý II năm 2026.\n\n", with: "") }
        try expectInPlace("after the task was removed")

        // A link the plan's text gains is checked as a build checks it.
        try edit(plan) { $0.replacingOccurrences(of: "\n## ", with: "\nXem [kế hoạch cũ](/ke-hoach/khong-co/).\n\n## ", options: [], range: $0.range(of: "\n## ")) }
        let linked = try #require(session.update())
        #expect(linked.editedInPlace == ["Content/\(plan)"])
        #expect(linked.report.diagnostics.contains { $0.message.contains("link to a plan that does not exist") })
        try expectSameAsCleanBuild("after a broken link")

        #expect(build(into: "Public").succeeded)
        try expectSameAsCleanBuild("a build after the session trusts nothing it wrote")
    }

    /// Two plans saved together, each a task's citation of the resolution both carry out taken
    /// out and one an agency changed: the pages both edits reach are rendered with both in them.
    @Test func twoPlansWhoseTasksChangedTogetherAreJoinedAgainInPlace() throws {
        let session = session()
        _ = session.update()
        let other = "lao-cai-ke-hoach-27-nq-tw.md"
        try edit(plan) { $0.replacingOccurrences(of: assignment, with: assignment.replacingOccurrences(of: "Sở Tư pháp chủ trì", with: "Sở Nội vụ chủ trì"))
            .replacingOccurrences(of: "- Phổ biến, quán triệt nội dung cơ bản của Nghị quyết số 27-NQ/TW, ", with: "- Phổ biến, quán triệt nội dung cơ bản của ") }
        try edit(other) { $0.replacingOccurrences(of: "nội dung cốt lõi của Nghị quyết số 27-NQ/TW và", with: "nội dung cốt lõi của Nghị quyết và") }
        let update = try #require(session.update())
        #expect(update.editedInPlace.sorted() == ["Content/\(plan)", "Content/\(other)"])
        #expect(update.filesWritten.contains("van-ban/27-nq-tw/index.html"))
        try expectSameAsCleanBuild("after tasks of two plans changed in one update")
    }

    /// On a site whose deadlines take a page per quarter, a plan's tasks moved out of a quarter
    /// that other plans keep: that quarter's page no longer lists them, which only the pages
    /// listing the plan before the edit say.
    @Test func tasksMovedOutOfAQuarterAreTakenOffItsPage() throws {
        for name in try FileManager.default.contentsOfDirectory(atPath: content.path) where name.hasSuffix(".md") {
            try FileManager.default.removeItem(at: content.appendingPathComponent(name))
        }
        let plans = [
            "tn.md": ProvincePageTests.plan("Kế hoạch của Thái Nguyên", province: "Thái Nguyên", tasks: ProvincePageTests.many, deadline: "Quý II năm 2025"),
            "gl.md": ProvincePageTests.plan("Kế hoạch của Gia Lai", province: "Gia Lai", tasks: ProvincePageTests.many, deadline: "Quý II năm 2025"),
            "bo.md": ProvincePageTests.plan("Kế hoạch của Bộ", province: nil, tasks: 3, deadline: "Trước ngày 30/7/2023"),
            "lc.md": ProvincePageTests.plan("Kế hoạch của Lào Cai", province: "Lào Cai", tasks: 2, deadline: "Trước ngày 30/8/2023"),
        ]
        for (name, text) in plans { try folder.write(text, to: "Content/\(name)") }
        let session = session()
        #expect(try #require(session.update()).report.succeeded)
        try edit("bo.md") { $0.replacingOccurrences(of: "Trước ngày 30/7/2023", with: "Quý II năm 2025") }
        let update = try #require(session.update())
        #expect(update.editedInPlace == ["Content/bo.md"])
        #expect(update.filesWritten.contains("thoi-han/quy-iii-2023/index.html"), "the quarter Lào Cai's tasks keep")
        try expectSameAsCleanBuild("after the tasks moved to another quarter")

        // Thái Nguyên's tasks undated, the dated ones fit one page again and every quarter's page
        // goes: the session leaves that to a build.
        try edit("tn.md") { $0.replacingOccurrences(of: "Quý II năm 2025", with: "Thường xuyên") }
        let onePage = try #require(session.update())
        #expect(onePage.editedInPlace.isEmpty && onePage.report.succeeded)
        try expectSameAsCleanBuild("after the deadlines went back to one page")
        try edit("gl.md") { $0.replacingOccurrences(of: "Quý II năm 2025", with: "Quý III năm 2025") }
        #expect(try #require(session.update()).editedInPlace == ["Content/gl.md"], "in place again after the build")
        try expectSameAsCleanBuild("after Gia Lai's tasks moved on a site of one deadline page")
    }

    @Test func aBrokenLinkUnderStrictLeavesTheOutputAsItWas() throws {
        var strict = session().build
        strict.strict = true
        // The real plans have warnings, which strict would fail on: one plan without any instead.
        for name in try FileManager.default.contentsOfDirectory(atPath: content.path) where name.hasSuffix(".md") {
            try FileManager.default.removeItem(at: content.appendingPathComponent(name))
        }
        try folder.write(planFile(title: "Kế hoạch một", body: "## I. NHIỆM VỤ\n\n1. Rà soát văn bản.\n\n- Chủ trì: Sở Tư pháp\n"), to: "Content/mot.md")
        let session = SiteSession(strict)
        #expect(try #require(session.update()).report.succeeded)
        let before = try snapshot(of: folder.url.appendingPathComponent("Public"))
        try edit("mot.md") { $0.replacingOccurrences(of: "1. Rà soát văn bản.", with: "1. Rà soát văn bản, xem [kế hoạch cũ](/ke-hoach/khong-co/).") }
        let update = try #require(session.update())
        #expect(!update.report.succeeded && update.editedInPlace.isEmpty)
        #expect(try snapshot(of: folder.url.appendingPathComponent("Public")) == before, "under --strict a warning leaves the output as it was")
    }

    @Test func aPlanEditedInPlaceAndPutBackDuringABuildIsReadAgain() throws {
        let session = session()
        _ = session.update()
        let original = try String(contentsOf: content.appendingPathComponent(plan), encoding: .utf8)
        try addProse(lines: 1)
        #expect(try #require(session.update()).editedInPlace == ["Content/\(plan)"])
        // Back as the last build read it, in the same update as a change that needs a build.
        try edit(plan) { _ in original }
        try folder.write(planFile(title: "Kế hoạch mới", body: "## I. NHIỆM VỤ\n\n1. Rà soát văn bản.\n\n- Chủ trì: Sở Tư pháp\n"),
                         to: "Content/ke-hoach-moi.md")
        #expect(try #require(session.update()).editedInPlace.isEmpty)
        try expectSameAsCleanBuild("after the plan went back to how the last build read it")
    }

    @Test func aBrokenEditLeavesTheOutputUntilItIsFixed() throws {
        let session = session()
        _ = session.update()
        try addProse(lines: 1)
        _ = session.update()
        let before = try snapshot(of: folder.url.appendingPathComponent("Public"))

        let original = try String(contentsOf: content.appendingPathComponent(plan), encoding: .utf8)
        try edit(plan) { $0.replacingOccurrences(of: "title:", with: "title: [") }
        let broken = try #require(session.update())
        #expect(!broken.report.succeeded && broken.editedInPlace.isEmpty)
        #expect(broken.report.diagnostics.contains { $0.location.file == "Content/\(plan)" && $0.severity == .error })
        #expect(try snapshot(of: folder.url.appendingPathComponent("Public")) == before, "the output is left as it was")

        try edit(plan) { _ in original + "\nĐoạn cuối.\n" }
        #expect(try #require(session.update()).report.succeeded)
        try expectSameAsCleanBuild("after the fix")
    }

    @Test func aSessionLeftRunningBuildsAgainWhenTheDayChanges() throws {
        let later = CalendarDate(year: 2026, month: 1, day: 1)!
        var day = CalendarDate(year: 2025, month: 1, day: 1)!
        let session = session(today: { day })
        _ = session.update()
        #expect(session.update() == nil)

        day = later
        let next = try #require(session.update(), "a new day, though no file changed")
        #expect(next.editedInPlace.isEmpty && next.report.succeeded)
        try expectSameAsCleanBuild("tasks due in 2025 are overdue", today: later)
    }

    @Test func aBuildIntoTheSameOutputMeanwhileIsNotPatchedBlindly() throws {
        let session = session()
        _ = session.update()
        // Another build, for another address, moves every plan's part of tasks.json: where the
        // session last put them is out of date, and it must build instead of patching there.
        #expect(Build(content: content, templates: Paths.templates, output: folder.url.appendingPathComponent("Public"),
                      baseURL: "/kehoach/", today: CalendarDate(year: 2025, month: 1, day: 1)!,
                      cache: folder.url.appendingPathComponent(".plansite-cache")).run().succeeded)
        try addProse(lines: 60, to: "thai-nguyen-ke-hoach-35-ctr-tu.md")
        let update = try #require(session.update())
        #expect(update.editedInPlace.isEmpty && update.report.succeeded)
        try expectSameAsCleanBuild("after a build the session did not make")
    }

    @Test func aPlanWithoutTasksIsUpdatedInPlaceToo() throws {
        try folder.write(planFile(title: "Kế hoạch chưa có nhiệm vụ"), to: "Content/chua-co-nhiem-vu.md")
        let session = session()
        _ = session.update()
        try addProse(lines: 3, to: "chua-co-nhiem-vu.md")
        #expect(try #require(session.update()).editedInPlace == ["Content/chua-co-nhiem-vu.md"])
        try expectSameAsCleanBuild("after prose in a plan without tasks")
    }
}
