/// The deadlines page, `/thoi-han/`: every dated task by the quarter it falls due in. On a large
/// site one page would hold every task of every plan (56 MB at 10,000 plans), so past
/// `ProvinceSplit.maxRows` tasks it becomes a table of quarters, each quarter its own page, and a
/// quarter of several provinces past the same limit a table of provinces, each its own page.
extension PageContexts {
    private struct Quarter {
        var name: String
        var id: String
        var tasks: [DeadlineBook.DatedTask]
    }

    /// A page of the deadlines, and the plans whose tasks it lists or counts: what a rebuild
    /// judges it by (`PageInputs.deadlines`).
    struct DeadlinePage {
        var planned: PlannedPage
        var plans: [Plan]
    }

    /// The pages, each with its context still to be made: task rows, most of the work, are made
    /// only for the pages a rebuild renders again.
    func deadlinePages(jobs: Int = Workers.default) -> [DeadlinePage] { deadlinePages(DeadlineBook(self, jobs: jobs)) }

    /// The pages of `book`; with `only`, of those quarters alone, and the page of all quarters.
    /// A site small enough for one page has that page whatever `only` says.
    func deadlinePages(_ book: DeadlineBook, only: Set<DeadlineBook.Quarter>? = nil) -> [DeadlinePage] {
        let keys = book.quarters.keys.sorted()
        let quarters = keys.map { quarter in
            Quarter(name: quarter.name, id: VietnameseText.slug(quarter.name), tasks: book.quarters[quarter]!)
        }
        let undated = book.undated
        let other = Collation.sorted(undated.keys).map { ["kind": .text($0), "count": .int(undated[$0]!)] as [TemplateKey: TemplateValue] }
        let common: [TemplateKey: TemplateValue] = ["today": .text(site.today.vietnamese), "undated": .list(other), "hasUndated": .bool(!other.isEmpty)]
        let heading = "Thời hạn thực hiện"

        guard book.taskCount > ProvinceSplit.maxRows else {
            return [DeadlinePage(planned: PlannedPage(file: "thoi-han/index.html") {
                deadlinePage(heading, common, ["quarters": .list(quarters.map(section)), "hasQuarters": .bool(!quarters.isEmpty)])
            }, plans: site.plans.map(\.plan))]
        }
        let summary = quarters.map { quarter -> [TemplateKey: TemplateValue] in
            let overdue = quarter.tasks.filter(\.overdue).count
            return ["quarter": .text(quarter.name), "url": .text(urls.deadlines + quarter.id + "/"), "count": .int(quarter.tasks.count),
                    "overdue": .int(overdue), "hasOverdue": .bool(overdue > 0)]
        }
        var pages = [DeadlinePage(planned: PlannedPage(file: "thoi-han/index.html") {
            deadlinePage(heading, common, ["quarterTable": .list(summary), "hasQuarterTable": true])
        }, plans: site.plans.map(\.plan))]
        let home: TemplateValue = ["url": .text(urls.deadlines), "title": .text(heading)]
        for (key, quarter) in zip(keys, quarters) where only?.contains(key) ?? true {
            let folder = "thoi-han/\(quarter.id)/"
            let title = "\(heading) – \(quarter.name)"
            // Grouped once: a national quarter has tens of thousands of tasks in some sixty provinces.
            let byProvince = Dictionary(grouping: quarter.tasks) { ProvinceSplit.key($0.plan) }
            let split = ProvinceSplit(keys: byProvince.keys)
            guard split.splits(rows: quarter.tasks.count) else {
                pages.append(DeadlinePage(planned: PlannedPage(file: folder + "index.html") {
                    deadlinePage(title, ["parents": [home]], ["quarters": [.object(section(quarter))], "hasQuarters": true])
                }, plans: Self.plans(of: quarter.tasks)))
                continue
            }
            pages.append(DeadlinePage(planned: PlannedPage(file: folder + "index.html") {
                let table = provinceTable(split, url: { urls.deadlines + quarter.id + "/" + $0.slug + "/" }, showsRoles: false) { part in
                    let tasks = byProvince[part.key]!
                    return ProvinceTally(plans: Set(tasks.map(\.plan.slug)).count, tasks: tasks.count, overdue: tasks.filter(\.overdue).count)
                }
                return deadlinePage(title, ["parents": [home]], table)
            }, plans: Self.plans(of: quarter.tasks)))
            let parents: TemplateValue = [home, ["url": .text(urls.deadlines + quarter.id + "/"), "title": .text(quarter.name)]]
            for part in split.parts {
                var mine = quarter
                mine.tasks = byProvince[part.key]!
                pages.append(DeadlinePage(planned: PlannedPage(file: folder + part.slug + "/index.html") {
                    deadlinePage("\(title) – \(part.name)", ["parents": parents], ["quarters": [.object(section(mine))], "hasQuarters": true])
                }, plans: Self.plans(of: mine.tasks)))
            }
        }
        return pages
    }

    private func section(_ quarter: Quarter) -> [TemplateKey: TemplateValue] {
        ["quarter": .text(quarter.name), "id": .text(quarter.id), "count": .int(quarter.tasks.count),
         "tasks": .list(quarter.tasks.map { taskRow($0.task, in: $0.plan) })]
    }

    /// The plans of these tasks, once each, in the order they first come.
    private static func plans(of tasks: [DeadlineBook.DatedTask]) -> [Plan] {
        var seen: Set<String> = []
        return tasks.compactMap { seen.insert($0.plan.slug).inserted ? $0.plan : nil }
    }

    private func deadlinePage(_ heading: String, _ base: [TemplateKey: TemplateValue], _ extra: [TemplateKey: TemplateValue]) -> [TemplateKey: TemplateValue] {
        var values = base.merging(extra) { _, new in new }
        values["heading"] = .text(heading)
        values["hasParents"] = .bool(values["parents"] != nil)
        if values["today"] == nil { values["today"] = .text(site.today.vietnamese) }
        return page(title: heading, extra: values)
    }
}
