import Testing
@testable import PlanSite

/// Each rule on small inputs taken from the real plans.
@Suite("Extraction rules")
struct ExtractionTests {
    static let registry = AgencyRegistry([
        Agency(name: "Sở Tư pháp"), Agency(name: "Sở Giáo dục và Đào tạo"), Agency(name: "Sở Nội vụ"),
        Agency(name: "Ban Nội chính Tỉnh ủy"), Agency(name: "Ban Tuyên giáo và Dân vận Tỉnh ủy", formerly: ["Ban Tuyên giáo Tỉnh ủy"]),
        Agency(name: "Đài Phát thanh - Truyền hình tỉnh"), Agency(name: "Ủy ban nhân dân tỉnh"),
        Agency(name: "Ban Chỉ đạo phòng, chống tham nhũng, lãng phí, tiêu cực tỉnh"),
        Agency(name: "Hội đồng phối hợp phổ biến, giáo dục pháp luật các cấp", collective: true),
        Agency(name: "Các sở, ban, ngành, đoàn thể", collective: true),
        Agency(name: "Ủy ban nhân dân cấp huyện", aliases: ["UBND các huyện, thành phố"], collective: true),
        Agency(name: "Đảng ủy Công an tỉnh"), Agency(name: "Đảng ủy Tòa án nhân dân tỉnh"),
        Agency(name: "Đảng ủy Ủy ban nhân dân tỉnh"), Agency(name: "Ban Tổ chức Tỉnh ủy"),
    ])

    func tasks(_ body: String) -> [PlanTask] {
        let file = SourceFile(path: "Content/t.md", text: planFile(extra: "province: \"Thái Nguyên\"\n", body: body))
        let parsed = try! PlanParser(allowRawHTML: false).parse(file).get()
        return PlanExtractor(registry: Self.registry).extract(parsed).plan.tasks
    }

    // MARK: Labels

    @Test(arguments: [
        ("- Trách nhiệm chỉ đạo, thực hiện: Sở Tư pháp.", AgencyRole.lead),
        ("- Trách nhiệm chỉ đạo: Sở Tư pháp.", .lead),
        ("- Cơ quan chủ trì: Sở Tư pháp.", .lead),
        ("- Chủ trì: Sở Tư pháp", .lead),
        ("b) Trách nhiệm thực hiện: Sở Tư pháp.", .lead),
        ("b) Cơ quan thực hiện: Sở Tư pháp.", .lead),
        ("- Trách nhiệm phối hợp thực hiện: Sở Tư pháp.", .support),
        ("- Trách nhiệm phối hợp, thực hiện: Sở Tư pháp.", .support),
        ("- Cơ quan phối hợp: Sở Tư pháp.", .support),
        ("- Phối hợp: Sở Tư pháp", .support),
        ("- Trách nhiệm tham mưu: Sở Tư pháp.", .advise),
        ("- Trách nhiệm theo dõi, tổng hợp: Sở Tư pháp.", .monitor),
        ("- Làm đầu mối theo dõi: Sở Tư pháp.", .monitor),
    ])
    func everyLabelVariantGivesItsRole(line: String, role: AgencyRole) {
        let found = tasks("## II. NHIỆM VỤ\n\n1.1. Tuyên truyền Nghị quyết.\n\n\(line)\n")
        #expect(found.count == 1)
        #expect(found.first?.agencies[role] == ["Sở Tư pháp"])
    }

    @Test(arguments: ["Thời gian thực hiện", "Thời hạn", "Thời gian hoàn thành"])
    func everyDeadlineLabel(label: String) {
        let found = tasks("## II. NHIỆM VỤ\n\n1.1. Rà soát.\n\n- Chủ trì: Sở Tư pháp\n- \(label): Trước ngày 05/8/2025.\n")
        #expect(found.first?.deadlines.first?.due == CalendarDate(year: 2025, month: 8, day: 5))
        #expect(found.first?.deadlines.first?.text == "Trước ngày 05/8/2025")
    }

    @Test func carryOutIsTheLeadOnlyWhenNoOtherLeadIsNamed() {
        let found = tasks("""
        ## III. NHIỆM VỤ

        2.1. Rà soát hệ thống nghị quyết.

        - Trách nhiệm chỉ đạo, thực hiện: Đảng ủy Ủy ban nhân dân tỉnh.
        - Trách nhiệm thực hiện: Các sở, ban, ngành, đoàn thể có liên quan.

        2.2. Rà soát biên chế.

        - Trách nhiệm thực hiện: Sở Nội vụ.
        """)
        #expect(found.map(\.lead) == [["Đảng ủy Ủy ban nhân dân tỉnh"], ["Sở Nội vụ"]])
        #expect(found[0].agencies[.carryOut] == ["Các sở, ban, ngành, đoàn thể"])
    }

    // MARK: Sections

    @Test func sectionFieldsApplyToTasksInsideUnlessTheyStateTheirOwn() {
        let found = tasks("""
        ## III. NHIỆM VỤ

        ### 2. Nhiệm vụ hoàn thành trong năm 2025

        2.1. Rà soát văn bản.

        - Chủ trì: Sở Tư pháp

        2.2. Tổ chức lại mạng lưới.

        - Chủ trì: Sở Nội vụ
        - Thời gian thực hiện: Quý III năm 2025.
        """)
        #expect(found.map(\.outline) == ["III.2.1", "III.2.2"])
        #expect(found[0].deadlines.map(\.kind) == [.year])
        #expect(found[0].due == CalendarDate(year: 2025, month: 12, day: 31))
        #expect(found[1].due == CalendarDate(year: 2025, month: 9, day: 30))
    }

    @Test func agencyGroupedSectionMakesEachItemThatAgencysTask() {
        let found = tasks("""
        ## III. NHIỆM VỤ

        ### 3. Nhiệm vụ thực hiện thường xuyên

        #### 3.2. Đảng ủy Ủy ban nhân dân tỉnh

        (1) Lãnh đạo rà soát văn bản.

        (2) Chủ trì, phối hợp với Sở Tư pháp tổ chức tuyên truyền.

        (4) Chỉ đạo cải cách hành chính.
        """)
        #expect(found.map(\.outline) == ["III.3.2.(1)", "III.3.2.(2)", "III.3.2.(4)"])
        #expect(found.map(\.id) == ["nv-iii-3-2-1", "nv-iii-3-2-2", "nv-iii-3-2-4"])
        #expect(found.allSatisfy { $0.lead == ["Đảng ủy Ủy ban nhân dân tỉnh"] })
        #expect(found[1].support == ["Sở Tư pháp"])
        #expect(found.allSatisfy { $0.deadlines.first?.kind == .ongoing })
    }

    @Test func trailingParenthesisSetsTheDeadline() {
        let found = tasks("""
        ## IV. NHIỆM VỤ CỤ THỂ

        ### 4. Ban Tổ chức Tỉnh ủy

        4.1. Tham mưu sắp xếp tổ chức bộ máy (thực hiện thường xuyên).

        4.2. Tham mưu sửa đổi quy chế (hoàn thành trong quý II/2023); tổng kết Nghị quyết (hoàn thành trong tháng 6/2024).

        4.3. Thực hiện Luật Thực hiện dân chủ ở cơ sở (có hiệu lực thi hành từ 01/07/2023).
        """)
        #expect(found.count == 3)
        #expect(found[0].deadlines.map(\.kind) == [.ongoing])
        #expect(found[0].title == "Tham mưu sắp xếp tổ chức bộ máy")
        #expect(found[1].deadlines.map(\.due) == [CalendarDate(year: 2023, month: 6, day: 30), CalendarDate(year: 2024, month: 6, day: 30)])
        #expect(found[2].deadlines.isEmpty)
        #expect(found.allSatisfy { $0.lead == ["Ban Tổ chức Tỉnh ủy"] })
    }

    @Test func inlineLeadAndSupportInASentence() {
        let found = tasks("""
        ## IV. TỔ CHỨC THỰC HIỆN

        3. Giao Ban Nội chính Tỉnh ủy chủ trì, phối hợp với Sở Tư pháp, Sở Nội vụ theo dõi, đôn đốc việc thực hiện.

        4. Đề nghị Sở Giáo dục và Đào tạo phối hợp tuyên truyền.
        """)
        #expect(found.first?.lead == ["Ban Nội chính Tỉnh ủy"])
        #expect(found.first?.support == ["Sở Tư pháp", "Sở Nội vụ"])
    }

    @Test func assignmentListUnderAnEmptyLabelGivesOneTaskPerLine() {
        let found = tasks("""
        ## II. NỘI DUNG

        ### 2. Bảo đảm quyền làm chủ của Nhân dân

        a) Nhiệm vụ: Thực hiện tốt nguyên tắc công dân được làm tất cả những gì pháp luật không cấm.

        b) Cơ quan thực hiện:

        - Nhiệm vụ lựa chọn nội dung giáo dục: Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Tư pháp.

        - Các nhiệm vụ khác: Các sở, ban, ngành, đoàn thể; UBND các huyện, thành phố.

        c) Thời gian thực hiện: Thường xuyên.
        """)
        #expect(found.map(\.outline) == ["II.2.ý 1", "II.2.ý 2"])
        #expect(found[0].lead == ["Sở Giáo dục và Đào tạo"])
        #expect(found[0].support == ["Sở Tư pháp"])
        #expect(found[1].lead == ["Các sở, ban, ngành, đoàn thể", "Ủy ban nhân dân cấp huyện"])
        #expect(found.allSatisfy { $0.deadlines.first?.kind == .ongoing })
    }

    @Test func sentenceSupportListStopsAtTheVerb() {
        let found = SentenceRoles(registry: Self.registry).read(
            "Giao Ban Nội chính Tỉnh ủy chủ trì, phối hợp với Sở Tư pháp, Sở Nội vụ theo dõi, đôn đốc việc thực hiện.", subject: [])
        #expect(found.lead == ["Ban Nội chính Tỉnh ủy"])
        #expect(found.support == ["Sở Tư pháp", "Sở Nội vụ"])
    }

    @Test func namesBeforeAPartyCommitteeListStayInTheList() {
        #expect(Self.registry.resolve("Đảng ủy Ủy ban nhân dân tỉnh và các đảng ủy: Công an tỉnh, Tòa án nhân dân tỉnh").names
                == ["Đảng ủy Ủy ban nhân dân tỉnh", "Đảng ủy Công an tỉnh", "Đảng ủy Tòa án nhân dân tỉnh"])
    }

    @Test func semicolonSeparatedLeadsInASentence() {
        let found = SentenceRoles(registry: Self.registry).read("Sở Tư pháp; Ủy ban nhân dân cấp huyện chủ trì thực hiện.", subject: [])
        #expect(found.lead == ["Sở Tư pháp", "Ủy ban nhân dân cấp huyện"])
    }

    @Test func aYearOpeningASentenceIsNotAnOutlineNumber() {
        #expect(OutlineToken.read("2023 là năm bản lề") == nil)
        #expect(OutlineToken.read("1.1 Rà soát")?.0.value == "1.1")
        #expect(OutlineToken.read("II. NỘI DUNG")?.0.kind == .roman)
    }

    @Test func itemsWithoutFieldsAreNotTasks() {
        #expect(tasks("## I. MỤC ĐÍCH\n\n1.1. Nâng cao nhận thức.\n\n1.2. Xác định nhiệm vụ.\n").isEmpty)
    }

    @Test func permalinkSurvivesEditsElsewhere() {
        let before = tasks("## II. NHIỆM VỤ\n\n1.1. A.\n\n- Chủ trì: Sở Tư pháp\n\n1.2. B.\n\n- Chủ trì: Sở Nội vụ\n")
        let after = tasks("## II. NHIỆM VỤ\n\nĐoạn mới chèn vào.\n\n1.0. Mới.\n\n- Chủ trì: Sở Nội vụ\n\n1.1. A đã sửa.\n\n- Chủ trì: Sở Tư pháp\n\n1.2. B.\n\n- Chủ trì: Sở Nội vụ\n")
        #expect(before.map(\.id) == ["nv-ii-1-1", "nv-ii-1-2"])
        #expect(Set(after.map(\.id)).isSuperset(of: before.map(\.id)))
    }

    // MARK: Agency lists

    @Test(arguments: [
        ("Hội đồng phối hợp phổ biến, giáo dục pháp luật các cấp; Đài Phát thanh - Truyền hình tỉnh; các sở, ban, ngành, đoàn thể, UBND các huyện, thành phố.",
         ["Hội đồng phối hợp phổ biến, giáo dục pháp luật các cấp", "Đài Phát thanh - Truyền hình tỉnh", "Các sở, ban, ngành, đoàn thể", "Ủy ban nhân dân cấp huyện"]),
        ("Sở Giáo dục và Đào tạo, Sở Tư pháp và Sở Nội vụ", ["Sở Giáo dục và Đào tạo", "Sở Tư pháp", "Sở Nội vụ"]),
        ("Ban Chỉ đạo phòng, chống tham nhũng, lãng phí, tiêu cực tỉnh", ["Ban Chỉ đạo phòng, chống tham nhũng, lãng phí, tiêu cực tỉnh"]),
        ("UBND tỉnh, Sở Tư pháp có liên quan", ["Ủy ban nhân dân tỉnh", "Sở Tư pháp"]),
        ("Uỷ ban nhân dân Tỉnh", ["Ủy ban nhân dân tỉnh"]),
        ("Ban Tuyên giáo Tỉnh ủy", ["Ban Tuyên giáo và Dân vận Tỉnh ủy"]),
        ("các đảng ủy: Công an tỉnh, Tòa án nhân dân tỉnh", ["Đảng ủy Công an tỉnh", "Đảng ủy Tòa án nhân dân tỉnh"]),
        ("Sở Ngoại vụ là đầu mối tham mưu", []),
    ])
    func agencyListsSplitAgainstTheRegistry(list: String, names: [String]) {
        #expect(Self.registry.resolve(list).names == names)
    }

    @Test func unknownAgencyIsReportedWithASuggestion() {
        let resolution = Self.registry.resolve("Sở Tư phap; Sở Ngoại vụ")
        #expect(resolution.unknown == ["Sở Tư phap", "Sở Ngoại vụ"] || resolution.names == ["Sở Tư pháp"])
        #expect(Self.registry.suggestion(for: "Sở Tư phạp") == "Sở Tư pháp")
        let file = SourceFile(path: "Content/t.md", text: planFile(body: "## II. NHIỆM VỤ\n\n1.1. A.\n\n- Chủ trì: Sở Tư phạm\n"))
        let parsed = try! PlanParser(allowRawHTML: false).parse(file).get()
        let diagnostics = PlanExtractor(registry: Self.registry).extract(parsed).diagnostics.map(\.formatted)
        #expect(diagnostics == ["Content/t.md:11:3: warning: unknown agency 'Sở Tư phạm' (did you mean 'Sở Tư pháp'?)"])
    }

    /// A task's copies share its fields until one is changed (`SharedFields`): the change is the
    /// copy's alone, and equal fields still make equal tasks.
    @Test func aChangedCopyOfATaskLeavesTheOriginal() {
        let task = PlanTask(id: "nv-1", planSlug: "a", outline: "1", title: "Rà soát văn bản", text: "Rà soát văn bản",
                            agencies: [.lead: ["Sở Tư pháp"]], deadlines: [], line: 3)
        var copy = task
        #expect(copy == task)
        copy.agencies[.support, default: []].append("Sở Nội vụ")
        copy.line += 1
        #expect(task.support.isEmpty && task.line == 3)
        #expect(copy.support == ["Sở Nội vụ"] && copy.line == 4 && copy != task)
        let rebuilt = PlanTask(id: "nv-1", planSlug: "a", outline: "1", title: "Rà soát văn bản", text: "Rà soát văn bản",
                               agencies: [.lead: ["Sở Tư pháp"]], deadlines: [], line: 3)
        #expect(rebuilt == task && Set([rebuilt, task]).count == 1)
    }

    /// Roles order, compare and hash by case, in the order `allCases` lists them.
    @Test func rolesOrderAsAllCasesListsThem() {
        let roles = AgencyRole.allCases
        #expect(roles.shuffled().sorted() == roles)
        for (i, a) in roles.enumerated() {
            for (j, b) in roles.enumerated() {
                #expect((a == b) == (i == j) && (a < b) == (i < j))
            }
        }
        #expect(Set(roles + roles).count == roles.count)
        #expect(Dictionary(uniqueKeysWithValues: roles.map { ($0, $0.rawValue) })[.monitor] == "monitor")
    }
}
