import Foundation
import Yams

/// Settings for one site: from `Content/site.yml`, overridden by command-line options.
public struct SiteConfig: Sendable, Hashable {
    public var title: String
    public var description: String
    /// Where the site is served: "/" or "/kehoach/". Always ends with "/".
    public var baseURL: String
    /// Raw HTML inside plans is dropped unless the site's owner trusts every writer.
    public var allowRawHTML: Bool

    public init(title: String = "Kế hoạch thực hiện nghị quyết",
                description: String = "Các kế hoạch, chương trình hành động thực hiện nghị quyết của Đảng và Nhà nước",
                baseURL: String = "/", allowRawHTML: Bool = false) {
        self.title = title
        self.description = description
        self.baseURL = SiteConfig.normalizedBaseURL(baseURL)
        self.allowRawHTML = allowRawHTML
    }

    /// "kehoach" and "/kehoach" both mean "/kehoach/".
    public static func normalizedBaseURL(_ raw: String) -> String {
        var base = raw.trimmingCharacters(in: .whitespaces)
        if !base.contains("://"), !base.hasPrefix("/") { base = "/" + base }
        if !base.hasSuffix("/") { base += "/" }
        return base
    }
}


extension SiteConfig {
    public static let fileName = "site.yml"
    static let knownKeys = ["title", "description", "base_url", "raw_html"]

    /// Reads `site.yml`; unknown keys and wrong types are errors like in front matter.
    public static func decode(_ yaml: String, file: String) -> Result<SiteConfig, [Diagnostic]> {
        var config = SiteConfig()
        let root: Node?
        switch YAMLFile.compose(yaml, file: file) {
        case .success(let node): root = node
        case .failure(let problems): return .failure(problems)
        }
        guard let root else { return .success(config) }
        guard case .mapping(let mapping) = root else {
            return .failure([.error(SourceLocation(file: file), "\(fileName) must be a list of 'key: value' lines")])
        }
        var problems: [Diagnostic] = []
        for (key, value) in mapping {
            let at = SourceLocation(file: file, line: value.mark?.line ?? 1, column: value.mark?.column ?? 1)
            switch key.string {
            case "title": config.title = value.string ?? config.title
            case "description": config.description = value.string ?? config.description
            case "base_url": config.baseURL = normalizedBaseURL(value.string ?? "/")
            case "raw_html":
                guard let flag = value.bool else {
                    problems.append(.error(at, "'raw_html' must be true or false"))
                    continue
                }
                config.allowRawHTML = flag
            default:
                problems.append(YAMLFile.unknownKey(key.string ?? "?", known: knownKeys,
                                                    at: SourceLocation(file: file, line: key.mark?.line ?? 1, column: key.mark?.column ?? 1),
                                                    what: "setting"))
            }
        }
        return problems.isEmpty ? .success(config) : .failure(problems)
    }
}
