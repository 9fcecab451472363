/// Template values for document pages: the document, who cites it, and the chain of
/// documents carrying each other out, up toward the resolution and down to the plans.
extension PageContexts {
    static let chainDepth = 5

    func documentSummary(_ record: DocumentRecord) -> [TemplateKey: TemplateValue] {
        let document = record.document
        var summary: [TemplateKey: TemplateValue] = [
            "number": .text(document.ref.number.canonical), "label": .text(document.ref.label), "url": .text(urls.document(document.ref)),
            "typeName": .text(document.typeName), "citation": "\(document.typeName) số \(document.ref.number.canonical)",
            "citedByCount": .int(record.citations.count), "implementedByCount": .int(record.implementedByPlans.count),
        ]
        summary["province"] = document.ref.province.map { .text($0) }
        summary["date"] = document.date.map { .text($0.vietnamese) }
        summary["dateISO"] = document.date.map { .text($0.iso) }
        summary["issuer"] = document.issuer.map { .text($0) }
        summary["title"] = document.title.map { .text($0) }
        return summary
    }

    /// Every document, national first; `local` replaces the local ones when they are listed by province.
    func documentIndex(local: [DocumentRecord]? = nil) -> [TemplateKey: TemplateValue] {
        let national = site.documents.filter { $0.document.ref.province == nil }.map(documentSummary)
        let local = (local ?? site.documents.filter { $0.document.ref.province != nil }).map(documentSummary)
        return page(title: "Văn bản", extra: ["national": .list(national), "hasNational": true, "local": .list(local),
                                              "hasLocal": .bool(!local.isEmpty), "documentCount": .int(site.documents.count)])
    }

    /// A document's page, or a part of it (see `documentPages`), listing `listing`.
    func document(_ record: DocumentRecord, listing: DocumentListing, scope: PageScope) -> [TemplateKey: TemplateValue] {
        let citations = listing.citations.map { entry -> [TemplateKey: TemplateValue] in
            let tasks = citedTasks(entry).map { taskRow($0, in: entry.plan) }
            return ["title": .text(entry.plan.metadata.title), "url": .text(urls.plan(entry.plan.slug)),
                    "province": .text(entry.plan.metadata.province ?? ""), "count": .int(entry.citations.count),
                    "tasks": .list(tasks), "hasTasks": .bool(!tasks.isEmpty)]
        }
        var extra: [TemplateKey: TemplateValue] = [
            "document": .object(documentSummary(record)),
            "up": .list(chainUp(record.document.ref)),
            "down": .list(listing.chain.map(chainValues)),
            "citedBy": .list(citations),
            "implementedBy": .list(listing.implementedBy.map(planSummary)),
        ]
        extra["isPlan"] = record.plan.map { .object(planSummary($0)) }
        extra.merge(provincePage(scope)) { _, new in new }
        let title = "\(record.document.typeName) số \(record.document.ref.label)"
        return page(title: self.title(title, in: scope), description: record.document.title ?? title, extra: extra)
    }

    /// The tasks whose text cites the document, once each, in the plan's order of citations.
    func citedTasks(_ entry: (plan: Plan, citations: [Citation])) -> [PlanTask] {
        var tasks: [PlanTask] = []
        forEachCitedTask(entry) { tasks.append($0) }
        return tasks
    }

    /// How many tasks `citedTasks` gives, and how many of them are overdue, without copying them.
    func citedTaskCounts(_ entry: (plan: Plan, citations: [Citation])) -> (tasks: Int, overdue: Int) {
        var counts = (tasks: 0, overdue: 0)
        forEachCitedTask(entry) { task in
            counts.tasks += 1
            if isOverdue(due: task.due) { counts.overdue += 1 }
        }
        return counts
    }

    /// How many tasks the entry's citations name.
    func citedTaskCount(_ entry: (plan: Plan, citations: [Citation])) -> Int {
        var count = 0
        forEachCitedTaskIndex(entry) { _ in count += 1 }
        return count
    }

    /// Each task `citedTasks` gives, where it lies: a resolution's summary reads ten thousand
    /// plans' tasks, none copied.
    private func forEachCitedTask(_ entry: (plan: Plan, citations: [Citation]), _ body: (borrowing PlanTask) -> Void) {
        entry.plan.tasks.withUnsafeBufferPointer { tasks in
            // An index outside the plan's tasks, from a damaged cache entry, names no task.
            forEachCitedTaskIndex(entry) { index in if tasks.indices.contains(index) { body(tasks[index]) } }
        }
    }

    /// Where the tasks the entry's citations name lie in the plan's tasks, each once, in the order first named.
    private func forEachCitedTaskIndex(_ entry: (plan: Plan, citations: [Citation]), _ body: (Int) -> Void) {
        let citations = entry.citations
        for place in citations.indices {
            guard let index = citations[place].taskIndex, !citations[..<place].contains(where: { $0.taskIndex == index }) else { continue }
            body(index)
        }
    }

    private func documentLink(_ ref: DocumentRef, depth: Int) -> [TemplateKey: TemplateValue] {
        let record = site.document(ref)
        var link: [TemplateKey: TemplateValue] = ["label": "\(record?.document.typeName ?? ref.number.typeName) số \(ref.label)",
                                             "url": .text(urls.document(ref)), "depth": .int(depth), "isPlan": false]
        link["title"] = record?.document.title.map { .text($0) }
        return link
    }

    /// What this document carries out, and what that carries out, nearest first.
    func chainUp(_ ref: DocumentRef) -> [[TemplateKey: TemplateValue]] {
        var rows: [[TemplateKey: TemplateValue]] = []
        var seen: Set<DocumentRef> = [ref]
        var level = site.document(ref)?.document.implements ?? []
        var depth = 1
        while !level.isEmpty, depth <= Self.chainDepth {
            var next: [DocumentRef] = []
            for parent in level where !seen.contains(parent) {
                seen.insert(parent)
                rows.append(documentLink(parent, depth: depth))
                next += site.document(parent)?.document.implements ?? []
            }
            level = next
            depth += 1
        }
        return rows
    }

    /// Documents and plans that carry this one out, as a tree several levels deep.
    func chainDown(_ ref: DocumentRef) -> [ChainRow] {
        var rows: [ChainRow] = []
        var seen: Set<DocumentRef> = [ref]
        func visit(_ current: DocumentRef, depth: Int) {
            guard depth <= Self.chainDepth, let record = site.document(current) else { return }
            for child in record.implementedByDocuments where !seen.contains(child) {
                seen.insert(child)
                rows.append(.document(child, depth: depth))
                visit(child, depth: depth + 1)
            }
            for plan in record.implementedByPlans { rows.append(.plan(plan, depth: depth)) }
        }
        visit(ref, depth: 1)
        return rows
    }

    private func chainValues(_ row: ChainRow) -> [TemplateKey: TemplateValue] {
        switch row {
        case .document(let ref, let depth):
            return documentLink(ref, depth: depth)
        case .plan(let plan, let depth):
            var values = planSummary(plan)
            values["label"] = .text(plan.metadata.title)
            values["depth"] = .int(depth)
            values["isPlan"] = true
            return values
        }
    }
}
