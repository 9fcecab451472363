import Foundation

/// A text file read from the content or template folder.
public struct SourceFile: Sendable, Hashable {
    /// Path relative to its folder's parent, as diagnostics name it: "Content/lao-cai.md".
    public var path: String
    /// A plan read from disk keeps its bytes as read until it is parsed: checking and
    /// normalising them (`TextFile.decode`) is then done only for the plans a build parses, not
    /// for the thousands a rebuild takes from the cache.
    private var content: Content

    private enum Content: Hashable, Sendable {
        case text(String)
        case unchecked(Data)
    }

    /// A file given as text (registries, templates, plans made in memory), composed to NFC as a
    /// file read from disk is.
    public init(path: String, text: String) {
        self.path = path
        content = .text(VietnameseText.composed(text))
    }

    init(path: String, unchecked bytes: Data) {
        self.path = path
        content = .unchecked(bytes)
    }

    /// The text, or where the bytes are not UTF-8.
    func decoded() -> Result<String, TextFile.InvalidByte> {
        switch content {
        case .text(let text): .success(text)
        case .unchecked(let bytes): TextFile.decode(bytes)
        }
    }

    /// The text: a file loaded as text (registries, templates, plans made in memory) as given;
    /// a plan read from disk decoded, or, where it is not UTF-8, read with the bad bytes replaced
    /// (the build reports those through `decoded()` when it parses the plan).
    public var text: String {
        switch content {
        case .text(let text): text
        case .unchecked(let bytes): (try? TextFile.decode(bytes).get()) ?? String(decoding: bytes, as: UTF8.self)
        }
    }

    /// What the build cache knows the file by: its bytes as read, or its text.
    func fingerprint(into key: inout Fingerprint) {
        switch content {
        case .text(let text): key.add(text)
        case .unchecked(let bytes): key.add(bytes: bytes)
        }
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
