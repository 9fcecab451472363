/// When a task is due (thời hạn), read from the words a plan uses, with the wording kept.
public struct Deadline: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case date, quarter, month, year, ongoing, recurring, conditional
    }

    /// The words as the plan prints them: "Trong Quý II/2023".
    public var text: String
    public var kind: Kind
    /// The last day it can be met, where there is one: the date itself, or the last day of the
    /// quarter, month or year.
    public var due: CalendarDate?
    /// For a recurring deadline with a day ("trước ngày 10/12 hằng năm"): month and day.
    public var everyYear: MonthDay?
    /// Documents named in a conditional deadline ("theo Kế hoạch số 211-KH/TU").
    public var documents: [String]

    public init(text: String, kind: Kind, due: CalendarDate? = nil, everyYear: MonthDay? = nil, documents: [String] = []) {
        self.text = text
        self.kind = kind
        self.due = due
        self.everyYear = everyYear
        self.documents = documents
    }

    public struct MonthDay: Hashable, Sendable, Codable {
        public var month: Int
        public var day: Int
    }

    /// How the site names the kind: "Quý", "Thường xuyên" …
    public var kindName: String {
        switch kind {
        case .date: return "Ngày"
        case .quarter: return "Quý"
        case .month: return "Tháng"
        case .year: return "Năm"
        case .ongoing: return "Thường xuyên"
        case .recurring: return "Hằng năm"
        case .conditional: return "Theo điều kiện"
        }
    }
}
