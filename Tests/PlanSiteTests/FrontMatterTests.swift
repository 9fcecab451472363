import Testing
@testable import PlanSite

@Suite("Front matter")
struct FrontMatterTests {
    func decode(_ yaml: String) -> Result<PlanMetadata, [Diagnostic]> {
        let text = "---\n\(yaml)---\nBody\n"
        guard case .success(let split) = FrontMatter.split(text) else { Issue.record("no front matter"); return .failure([]) }
        return FrontMatterDecoder().decode(split, file: "Content/a.md")
    }

    func problems(_ yaml: String) -> [String] {
        guard case .failure(let problems) = decode(yaml) else { return [] }
        return problems.map(\.formatted)
    }

    @Test func decodesEveryField() throws {
        let result = decode("""
        title: "Kế hoạch thực hiện Chương trình hành động số 35-CTr/TU"
        issuer: "Ủy ban nhân dân tỉnh Thái Nguyên"
        implements: ["35-CTr/TU", "27-NQ/TW"]
        province: "Thái Nguyên"
        kind: "Kế hoạch"
        number: "120/KH-UBND"
        date: 2023-05-15
        signer: "Đặng Xuân Trường"
        signer_title: "KT. Chủ tịch, Phó Chủ tịch Thường trực"
        recipients:
          - "Văn phòng Chính phủ"
          - "Lưu: VT, NC"
        slug: thai-nguyen-35

        """)
        let meta = try result.get()
        #expect(meta.title == "Kế hoạch thực hiện Chương trình hành động số 35-CTr/TU")
        #expect(meta.implements == ["35-CTr/TU", "27-NQ/TW"])
        #expect(meta.date == CalendarDate(year: 2023, month: 5, day: 15))
        #expect(meta.recipients == ["Văn phòng Chính phủ", "Lưu: VT, NC"])
        #expect(meta.slug == "thai-nguyen-35")
        #expect(meta.signerTitle == "KT. Chủ tịch, Phó Chủ tịch Thường trực")
    }

    /// Front matter is read without Yams' type rules (`Resolver.basic`): a value that looks like
    /// a number or a yes is still its text, and an empty or null value is still no value.
    @Test func plainValuesAreTextAndEmptyOnesAbsent() throws {
        let meta = try decode("title: \"A\"\nissuer: yes\nimplements: [27-NQ/TW]\nnumber: 120\nprovince: ~\nkind:\nsigner: \"null\"\n").get()
        #expect(meta.issuer == "yes")
        #expect(meta.implements == ["27-NQ/TW"])
        #expect(meta.number == "120")
        #expect(meta.province == nil && meta.kind == nil)
        #expect(meta.signer == "null")
    }

    @Test func missingRequiredFieldsAreEachReported() {
        let found = problems("province: \"Lào Cai\"\n")
        #expect(found.contains { $0.hasPrefix("Content/a.md:2:1: error: front matter is missing 'title'") })
        #expect(found.contains { $0.contains("missing 'issuer'") })
        #expect(found.contains { $0.contains("missing 'implements'") })
    }

    @Test func unknownKeyNamesLineColumnAndSuggests() {
        let found = problems("title: \"A\"\nissuer: \"B\"\nimplements: [\"27-NQ/TW\"]\nsigner_titel: \"Bí thư\"\n")
        #expect(found == ["Content/a.md:5:1: error: unknown front matter key 'signer_titel' (did you mean 'signer_title'?)"])
    }

    @Test func dateWrittenTheVietnameseWayIsAnErrorWithTheFix() {
        let found = problems("title: \"A\"\nissuer: \"B\"\nimplements: [\"27-NQ/TW\"]\ndate: 15/5/2023\n")
        #expect(found == ["Content/a.md:5:7: error: 'date' must be a date written yyyy-mm-dd, not '15/5/2023' (write 2023-05-15)"])
    }

    @Test func impossibleDateIsAnError() {
        let found = problems("title: \"A\"\nissuer: \"B\"\nimplements: [\"27-NQ/TW\"]\ndate: 2023-02-30\n")
        #expect(found.first?.contains("'date' must be a date written yyyy-mm-dd, not '2023-02-30'") == true)
    }

    @Test func stringWhereAListBelongs() {
        let found = problems("title: \"A\"\nissuer: \"B\"\nimplements: \"27-NQ/TW\"\n")
        #expect(found.first?.hasPrefix("Content/a.md:4:13: error: 'implements' must be a list") == true)
    }

    @Test func listWhereTextBelongs() {
        let found = problems("title: [\"A\", \"B\"]\nissuer: \"B\"\nimplements: [\"27-NQ/TW\"]\n")
        #expect(found.first?.hasPrefix("Content/a.md:2:8: error: 'title' must be a single piece of text") == true)
    }

    @Test func emptyImplementsIsAnError() {
        let found = problems("title: \"A\"\nissuer: \"B\"\nimplements: []\n")
        #expect(found.first?.contains("'implements' needs at least one document number") == true)
    }

    @Test func yamlSyntaxErrorNamesTheLine() {
        let found = problems("title: \"A\nissuer: \"B\"\nimplements: [\"27-NQ/TW\"]\n")
        #expect(found.count == 1)
        #expect(found.first?.contains("error: front matter is not valid YAML") == true)
        #expect(found.first?.hasPrefix("Content/a.md:3:") == true)
    }

    @Test func duplicateKeyIsAnError() {
        let found = problems("title: \"A\"\ntitle: \"B\"\nissuer: \"B\"\nimplements: [\"27-NQ/TW\"]\n")
        #expect(found.first?.contains("repeats the key 'title'") == true)
    }

    @Test func tabIndentationGetsAHint() {
        let found = problems("title: \"A\"\nissuer: \"B\"\nimplements:\n\t- \"27-NQ/TW\"\n")
        #expect(found.first?.contains("indent front matter with spaces, not tabs") == true)
    }

    @Test func splitFindsFencesAndBodyLine() throws {
        let split = try FrontMatter.split("---\ntitle: a\n---\n\n# Body\n").get()
        #expect(split.yaml == "title: a")
        #expect(split.bodyFirstLine == 4)
        #expect(split.body == "\n# Body\n")
        #expect(FrontMatter.split("# No front matter") == .failure(.missing))
        #expect(FrontMatter.split("---\ntitle: a\n") == .failure(.unterminated))
    }
}

extension Result where Success == FrontMatter, Failure == FrontMatter.SplitError {
    static func == (a: Self, b: Self) -> Bool {
        switch (a, b) {
        case (.failure(let x), .failure(let y)): return x == y
        default: return false
        }
    }
}
