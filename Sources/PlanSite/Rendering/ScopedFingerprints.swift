/// The fingerprints of a record's pages (an agency's, a document's), made in one pass over the
/// plans the record lists: every plan goes into the fingerprint of the whole page and of the
/// summary, which counts them all, and into its own province's page's only. An edit to one plan
/// then renders again the summary and one province's page, not every page of the record.
struct ScopedFingerprints {
    private let base: Fingerprint
    private var all: Fingerprint
    private var provinces: [String: Fingerprint] = [:]
    /// False when a plan's source key is not known: the pages are then judged by their contexts.
    private var complete = true

    init(base: Fingerprint) {
        self.base = base
        all = base
    }

    /// A plan the record lists, by its key, with what about it the page shows (a task, a role, a depth).
    mutating func add(_ plan: Plan, key: Fingerprint?, _ what: Int, _ detail: Int) {
        guard let key else { return complete = false }
        let province = ProvinceSplit.key(plan)
        var one = provinces[province] ?? base
        Self.mix(&all, plan.slug, key, what, detail)
        Self.mix(&one, plan.slug, key, what, detail)
        provinces[province] = one
    }

    func callAsFunction(_ scope: PageScope) -> Fingerprint? {
        guard complete else { return nil }
        var fingerprint: Fingerprint
        switch scope {
        case .whole: fingerprint = all; fingerprint.add("whole")
        case .summary: fingerprint = all; fingerprint.add("summary")
        case .province(let key): fingerprint = provinces[key] ?? base; fingerprint.add("province " + key)
        }
        return fingerprint
    }

    private static func mix(_ fingerprint: inout Fingerprint, _ slug: String, _ key: Fingerprint, _ what: Int, _ detail: Int) {
        fingerprint.add(slug)
        fingerprint.add(key)
        fingerprint.add(what)
        fingerprint.add(detail)
    }
}
