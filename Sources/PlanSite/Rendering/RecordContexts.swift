/// Template values for tasks, agencies, documents and deadlines.
extension PageContexts {
    func agencyLinks(_ names: [String]) -> TemplateValue {
        .list(names.map { agencyLinks[ExactText($0)] ?? agencyLink($0) })
    }

    func agencyLink(_ name: String) -> TemplateValue {
        var link: [TemplateKey: TemplateValue] = ["name": .text(name)]
        if let agency = agencies[Agency(name: name).slug] { link["url"] = .text(urls.agency(agency)) }
        return .object(link)
    }

    func taskRow(_ task: PlanTask, in plan: Plan, number: Int? = nil) -> [TemplateKey: TemplateValue] {
        let due = task.due
        var row: [TemplateKey: TemplateValue] = [
            Row.id: .text(task.id), Row.url: .text(urls.task(task)), Row.outline: .text(task.outline), Row.title: .text(task.title),
            Row.text: .text(task.text), Row.lead: agencyLinks(task.lead), Row.support: agencyLinks(task.support),
            Row.planTitle: .text(plan.metadata.title), Row.planUrl: .text(urls.plan(plan.slug)),
            Row.province: .text(plan.metadata.province ?? ""),
            Row.deadline: .text(task.deadlines.map(\.text).joined(separator: " hoặc ")),
            Row.overdue: .bool(isOverdue(due: due)),
            Row.hasDeadline: .bool(!task.deadlines.isEmpty),
        ]
        if let number { row[Row.number] = .int(number) }
        if let due {
            row[Row.due] = .text(due.vietnamese)
            row[Row.dueISO] = .text(due.iso)
        }
        let others = [AgencyRole.carryOut, .advise, .monitor].compactMap { role -> [TemplateKey: TemplateValue]? in
            guard let names = task.agencies[role], !names.isEmpty else { return nil }
            return [Row.role: .text(role.vietnamese), Row.agencies: agencyLinks(names)]
        }
        if !others.isEmpty { row[Row.otherRoles] = .list(others) }
        return row
    }

    /// A task row's names, each hashed once: a national site makes a row for every page that
    /// lists a task, a million rows, and hashing their names took an eighth of the rows' work.
    enum Row {
        static let id: TemplateKey = "id", url: TemplateKey = "url", outline: TemplateKey = "outline", title: TemplateKey = "title"
        static let text: TemplateKey = "text", lead: TemplateKey = "lead", support: TemplateKey = "support"
        static let planTitle: TemplateKey = "planTitle", planUrl: TemplateKey = "planUrl", province: TemplateKey = "province"
        static let deadline: TemplateKey = "deadline", overdue: TemplateKey = "overdue", hasDeadline: TemplateKey = "hasDeadline"
        static let number: TemplateKey = "number", due: TemplateKey = "due", dueISO: TemplateKey = "dueISO"
        static let role: TemplateKey = "role", agencies: TemplateKey = "agencies", otherRoles: TemplateKey = "otherRoles"
    }

    /// Due before the build day; ongoing, recurring and conditional tasks are never overdue.
    func isOverdue(_ task: PlanTask) -> Bool { isOverdue(due: task.due) }
    func isOverdue(due: CalendarDate?) -> Bool { due.map { $0 < site.today } ?? false }

    func agencyIndex() -> [TemplateKey: TemplateValue] {
        let rows = site.agencies.indices.map { index in agencyRows.row(index) { agencyIndexRow(site.agencies[index]) } }
        return page(title: "Cơ quan, đơn vị", extra: ["agencies": .list(rows), "agencyCount": .int(rows.count)])
    }

    private func agencyIndexRow(_ record: AgencyRecord) -> [TemplateKey: TemplateValue] {
        var lead = 0, support = 0
        for assignment in record.assignments {
            if assignment.role == .lead { lead += 1 } else if assignment.role == .support { support += 1 }
        }
        return [
            "name": .text(record.agency.name), "url": .text(urls.agency(record.agency)),
            "lead": .int(lead), "support": .int(support),
            "provinces": .text(record.provinces.joined(separator: ", ")),
            "collective": .bool(record.agency.collective),
            "unregistered": .bool(!record.agency.registered),
        ]
    }

    /// An agency's page, or a part of it (see `agencyPages`), listing `listed`: the assignments
    /// of the page's provinces (`byProvince`), none on a summary. `counts` are what the page
    /// counts: everything on a summary, what it lists on a province page.
    func agency(_ record: AgencyRecord, listed byProvince: [String: [Assignment]], counts: ProvinceTally, scope: PageScope) -> [TemplateKey: TemplateValue] {
        let provinces = Collation.sorted(byProvince.keys).map { province -> [TemplateKey: TemplateValue] in
            let byPlan = Dictionary(grouping: byProvince[province]!, by: \.plan.slug)
            let plans = byPlan.keys.sorted().map { slug -> [TemplateKey: TemplateValue] in
                let items = byPlan[slug]!
                let plan = items[0].plan
                func rows(_ roles: [AgencyRole]) -> [[TemplateKey: TemplateValue]] {
                    items.filter { roles.contains($0.role) }.map { item in
                        var row = taskRow(item.task, in: plan)
                        row[Row.role] = .text(item.role.vietnamese)
                        return row
                    }
                }
                let lead = rows([.lead])
                let support = rows([.support])
                let other = rows([.carryOut, .advise, .monitor])
                return ["title": .text(plan.metadata.title), "url": .text(urls.plan(plan.slug)), "lead": .list(lead),
                        "support": .list(support), "other": .list(other),
                        "hasLead": .bool(!lead.isEmpty), "hasSupport": .bool(!support.isEmpty), "hasOther": .bool(!other.isEmpty)]
            }
            return ["province": .text(ProvinceSplit.name(province)), "plans": .list(plans)]
        }
        var details: [TemplateKey: TemplateValue] = [
            "name": .text(record.agency.name), "url": .text(urls.agency(record.agency)), "aliases": .list(record.agency.aliases),
            "formerly": .list(record.agency.formerly), "collective": .bool(record.agency.collective),
            "registered": .bool(record.agency.registered),
            "taskCount": .int(counts.tasks), "overdueCount": .int(counts.overdue), "hasOverdue": .bool(counts.overdue > 0),
            "hasAliases": .bool(!record.agency.aliases.isEmpty), "hasFormerly": .bool(!record.agency.formerly.isEmpty),
        ]
        details["note"] = record.agency.note.map { .text($0) }
        return page(title: title(record.agency.name, in: scope),
                    extra: ["agency": .object(details), "provinces": .list(provinces)].merging(provincePage(scope)) { _, new in new })
    }
}
