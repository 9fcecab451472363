/// Decides when a document's or an agency's page becomes a summary by province, with one page
/// per province under it, and names those province pages.
///
/// The page splits when it would list plans and tasks of more than one province *and* more than
/// `maxRows` of them. Length, not the number of provinces, is what makes a page unusable: at
/// 1,000 generated plans the page of 27-NQ/TW listed 1,000 plans and 2,911 tasks (4 MB), while a
/// page of a few plans from a few provinces reads best whole, and a site of a handful of real
/// plans keeps one page per document and agency, as before.
struct ProvinceSplit {
    /// About 100 KB of HTML, as long as the page of a long plan (the real plans' pages are
    /// 66–121 KB): short enough to read, print and index.
    static let maxRows = 100
    /// What the site calls the plans that name no province (ministries' and other national plans).
    static let noProvinceName = "Chưa ghi tỉnh"

    /// One province's part of a page.
    struct Part {
        /// The plans' `province` as written; "" for plans that name none.
        var key: String
        /// What the page prints.
        var name: String
        /// The folder under the page: "thai-nguyen", "chua-ghi-tinh".
        var slug: String
    }

    /// In reading order: plans without a province first, then provinces alphabetically, as
    /// agency pages list them.
    let parts: [Part]

    init(keys: some Sequence<String>) {
        // Two spellings of one province ("Thừa Thiên Huế", "Thừa Thiên - Huế") fold to one slug;
        // the second gets "-2" rather than overwriting the first's page.
        var ids = UniqueIDs()
        // A record's plans come by slug, which starts with the province: most keys repeat the one
        // before, and comparing bytes is cheaper than hashing Vietnamese text.
        var distinct: Set<String> = []
        var last = ""
        for key in keys where !key.utf8.elementsEqual(last.utf8) || distinct.isEmpty {
            distinct.insert(key)
            last = key
        }
        parts = Collation.sorted(distinct).map { key in
            Part(key: key, name: Self.name(key), slug: ids.make(from: Self.name(key), fallback: "tinh"))
        }
    }

    /// Whether a page listing `rows` plans and tasks of these provinces is a summary by province.
    func splits(rows: Int) -> Bool {
        parts.count > 1 && rows > Self.maxRows
    }

    /// The part a plan belongs to.
    static func key(_ plan: Plan) -> String { plan.metadata.province ?? "" }

    static func name(_ key: String) -> String { key.isEmpty ? noProvinceName : key }
}
