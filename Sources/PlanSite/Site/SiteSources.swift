import Foundation

/// A text file read from the content or template folder.
public struct SourceFile: Sendable, Hashable {
    /// Path relative to its folder's parent, as diagnostics name it: "Content/lao-cai.md".
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}

/// Everything a build reads, loaded before any work starts so the pipeline itself is a
/// function of values (and tests can build a site from strings).
public struct SiteSources: Sendable {
    public var config: SiteConfig
    public var plans: [SourceFile]
    /// Registries and settings in the content folder (`agencies.yml`, `documents.yml`), by file name.
    public var registries: [String: SourceFile]
    /// Mustache templates by name ("layout", "plan" …).
    public var templates: [String: SourceFile]
    /// Static files to copy, by path under `assets/`.
    public var assets: [String: Data]

    public init(config: SiteConfig = SiteConfig(), plans: [SourceFile], registries: [String: SourceFile] = [:],
                templates: [String: SourceFile], assets: [String: Data] = [:]) {
        self.config = config
        self.plans = plans
        self.registries = registries
        self.templates = templates
        self.assets = assets
    }
}
