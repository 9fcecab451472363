/// Every URL the site prints, in one place, under the configured base path.
public struct SiteURLs: Sendable {
    public var base: String

    public init(base: String) { self.base = base }

    public var home: String { base }
    public var assets: String { base + "assets/" }
    /// A plan's, a task's and a document's addresses are made as one string of their size
    /// (`joined`): they are printed wherever a task or citation is listed, a million times in a
    /// national site, and each append cost as much as the copy.
    public func plan(_ slug: String) -> String { Self.joined([base, "ke-hoach/", slug, "/"]) }
    public func task(_ task: PlanTask) -> String { Self.joined([base, "ke-hoach/", task.planSlug, "/#", task.id]) }
    public var agencies: String { base + "co-quan/" }
    public func agency(_ agency: Agency) -> String { agencies + agency.slug + "/" }
    /// One province's part of an agency's page, when its page is a summary by province.
    public func agency(_ agency: Agency, province: String) -> String { self.agency(agency) + province + "/" }
    public var documents: String { base + "van-ban/" }
    public func document(_ ref: DocumentRef) -> String { document(slug: ref.slug) }
    func document(slug: String) -> String { Self.joined([base, "van-ban/", slug, "/"]) }
    /// One province's part of a document's page, when its page is a summary by province.
    public func document(_ ref: DocumentRef, province: String) -> String { document(ref) + province + "/" }
    public var deadlines: String { base + "thoi-han/" }
    /// A province's plans, when the home page lists provinces instead of plans.
    public func province(_ slug: String) -> String { base + "tinh/\(slug)/" }
    public func documentsByProvince(_ slug: String) -> String { documents + "theo-tinh/\(slug)/" }
    public var data: String { base + "data/" }

    /// Where a page's file goes in the output folder, for its URL path.
    public static func planFile(_ slug: String) -> String { "ke-hoach/\(slug)/index.html" }
    public static func agencyFile(_ agency: Agency) -> String { "co-quan/\(agency.slug)/index.html" }
    public static func provinceFile(_ slug: String) -> String { "tinh/\(slug)/index.html" }
    public static func documentsByProvinceFile(_ slug: String) -> String { "van-ban/theo-tinh/\(slug)/index.html" }
    public static func documentFile(_ ref: DocumentRef) -> String { "van-ban/\(ref.slug)/index.html" }
    public static func agencyFile(_ agency: Agency, province: String) -> String { "co-quan/\(agency.slug)/\(province)/index.html" }
    public static func documentFile(_ ref: DocumentRef, province: String) -> String { "van-ban/\(ref.slug)/\(province)/index.html" }

    private static func joined(_ parts: [String]) -> String {
        StringWriter.make(length: parts.reduce(0) { $0 + $1.utf8.count }) { text in
            for part in parts { text.put(part) }
        }
    }
}
