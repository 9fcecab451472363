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

    func agency(_ record: AgencyRecord) -> [String: Any] {
        var byProvince: [String: [Assignment]] = [:]
        for assignment in record.assignments { byProvince[assignment.plan.metadata.province ?? "", default: []].append(assignment) }
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
            return ["province": province.isEmpty ? "Chưa ghi tỉnh" : province, "plans": plans]
        }
        var details: [String: Any] = [
            "name": record.agency.name, "aliases": record.agency.aliases, "formerly": record.agency.formerly,
            "collective": record.agency.collective, "registered": record.agency.registered,
            "taskCount": Set(record.assignments.map(\.task.id)).count,
            "overdueCount": record.assignments.filter { $0.role == .lead && isOverdue($0.task) }.count,
        ]
        details["hasOverdue"] = (details["overdueCount"] as? Int ?? 0) > 0
        details["note"] = record.agency.note
        details["hasAliases"] = !record.agency.aliases.isEmpty
        details["hasFormerly"] = !record.agency.formerly.isEmpty
        return page(title: record.agency.name, extra: ["agency": details, "provinces": provinces])
    }

    func deadlines() -> [String: Any] {
        var byQuarter: [String: [[String: Any]]] = [:]
        var keys: [String: (Int, Int)] = [:]
        var undated: [String: Int] = [:]
        for plan in site.plans.map(\.plan) {
            for task in plan.tasks {
                guard let due = task.due else {
                    for kind in Set(task.deadlines.map(\.kindName)) { undated[kind, default: 0] += 1 }
                    if task.deadlines.isEmpty { undated["Không ghi thời hạn", default: 0] += 1 }
                    continue
                }
                let key = "Quý \(["I", "II", "III", "IV"][due.quarter - 1])/\(due.year)"
                keys[key] = (due.year, due.quarter)
                byQuarter[key, default: []].append(taskRow(task, in: plan))
            }
        }
        let quarters = keys.keys.sorted { keys[$0]! < keys[$1]! }.map { key -> [String: Any] in
            let rows = byQuarter[key]!.sorted { ($0["dueISO"] as? String ?? "", $0["url"] as? String ?? "") < ($1["dueISO"] as? String ?? "", $1["url"] as? String ?? "") }
            return ["quarter": key, "tasks": rows, "count": rows.count, "id": VietnameseText.slug(key)]
        }
        let other = undated.keys.sorted(by: Collation.less).map { ["kind": $0, "count": undated[$0]!] as [String: Any] }
        return page(title: "Thời hạn", extra: ["quarters": quarters, "undated": other, "today": site.today.vietnamese])
    }
}
