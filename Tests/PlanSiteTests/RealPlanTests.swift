import Foundation
import Testing
@testable import PlanSite

/// Pins what PlanSite reads out of the five real plans, so a regression in any rule shows.
@Suite("The five real plans")
struct RealPlanTests {
    static let site: (model: SiteModel, diagnostics: [Diagnostic]) = {
        let (sources, _) = SiteLoader(contentDirectory: Paths.content, templatesDirectory: Paths.templates).load(baseURL: nil)
        let (registries, problems) = Registries.decode(sources!.registries)
        let parser = PlanParser(allowRawHTML: false)
        let extractor = PlanExtractor(registry: registries.agencies)
        let plans = sources!.plans.map { extractor.extract(try! parser.parse($0).get()) }
        let (model, linkProblems) = SiteLinker(today: CalendarDate(year: 2025, month: 1, day: 1)!).link(plans, registries: registries, config: SiteConfig())
        return (model, problems + plans.flatMap(\.diagnostics) + linkProblems)
    }()

    @Test(arguments: [
        ("gia-lai-ke-hoach-hanh-dong-27-nq-tw", 23, ["11-KH/TW", "18-NQ/TW", "19-NQ/TW", "193-KH/BCSĐ (Gia Lai)", "27-NQ/TW", "48-KL/TW", "58-CTr/TU (Gia Lai)", "77/NQ-CP"]),
        ("lai-chau-chuong-trinh-hanh-dong-27-nq-tw", 4, ["11-KH/TW", "27-NQ/TW"]),
        ("lao-cai-ke-hoach-27-nq-tw", 54, ["11-KH/TW", "114-QĐ/TW", "140/NQ-CP", "25-HD/BCĐTW", "27-NQ/TW", "28-NQ/TW", "33/2021/QH15", "4-KH/TU (Lào Cai)", "57-NQ/TW", "63-HD/BNCTW", "66-NQ/TW"]),
        ("quang-nam-ke-hoach-28-nq-tw", 55, ["1-KL/TW", "10-QĐi/TW", "101-QĐ/TW", "107-KH/TU (Quảng Nam)", "12-KH/TW", "12-TB/TW", "1224-QĐ/TU (Quảng Nam)", "124-QĐ/TW", "132-QĐ/TW", "15-KL/TW", "158-QĐ/TW", "164-QĐ/TW", "17-CT/TU (Quảng Nam)", "18-CT/TW", "18-NQ/TW", "189-KH/TU (Quảng Nam)", "19-NQ/TU (Quảng Nam)", "19-NQ/TW", "195-QĐ/TW", "20-NQ/TU (Quảng Nam)", "202-TB/TW", "208-QĐ/TW", "21-KL/TW", "21-NQ/TU (Quảng Nam)", "211-KH/TU (Quảng Nam)", "217-QĐ/TW", "218-QĐ/TW", "23-CT/TW", "23-NQ/TU (Quảng Nam)", "25-HD/BCĐTW", "26-NQ/TW", "27-NQ/TW", "28-KL/TW", "28-NQ/TW", "30-CT/TU (Quảng Nam)", "32-QĐ/TW", "35-NQ/TW", "37-NQ/TW", "4-CT/TW", "4-QC/TU (Quảng Nam)", "4-QĐi/TW", "40-KL/TW", "42-QĐ/TW", "46-CT/TW", "48-KL/TW", "489-KL/TU (Quảng Nam)", "5-CT/TW", "50-KL/TW", "51-NQ/TW", "54-CT/TU (Quảng Nam)", "55-QĐ/TW", "70-QĐ/TW", "8-QĐ/TW", "82-KL/TW", "86-KL/TW", "96-QĐ/TW"]),
        ("thai-nguyen-ke-hoach-35-ctr-tu", 11, ["11-KH/TW", "12-CT/TU (Thái Nguyên)", "21-KL/TW", "27-NQ/TW", "3133/QĐ-UBND (Thái Nguyên)", "35-CTr/TU (Thái Nguyên)", "465/TTr-STP (Thái Nguyên)"]),
    ])
    func tasksAndCitedDocuments(slug: String, taskCount: Int, cited: [String]) throws {
        let plan = try #require(Self.site.model.plan(slug))
        #expect(plan.tasks.count == taskCount)
        #expect(Set(plan.citations.map(\.ref.label)).sorted() == cited.sorted())
        #expect(Set(plan.tasks.map(\.id)).count == plan.tasks.count, "task ids are unique")
    }

    @Test func registriesAndPlansHaveNoErrors() {
        #expect(!Self.site.diagnostics.hasErrors)
        #expect(Self.site.diagnostics.filter { $0.message.contains("unknown agency") }.isEmpty)
    }

    @Test func laoCaiTasksCarryLabelsDeadlinesAndSections() throws {
        let plan = try #require(Self.site.model.plan("lao-cai-ke-hoach-27-nq-tw"))
        let first = try #require(plan.tasks.first { $0.id == "nv-iii-1-1" })
        #expect(first.lead == ["Ban Tuyên giáo và Dân vận Tỉnh ủy"])
        #expect(first.support.contains("Ban Nội chính Tỉnh ủy"))
        #expect(first.due == CalendarDate(year: 2025, month: 8, day: 5))
        let grouped = plan.tasks.filter { $0.outline.hasPrefix("III.3.2.") }
        #expect(!grouped.isEmpty)
        #expect(grouped.allSatisfy { $0.lead == ["Đảng ủy Ủy ban nhân dân tỉnh"] && $0.deadlines.first?.kind == .ongoing })
    }

    @Test func quangNamDeadlinesComeFromParentheses() throws {
        let plan = try #require(Self.site.model.plan("quang-nam-ke-hoach-28-nq-tw"))
        let kinds = plan.tasks.flatMap(\.deadlines).map(\.kind)
        #expect(kinds.filter { $0 == .quarter }.count == 4)
        #expect(kinds.filter { $0 == .conditional }.count == 7)
        #expect(plan.tasks.filter { !$0.deadlines.isEmpty }.count == 32)
    }

    @Test func theChainRunsFromTheResolutionToThePlans() throws {
        let model = Self.site.model
        let resolution = try #require(model.document(DocumentRef(number: DocumentNumber("27-NQ/TW")!, citingProvince: nil)))
        #expect(resolution.document.title?.lowercased().hasPrefix("tiếp tục xây dựng và hoàn thiện nhà nước pháp quyền") == true)
        #expect(resolution.document.date == CalendarDate(year: 2022, month: 11, day: 9))
        #expect(resolution.implementedByPlans.count == 4)
        let carriers = Set(resolution.implementedByDocuments.map(\.label))
        #expect(carriers.isSuperset(of: ["11-KH/TW", "77/NQ-CP", "35-CTr/TU (Thái Nguyên)", "58-CTr/TU (Gia Lai)"]))
        let program = try #require(model.document(DocumentRef(number: DocumentNumber("35-CTr/TU")!, citingProvince: "Thái Nguyên")))
        #expect(program.implementedByPlans.map(\.slug) == ["thai-nguyen-ke-hoach-35-ctr-tu"])
        #expect(program.document.implements.map(\.label).contains("27-NQ/TW"))
    }

    /// The example in docs/FORMAT.md is a plan like any other: it must build without a warning.
    @Test func theFormatGuidesExampleBuildsCleanly() throws {
        let guide = try String(contentsOf: Paths.repository.appendingPathComponent("docs/FORMAT.md"), encoding: .utf8)
        let start = try #require(guide.range(of: "```markdown\n"))
        let end = try #require(guide.range(of: "\n```", range: start.upperBound..<guide.endIndex))
        let example = String(guide[start.upperBound..<end.lowerBound]) + "\n"
        let agencies = try String(contentsOf: Paths.content.appendingPathComponent("agencies.yml"), encoding: .utf8)
        let sources = SiteSources(plans: [SourceFile(path: "Content/vi-du.md", text: example)],
                                  registries: ["agencies.yml": SourceFile(path: "Content/agencies.yml", text: agencies)],
                                  templates: try realTemplates())
        var pages = 0
        let report = Build.generate(sources, today: CalendarDate(year: 2025, month: 1, day: 1)!) { _ in pages += 1 }
        #expect(report.diagnostics.map(\.formatted) == [])
        #expect(pages > 10)
    }

    @Test func agenciesAreOnePageAcrossProvinces() throws {
        let justice = try #require(Self.site.model.agencies.first { $0.agency.name == "Sở Tư pháp" })
        #expect(Set(justice.assignments.compactMap(\.plan.metadata.province)) == ["Gia Lai", "Thái Nguyên"])
        #expect(justice.assignments.contains { $0.role == .lead })
    }
}
