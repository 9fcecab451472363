/// The home page and the document index list every plan and every document. Past
/// `ProvinceSplit.maxRows` entries from several provinces they list the provinces instead, each
/// linking to a page of its own (`/tinh/<province>/` for plans, `/van-ban/theo-tinh/<province>/`
/// for local documents): at 10,000 plans the two pages were 6.5 MB and 20 MB.
extension PageContexts {
    func homePages() -> [(file: String, context: [TemplateKey: TemplateValue])] {
        let split = ProvinceSplit(keys: site.plans.map { ProvinceSplit.key($0.plan) })
        guard split.splits(rows: site.plans.count) else { return [("index.html", home(site, scope: nil))] }
        var pages = [("index.html", home(site, scope: nil, split: split))]
        for part in split.parts {
            pages.append((SiteURLs.provinceFile(part.slug), home(site, scope: part)))
        }
        return pages
    }

    /// The plans grouped by the document they carry out, then by province; `scope` keeps one
    /// province's; with `split`, each group names its provinces and counts instead of listing plans.
    private func home(_ site: SiteModel, scope: ProvinceSplit.Part?, split: ProvinceSplit? = nil) -> [TemplateKey: TemplateValue] {
        let slugs = Dictionary(split?.parts.map { ($0.key, $0.slug) } ?? [], uniquingKeysWith: { first, _ in first })
        var count = 0
        let groups: [[TemplateKey: TemplateValue]] = site.groups.compactMap { group in
            let provinces = group.provinces.filter { scope == nil || $0.province == scope!.key }
            guard !provinces.isEmpty else { return nil }
            let plans = provinces.reduce(0) { $0 + $1.plans.count }
            count += plans
            return [
                "citation": .text(group.citation),
                "document": .text(group.document),
                "count": .int(plans),
                "provinces": .list(provinces.map { entry -> [TemplateKey: TemplateValue] in
                    var values: [TemplateKey: TemplateValue] = ["province": .text(ProvinceSplit.name(entry.province)), "count": .int(entry.plans.count)]
                    if let slug = slugs[entry.province] {
                        values["url"] = .text(urls.province(slug))
                    } else {
                        values["plans"] = .list(entry.plans.map(planSummary))
                    }
                    return values
                }),
            ]
        }
        var extra: [TemplateKey: TemplateValue] = ["groups": .list(groups), "planCount": .int(count), "isHome": .bool(scope == nil),
                                              "isSummary": .bool(split != nil)]
        if let scope { extra["provincePage"] = ["name": .text(scope.name)] }
        return page(title: scope.map { "Kế hoạch – \($0.name)" }, extra: extra)
    }

    /// Each page's context is built when it is rendered, on every core: a national site's local
    /// documents are tens of thousands of rows.
    func documentIndexPages() -> [PlannedPage] {
        let local = site.documents.filter { $0.document.ref.province != nil }
        let split = ProvinceSplit(keys: local.map { $0.document.ref.province ?? "" })
        guard split.splits(rows: local.count) else { return [PlannedPage(file: "van-ban/index.html") { documentIndex() }] }
        // Grouped once: a national site has tens of thousands of local documents in 63 provinces.
        let byProvince = Dictionary(grouping: local) { $0.document.ref.province ?? "" }
        let rows = split.parts.map { part -> [TemplateKey: TemplateValue] in
            ["name": .text(part.name), "url": .text(urls.documentsByProvince(part.slug)),
             "count": .int(byProvince[part.key]?.count ?? 0)]
        }
        var main = documentIndex(local: [])
        main["localProvinces"] = .list(rows)
        main["hasLocalProvinces"] = true
        var pages = [PlannedPage(file: "van-ban/index.html") { [main] in main }]
        for part in split.parts {
            pages.append(PlannedPage(file: SiteURLs.documentsByProvinceFile(part.slug)) {
                let mine = (byProvince[part.key] ?? []).map(documentSummary)
                return page(title: "Văn bản của địa phương – \(part.name)", extra: [
                    "local": .list(mine), "hasLocal": true, "documentCount": .int(mine.count), "provincePage": ["name": .text(part.name)],
                ])
            })
        }
        return pages
    }
}
