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
    let taskIndex: Int
    public let role: AgencyRole

    init(_ plan: Plan, taskIndex: Int, role: AgencyRole) {
        self.plan = plan
        self.taskIndex = taskIndex
        self.role = role
    }

    public var task: PlanTask { plan.tasks[taskIndex] }
}

/// An agency and every task it has across all plans.
public struct AgencyRecord: Sendable {
    public var agency: Agency
    public var assignments: [Assignment]
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
