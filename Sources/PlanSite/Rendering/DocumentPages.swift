/// The pages of one document: its page, or, when that would list too many plans and tasks of
/// several provinces (`ProvinceSplit`), a summary page and one page per province under it.
extension PageContexts {
    /// `chain` is `chainDown` of the document, which its pages' inputs need too.
    func documentPages(_ record: DocumentRecord, chain: [ChainRow]) -> [PlannedPage] {
        let ref = record.document.ref
        let split = ProvinceSplit(keys: chain.compactMap(\.provinceKey) + record.citations.map { ProvinceSplit.key($0.plan) })
        let rows = chain.count + record.citations.count + record.citations.reduce(0) { $0 + citedTaskIDs($1).count }
        guard split.splits(rows: rows) else {
            return [PlannedPage(file: SiteURLs.documentFile(ref)) { document(record, chain: chain, scope: .whole) }]
        }
        let summary = PlannedPage(file: SiteURLs.documentFile(ref), scope: .summary) {
            let tasks = record.citations.map(citedTasks)
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
            PlannedPage(file: SiteURLs.documentFile(ref, province: part.slug), scope: .province(part.key)) {
                document(record, chain: chain, scope: .province(part.key))
            }
        }
    }
}
