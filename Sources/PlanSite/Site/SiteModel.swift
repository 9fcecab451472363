/// The whole site after linking: every plan, agency and document, and how they refer to each other.
public struct SiteModel: Sendable {
    public var config: SiteConfig
    /// Sorted by slug, so output never depends on the order files were read in.
    public var plans: [ExtractedPlan]
    public var groups: [PlanGroup]
    public var agencies: [AgencyRecord]
    public var documents: [DocumentRecord]
    /// The day the build counts deadlines from.
    public var today: CalendarDate

    public func plan(_ slug: String) -> Plan? { plansBySlug[slug] }
    /// The document a citation points at, whichever way its number is spelt.
    public func document(_ ref: DocumentRef) -> DocumentRecord? { documentsBySlug[ref.slug].map { documents[$0] } }

    var plansBySlug: [String: Plan] = [:]
    var documentsBySlug: [String: Int] = [:]
}

/// Plans that carry out one document, by province: the home page's outline.
public struct PlanGroup: Sendable {
    /// The document they carry out, canonical where it could be read ("27-NQ/TW").
    public var document: String
    /// "Nghị quyết số 27-NQ/TW"
    public var citation: String
    public var ref: DocumentRef?
    public var provinces: [(province: String, plans: [Plan])]
}

/// One task an agency has, in one role. A national site has millions of these, so each holds
/// its task by position in its plan (a plan is one shared reference, see `Plan`) instead of a copy.
public struct Assignment: Sendable {
    public let plan: Plan
    private let index: Int32
    /// The task's due date as a `CalendarDate.dayKey`: an agency's summary counts its overdue
    /// tasks on every edit in `watch`, and reading each task's deadlines where they lie missed
    /// the processor's cache once per assignment. With the index, it fits where an `Int` was.
    private let dueKey: Int32
    public let role: AgencyRole

    init(_ plan: Plan, taskIndex: Int, role: AgencyRole) {
        self.plan = plan
        index = Int32(taskIndex)
        dueKey = plan.tasks.withUnsafeBufferPointer { $0[taskIndex].due?.dayKey } ?? CalendarDate.noDayKey
        self.role = role
    }

    var taskIndex: Int { Int(index) }
    public var task: PlanTask { plan.tasks[taskIndex] }
    /// Whether the task falls due before `day`; a task without a date never does.
    func isDue(before day: CalendarDate) -> Bool { dueKey < day.dayKey }
}

/// An agency and every task it has across all plans.
public struct AgencyRecord: Sendable {
    public var agency: Agency
    public var assignments: [Assignment]

    /// The provinces of the plans that assign it tasks, in Vietnamese order, read once per run
    /// of one plan (`Assignment+Runs.swift`): the agency index asks every agency on every edit.
    var provinces: [String] {
        // Compared and hashed by their bytes: Swift hashes a String's NFC form, and an agency
        // every plan names has thousands of plans.
        var provinces: Set<ExactText> = []
        var last: Plan?
        var lastProvince: ExactText?
        for assignment in assignments where !(last?.isCopy(of: assignment.plan) ?? false) {
            last = assignment.plan
            guard let province = assignment.plan.metadata.province.map(ExactText.init), province != lastProvince else { continue }
            lastProvince = province
            provinces.insert(province)
        }
        return Collation.sorted(provinces.map(\.text))
    }
}

/// A document and everything that points at it.
public struct DocumentRecord: Sendable {
    public var document: Document
    /// Every citation of it, by citing plan slug, in plan order.
    public var citations: [(plan: Plan, citations: [Citation])]
    /// Plans whose `implements` names it.
    public var implementedByPlans: [Plan]
    /// Documents that say they carry it out.
    public var implementedByDocuments: [DocumentRef]
    /// The plan this document is, when a plan's own number is cited.
    public var plan: Plan?
}

extension SiteModel {
    /// Replaces one plan with an edit of it that differs only in its prose and line numbers
    /// (`Plan.differsOnlyInPositions`), giving what linking the edited plans again would give:
    /// every record's copy of the plan is swapped instead of every plan being joined again.
    /// False, and the site left as it was, for any other edit. A site held nowhere else is
    /// changed in place; a shared one would copy every record first.
    mutating func replace(_ edited: ExtractedPlan) -> Bool {
        let new = edited.plan
        guard let old = plansBySlug[new.slug], new.differsOnlyInPositions(from: old),
              let index = plans.firstIndex(where: { $0.plan.isCopy(of: old) }) else { return false }
        func swap(_ plan: Plan) -> Plan { plan.isCopy(of: old) ? new : plan }
        plans[index] = edited
        plansBySlug[new.slug] = new
        for group in groups.indices {
            for province in groups[group].provinces.indices where groups[group].provinces[province].plans.contains(where: { $0.isCopy(of: old) }) {
                groups[group].provinces[province].plans = groups[group].provinces[province].plans.map(swap)
            }
        }
        for record in agencies.indices where agencies[record].assignments.contains(where: { $0.plan.isCopy(of: old) }) {
            agencies[record].assignments = agencies[record].assignments.map {
                $0.plan.isCopy(of: old) ? Assignment(new, taskIndex: $0.taskIndex, role: $0.role) : $0
            }
        }
        // A document's record holds the plans that cite it, carry it out or bear its number.
        var numbered = old.ownRef.map { [$0] } ?? []
        numbered += old.citations.map(\.ref) + old.implementedRefs
        for record in Set(numbered.compactMap { documentsBySlug[$0.slug] }) {
            documents[record].plan = documents[record].plan.map(swap)
            documents[record].implementedByPlans = documents[record].implementedByPlans.map(swap)
            documents[record].citations = documents[record].citations.map { entry in
                entry.plan.isCopy(of: old) ? (new, Self.moved(entry.citations, from: old.citations, to: new.citations)) : entry
            }
        }
        return true
    }

    /// The same settings and day without a plan or record: what the other holders of a site
    /// keep while it is changed in place.
    var emptied: SiteModel { SiteModel(config: config, plans: [], groups: [], agencies: [], documents: [], today: today) }

    /// The citations of `to` that stand where `entry`'s stood in `from`: the same citations
    /// on their new lines.
    private static func moved(_ entry: [Citation], from: [Citation], to: [Citation]) -> [Citation] {
        var result: [Citation] = []
        var position = 0
        for citation in entry {
            while position < from.count, from[position] != citation { position += 1 }
            guard position < from.count else { break }
            result.append(to[position])
            position += 1
        }
        return result
    }
}
