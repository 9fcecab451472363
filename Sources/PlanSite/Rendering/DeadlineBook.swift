/// Every dated task of the site by the quarter it falls due in, and the undated ones counted by
/// kind: what the deadline pages list (`PageContexts.deadlinePages`). A session keeps it between
/// edits and puts an edited plan's tasks in (`replace`), instead of gathering the half a million
/// tasks of a national site again for each edit.
struct DeadlineBook {
    struct DatedTask {
        var plan: Plan
        var taskIndex: Int
        var due: CalendarDate
        var overdue: Bool

        var task: PlanTask { plan.tasks[taskIndex] }
    }

    /// A quarter: its year and number, which order quarters.
    struct Quarter: Hashable, Comparable {
        var year: Int
        var number: Int

        var name: String { "Quý \(["I", "II", "III", "IV"][number - 1])/\(year)" }
        static func < (a: Quarter, b: Quarter) -> Bool { (a.year, a.number) < (b.year, b.number) }
    }

    /// Each quarter's tasks by due date, then address; tasks of one plan in plan order.
    private(set) var quarters: [Quarter: [DatedTask]] = [:]
    private(set) var undated: [String: Int] = [:]
    private let urls: SiteURLs

    init(_ contexts: PageContexts, jobs: Int = Workers.default) {
        urls = contexts.urls
        let perPlan = contexts.site.plans.parallelMap(jobs: jobs) { Self.tasks(of: $0.plan, contexts) }
        var unsorted: [Quarter: [(task: DatedTask, order: (String, String))]] = [:]
        for (dated, kinds) in perPlan {
            for (quarter, task) in dated { unsorted[quarter, default: []].append((task, order(task))) }
            for kind in kinds { undated[kind, default: 0] += 1 }
        }
        // Gathered in plan order, which the stable sort keeps among tasks of one plan.
        quarters = unsorted.mapValues { $0.sorted { $0.order < $1.order }.map(\.task) }
    }

    var taskCount: Int { quarters.values.reduce(0) { $0 + $1.count } }

    /// The quarters the plan has dated tasks in.
    static func quarters(of plan: Plan) -> Set<Quarter> {
        Set(plan.tasks.compactMap(\.due).map { Quarter(year: $0.year, number: $0.quarter) })
    }

    /// Takes `old`'s tasks out and puts `new`'s in, where a whole gathering would put them.
    mutating func replace(_ old: Plan, with new: Plan, _ contexts: PageContexts) {
        for quarter in Self.quarters(of: old) {
            // By slug, which names the plan whichever copy of it the book was given.
            quarters[quarter]?.removeAll { $0.plan.slug == old.slug }
            if quarters[quarter]?.isEmpty == true { quarters[quarter] = nil }
        }
        let (newDated, newKinds) = Self.tasks(of: new, contexts)
        for kind in Self.tasks(of: old, contexts).undated {
            undated[kind]! -= 1
            if undated[kind] == 0 { undated[kind] = nil }
        }
        for kind in newKinds { undated[kind, default: 0] += 1 }
        for (quarter, task) in newDated {
            let key = order(task)
            // After every task that comes before it or with it: a plan's own tasks stay in plan order.
            var (low, high) = (0, quarters[quarter]?.count ?? 0)
            while low < high {
                let middle = (low + high) / 2
                if key < order(quarters[quarter]![middle]) { high = middle } else { low = middle + 1 }
            }
            quarters[quarter, default: []].insert(task, at: low)
        }
    }

    /// Due date (ISO) and address: the order within a quarter.
    private func order(_ task: DatedTask) -> (String, String) { (task.due.iso, urls.task(task.task)) }

    /// A plan's dated tasks with their quarters, and the kinds of its undated ones.
    private static func tasks(of plan: Plan, _ contexts: PageContexts) -> (dated: [(Quarter, DatedTask)], undated: [String]) {
        var dated: [(Quarter, DatedTask)] = []
        var undated: [String] = []
        for (index, task) in plan.tasks.enumerated() {
            guard let due = task.due else {
                undated += Set(task.deadlines.map(\.kindName))
                if task.deadlines.isEmpty { undated.append("Không ghi thời hạn") }
                continue
            }
            dated.append((Quarter(year: due.year, number: due.quarter),
                          DatedTask(plan: plan, taskIndex: index, due: due, overdue: contexts.isOverdue(task))))
        }
        return (dated, undated)
    }
}
