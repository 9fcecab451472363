/// What a template can print or open as a section. Whether a value is escaped is decided here,
/// by the kind of value, and never by the tag that prints it: text from Content is always
/// escaped, `{{ }}` or `{{{ }}}` alike, so no template can put a plan's text into a page as
/// markup; only HTML PlanSite made itself (`.html`) goes out as it is.
///
/// Not `indirect`: lists and objects already keep their elements out of line, so no box is
/// needed and copying a value costs one retain at most.
public enum TemplateValue: Sendable {
    /// Text from Content or the site settings: HTML-escaped when printed.
    case text(String)
    /// Markup PlanSite built and escaped itself (a plan's body), in UTF-8: printed as it is.
    case html([UInt8])
    case bool(Bool)
    case int(Int)
    case list([TemplateValue])
    case object([TemplateKey: TemplateValue])

    /// Rows of a table: a list of objects, without wrapping each row by hand.
    static func list(_ objects: [[TemplateKey: TemplateValue]]) -> TemplateValue {
        .list(objects.map(TemplateValue.object))
    }

    /// Names, aliases, recipients: a list of texts.
    static func list(_ texts: [String]) -> TemplateValue {
        .list(texts.map(TemplateValue.text))
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) { self = .text(value) }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    /// A key written twice keeps its last value, as a dictionary assigned key by key would.
    public init(dictionaryLiteral elements: (TemplateKey, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
