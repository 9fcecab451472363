/// The values templates see. Text from Content goes in as `.text`, which is escaped however a
/// template prints it; only HTML PlanSite made and escaped itself (a plan's body) is `.html`.
struct PageContexts {
    var site: SiteModel
    var config: SiteConfig { site.config }
    var urls: SiteURLs
    /// Agencies by page address, to link every name a task prints, whichever way it is spelt.
    var agencies: [String: Agency]
    /// Every agency name the plans' tasks use, with its link: made once per name, as a name's
    /// slug costs more than the rest of the task rows that print it, page after page.
    var agencyLinks: [ExactText: TemplateValue] = [:]
    /// Plans' bodies, kept apart from the site model until their page is rendered.
    var bodies: BodyStore
    let agencyRows = AgencyIndexRows()

    init(site: SiteModel, bodies: BodyStore) {
        self.site = site
        self.bodies = bodies
        urls = SiteURLs(base: site.config.baseURL)
        agencies = Dictionary(site.agencies.map { ($0.agency.slug, $0.agency) }, uniquingKeysWith: { first, _ in first })
        for task in site.plans.lazy.flatMap(\.plan.tasks) {
            for name in task.agencies.values.joined() where agencyLinks[ExactText(name)] == nil { agencyLinks[ExactText(name)] = agencyLink(name) }
        }
    }

    /// What every page has: the site, the base URL, the page's title.
    func page(title: String?, description: String? = nil, extra: [TemplateKey: TemplateValue]) -> [TemplateKey: TemplateValue] {
        var context: [TemplateKey: TemplateValue] = [
            "site": ["title": .text(config.title), "description": .text(config.description)],
            "base": .text(urls.base),
            "assets": .text(urls.assets),
            "pageTitle": .text(title.map { "\($0) – \(config.title)" } ?? config.title),
            "description": .text(description ?? config.description),
        ]
        context.merge(extra) { _, new in new }
        return context
    }

    func planSummary(_ plan: Plan) -> [TemplateKey: TemplateValue] {
        let meta = plan.metadata
        var summary: [TemplateKey: TemplateValue] = [
            "title": .text(meta.title),
            "url": .text(urls.plan(plan.slug)),
            "slug": .text(plan.slug),
            "issuer": .text(meta.issuer),
        ]
        summary["kind"] = meta.kind.map { .text($0) }
        summary["number"] = meta.number.map { .text($0) }
        summary["province"] = meta.province.map { .text($0) }
        summary["date"] = meta.date.map { .text($0.vietnamese) }
        summary["dateISO"] = meta.date.map { .text($0.iso) }
        return summary
    }

    /// A plan's page, around `body`, its HTML with citations linked (`linkedBody`).
    func plan(_ entry: ExtractedPlan, body: TemplateValue) -> [TemplateKey: TemplateValue] {
        let plan = entry.plan
        let meta = plan.metadata
        var details = planSummary(plan)
        details["signer"] = meta.signer.map { .text($0) }
        details["signerTitle"] = meta.signerTitle.map { .text($0) }
        details["implements"] = .list(meta.implements.map { raw -> [TemplateKey: TemplateValue] in
            guard let number = DocumentNumber.parsed(raw) else { return ["citation": .text(raw)] }
            let ref = DocumentRef(number: number, citingProvince: meta.province)
            return ["number": .text(number.canonical), "citation": .text(number.citation), "url": .text(urls.document(ref))]
        })
        details["recipients"] = .list(meta.recipients)
        details["hasRecipients"] = .bool(!meta.recipients.isEmpty)
        let toc = plan.headings.filter { $0.level <= 4 }.map { heading -> [TemplateKey: TemplateValue] in
            ["id": .text(heading.id), "text": .text(heading.text), "level": .int(heading.level)]
        }
        let tasks = plan.tasks.enumerated().map { index, task in taskRow(task, in: plan, number: index + 1) }
        return page(title: meta.title, description: meta.title, extra: [
            "plan": .object(details),
            "toc": .list(toc),
            "hasToc": .bool(!toc.isEmpty),
            "bodyHtml": body,
            "tasks": .list(tasks),
            "taskCount": .int(tasks.count),
            "hasTasks": .bool(!tasks.isEmpty),
        ])
    }

    /// A plan's page, its body with its citations linked.
    func planPage(_ entry: ExtractedPlan) -> [TemplateKey: TemplateValue] { plan(entry, body: linkedBody(entry.plan)) }

    /// A plan's body with every citation of a document that has a page linked to it.
    func linkedBody(_ plan: Plan) -> TemplateValue {
        // A body cites a few documents many times over: each one's address, which folds its
        // number into a slug, is made once.
        var addresses: [DocumentRef: String?] = [:]
        let linker = CitationLinker(province: plan.metadata.province) { ref in
            if let known = addresses[ref] { return known }
            let slug = ref.slug
            let address = site.documentsBySlug[slug] != nil ? urls.document(slug: slug) : nil
            addresses[ref] = address
            return address
        }
        return .html(linker.link(bodies.html(for: plan.slug)))
    }

    func notFound() -> [TemplateKey: TemplateValue] {
        page(title: "Không tìm thấy trang", extra: [:])
    }
}
