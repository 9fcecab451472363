/// Template values for document pages: the document, who cites it, and the chain of
/// documents carrying each other out, up toward the resolution and down to the plans.
extension PageContexts {
    static let chainDepth = 5

    func documentSummary(_ record: DocumentRecord) -> [String: Any] {
        let document = record.document
        var summary: [String: Any] = [
            "number": document.ref.number.canonical, "label": document.ref.label, "url": urls.document(document.ref),
            "typeName": document.typeName, "citation": "\(document.typeName) số \(document.ref.number.canonical)",
            "citedByCount": record.citations.count, "implementedByCount": record.implementedByPlans.count,
        ]
        summary["province"] = document.ref.province
        summary["date"] = document.date?.vietnamese
        summary["dateISO"] = document.date?.iso
        summary["issuer"] = document.issuer
        summary["title"] = document.title
        return summary
    }

    func documentIndex() -> [String: Any] {
        let national = site.documents.filter { $0.document.ref.province == nil }.map(documentSummary)
        let local = site.documents.filter { $0.document.ref.province != nil }.map(documentSummary)
        return page(title: "Văn bản", extra: ["national": national, "local": local, "documentCount": site.documents.count])
    }

    func document(_ record: DocumentRecord) -> [String: Any] {
        let citations = record.citations.map { entry -> [String: Any] in
            let tasks = entry.citations.compactMap(\.taskID).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                .compactMap { id in entry.plan.tasks.first { $0.id == id } }
                .map { taskRow($0, in: entry.plan) }
            return ["title": entry.plan.metadata.title, "url": urls.plan(entry.plan.slug), "province": entry.plan.metadata.province ?? "",
                    "count": entry.citations.count, "tasks": tasks, "hasTasks": !tasks.isEmpty]
        }
        var extra: [String: Any] = [
            "document": documentSummary(record),
            "up": chainUp(record.document.ref),
            "down": chainDown(record.document.ref),
            "citedBy": citations,
            "implementedBy": record.implementedByPlans.map(planSummary),
        ]
        extra["isPlan"] = record.plan.map(planSummary)
        let title = "\(record.document.typeName) số \(record.document.ref.label)"
        return page(title: title, description: record.document.title ?? title, extra: extra)
    }

    private func documentLink(_ ref: DocumentRef, depth: Int) -> [String: Any] {
        let record = site.document(ref)
        var link: [String: Any] = ["label": "\(record?.document.typeName ?? ref.number.typeName) số \(ref.label)",
                                   "url": urls.document(ref), "depth": depth, "isPlan": false]
        link["title"] = record?.document.title
        return link
    }

    /// What this document carries out, and what that carries out, nearest first.
    func chainUp(_ ref: DocumentRef) -> [[String: Any]] {
        var rows: [[String: Any]] = []
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
    func chainDown(_ ref: DocumentRef) -> [[String: Any]] {
        var rows: [[String: Any]] = []
        var seen: Set<DocumentRef> = [ref]
        func visit(_ current: DocumentRef, depth: Int) {
            guard depth <= Self.chainDepth, let record = site.document(current) else { return }
            for child in record.implementedByDocuments where !seen.contains(child) {
                seen.insert(child)
                rows.append(documentLink(child, depth: depth))
                visit(child, depth: depth + 1)
            }
            for plan in record.implementedByPlans {
                var row = planSummary(plan)
                row["label"] = plan.metadata.title
                row["depth"] = depth
                row["isPlan"] = true
                rows.append(row)
            }
        }
        visit(ref, depth: 1)
        return rows
    }
}
