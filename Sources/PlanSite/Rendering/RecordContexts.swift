/// Template values for tasks, agencies, documents and deadlines.
extension PageContexts {
    func agencyLinks(_ names: [String]) -> [[String: Any]] {
        names.map { name in
            var link: [String: Any] = ["name": name]
            if let agency = agencies[Agency(name: name).slug] { link["url"] = urls.agency(agency) }
            return link
        }
    }

    func taskRow(_ task: PlanTask, in plan: Plan, number: Int? = nil) -> [String: Any] {
        var row: [String: Any] = [
            "id": task.id, "url": urls.task(task), "outline": task.outline, "title": task.title, "text": task.text,
            "lead": agencyLinks(task.lead), "support": agencyLinks(task.support),
            "planTitle": plan.metadata.title, "planUrl": urls.plan(plan.slug),
            "province": plan.metadata.province ?? "",
            "deadline": task.deadlines.map(\.text).joined(separator: " hoặc "),
            "overdue": isOverdue(task),
            "hasDeadline": !task.deadlines.isEmpty,
        ]
        row["number"] = number
        row["due"] = task.due?.vietnamese
        row["dueISO"] = task.due?.iso
        let others = [AgencyRole.carryOut, .advise, .monitor].compactMap { role -> [String: Any]? in
            guard let names = task.agencies[role], !names.isEmpty else { return nil }
            return ["role": role.vietnamese, "agencies": agencyLinks(names)]
        }
        if !others.isEmpty { row["otherRoles"] = others }
        return row
    }

    /// Due before the build day; ongoing, recurring and conditional tasks are never overdue.
    func isOverdue(_ task: PlanTask) -> Bool {
        guard let due = task.due else { return false }
        return due < site.today
    }

    func agencyIndex() -> [String: Any] {
        let rows = site.agencies.map { record -> [String: Any] in
            var row: [String: Any] = [
                "name": record.agency.name, "url": urls.agency(record.agency),
                "lead": record.assignments.filter { $0.role == .lead }.count,
                "support": record.assignments.filter { $0.role == .support }.count,
                "provinces": Set(record.assignments.compactMap(\.plan.metadata.province)).sorted(by: Collation.less).joined(separator: ", "),
                "collective": record.agency.collective,
            ]
            row["unregistered"] = !record.agency.registered
            return row
        }
        return page(title: "Cơ quan, đơn vị", extra: ["agencies": rows, "agencyCount": rows.count])
    }

    /// An agency's page, or a part of it (see `agencyPages`).
    func agency(_ record: AgencyRecord, scope: PageScope) -> [String: Any] {
        var byProvince: [String: [Assignment]] = [:]
        for assignment in record.assignments where scope.shows(assignment.plan) {
            byProvince[ProvinceSplit.key(assignment.plan), default: []].append(assignment)
        }
        let provinces = byProvince.keys.sorted(by: Collation.less).map { province -> [String: Any] in
            let assignments = byProvince[province]!
            let plans = Dictionary(grouping: assignments, by: \.plan.slug).keys.sorted().map { slug -> [String: Any] in
                let items = assignments.filter { $0.plan.slug == slug }
                let plan = items[0].plan
                func rows(_ roles: [AgencyRole]) -> [[String: Any]] {
                    items.filter { roles.contains($0.role) }.map { item in
                        var row = taskRow(item.task, in: plan)
                        row["role"] = item.role.vietnamese
                        return row
                    }
                }
                let lead = rows([.lead])
                let support = rows([.support])
                let other = rows([.carryOut, .advise, .monitor])
                return ["title": plan.metadata.title, "url": urls.plan(plan.slug), "lead": lead, "support": support,
                        "other": other, "hasLead": !lead.isEmpty, "hasSupport": !support.isEmpty, "hasOther": !other.isEmpty]
            }
            return ["province": ProvinceSplit.name(province), "plans": plans]
        }
        // The summary page counts everything; a province page, what it lists.
        let counted = scope == .summary ? record.assignments : byProvince.values.flatMap { $0 }
        let overdue = overdueLeads(counted)
        var details: [String: Any] = [
            "name": record.agency.name, "url": urls.agency(record.agency), "aliases": record.agency.aliases,
            "formerly": record.agency.formerly, "collective": record.agency.collective, "registered": record.agency.registered,
            "taskCount": distinctTasks(counted), "overdueCount": overdue, "hasOverdue": overdue > 0,
        ]
        details["note"] = record.agency.note
        details["hasAliases"] = !record.agency.aliases.isEmpty
        details["hasFormerly"] = !record.agency.formerly.isEmpty
        return page(title: title(record.agency.name, in: scope),
                    extra: ["agency": details, "provinces": provinces].merging(provincePage(scope)) { _, new in new })
    }

    /// Tasks, not assignments: an agency both leading and supporting one task has one task.
    /// Task ids repeat from plan to plan ("nv-ii-1"), so a task is its plan and its id.
    func distinctTasks(_ assignments: [Assignment]) -> Int {
        Set(assignments.map { [$0.plan.slug, $0.task.id] }).count
    }

    /// The agency page marks overdue the tasks the agency leads.
    func overdueLeads(_ assignments: [Assignment]) -> Int {
        assignments.filter { $0.role == .lead && isOverdue($0.task) }.count
    }
}
