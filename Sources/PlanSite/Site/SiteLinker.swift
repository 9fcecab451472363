/// Link stage: the only stage that sees every plan at once. It checks what must be unique
/// across plans and joins tasks to agencies and citations to documents, both ways.
public struct SiteLinker: Sendable {
    public var today: CalendarDate
    public var jobs: Int

    public init(today: CalendarDate, jobs: Int = Workers.default) {
        self.today = today
        self.jobs = jobs
    }

    public func link(_ plans: [ExtractedPlan], registries: Registries, config: SiteConfig) -> (SiteModel, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var bySlug: [String: ExtractedPlan] = [:]
        for entry in plans.sorted(by: { $0.plan.sourcePath < $1.plan.sourcePath }) {
            if let first = bySlug[entry.plan.slug] {
                diagnostics.append(.error(SourceLocation(file: entry.plan.sourcePath),
                                          "slug '\(entry.plan.slug)' is already used by \(first.plan.sourcePath)",
                                          hint: "give one of them another file name or a 'slug:' line in its front matter"))
                continue
            }
            bySlug[entry.plan.slug] = entry
        }
        let unique = bySlug.values.sorted { $0.plan.slug < $1.plan.slug }
        let allPlans = unique.map(\.plan)
        // Documents and agencies are joined independently of each other, side by side; links
        // are checked beside the agencies, the lighter of the two.
        let ((documents, undefined), (agencies, broken)) = concurrently(jobs: jobs, {
            let documents = DocumentLinker(plans: allPlans, entries: registries.documents, jobs: jobs).link()
            return (documents, Self.undefinedImplements(allPlans, documents: documents))
        }, { (Self.agencies(allPlans, registry: registries.agencies), Self.brokenLinks(allPlans, base: config.baseURL)) })
        diagnostics += undefined
        diagnostics += broken

        var model = SiteModel(config: config, plans: unique, groups: Self.groups(allPlans), agencies: agencies,
                              documents: documents, today: today)
        model.plansBySlug = Dictionary(uniqueKeysWithValues: allPlans.map { ($0.slug, $0) })
        model.documentsBySlug = Dictionary(uniqueKeysWithValues: documents.enumerated().map { ($1.document.ref.slug, $0) })
        return (model, diagnostics)
    }

    /// Groups by the national document a plan carries out (the resolution at the top of its
    /// chain, as officials look for it), then by province, newest first.
    static func groups(_ plans: [Plan]) -> [PlanGroup] {
        var byDocument: [String: (citation: String, ref: DocumentRef?, plans: [Plan])] = [:]
        for plan in plans {
            let refs = plan.implementedRefs
            let primary = refs.first(where: { $0.province == nil }) ?? refs.first
            let key = primary?.number.canonical ?? plan.metadata.implements.first ?? ""
            byDocument[key, default: (primary?.number.citation ?? key, primary, [])].plans.append(plan)
        }
        return Collation.sorted(byDocument.keys).map { key in
            let entry = byDocument[key]!
            var byProvince: [String: [Plan]] = [:]
            for plan in entry.plans { byProvince[plan.metadata.province ?? "", default: []].append(plan) }
            let provinces = Collation.sorted(byProvince.keys).map { province in
                (province: province, plans: byProvince[province]!.sorted(by: newestFirst))
            }
            return PlanGroup(document: key, citation: entry.citation, ref: entry.ref, provinces: provinces)
        }
    }

    static func newestFirst(_ a: Plan, _ b: Plan) -> Bool {
        switch (a.metadata.date, b.metadata.date) {
        case let (x?, y?) where x != y: return x > y
        case (_?, nil): return true
        case (nil, _?): return false
        default: return a.slug < b.slug
        }
    }

    /// Every agency named in a task, with its tasks; the same name in two provinces is one
    /// agency whose page groups its tasks by province. Names that differ only in case or
    /// punctuation ("Sở Không Có", "Sở không-có") have one address, so they share one page.
    static func agencies(_ plans: [Plan], registry: AgencyRegistry) -> [AgencyRecord] {
        var records: [String: AgencyRecord] = [:]
        // A national site names its agencies over a million times, a few thousand names: each
        // name is looked up and made a slug once, which folds its text twice.
        var slugs: [ExactText: (slug: String, agency: Agency)] = [:]
        for plan in plans {
            for (index, task) in plan.tasks.enumerated() {
                for role in AgencyRole.allCases {
                    for name in task.agencies[role] ?? [] {
                        let known = slugs[ExactText(name)] ?? {
                            let agency = registry.agency(named: name) ?? Agency(name: name, registered: false)
                            slugs[ExactText(name)] = (agency.slug, agency)
                            return (agency.slug, agency)
                        }()
                        records[known.slug, default: AgencyRecord(agency: known.agency, assignments: [])]
                            .assignments.append(Assignment(plan, taskIndex: index, role: role))
                    }
                }
            }
        }
        return Collation.sorted(records.values, by: \.agency.name)
    }

    /// Links from one plan to another plan or to an anchor ("#nv-iii-1-1", "/ke-hoach/x/#…",
    /// "../x/") whose target does not exist, in `checking` (all the plans by default). Links
    /// elsewhere are not this site's to check.
    static func brokenLinks(_ plans: [Plan], base: String, checking: [Plan]? = nil) -> [Diagnostic] {
        let anchors = Dictionary(uniqueKeysWithValues: plans.map { plan in
            (plan.slug, Set(plan.headings.map(\.id) + plan.tasks.map(\.id)))
        })
        var problems: [Diagnostic] = []
        for plan in checking ?? plans {
            for link in plan.links {
                var target = link.destination
                var slug = plan.slug
                for prefix in [base + "ke-hoach/", "/ke-hoach/", "../../ke-hoach/", "../"] where target.hasPrefix(prefix) {
                    let rest = target.dropFirst(prefix.count)
                    slug = String(rest.prefix { $0 != "/" && $0 != "#" })
                    target = String(rest.drop { $0 != "#" })
                    break
                }
                guard target.isEmpty || target.hasPrefix("#"), slug != plan.slug || target.hasPrefix("#") else { continue }
                let at = SourceLocation(file: plan.sourcePath, line: link.line, column: link.column)
                guard let known = anchors[slug] else {
                    problems.append(.warning(at, "link to a plan that does not exist: \(link.destination)",
                                             hint: Suggestion.closest(to: slug, among: Array(anchors.keys)).map { "did you mean '\($0)'?" }))
                    continue
                }
                let anchor = String(target.dropFirst())
                if !anchor.isEmpty, !known.contains(anchor) {
                    problems.append(.warning(at, "link to an anchor that does not exist: \(link.destination)",
                                             hint: Suggestion.closest(to: anchor, among: Array(known)).map { "did you mean '#\($0)'?" }))
                }
            }
        }
        return problems
    }

    /// An `implements` entry that is neither cited in any plan's text nor described in documents.yml.
    static func undefinedImplements(_ plans: [Plan], documents: [DocumentRecord]) -> [Diagnostic] {
        let known = Set(documents.filter { !$0.citations.isEmpty || $0.document.title != nil }.map(\.document.ref.slug))
        var problems: [Diagnostic] = []
        for plan in plans {
            for raw in plan.metadata.implements {
                let location = SourceLocation(file: plan.sourcePath, line: 1)
                guard let number = DocumentNumber.parsed(raw) else {
                    problems.append(.warning(location, "'implements' entry '\(raw)' is not a document number",
                                             hint: "write it as 27-NQ/TW, 77/NQ-CP or 33/2021/QH15"))
                    continue
                }
                if !known.contains(DocumentRef(number: number, citingProvince: plan.metadata.province).slug) {
                    problems.append(.warning(location, "'implements' names \(number.canonical), which no plan cites and documents.yml does not describe",
                                             hint: "cite it in the plan's text or add it to Content/documents.yml"))
                }
            }
        }
        return problems
    }
}
