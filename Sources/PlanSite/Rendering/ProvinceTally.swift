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

    var values: [String: TemplateValue] {
        ["plans": .int(plans), "tasks": .int(tasks), "lead": .int(lead), "support": .int(support), "overdue": .int(overdue),
         "hasOverdue": .bool(overdue > 0)]
    }
}
