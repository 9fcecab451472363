/// A name in a template context, with its hash made once, when the name is (the search
/// index's FNV-1a over its bytes, `TokenInterner.hash`): a page's lookups
/// and its contexts' dictionaries hash the same few dozen names hundreds of thousands of
/// times in a national site, and hashing a `String` runs SipHash over it every time (with
/// the templates' lookups, a twentieth of a build's instructions).
///
/// The names are PlanSite's and the templates' own, never text from Content, so a fast
/// unkeyed hash leaves nothing to flood.
public struct TemplateKey: Hashable, Comparable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let name: String
    private let code: UInt64

    public init(_ name: String) {
        self.name = name
        code = TokenInterner.hash(name)
    }

    public init(stringLiteral name: String) { self.init(name) }

    public var description: String { name }

    public static func == (a: TemplateKey, b: TemplateKey) -> Bool { a.code == b.code && a.name == b.name }

    /// By bytes, as `==` compares: `String`'s order holds two spellings of a name equal.
    public static func < (a: TemplateKey, b: TemplateKey) -> Bool { a.name.utf8.lexicographicallyPrecedes(b.name.utf8) }

    public func hash(into hasher: inout Hasher) { hasher.combine(code) }

    public func _rawHashValue(seed: Int) -> Int { ByteHash.seeded(code, seed) }
}
