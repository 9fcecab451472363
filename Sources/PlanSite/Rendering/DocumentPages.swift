/// The pages of one document: its page, or, when that would list too many plans and tasks of
/// several provinces (`ProvinceSplit`), a summary page and one page per province under it.
extension PageContexts {
    func documentPages(_ record: DocumentRecord) -> [PlannedPage] {
        let ref = record.document.ref
        let chain = chainDown(ref)
        let tasks = record.citations.map(citedTasks)
        let split = ProvinceSplit(keys: chain.compactMap(\.provinceKey) + record.citations.map { ProvinceSplit.key($0.plan) })
        let rows = chain.count + record.citations.count + tasks.reduce(0) { $0 + $1.count }
        guard split.splits(rows: rows) else {
            return [PlannedPage(file: SiteURLs.documentFile(ref)) { document(record, chain: chain, scope: .whole) }]
        }
        let summary = PlannedPage(file: SiteURLs.documentFile(ref)) {
            var summary = document(record, chain: chain, scope: .summary)
            summary.merge(provinceTable(split, url: { urls.document(ref, province: $0.slug) }, showsRoles: false) { part in
                let scope = PageScope.province(part.key)
                var plans = Set(chain.compactMap { row -> String? in
                    guard case .plan(let plan, _) = row, scope.shows(plan) else { return nil }
                    return plan.slug
                })
                var tally = ProvinceTally()
                for (entry, cited) in zip(record.citations, tasks) where scope.shows(entry.plan) {
                    plans.insert(entry.plan.slug)
                    tally.tasks += cited.count
                    tally.overdue += cited.filter(isOverdue).count
                }
                tally.plans = plans.count
                return tally
            }) { _, new in new }
            return summary
        }
        return [summary] + split.parts.map { part in
            PlannedPage(file: SiteURLs.documentFile(ref, province: part.slug)) { document(record, chain: chain, scope: .province(part.key)) }
        }
    }
}
