/// Fingerprints of what a plan's, an agency's or a document's pages are made from, which a
/// rebuild compares instead of fingerprinting the pages' contexts: building those contexts for
/// every page was most of a rebuild's render time, though one edited plan changes only a few pages.
///
/// A plan counts by its slug and the key of its source (`Build.planKeys`: its file, the
/// registries and the settings its extraction reads), so a page is built again when any plan
/// it lists changes; what every page shares (settings, the build day, which agencies have a
/// page to link to, the templates) is mixed into every fingerprint. A plan whose key is not
/// known makes the pages fall back to fingerprinting their contexts. A record split by province
/// has a fingerprint per page (`ScopedFingerprints`).
struct PageInputs {
    var contexts: PageContexts
    var shared: Fingerprint
    /// Plans' source keys by source path.
    var planKeys: [String: Fingerprint]

    init(contexts: PageContexts, salt: Fingerprint, planKeys: [String: Fingerprint]) {
        self.contexts = contexts
        self.planKeys = planKeys
        var shared = salt
        let config = contexts.config
        for part in ["inputs", config.title, config.description, config.baseURL, "\(config.allowRawHTML)", contexts.site.today.iso] {
            shared.add(part)
        }
        for record in contexts.site.agencies { shared.add(record.agency.slug) }
        self.shared = shared
    }

    /// A plan's page: the plan, and which documents have pages, as its body links only those.
    func plan(_ plan: Plan, documentPages: Fingerprint) -> Fingerprint? {
        guard let key = planKeys[plan.sourcePath] else { return nil }
        var fingerprint = shared
        fingerprint.add("plan")
        fingerprint.add(documentPages)
        fingerprint.add(plan.slug)
        fingerprint.add(key)
        return fingerprint
    }

    /// A deadlines page: the plans whose tasks it lists or counts, in that order; the day, which
    /// decides what is overdue, is shared.
    func deadlines(_ plans: [Plan]) -> Fingerprint? {
        var fingerprint = shared
        fingerprint.add("deadlines")
        for plan in plans {
            guard let key = planKeys[plan.sourcePath] else { return nil }
            fingerprint.add(plan.slug)
            fingerprint.add(key)
        }
        return fingerprint
    }

    func agency(_ record: AgencyRecord) -> ScopedFingerprints {
        var base = shared
        let agency = record.agency
        for part in ["agency", agency.name, "\(agency.aliases)", "\(agency.formerly)", "\(agency.collective) \(agency.registered)", present(agency.note)] {
            base.add(part)
        }
        var fingerprints = ScopedFingerprints(base: base)
        for assignment in record.assignments {
            fingerprints.add(assignment.plan, key: planKeys[assignment.plan.sourcePath], assignment.taskIndex,
                             AgencyRole.allCases.firstIndex(of: assignment.role)!)
        }
        return fingerprints
    }

    /// `chain` is `chainDown` of the document.
    func document(_ record: DocumentRecord, chain: [ChainRow]) -> ScopedFingerprints {
        var base = shared
        add(record.document, to: &base)
        // Every page of the document shows how many plans cite it and carry it out.
        base.add("counts \(record.citations.count) \(record.implementedByPlans.count)")
        base.add("implemented by documents \(record.implementedByDocuments.map(\.slug))")
        base.add(record.plan.map { planKeys[$0.sourcePath].map { "\($0)" } ?? "unknown" } ?? "no plan")
        // The chain up prints a few links, which are fingerprinted as they are; the chain down
        // is documents, as records, and plans, by key.
        base.add(value: .list(contexts.chainUp(record.document.ref)))
        for case .document(let ref, let depth) in chain {
            base.add("\(depth) \(ref.slug)")
            add(contexts.site.document(ref)?.document, to: &base)
        }
        var fingerprints = ScopedFingerprints(base: base)
        if let plan = record.plan, planKeys[plan.sourcePath] == nil { fingerprints.add(plan, key: nil, 0, 0) }
        for entry in record.citations { fingerprints.add(entry.plan, key: planKeys[entry.plan.sourcePath], 1, 0) }
        for plan in record.implementedByPlans { fingerprints.add(plan, key: planKeys[plan.sourcePath], 2, 0) }
        for case .plan(let plan, let depth) in chain { fingerprints.add(plan, key: planKeys[plan.sourcePath], 3, depth) }
        return fingerprints
    }

    /// Every stored field of the document, its number's included.
    private func add(_ document: Document?, to fingerprint: inout Fingerprint) {
        guard let document else { return fingerprint.add("no record") }
        let number = document.ref.number
        for part in ["document", "\(number.shape) \(number.serial) \(number.year ?? -1)", number.type, number.issuer,
                     present(document.ref.province), document.typeName, present(document.date?.iso), present(document.issuer),
                     present(document.title), document.implements.map(\.slug).joined(separator: " ")] {
            fingerprint.add(part)
        }
    }

    /// An optional text that no present text fingerprints alike.
    private func present(_ text: String?) -> String { text.map { "=" + $0 } ?? "nil" }
}
