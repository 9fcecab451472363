/// Reads deadline wording into `Deadline`s: "Trước ngày 05/8/2025", "Trong Quý II/2023",
/// "hoàn thành trong tháng 6/2023", "Thường xuyên", "định kỳ trước ngày 10/12 hằng năm",
/// "theo Kế hoạch số 211-KH/TU". "A hoặc B" gives both.
public struct DeadlineParser: Sendable {
    public init() {}

    /// All deadlines in the text, or an empty list if none could be read.
    public func parse(_ text: String) -> [Deadline] {
        let trimmed = text.trimming(Self.isEdge)
        guard !trimmed.isEmpty else { return [] }
        let pieces = Self.alternatives(trimmed)
        let parsed = pieces.compactMap(parseOne)
        return parsed.count == pieces.count || !parsed.isEmpty ? parsed : []
    }

    /// Whether a parenthesis at the end of a task ("(hoàn thành trong quý II/2023)") is a
    /// deadline rather than an aside ("(có hiệu lực thi hành từ 01/07/2023)").
    public func isDeadlineParenthesis(_ inner: String) -> Bool {
        !parenthesisDeadlines(inner).isEmpty
    }

    /// The deadlines a parenthesis states, or none if it is an aside.
    public func parenthesisDeadlines(_ inner: String) -> [Deadline] {
        let folded = VietnameseText.fold(inner).trimming()
        // "(Quy định số …)" folds to "quy dinh": a quarter needs its number right after "quý".
        if folded.hasPrefix("quy "), case .word(let next)? = DeadlineToken.tokenize(folded).dropFirst().first,
           Self.romanQuarters[next] == nil { return [] }
        return Self.deadlineOpeners.contains { folded.hasPrefix($0) } ? parse(inner) : []
    }

    static let deadlineOpeners = [
        "hoan thanh", "thuc hien thuong xuyen", "thuc hien trong", "thuong xuyen", "truoc ngay", "trong quy",
        "trong thang", "trong nam", "quy ", "hang nam", "dinh ky", "thuc hien hang nam", "thuc hien ngay",
        "thuc hien theo", "thuc hien khi", "theo ke hoach", "khi co",
    ]

    /// What is trimmed off a deadline phrase: white space and the punctuation around it.
    private static func isEdge(_ scalar: Unicode.Scalar) -> Bool {
        Whitespace.isSpaceOrNewline(scalar) || ".;,:()".unicodeScalars.contains(scalar)
    }

    /// "A hoặc B" and "A; B" are alternatives. Found by byte, as the text is NFC: Foundation's
    /// `components(separatedBy:)` took two thirds of parsing a deadline.
    private static func alternatives(_ text: String) -> [String] {
        var pieces: [String] = []
        var rest = Substring(text)
        while true {
            let hit = rest.byteRange(of: " hoặc ")
            for part in rest[..<(hit?.lowerBound ?? rest.endIndex)].utf8.split(separator: UInt8(ascii: ";")) {
                let piece = Substring(part).trimming(isEdge)
                if !piece.isEmpty { pieces.append(piece) }
            }
            guard let hit else { return pieces }
            rest = rest[hit.upperBound...]
        }
    }

    private func parseOne(_ text: String) -> Deadline? {
        let tokens = DeadlineToken.tokenize(VietnameseText.fold(text))
        let words = Set(tokens.compactMap(\.word))
        let phrase = tokens.compactMap(\.word).joined(separator: " ")

        if phrase.containsBytes("hang nam") || phrase.containsBytes("hangnam") || phrase.containsBytes("moi nam") {
            let day = Self.findDayMonth(tokens)
            return Deadline(text: text, kind: .recurring, everyYear: day.map { Deadline.MonthDay(month: $0.month, day: $0.day) })
        }
        // "thực hiện theo Kế hoạch số 211-KH/TU, ngày 31/10/2022": the date is the plan's, not a deadline.
        if phrase.hasPrefix("theo ") || phrase.hasPrefix("thuc hien theo ") || phrase.hasPrefix("khi co")
            || phrase.hasPrefix("thuc hien khi ") {
            return Self.conditional(text)
        }
        if let date = Self.findDate(tokens) {
            return Deadline(text: text, kind: .date, due: date)
        }
        if let index = tokens.firstIndex(of: .word("quy")), let quarter = Self.quarterNumber(tokens, after: index),
           let year = Self.findYear(tokens, from: index + 2) {
            return Deadline(text: text, kind: .quarter, due: CalendarDate.lastDay(ofMonth: quarter * 3, year: year))
        }
        if let index = tokens.firstIndex(of: .word("thang")), index + 1 < tokens.count,
           case .number(let month) = tokens[index + 1], (1...12).contains(month), let year = Self.findYear(tokens, from: index + 2) {
            return Deadline(text: text, kind: .month, due: CalendarDate.lastDay(ofMonth: month, year: year))
        }
        if words.contains("nam"), let year = Self.findYear(tokens, from: 0) {
            return Deadline(text: text, kind: .year, due: CalendarDate.lastDay(ofMonth: 12, year: year))
        }
        if phrase.containsBytes("thuong xuyen") || phrase.containsBytes("lien tuc") {
            return Deadline(text: text, kind: .ongoing)
        }
        if phrase.hasPrefix("theo ") || phrase.containsBytes("khi co") || phrase.containsBytes("theo ke hoach")
            || phrase.containsBytes("theo chi dao") || phrase.containsBytes("theo yeu cau") || phrase.containsBytes("theo quy dinh")
            || phrase.containsBytes("theo lo trinh") {
            return Self.conditional(text)
        }
        return nil
    }

    /// "theo Kế hoạch số 211-KH/TU": no due date, but the document it waits on is kept.
    private static func conditional(_ text: String) -> Deadline {
        Deadline(text: text, kind: .conditional, documents: CitationScanner().scan(text).map(\.number.canonical))
    }

    private static func findDate(_ tokens: [DeadlineToken]) -> CalendarDate? {
        for index in tokens.indices where index + 4 < tokens.count {
            if case .number(let d) = tokens[index], tokens[index + 1] == .slash, case .number(let m) = tokens[index + 2],
               tokens[index + 3] == .slash, case .number(let y) = tokens[index + 4], y > 1900 {
                return CalendarDate(year: y, month: m, day: d)
            }
        }
        for index in tokens.indices where index + 6 < tokens.count && tokens[index] == .word("ngay") {
            if case .number(let d) = tokens[index + 1], tokens[index + 2] == .word("thang"), case .number(let m) = tokens[index + 3],
               tokens[index + 4] == .word("nam"), case .number(let y) = tokens[index + 5] {
                return CalendarDate(year: y, month: m, day: d)
            }
        }
        return nil
    }

    private static func findDayMonth(_ tokens: [DeadlineToken]) -> (month: Int, day: Int)? {
        for index in tokens.indices where index + 2 < tokens.count {
            if case .number(let d) = tokens[index], tokens[index + 1] == .slash, case .number(let m) = tokens[index + 2],
               (1...12).contains(m), (1...31).contains(d) {
                return (m, d)
            }
        }
        return nil
    }

    private static func findYear(_ tokens: [DeadlineToken], from start: Int) -> Int? {
        guard start < tokens.count else { return nil }
        for token in tokens[start...] {
            if case .number(let value) = token, (1900...2200).contains(value) { return value }
        }
        return nil
    }

    private static let romanQuarters = ["i": 1, "ii": 2, "iii": 3, "iv": 4]

    private static func quarterNumber(_ tokens: [DeadlineToken], after index: Int) -> Int? {
        guard index + 1 < tokens.count else { return nil }
        switch tokens[index + 1] {
        case .word(let roman): return romanQuarters[roman]
        case .number(let value): return (1...4).contains(value) ? value : nil
        default: return nil
        }
    }
}

/// A word, a number or a slash of folded deadline text.
enum DeadlineToken: Equatable {
    case word(String)
    case number(Int)
    case slash

    var word: String? {
        if case .word(let word) = self { return word }
        return nil
    }

    static func tokenize(_ folded: String) -> [DeadlineToken] {
        folded.withUTF8Bytes { bytes in
            var reader = Reader()
            var index = 0
            while index < bytes.count {
                let (value, length) = UTF8Bytes.scalar(in: bytes, at: index)
                reader.read(value, at: index, in: bytes)
                index += length
            }
            reader.flush(at: bytes.count, in: bytes)
            return reader.tokens
        }
    }

    /// Runs of letters or digits, cut out of the bytes whole: a String grown scalar by scalar
    /// cost most of reading a citation's date.
    private struct Reader {
        var tokens: [DeadlineToken] = []
        var start: Int?
        var isNumber = false

        mutating func read(_ value: UInt32, at index: Int, in bytes: UnsafeBufferPointer<UInt8>) {
            // Property look-ups are slow, and the text is mostly ASCII, where both tests are simple.
            let digit = value >= 48 && value <= 57
            let letter = value < 0x80 ? (value | 0x20) >= 97 && (value | 0x20) <= 122 : Unicode.Scalar(value)!.properties.isAlphabetic
            if digit || letter {
                if start != nil, digit != isNumber { flush(at: index, in: bytes) }
                if start == nil { start = index }
                isNumber = digit
            } else {
                flush(at: index, in: bytes)
                if value == UInt32(UInt8(ascii: "/")) { tokens.append(.slash) }
            }
        }

        mutating func flush(at end: Int, in bytes: UnsafeBufferPointer<UInt8>) {
            guard let begin = start else { return }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[begin..<end]), as: UTF8.self)
            tokens.append(isNumber ? .number(Int(text) ?? -1) : .word(text))
            start = nil
        }
    }
}

import Foundation
