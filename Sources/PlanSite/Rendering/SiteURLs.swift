/// Every URL the site prints, in one place, under the configured base path.
public struct SiteURLs: Sendable {
    public var base: String

    public init(base: String) { self.base = base }

    public var home: String { base }
    public var assets: String { base + "assets/" }
    public func plan(_ slug: String) -> String { base + "ke-hoach/\(slug)/" }

    /// Where a page's file goes in the output folder, for its URL path.
    public static func planFile(_ slug: String) -> String { "ke-hoach/\(slug)/index.html" }
}
