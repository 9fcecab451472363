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
///
/// A value whose fields live in one shared box, as `Plan`'s do: an agency's, a document's and a
/// deadline's pages, the data files and the search index each read tasks out of arrays, and a
/// copy of eight strings and collections was a tenth of the build's retains. A copy is one
/// reference; a change copies the box first if it is shared.
public struct PlanTask: Hashable, Sendable, Codable {
    /// The stored fields, in the order they were declared before the box.
    fileprivate struct Fields: Hashable, Codable {
        var id: String
        var planSlug: String
        var outline: String
        var title: String
        var text: String
        var agencies: [AgencyRole: [String]]
        var deadlines: [Deadline]
        var line: Int
    }

    private final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    /// Stable within the plan, from the outline number: "nv-iii-3-1-2".
    public var id: String { _read { yield box.fields.id } set { unshare(); box.fields.id = newValue } }
    public var planSlug: String { _read { yield box.fields.planSlug } set { unshare(); box.fields.planSlug = newValue } }
    /// The outline number as the plan prints it: "III.3.1.(2)".
    public var outline: String { _read { yield box.fields.outline } set { unshare(); box.fields.outline = newValue } }
    /// The task's own sentence or heading, without its number.
    public var title: String { _read { yield box.fields.title } set { unshare(); box.fields.title = newValue } }
    /// The title and the content under it.
    public var text: String { _read { yield box.fields.text } set { unshare(); box.fields.text = newValue } }
    /// Canonical agency names by role, in the order the plan names them.
    public var agencies: [AgencyRole: [String]] {
        _read { yield box.fields.agencies } set { unshare(); box.fields.agencies = newValue }
    }
    public var deadlines: [Deadline] { _read { yield box.fields.deadlines } set { unshare(); box.fields.deadlines = newValue } }
    /// 1-based line in the plan file.
    public var line: Int { _read { yield box.fields.line } set { unshare(); box.fields.line = newValue } }

    public init(id: String, planSlug: String, outline: String, title: String, text: String,
                agencies: [AgencyRole: [String]], deadlines: [Deadline], line: Int) {
        box = Box(Fields(id: id, planSlug: planSlug, outline: outline, title: title, text: text,
                         agencies: agencies, deadlines: deadlines, line: line))
    }

    /// Encoded as its fields alone, as the plain struct it was.
    public init(from decoder: Decoder) throws { box = Box(try Fields(from: decoder)) }
    public func encode(to encoder: Encoder) throws { try box.fields.encode(to: encoder) }

    public static func == (a: PlanTask, b: PlanTask) -> Bool { a.box === b.box || a.box.fields == b.box.fields }
    public func hash(into hasher: inout Hasher) { box.fields.hash(into: &hasher) }

    private mutating func unshare() {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
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
