import Testing
@testable import PlanSite

/// Agency pages count (`ProvinceTally.agency`) and group an agency's assignments by runs of a plan and of a task,
/// which holds only while linking and relinking list them by plan, then task.
@Suite("An agency's assignments by runs")
struct AssignmentRunTests {
    static func expectRunsAgree(_ site: SiteModel, _ comment: Comment) {
        for record in site.agencies {
            let assignments = record.assignments
            let grouped = assignments.grouped(byPlan: ProvinceSplit.key)
            let whole = Dictionary(grouping: assignments) { ProvinceSplit.key($0.plan) }
            // An agency both leading and supporting one task has one task.
            let tallies = ProvinceTally.agency(assignments, today: site.today)
            #expect(tallies.mapValues { [$0.plans, $0.tasks, $0.lead, $0.support, $0.overdue] } == whole.mapValues { listed in
                [Set(listed.map(\.plan.slug)).count, Set(listed.map { [$0.plan.slug, $0.task.id] }).count,
                 listed.count { $0.role == .lead }, listed.count { $0.role == .support },
                 listed.count { $0.role == .lead && ($0.task.due.map { $0 < site.today } ?? false) }]
            }, comment)
            #expect(grouped.mapValues { $0.map { "\($0.plan.slug)#\($0.taskIndex)\($0.role)" } }
                    == whole.mapValues { $0.map { "\($0.plan.slug)#\($0.taskIndex)\($0.role)" } }, comment)
        }
    }

    @Test func runsCountAndGroupAsSetsAndDictionariesWould() throws {
        var site = RealPlanTests.site.model
        Self.expectRunsAgree(site, "as linked")
        let (sources, _) = SiteLoader(contentDirectory: Paths.content, templatesDirectory: Paths.templates).load(baseURL: nil)
        let registries = Registries.decode(try #require(sources).registries).0
        var edited = try #require(site.plans.first { $0.plan.slug == "gia-lai-ke-hoach-hanh-dong-27-nq-tw" })
        let task = try #require(edited.plan.tasks.firstIndex { $0.lead == ["Sở Tư pháp"] })
        edited.plan.tasks[task].agencies[.support, default: []].append("Sở Nội vụ")
        edited.plan.tasks.append(edited.plan.tasks[task])
        edited.plan.tasks[edited.plan.tasks.count - 1].id += "-copy"
        let relinked = site.relink(edited, registries: registries)
        #expect(relinked != nil)
        Self.expectRunsAgree(site, "as relinked")
    }

    /// An assignment keeps its task's due date in four bytes; the keys must order as the dates do.
    @Test func dayKeysOrderAsTheirDates() throws {
        let days = [(1, 1, 1), (999, 12, 31), (2024, 2, 29), (2024, 3, 1), (2024, 12, 31), (2025, 1, 1), (199_999, 12, 31), (250_000, 1, 1)]
            .map { CalendarDate(year: $0.0, month: $0.1, day: $0.2)! }
        for (a, b) in zip(days, days.dropFirst()) {
            #expect(a.dayKey < b.dayKey, "\(a) before \(b)")
        }
        #expect(days.allSatisfy { $0.dayKey < CalendarDate.noDayKey }, "a task without a date is never due before a day")
    }
}
