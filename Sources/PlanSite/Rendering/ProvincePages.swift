/// Template values shared by the summary and province pages of a split document or agency page.
extension PageContexts {
    /// The "Theo tỉnh" table: each province linked to its page, with its counts, and a total.
    /// `showsRoles` adds the lead and support columns agency pages have.
    func provinceTable(_ split: ProvinceSplit, url: (ProvinceSplit.Part) -> String, showsRoles: Bool,
                       tally: (ProvinceSplit.Part) -> ProvinceTally) -> [TemplateKey: TemplateValue] {
        var total = ProvinceTally()
        let rows = split.parts.map { part -> [TemplateKey: TemplateValue] in
            let counts = tally(part)
            total = total + counts
            var row = counts.values
            row["name"] = .text(part.name)
            row["url"] = .text(url(part))
            return row
        }
        return ["hasProvinceTable": true,
                "provinceTable": ["rows": .list(rows), "total": .object(total.values), "showsRoles": .bool(showsRoles),
                                  "provinceCount": .int(rows.count)]]
    }

    /// What a province page adds to its page: its province, for the title and the breadcrumb back.
    func provincePage(_ scope: PageScope) -> [TemplateKey: TemplateValue] {
        guard let name = scope.provinceName else { return [:] }
        return ["provincePage": ["name": .text(name)]]
    }

    /// "Sở Tư pháp – Thái Nguyên" on a province page.
    func title(_ title: String, in scope: PageScope) -> String {
        scope.provinceName.map { "\(title) – \($0)" } ?? title
    }
}
