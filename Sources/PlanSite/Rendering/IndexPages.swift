/// The home page and the document index list every plan and every document. Past
/// `ProvinceSplit.maxRows` entries from several provinces they list the provinces instead, each
/// linking to a page of its own (`/tinh/<province>/` for plans, `/van-ban/theo-tinh/<province>/`
/// for local documents): at 10,000 plans the two pages were 6.5 MB and 20 MB.
extension PageContexts {
    func homePages() -> [(file: String, context: [String: Any])] {
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
    private func home(_ site: SiteModel, scope: ProvinceSplit.Part?, split: ProvinceSplit? = nil) -> [String: Any] {
        let slugs = Dictionary(split?.parts.map { ($0.key, $0.slug) } ?? [], uniquingKeysWith: { first, _ in first })
        let groups: [[String: Any]] = site.groups.compactMap { group in
            let provinces = group.provinces.filter { scope == nil || $0.province == scope!.key }
            guard !provinces.isEmpty else { return nil }
            return [
                "citation": group.citation,
                "document": group.document,
                "count": provinces.reduce(0) { $0 + $1.plans.count },
                "provinces": provinces.map { entry -> [String: Any] in
                    var values: [String: Any] = ["province": ProvinceSplit.name(entry.province), "count": entry.plans.count]
                    if let slug = slugs[entry.province] { values["url"] = urls.province(slug) } else { values["plans"] = entry.plans.map(planSummary) }
                    return values
                },
            ]
        }
        let count = groups.reduce(0) { $0 + ($1["count"] as? Int ?? 0) }
        var extra: [String: Any] = ["groups": groups, "planCount": count, "isHome": scope == nil, "isSummary": split != nil]
        if let scope { extra["provincePage"] = ["name": scope.name] }
        return page(title: scope.map { "Kế hoạch – \($0.name)" }, extra: extra)
    }

    func documentIndexPages() -> [(file: String, context: [String: Any])] {
        let local = site.documents.filter { $0.document.ref.province != nil }
        let split = ProvinceSplit(keys: local.map { $0.document.ref.province ?? "" })
        guard split.splits(rows: local.count) else { return [("van-ban/index.html", documentIndex())] }
        let rows = split.parts.map { part -> [String: Any] in
            ["name": part.name, "url": urls.documentsByProvince(part.slug), "count": local.filter { $0.document.ref.province == part.key }.count]
        }
        var main = documentIndex(local: [])
        main["localProvinces"] = rows
        main["hasLocalProvinces"] = true
        var pages = [("van-ban/index.html", main)]
        for part in split.parts {
            let mine = local.filter { $0.document.ref.province == part.key }.map(documentSummary)
            pages.append((SiteURLs.documentsByProvinceFile(part.slug), page(title: "Văn bản của địa phương – \(part.name)", extra: [
                "local": mine, "hasLocal": true, "documentCount": mine.count, "provincePage": ["name": part.name],
            ])))
        }
        return pages
    }
}
