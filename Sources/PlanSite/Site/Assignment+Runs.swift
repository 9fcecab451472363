/// An agency's assignments come by plan, then by task (`SiteLinker`, `SiteModel.relink`): a
/// plan's are one run, and a task's one run within it. Counting and grouping by runs reads a
/// plan's fields once per run instead of hashing strings once per assignment, which the
/// agencies every plan names, with a hundred thousand assignments at national scale, paid for
/// on every edit.
extension Array where Element == Assignment {
    /// The runs of one plan each.
    var planRuns: [ArraySlice<Assignment>] {
        var runs: [ArraySlice<Assignment>] = []
        var start = startIndex
        for index in indices.dropFirst() where !Self.samePlan(self[index - 1], self[index]) {
            runs.append(self[start..<index])
            start = index
        }
        if start < endIndex { runs.append(self[start...]) }
        return runs
    }

    private static func samePlan(_ a: Assignment, _ b: Assignment) -> Bool { a.plan.isCopy(of: b.plan) }

    /// Grouped by a key of their plan, each group in their order.
    func grouped(byPlan key: (Plan) -> String) -> [String: [Assignment]] {
        var groups: [String: [Assignment]] = [:]
        for run in planRuns { groups[key(run.first!.plan), default: []] += run }
        return groups
    }
}
