/// The pages of one agency: its page, or, when that would list too many plans and tasks of
/// several provinces (`ProvinceSplit`), a summary page and one page per province under it.
extension PageContexts {
    func agencyPages(_ record: AgencyRecord) -> [PlannedPage] {
        let agency = record.agency
        let tallies = ProvinceTally.agency(record.assignments, today: site.today)
        let total = tallies.values.reduce(ProvinceTally(), +)
        let split = ProvinceSplit(keys: tallies.keys)
        let listed = Deferred { record.assignments.grouped(byPlan: ProvinceSplit.key) }
        guard split.splits(rows: record.assignments.count + total.plans) else {
            return [PlannedPage(file: SiteURLs.agencyFile(agency)) { self.agency(record, listed: listed.value, counts: total, scope: .whole) }]
        }
        let summary = PlannedPage(file: SiteURLs.agencyFile(agency), scope: .summary) {
            var summary = self.agency(record, listed: [:], counts: total, scope: .summary)
            summary.merge(provinceTable(split, url: { urls.agency(agency, province: $0.slug) }, showsRoles: true) { tallies[$0.key]! }) { _, new in new }
            return summary
        }
        return [summary] + split.parts.map { part in
            PlannedPage(file: SiteURLs.agencyFile(agency, province: part.slug), scope: .province(part.key)) {
                self.agency(record, listed: [part.key: listed.value[part.key]!], counts: tallies[part.key]!, scope: .province(part.key))
            }
        }
    }
}
