/// A day without a time zone: plans are dated by the day, and a build must not
/// depend on the machine's clock settings to print one.
public struct CalendarDate: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// yyyymmdd, ordered as the dates are, for keeping a date in four bytes; a date too far
    /// ahead to fit comes just before `noDayKey`, which is no date and after every day.
    var dayKey: Int32 {
        guard (0..<200_000).contains(year) else { return year < 0 ? 0 : Self.noDayKey - 1 }
        return Int32(year * 10_000 + month * 100 + day)
    }

    static let noDayKey = Int32.max

    /// Parses the ISO form `yyyy-mm-dd` used in front matter.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func lastDay(ofMonth month: Int, year: Int) -> CalendarDate {
        CalendarDate(year: year, month: month, day: daysIn(month: month, year: year))!
    }

    /// `2023-05-15`
    public var iso: String { Self.text((year, 1), "-", (month, 2), "-", (day, 2)) }

    /// `15/5/2023`, the way Vietnamese documents print a date.
    public var vietnamese: String { Self.text((day, 1), "/", (month, 1), "/", (year, 1)) }

    /// Three numbers, each at least so many digits, with a separator between them (`StringWriter`):
    /// every task row prints its due date both ways.
    private static func text(_ first: (Int, Int), _ separator: Unicode.Scalar, _ second: (Int, Int), _ separator2: Unicode.Scalar,
                             _ third: (Int, Int)) -> String {
        let length = UTF8Bytes.decimalLength(first.0, digits: first.1) + UTF8Bytes.decimalLength(second.0, digits: second.1)
            + UTF8Bytes.decimalLength(third.0, digits: third.1) + 2
        return StringWriter.make(length: length) { text in
            text.put(first.0, digits: first.1)
            text.put(UInt8(separator.value))
            text.put(second.0, digits: second.1)
            text.put(UInt8(separator2.value))
            text.put(third.0, digits: third.1)
        }
    }

    public var quarter: Int { (month - 1) / 3 + 1 }

    public var description: String { iso }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

import Foundation

extension CalendarDate {
    /// The build day in Vietnam (UTC+7), or the day `SOURCE_DATE_EPOCH` names, so that
    /// a rebuild of the same input on the same day, or with that variable set, is identical.
    public static func buildDay(environment: [String: String] = ProcessInfo.processInfo.environment) -> CalendarDate {
        let seconds = environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) ?? Date().timeIntervalSince1970
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: seconds))
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
