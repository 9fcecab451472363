/// What an agency is asked to do in a task.
public enum AgencyRole: String, Sendable, CaseIterable, Comparable, Codable {
    /// chủ trì: leads and answers for the task.
    case lead
    /// phối hợp: supports the lead.
    case support
    /// thực hiện: carries the task out where a lead is also named.
    case carryOut
    /// tham mưu: advises the body that decides.
    case advise
    /// theo dõi, tổng hợp: monitors and reports.
    case monitor

    public var vietnamese: String {
        switch self {
        case .lead: return "Chủ trì"
        case .support: return "Phối hợp"
        case .carryOut: return "Thực hiện"
        case .advise: return "Tham mưu"
        case .monitor: return "Theo dõi, tổng hợp"
        }
    }

    public static func < (a: AgencyRole, b: AgencyRole) -> Bool { a.order < b.order }

    // By case, not by raw value: a raw-value enum otherwise hashes and compares its String, and
    // every page that lists a task looks its agencies up by role.
    public static func == (a: AgencyRole, b: AgencyRole) -> Bool { a.order == b.order }
    public func hash(into hasher: inout Hasher) { hasher.combine(order) }

    /// The order of `allCases`.
    private var order: Int {
        switch self {
        case .lead: 0
        case .support: 1
        case .carryOut: 2
        case .advise: 3
        case .monitor: 4
        }
    }
}

/// A task (nhiệm vụ) a plan assigns: what, who leads, who supports, by when.
public struct PlanTask: Hashable, Sendable, Codable {
    /// Stable within the plan, from the outline number: "nv-iii-3-1-2".
    public var id: String
    public var planSlug: String
    /// The outline number as the plan prints it: "III.3.1.(2)".
    public var outline: String
    /// The task's own sentence or heading, without its number.
    public var title: String
    /// The title and the content under it.
    public var text: String
    /// Canonical agency names by role, in the order the plan names them.
    public var agencies: [AgencyRole: [String]]
    public var deadlines: [Deadline]
    /// 1-based line in the plan file.
    public var line: Int

    public init(id: String, planSlug: String, outline: String, title: String, text: String,
                agencies: [AgencyRole: [String]], deadlines: [Deadline], line: Int) {
        self.id = id
        self.planSlug = planSlug
        self.outline = outline
        self.title = title
        self.text = text
        self.agencies = agencies
        self.deadlines = deadlines
        self.line = line
    }

    public var lead: [String] { agencies[.lead] ?? [] }
    public var support: [String] { agencies[.support] ?? [] }

    /// The earliest due date among its deadlines.
    public var due: CalendarDate? {
        // Read for every assignment of an agency's page: no array made on the way.
        var earliest: CalendarDate?
        for deadline in deadlines { if let due = deadline.due, earliest.map({ due < $0 }) ?? true { earliest = due } }
        return earliest
    }
}
