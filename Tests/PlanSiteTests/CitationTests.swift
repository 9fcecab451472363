import Testing
@testable import PlanSite

@Suite("Citations and deadlines")
struct CitationTests {
    func numbers(_ text: String) -> [String] { CitationScanner().scan(text).map(\.number.canonical) }

    @Test(arguments: [
        ("Nghị quyết số 27-NQ/TW ngày 09/11/2022", "27-NQ/TW"),
        ("Nghị quyết số 77/NQ-CP ngày 12 tháng 5 năm 2023", "77/NQ-CP"),
        ("Luật số 33/2021/QH15", "33/2021/QH15"),
        ("Nghị định 30/2020/NĐ-CP", "30/2020/NĐ-CP"),
        ("Quyết định số 3133/QĐ-UBND", "3133/QĐ-UBND"),
        ("Tờ trình số 465/TTr-STP", "465/TTr-STP"),
        ("Chương trình hành động số 35-CTr-TU", "35-CTr/TU"),
        ("Quy định số 04-QĐi/TW", "4-QĐi/TW"),
        ("Hướng dẫn số 25-HD/BCĐTW", "25-HD/BCĐTW"),
        ("Kế hoạch số 193-KH/BCSĐ", "193-KH/BCSĐ"),
        ("NGHỊ QUYẾT SỐ 28-NQ/TW", "28-NQ/TW"),
    ])
    func everyShapeIsRecognisedAndCanonical(text: String, number: String) {
        #expect(numbers(text) == [number])
    }

    @Test(arguments: [
        "Nghị quyết số 27-\n\nNQ/TW và",
        "Nghị \nquyết số 27-NQ/TW",
        "Nghị quyết số 27 - NQ / TW",
        "Quyết định số 1206 /QĐ-HVTC",
    ])
    func lineBreaksAndSpacesInsideNumbers(text: String) {
        #expect(numbers(text).count == 1)
        #expect(["27-NQ/TW", "1206/QĐ-HVTC"].contains(numbers(text).first ?? ""))
    }

    @Test(arguments: ["giai đoạn 2023 - 2030", "đến năm 2030", "nhiệm kỳ 2020 - 2025", "ngày 09/11/2022", "Điều 27", "2712-NQ/TW9x"])
    func notCitations(text: String) {
        #expect(numbers(text).isEmpty)
    }

    @Test func aNumberIsNeverReadOutOfALongerOne() {
        #expect(numbers("số 2712-NQ/TW và 3133/QĐ-UBND") == ["2712-NQ/TW", "3133/QĐ-UBND"])
    }

    @Test func typeWordIsPartOfTheCitation() {
        let text = "theo Nghị \nquyết số 27-NQ/TW"
        let found = CitationScanner().scan(text)
        #expect(found.first?.typeWord == "Nghị quyết")
        #expect(text[found.first!.citationStart...].hasPrefix("Nghị"))
    }

    /// Numbers are equal, hashed and ordered by the same parts: two that differ only in shape
    /// are neither equal nor tied in order, and equal ones hash alike.
    @Test func numbersOrderAsTheyCompare() throws {
        let party = try #require(DocumentNumber("27-NQ/TW")), state = try #require(DocumentNumber("27/NQ-TW"))
        #expect(party != state && (party < state) != (state < party))
        #expect(Set([party, try #require(DocumentNumber("27 - NQ/TW")), state]).count == 2)
    }

    @Test func localNumbersAreQualifiedByTheCitingProvince() {
        let local = DocumentRef(number: DocumentNumber("04-KH/TU")!, citingProvince: "Lào Cai")
        let national = DocumentRef(number: DocumentNumber("27-NQ/TW")!, citingProvince: "Lào Cai")
        #expect(local.label == "4-KH/TU (Lào Cai)")
        #expect(local != DocumentRef(number: DocumentNumber("04-KH/TU")!, citingProvince: "Quảng Nam"))
        #expect(national.province == nil)
        #expect(DocumentRef(number: DocumentNumber("3133/QĐ-UBND")!, citingProvince: "Thái Nguyên").province == "Thái Nguyên")
    }

    @Test func firstFullCitationSuppliesDateIssuerSubjectAndChain() {
        let text = "Kế hoạch số 11-KH/TW, ngày 28/11/2022 của Bộ Chính trị về thực hiện Nghị quyết số 27-NQ/TW ngày 09 tháng 11 năm 2022 của Ban Chấp hành Trung ương Đảng về tiếp tục xây dựng Nhà nước pháp quyền; Chỉ thị số 12-CT/TU"
        let found = CitationReader().read(text, province: "Thái Nguyên", line: 1, taskIndex: nil)
        #expect(found.map(\.ref.label) == ["11-KH/TW", "27-NQ/TW", "12-CT/TU (Thái Nguyên)"])
        #expect(found[0].date == CalendarDate(year: 2022, month: 11, day: 28))
        #expect(found[0].issuerPhrase == "Bộ Chính trị")
        #expect(found[0].carriesOut.map(\.canonical) == ["27-NQ/TW"])
        #expect(found[1].date == CalendarDate(year: 2022, month: 11, day: 9))
        #expect(found[1].issuerPhrase == "Ban Chấp hành Trung ương Đảng")
        #expect(found[1].subject == "tiếp tục xây dựng Nhà nước pháp quyền")
        #expect(found[1].carriesOut.isEmpty)
    }

    /// A joiner after "về " or a prepend mark before " về " is not a Character of its own: the
    /// subject and issuer are cut where Characters start, as they always were.
    @Test func issuerAndSubjectAreCutAtCharacters() {
        let joiner = CitationReader().read("Kế hoạch số 11-KH/TU của Tỉnh ủy về \u{200C}công tác cán bộ", province: "Lào Cai", line: 1, taskIndex: nil)
        #expect(joiner.first?.subject == "\u{200C}công tác cán bộ")
        let prepend = CitationReader().read("Kế hoạch số 11-KH/TU của UBND\u{0605} về công tác cán bộ", province: "Lào Cai", line: 1, taskIndex: nil)
        #expect(prepend.first?.issuerPhrase == "UBND")
    }

    func unreadable(_ text: String) -> [String] {
        PlanExtractor.unreadableCitations(text, numbers: CitationScanner().scan(text), at: SourceLocation(file: "a.md"))
            .map(\.message)
    }

    @Test func aNumberThatCannotBeReadAfterSốIsReported() {
        #expect(unreadable("theo Nghị quyết số 27 của Bộ Chính trị") == ["'số 27' does not look like a document number"])
        #expect(unreadable("Nghị quyết số 27-NQ/TW, Quyết định số 3133/QĐ-UBND và Luật số 33/2021/QH15").isEmpty)
        #expect(unreadable("Quyết định số 1206 /QĐ-HVTC").isEmpty)
        // Read whole in the text, but not within the line it starts on: reported, as it always was.
        #expect(unreadable("Nghị quyết số 27-\nNQ/TW") == ["'số 27-' does not look like a document number"])
        #expect(unreadable("Nghị quyết số 27-NQ/TWabc") == ["'số 27-NQ/TWabc' does not look like a document number"])
    }

    /// What is reported is what scanning the 24 Characters after each "số " alone reported, the
    /// way it was found before the paragraph's own scan was used: texts built from the pieces
    /// numbers and their neighbours are made of, line breaks, odd spaces and marks among them.
    @Test func unreadableNumbersAreThoseTheCandidateAloneCannotRead() {
        func byCandidate(_ text: String) -> [String] {
            var found: [String] = []
            var rest = Substring(text)
            while let hit = rest.byteRange(of: "số ") {
                let after = rest[hit.upperBound...]
                rest = after
                guard let first = after.first, first.isNumber else { continue }
                var end = after.startIndex
                var count = 0
                while count < 24, end < after.endIndex {
                    let character = after[end]
                    if character.isWhitespace, character != " " { break }
                    after.formIndex(after: &end)
                    count += 1
                }
                let candidate = String(after[..<end])
                if CitationScanner().scan(candidate).first?.range.lowerBound != candidate.startIndex {
                    found.append("'số \(after.prefix(while: { !$0.isWhitespace && $0 != "," && $0 != ";" }))' does not look like a document number")
                }
            }
            return found
        }
        let pieces = ["số ", "số ", "27", "2712", "1206", "3", "-", "/", " ", "  ", "\n", "\t", "\u{A0}", "\u{301}", "NQ", "TW", "QĐ",
                      "UBND", "2021", "QH15", "CTr", "abc", "ê", ",", ";", "ngày ", "-CP", "/TW", "AAAAAAAAAAAA", "\u{2028}", "\r\n"]
        var generator = SplitMix(seed: 11)
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 1...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(unreadable(text) == byCandidate(text), "\(text.debugDescription)")
        }
    }

    @Test(arguments: [
        ("Trước ngày 05/8/2025", Deadline.Kind.date, "2025-08-05" as String?),
        ("Quý III năm 2023", .quarter, "2023-09-30"),
        ("Trong Quý II/2023", .quarter, "2023-06-30"),
        ("hoàn thành trong quý II/2023", .quarter, "2023-06-30"),
        ("hoàn thành trong tháng 6/2023", .month, "2023-06-30"),
        ("hoàn thành trong năm 2024", .year, "2024-12-31"),
        ("thực hiện trong năm 2025", .year, "2025-12-31"),
        ("Thường xuyên", .ongoing, nil),
        ("Thực hiện thường xuyên.", .ongoing, nil),
        ("Hằng năm", .recurring, nil),
        ("Hàng năm", .recurring, nil),
        ("theo kế hoạch của Trung ương", .conditional, nil),
        ("khi có văn bản chỉ đạo của Trung ương", .conditional, nil),
    ])
    func deadlinesAreNormalised(text: String, kind: Deadline.Kind, due: String?) {
        let parsed = DeadlineParser().parse(text)
        #expect(parsed.count == 1)
        #expect(parsed.first?.kind == kind)
        #expect(parsed.first?.due?.iso == due)
        #expect(parsed.first?.text == text.trimmingCharacters(in: .init(charactersIn: ". ")))
    }

    @Test func recurringDeadlineKeepsItsDay() {
        let parsed = DeadlineParser().parse("định kỳ trước ngày 10/12 hằng năm")
        #expect(parsed.first?.kind == .recurring)
        #expect(parsed.first?.everyYear == Deadline.MonthDay(month: 12, day: 10))
    }

    @Test func conditionalDeadlineLinksTheNamedDocument() {
        #expect(DeadlineParser().parse("theo Kế hoạch số 211-KH/TU").first?.documents == ["211-KH/TU"])
    }

    @Test func eitherOrGivesBoth() {
        let parsed = DeadlineParser().parse("Quý II/2023 hoặc Quý IV/2023")
        #expect(parsed.map(\.due?.iso) == ["2023-06-30", "2023-12-31"])
    }

    @Test func aCitedDocumentsDateIsNotTheDeadline() {
        let parsed = DeadlineParser().parse("thực hiện theo Kế hoạch số 211-KH/TU, ngày 31/10/2022 của Tỉnh ủy")
        #expect(parsed.first?.kind == .conditional)
        #expect(parsed.first?.due == nil)
        #expect(!DeadlineParser().isDeadlineParenthesis("Quy định số 10-QĐi/TW, ngày 25/7/2018 của Ban Bí thư"))
    }

    @Test func notDeadlines() {
        #expect(DeadlineParser().parse("đọc kỹ văn bản").isEmpty)
        #expect(!DeadlineParser().isDeadlineParenthesis("có hiệu lực thi hành từ 01/07/2023"))
        #expect(DeadlineParser().isDeadlineParenthesis("hoàn thành trong quý II/2023"))
    }

    /// A citation's fields live in a box its copies share (`SharedFields`): a changed copy gets its own.
    @Test func aChangedCopyOfACitationLeavesTheOriginal() throws {
        let number = try #require(DocumentNumber("27-NQ/TW"))
        let citation = Citation(ref: DocumentRef(number: number, citingProvince: nil), text: "Nghị quyết số 27-NQ/TW",
                                typeWord: "Nghị quyết", date: nil, issuerPhrase: nil, subject: nil, carriesOut: [], line: 5, taskIndex: nil)
        var copy = citation
        copy.subject = "xây dựng Nhà nước pháp quyền"
        copy.line += 1
        #expect(citation.subject == nil && citation.line == 5)
        #expect(copy.subject == "xây dựng Nhà nước pháp quyền" && copy.line == 6 && copy != citation)
        let rebuilt = Citation(ref: DocumentRef(number: number, citingProvince: nil), text: "Nghị quyết số 27-NQ/TW",
                               typeWord: "Nghị quyết", date: nil, issuerPhrase: nil, subject: nil, carriesOut: [], line: 5, taskIndex: nil)
        #expect(rebuilt == citation && Set([rebuilt, citation]).count == 1)
    }
}

import Foundation
