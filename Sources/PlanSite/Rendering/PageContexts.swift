/// The values templates see. Plain text goes in as-is (templates print it with `{{ }}`,
/// which escapes it); keys ending in `Html` hold HTML PlanSite made and escaped itself,
/// for `{{{ }}}`.
struct PageContexts {
    var site: SiteModel
    var config: SiteConfig { site.config }
    var urls: SiteURLs
    /// Agencies by page address, to link every name a task prints, whichever way it is spelt.
    var agencies: [String: Agency]
    /// Plans' bodies, kept apart from the site model until their page is rendered.
    var bodies: BodyStore

    init(site: SiteModel, bodies: BodyStore) {
        self.site = site
        self.bodies = bodies
        urls = SiteURLs(base: site.config.baseURL)
        agencies = Dictionary(site.agencies.map { ($0.agency.slug, $0.agency) }, uniquingKeysWith: { first, _ in first })
    }

    /// What every page has: the site, the base URL, the page's title.
    func page(title: String?, description: String? = nil, extra: [String: Any]) -> [String: Any] {
        var context: [String: Any] = [
            "site": ["title": config.title, "description": config.description],
            "base": urls.base,
            "assets": urls.assets,
            "pageTitle": title.map { "\($0) – \(config.title)" } ?? config.title,
            "description": description ?? config.description,
        ]
        context.merge(extra) { _, new in new }
        return context
    }

    func planSummary(_ plan: Plan) -> [String: Any] {
        let meta = plan.metadata
        var summary: [String: Any] = [
            "title": meta.title,
            "url": urls.plan(plan.slug),
            "slug": plan.slug,
            "issuer": meta.issuer,
        ]
        summary["kind"] = meta.kind
        summary["number"] = meta.number
        summary["province"] = meta.province
        summary["date"] = meta.date?.vietnamese
        summary["dateISO"] = meta.date?.iso
        return summary
    }

    func plan(_ entry: ExtractedPlan) -> [String: Any] {
        let plan = entry.plan
        let meta = plan.metadata
        var details = planSummary(plan)
        details["signer"] = meta.signer
        details["signerTitle"] = meta.signerTitle
        details["implements"] = meta.implements.map { raw -> [String: Any] in
            guard let number = DocumentNumber(raw) else { return ["citation": raw] }
            let ref = DocumentRef(number: number, citingProvince: meta.province)
            return ["number": number.canonical, "citation": number.citation, "url": urls.document(ref)]
        }
        details["recipients"] = meta.recipients
        details["hasRecipients"] = !meta.recipients.isEmpty
        let toc = plan.headings.filter { $0.level <= 4 }.map { heading -> [String: Any] in
            ["id": heading.id, "text": heading.text, "level": heading.level]
        }
        let linker = CitationLinker(province: meta.province) { ref in
            site.document(ref) != nil ? urls.document(ref) : nil
        }
        let tasks = plan.tasks.enumerated().map { index, task in taskRow(task, in: plan, number: index + 1) }
        return page(title: meta.title, description: meta.title, extra: [
            "plan": details,
            "toc": toc,
            "hasToc": !toc.isEmpty,
            "bodyHtml": linker.link(bodies.text(for: plan.slug)),
            "tasks": tasks,
            "taskCount": tasks.count,
            "hasTasks": !tasks.isEmpty,
        ])
    }

    func notFound() -> [String: Any] {
        page(title: "Không tìm thấy trang", extra: [:])
    }
}
