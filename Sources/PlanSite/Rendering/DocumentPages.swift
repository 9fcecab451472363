/// The pages of one document: its page, or, when that would list too many plans and tasks of
/// several provinces (`ProvinceSplit`), a summary page and one page per province under it.
extension PageContexts {
    /// `chain` is `chainDown` of the document, which its pages' inputs need too.
    func documentPages(_ record: DocumentRecord, chain: [ChainRow]) -> [PlannedPage] {
        let ref = record.document.ref
        let split = ProvinceSplit(keys: chain.compactMap(\.provinceKey) + record.citations.map { ProvinceSplit.key($0.plan) })
        let rows = chain.count + record.citations.count + record.citations.reduce(0) { $0 + citedTaskCount($1) }
        guard split.splits(rows: rows) else {
            let listing = DocumentListing(chain: chain, citations: record.citations, implementedBy: record.implementedByPlans)
            return [PlannedPage(file: SiteURLs.documentFile(ref)) { document(record, listing: listing, scope: .whole) }]
        }
        let summary = PlannedPage(file: SiteURLs.documentFile(ref), scope: .summary) {
            // Each province's tally from its own plans, grouped once: the summary of a resolution
            // every plan carries out has sixty provinces of ten thousand plans.
            // Citing plans are one entry each; plans that only carry it out are counted apart.
            var tallies: [String: ProvinceTally] = [:]
            for entry in record.citations {
                let cited = citedTaskCounts(entry)
                tallies[ProvinceSplit.key(entry.plan), default: ProvinceTally()] += ProvinceTally(plans: 1, tasks: cited.tasks, overdue: cited.overdue)
            }
            var carryingOut: [String: Set<String>] = [:]
            for case .plan(let plan, _) in chain where SiteModel.run(of: plan.slug, in: record.citations, { $0.plan.slug }).isEmpty {
                carryingOut[ProvinceSplit.key(plan), default: []].insert(plan.slug)
            }
            var summary = document(record, listing: DocumentListing(chain: chain.filter { $0.shown(in: .summary) }), scope: .summary)
            summary.merge(provinceTable(split, url: { urls.document(ref, province: $0.slug) }, showsRoles: false) { part in
                var tally = tallies[part.key] ?? ProvinceTally()
                tally.plans += carryingOut[part.key]?.count ?? 0
                return tally
            }) { _, new in new }
            return summary
        }
        let listings = Deferred { DocumentListing.byProvince(record, chain: chain, provinces: split.parts.map(\.key)) }
        return [summary] + split.parts.map { part in
            PlannedPage(file: SiteURLs.documentFile(ref, province: part.slug), scope: .province(part.key)) {
                document(record, listing: listings.value[part.key]!, scope: .province(part.key))
            }
        }
    }
}
