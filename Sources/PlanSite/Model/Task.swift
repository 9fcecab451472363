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
    public func _rawHashValue(seed: Int) -> Int { ByteHash.seeded(UInt64(order), seed) }

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
/// A value whose fields live in one shared box (`SharedFields`), as `Plan`'s do: an agency's, a
/// document's and a deadline's pages, the data files and the search index each read tasks out of
/// arrays, and copies of its eight strings and collections were an eighth of a national build's
/// retains. A copy is one reference; a change copies the box first if it is shared.
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

    private var stored: SharedFields<Fields>

    /// Stable within the plan, from the outline number: "nv-iii-3-1-2".
    public var id: String { _read { yield stored.fields.id } _modify { yield &stored.fields.id } }
    public var planSlug: String { _read { yield stored.fields.planSlug } _modify { yield &stored.fields.planSlug } }
    /// The outline number as the plan prints it: "III.3.1.(2)".
    public var outline: String { _read { yield stored.fields.outline } _modify { yield &stored.fields.outline } }
    /// The task's own sentence or heading, without its number.
    public var title: String { _read { yield stored.fields.title } _modify { yield &stored.fields.title } }
    /// The title and the content under it.
    public var text: String { _read { yield stored.fields.text } _modify { yield &stored.fields.text } }
    /// Canonical agency names by role, in the order the plan names them.
    public var agencies: [AgencyRole: [String]] {
        _read { yield stored.fields.agencies } _modify { yield &stored.fields.agencies }
    }
    public var deadlines: [Deadline] { _read { yield stored.fields.deadlines } _modify { yield &stored.fields.deadlines } }
    /// 1-based line in the plan file.
    public var line: Int { _read { yield stored.fields.line } _modify { yield &stored.fields.line } }

    public init(id: String, planSlug: String, outline: String, title: String, text: String,
                agencies: [AgencyRole: [String]], deadlines: [Deadline], line: Int) {
        stored = SharedFields(Fields(id: id, planSlug: planSlug, outline: outline, title: title, text: text,
                                     agencies: agencies, deadlines: deadlines, line: line))
    }

    /// Encoded as its fields alone, as the plain struct it was.
    public init(from decoder: Decoder) throws { stored = SharedFields(try Fields(from: decoder)) }
    public func encode(to encoder: Encoder) throws { try stored.fields.encode(to: encoder) }

    public static func == (a: PlanTask, b: PlanTask) -> Bool { a.stored.isShared(with: b.stored) || a.stored.fields == b.stored.fields }
    public func hash(into hasher: inout Hasher) { stored.fields.hash(into: &hasher) }

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
