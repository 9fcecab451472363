/// A compiled template, as `TemplateParser` makes it and `TemplateRenderer` walks it: a tree, so
/// a page is rendered without looking at the template's text again. Comments `{{! }}` leave no
/// token: there is nothing to render.
enum TemplateToken: Sendable {
    /// Text around tags, as UTF-8, with the lines standalone tags stood on already removed.
    case text([UInt8])
    /// `{{name}}`, `{{{name}}}` or `{{&name}}`: one token, since the value decides its escaping.
    case variable(Name)
    case section(Name, [TemplateToken])
    case invertedSection(Name, [TemplateToken])
    /// `{{>name}}`. A standalone tag's indentation is given to every further line the partial prints.
    case partial(String, indentation: [UInt8])
    /// `{{<name}}…{{/name}}`: the template `name` with some of its blocks replaced.
    case parent(String, indentation: [UInt8], overrides: [String: [TemplateToken]])
    /// `{{$name}}…{{/name}}` outside a parent: the nearest parent's override, or this default.
    case block(String, default: [TemplateToken], indentation: [UInt8])

    /// A name as a lookup path: `plan.date` is ["plan", "date"]; `.`, the current value, is [].
    struct Name: Sendable {
        var path: [TemplateKey]

        /// Nil for a name with an empty part (`a..b`, `.a`, `a.`), which no value can have.
        init?(_ text: String) {
            guard text != "." else { path = []; return }
            path = text.split(separator: ".", omittingEmptySubsequences: false).map { TemplateKey(String($0)) }
            if path.contains(where: \.name.isEmpty) { return nil }
        }
    }
}
