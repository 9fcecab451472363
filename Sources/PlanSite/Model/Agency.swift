/// An agency (cơ quan, đơn vị) as the registry knows it.
public struct Agency: Hashable, Sendable {
    /// The canonical name the site shows: "Sở Tư pháp".
    public var name: String
    /// Other spellings plans use: "STP", "UBND cấp huyện".
    public var aliases: [String]
    /// Names before a merger or rename.
    public var formerly: [String]
    /// A group ("Các sở, ban, ngành") rather than one agency.
    public var collective: Bool
    public var note: String?
    /// False for a name found in a plan but missing from the registry.
    public var registered: Bool

    public init(name: String, aliases: [String] = [], formerly: [String] = [], collective: Bool = false,
                note: String? = nil, registered: Bool = true) {
        self.name = name
        self.aliases = aliases
        self.formerly = formerly
        self.collective = collective
        self.note = note
        self.registered = registered
    }

    /// The agency page's folder: "so-tu-phap". A name with no letter or digit ("***", "/../")
    /// still needs a folder of its own, or its page would take the place of the agency index.
    public var slug: String {
        let slug = VietnameseText.slug(name)
        return slug.isEmpty ? "x-" + name.unicodeScalars.prefix(20).map { String($0.value, radix: 16) }.joined(separator: "-") : slug
    }
}
