/// Fingerprints of what a plan's, an agency's or a document's pages are made from, which a
/// rebuild compares instead of fingerprinting the pages' contexts: building those contexts for
/// every page was most of a rebuild's render time, though one edited plan changes only a few pages.
///
/// A plan counts by its slug and the key of its source (`Build.planKey`: its file, the
/// registries and the settings its extraction reads), so a page is built again when any plan
/// it lists changes; what every page shares (settings, the build day, which agencies have a
/// page to link to, the templates) is mixed into every fingerprint. A plan whose key is not
/// known makes the pages fall back to fingerprinting their contexts.
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
        var fingerprint = shared
        fingerprint.add("plan \(documentPages)")
        return add(plan, to: &fingerprint) ? fingerprint : nil
    }

    func agency(_ record: AgencyRecord) -> Fingerprint? {
        var fingerprint = shared
        let agency = record.agency
        for part in ["agency", agency.name, "\(agency.aliases)", "\(agency.formerly)", "\(agency.collective) \(agency.registered)", present(agency.note)] {
            fingerprint.add(part)
        }
        for assignment in record.assignments {
            guard add(assignment.plan, to: &fingerprint) else { return nil }
            fingerprint.add("\(assignment.taskIndex) \(assignment.role)")
        }
        return fingerprint
    }

    func document(_ record: DocumentRecord) -> Fingerprint? {
        var fingerprint = shared
        add(record.document, to: &fingerprint)
        for entry in record.citations {
            guard add(entry.plan, to: &fingerprint) else { return nil }
        }
        fingerprint.add("implemented by")
        for plan in record.implementedByPlans {
            guard add(plan, to: &fingerprint) else { return nil }
        }
        fingerprint.add("implemented by documents \(record.implementedByDocuments.map(\.slug))")
        if let plan = record.plan {
            guard add(plan, to: &fingerprint) else { return nil }
        }
        // The chain up prints a few links, which are fingerprinted as they are; the chain down
        // is documents, as records, and plans, by key.
        fingerprint.add(value: .list(contexts.chainUp(record.document.ref)))
        for row in contexts.chainDown(record.document.ref) {
            switch row {
            case .document(let ref, let depth):
                fingerprint.add("\(depth) \(ref.slug)")
                add(contexts.site.document(ref)?.document, to: &fingerprint)
            case .plan(let plan, let depth):
                fingerprint.add("\(depth)")
                guard add(plan, to: &fingerprint) else { return nil }
            }
        }
        return fingerprint
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

    private func add(_ plan: Plan, to fingerprint: inout Fingerprint) -> Bool {
        guard let key = planKeys[plan.sourcePath] else { return false }
        fingerprint.add("\(plan.slug) \(key)")
        return true
    }
}
