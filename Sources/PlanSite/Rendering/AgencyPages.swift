/// The pages of one agency: its page, or, when that would list too many plans and tasks of
/// several provinces (`ProvinceSplit`), a summary page and one page per province under it.
extension PageContexts {
    func agencyPages(_ record: AgencyRecord) -> [PlannedPage] {
        let agency = record.agency
        let byProvince = record.assignments.grouped(byPlan: ProvinceSplit.key)
        let split = ProvinceSplit(keys: byProvince.keys)
        let rows = record.assignments.count + record.assignments.planCount
        guard split.splits(rows: rows) else {
            return [PlannedPage(file: SiteURLs.agencyFile(agency)) { self.agency(record, listed: byProvince, scope: .whole) }]
        }
        let summary = PlannedPage(file: SiteURLs.agencyFile(agency), scope: .summary) {
            var summary = self.agency(record, listed: [:], scope: .summary)
            summary.merge(provinceTable(split, url: { urls.agency(agency, province: $0.slug) }, showsRoles: true) { part in
                let assignments = byProvince[part.key]!
                return ProvinceTally(plans: assignments.planCount, tasks: assignments.taskCount,
                                     lead: assignments.filter { $0.role == .lead }.count,
                                     support: assignments.filter { $0.role == .support }.count,
                                     overdue: overdueLeads(assignments))
            }) { _, new in new }
            return summary
        }
        return [summary] + split.parts.map { part in
            PlannedPage(file: SiteURLs.agencyFile(agency, province: part.slug), scope: .province(part.key)) {
                self.agency(record, listed: [part.key: byProvince[part.key]!], scope: .province(part.key))
            }
        }
    }
}
