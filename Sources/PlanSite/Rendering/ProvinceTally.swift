/// What the "Theo tỉnh" table of a split page counts for one province, or for all of them.
struct ProvinceTally {
    var plans = 0
    var tasks = 0
    /// Tasks the agency leads and supports; documents leave these at 0 and hide the columns.
    var lead = 0
    var support = 0
    /// Overdue tasks, as the province page marks them: every listed task for a document, the
    /// tasks it leads for an agency.
    var overdue = 0

    static func + (a: ProvinceTally, b: ProvinceTally) -> ProvinceTally {
        ProvinceTally(plans: a.plans + b.plans, tasks: a.tasks + b.tasks, lead: a.lead + b.lead,
                      support: a.support + b.support, overdue: a.overdue + b.overdue)
    }

    static func += (a: inout ProvinceTally, b: ProvinceTally) { a = a + b }

    /// An agency's counts by province (`ProvinceSplit.key`), in one pass over its assignments,
    /// which come by plan, then task (`Assignment+Runs.swift`): an agency every plan names has
    /// tens of thousands, counted for its summary on every edit in `watch`.
    static func agency(_ assignments: [Assignment], today: CalendarDate) -> [String: ProvinceTally] {
        var tallies: [String: ProvinceTally] = [:]
        // Plans of one province mostly come together: their counts are summed before the
        // province's name is hashed, which normalises it (Swift hashes a String's NFC form).
        var run: (province: ExactText, tally: ProvinceTally)?
        func close() { if let run { tallies[run.province.text, default: ProvinceTally()] += run.tally } }
        assignments.withUnsafeBufferPointer { all in
            var index = 0
            while index < all.count {
                let plan = all[index].plan
                var tally = ProvinceTally(plans: 1)
                var task = -1
                while index < all.count, all[index].plan.isCopy(of: plan) {
                    if all[index].taskIndex != task { tally.tasks += 1 }
                    task = all[index].taskIndex
                    switch all[index].role {
                    case .lead:
                        tally.lead += 1
                        if all[index].isDue(before: today) { tally.overdue += 1 }
                    case .support: tally.support += 1
                    default: break
                    }
                    index += 1
                }
                let province = ExactText(ProvinceSplit.key(plan))
                if run?.province == province { run!.tally += tally } else { close(); run = (province, tally) }
            }
        }
        close()
        return tallies
    }

    var values: [TemplateKey: TemplateValue] {
        ["plans": .int(plans), "tasks": .int(tasks), "lead": .int(lead), "support": .int(support), "overdue": .int(overdue),
         "hasOverdue": .bool(overdue > 0)]
    }
}
