/// One thing a search can find: a task, an agency, a document or a plan, with its text
/// split into weighted fields and what the result list shows.
///
/// Never changed once made, so a class of constants: the index reads units out of arrays at
/// every step (tokens, display chunks, facets), and a copy is then one reference, not a dozen.
final class SearchUnit: Sendable {
    enum Kind: Int, CaseIterable {
        case task, agency, document, plan
        var name: String { ["task", "agency", "document", "plan"][rawValue] }
    }

    let kind: Kind
    let title: String
    let url: String
    let province: String?
    /// Document numbers (only their "#…" tokens are indexed), then title, agencies, text.
    let numbers: String
    let agencies: String
    let text: String
    let leads: [String]
    let cited: [String]
    let deadline: String
    let year: Int?
    /// For a plan's or a task's unit, what it is made from: the plan's source key, the site's
    /// address and which unit of the plan it is. Display chunks of such units are kept by it.
    let source: Fingerprint?

    init(kind: Kind, title: String, url: String, province: String?, numbers: String, agencies: String, text: String,
         leads: [String], cited: [String], deadline: String, year: Int?, source: Fingerprint? = nil) {
        self.kind = kind
        self.title = title
        self.url = url
        self.province = province
        self.numbers = numbers
        self.agencies = agencies
        self.text = text
        self.leads = leads
        self.cited = cited
        self.deadline = deadline
        self.year = year
        self.source = source
    }

    /// The text after its first line when that line is the title, as a task's is; "" when the
    /// text is the title alone. A line break ends every run of words, so the text's words are
    /// the title's and these (its document numbers are not: see `TokenBlock.BlockReader.read`).
    var textAfterTitle: String? {
        let follows = text.withUTF8Bytes { text in
            title.withUTF8Bytes { title -> Bool? in
                guard ByteSearch.hasPrefix(text, title) else { return nil }
                guard text.count > title.count else { return false }
                return text[title.count] == UInt8(ascii: "\n")
            }
        }
        guard let follows else { return nil }
        guard follows else { return text.utf8.count == title.utf8.count ? "" : nil }
        return String(Substring(text.utf8.dropFirst(title.utf8.count + 1)))
    }

    /// Field weights for BM25F: a number match beats a title match beats an agency match beats text.
    static let weights = (numbers: 8.0, title: 4.0, agencies: 3.0, text: 1.0)

    /// The site's units, numbered by `UnitLayout`: each plan with its tasks, and agencies and
    /// documents in short runs, so a query's results from one plan share display chunks.
    static func all(_ site: SiteModel, planKeys: [String: Fingerprint] = [:], chunk: Int = SearchIndex.chunkSize,
                    jobs: Int = Workers.default) -> SiteUnits {
        let urls = SiteURLs(base: site.config.baseURL)
        let agencies = runs("a ", site.agencies.map { urls.agency($0.agency) })
        let documents = runs("d ", site.documents.map { urls.document($0.document.ref) })
        let plans = site.plans.map { (name: entityName($0.plan.slug), unitCount: 1 + $0.plan.tasks.count) }
        let entities = agencies.map { ($0.name, $0.items.count) } + documents.map { ($0.name, $0.items.count) } + plans
        return SiteUnits(entities: entities, chunk: chunk, jobs: jobs) { index in
            if index < agencies.count { return agencies[index].items.map { agency(site.agencies[$0], urls: urls) } }
            let rest = index - agencies.count
            if rest < documents.count { return documents[rest].items.map { document(site.documents[$0], urls: urls) } }
            let plan = site.plans[rest - documents.count].plan
            return of(plan, urls: urls, key: planKeys[plan.sourcePath])
        }
    }

    private static func agency(_ record: AgencyRecord, urls: SiteURLs) -> SearchUnit {
        SearchUnit(kind: .agency, title: record.agency.name, url: urls.agency(record.agency), province: nil, numbers: "",
                   agencies: (record.agency.aliases + record.agency.formerly).joined(separator: ". "),
                   text: record.agency.note ?? "", leads: [], cited: [], deadline: "", year: nil)
    }

    private static func document(_ record: DocumentRecord, urls: SiteURLs) -> SearchUnit {
        let document = record.document
        return SearchUnit(kind: .document, title: "\(document.typeName) số \(document.ref.label)", url: urls.document(document.ref),
                          province: document.ref.province, numbers: document.ref.number.canonical, agencies: document.issuer ?? "",
                          text: document.title ?? "", leads: [], cited: [document.ref.number.canonical], deadline: "",
                          year: document.date?.year)
    }

    /// The name of a plan's entity in `SiteUnits`.
    static func entityName(_ slug: String) -> String { "p " + slug }

    /// A plan's unit, then its tasks'. With the plan's source `key`, each unit's display record
    /// is known by it (`inputs`).
    static func of(_ plan: Plan, urls: SiteURLs, key: Fingerprint?) -> [SearchUnit] {
        func source(unit: Int) -> Fingerprint? {
            guard var key else { return nil }
            key.add(urls.base)
            key.add(unit)
            return key
        }
        let meta = plan.metadata
        var units = [SearchUnit(kind: .plan, title: meta.title, url: urls.plan(plan.slug), province: meta.province,
                                numbers: ([meta.number].compactMap { $0 } + meta.implements).joined(separator: " "),
                                agencies: meta.issuer, text: [meta.kind, meta.signer].compactMap { $0 }.joined(separator: ". "),
                                leads: [], cited: plan.implementedRefs.map(\.number.canonical), deadline: "", year: meta.date?.year,
                                source: source(unit: -1))]
        let citedByTask = Dictionary(grouping: plan.citations.filter { $0.taskIndex != nil }, by: { $0.taskIndex! })
        for (index, task) in plan.tasks.enumerated() {
            let cited = (citedByTask[index] ?? []).map(\.ref.number.canonical).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            units.append(SearchUnit(kind: .task, title: task.title, url: urls.task(task), province: plan.metadata.province,
                                    numbers: cited.joined(separator: " "), agencies: (task.lead + task.support).joined(separator: ". "),
                                    text: task.text, leads: task.lead, cited: cited,
                                    deadline: task.deadlines.map(\.text).joined(separator: " hoặc "), year: task.due?.year,
                                    source: source(unit: index)))
        }
        return units
    }

    /// Agencies or documents, by their addresses, cut into runs of up to 16, before each whose
    /// address hashes to a multiple of 8: adding or removing one changes its own run and seldom
    /// the next.
    private static func runs(_ prefix: String, _ addresses: [String]) -> [(name: String, items: Range<Int>)] {
        var runs: [(name: String, items: Range<Int>)] = []
        var start = 0
        for index in addresses.indices where index > start && ((TokenInterner.hash(addresses[index]) >> 32) % 8 == 0 || index - start == 16) {
            runs.append((prefix + addresses[start], start..<index))
            start = index
        }
        if start < addresses.count { runs.append((prefix + addresses[start], start..<addresses.count)) }
        return runs
    }

    /// What the unit's record in a display chunk is made from.
    var inputs: Fingerprint {
        if let source { return source }
        var fingerprint = Fingerprint.of([kind.name, title, url, province ?? "-", numbers, agencies, text, deadline, "\(year ?? -1)"])
        for list in [leads, cited] {
            fingerprint.add(list.count)
            for item in list { fingerprint.add(item) }
        }
        return fingerprint
    }
}
