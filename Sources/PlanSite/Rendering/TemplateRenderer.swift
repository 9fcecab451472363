/// Renders compiled templates into one UTF-8 buffer.
///
/// Lookup is Mustache's: the first part of a name is looked for in the innermost value that is an
/// object and outward from there, the other parts only inside what it found. A section over a
/// list renders once per item; over `false`, a missing value or an empty list not at all; over
/// `true` once, in the same context; over anything else once, with that value innermost. Empty
/// text and 0 count as present, as they did with swift-mustache; templates test flags such as
/// `hasTasks` instead.
struct TemplateRenderer {
    private let templates: [String: [TemplateToken]]
    private(set) var output: [UInt8] = []
    /// The context stack: the page's values first, each open section's value after it.
    private var stack: [TemplateValue]
    /// Blocks replaced by the parents being rendered; the outermost parent's override wins.
    private var overrides: [String: [TemplateToken]] = [:]
    /// Spaces given to each line by standalone partial and block tags; empty nearly always.
    private var indentation: [UInt8] = []

    init(templates: [String: [TemplateToken]], context: [TemplateKey: TemplateValue], capacity: Int) {
        self.templates = templates
        stack = [.object(context)]
        output.reserveCapacity(capacity)
    }

    /// Renders a run of tokens. Indentation goes in front of a token that prints something at the
    /// start of a line this run printed; a line started by an enclosing run, or by the previous
    /// item of a list, is not indented again. That is swift-mustache's rule, kept so pages stay
    /// the same byte for byte.
    mutating func render(_ tokens: [TemplateToken]) {
        let start = output.count
        for token in tokens {
            guard !indentation.isEmpty, output.count > start, output.last == UInt8(ascii: "\n") else {
                render(token)
                continue
            }
            output += indentation
            let indented = output.count
            render(token)
            if output.count == indented { output.removeLast(indentation.count) }
        }
    }

    private mutating func render(_ token: TemplateToken) {
        switch token {
        case .text(let bytes):
            if indentation.isEmpty { output += bytes } else { appendIndented(bytes) }
        case .variable(let name):
            if let value = lookup(name) { print(value) }
        case .section(let name, let body):
            switch lookup(name) {
            case nil, .bool(false)?: break
            case .bool(true)?: render(body)
            case .list(let items)?:
                for item in items { render(body, with: item) }
            case let value?: render(body, with: value)
            }
        case .invertedSection(let name, let body):
            switch lookup(name) {
            case nil, .bool(false)?: render(body)
            case .list(let items)? where items.isEmpty: render(body)
            default: break
            }
        case .partial(let name, let indent):
            guard let tokens = templates[name] else { return }
            render(tokens, indentedBy: indent)
        case .parent(let name, let indent, let replaced):
            guard let tokens = templates[name] else { return }
            let outer = overrides
            overrides.merge(replaced) { outer, _ in outer }
            render(tokens, indentedBy: indent)
            overrides = outer
        case .block(let name, let defaults, let indent):
            render(overrides[name] ?? defaults, indentedBy: indent)
        }
    }

    private mutating func render(_ tokens: [TemplateToken], with value: TemplateValue) {
        stack.append(value)
        render(tokens)
        stack.removeLast()
    }

    private mutating func render(_ tokens: [TemplateToken], indentedBy indent: [UInt8]) {
        guard !indent.isEmpty else { return render(tokens) }
        let outer = indentation
        indentation += indent
        render(tokens)
        indentation = outer
    }

    /// Text with several lines: every line after the first starts with the indentation.
    private mutating func appendIndented(_ bytes: [UInt8]) {
        var start = 0
        while let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")), newline + 1 < bytes.count {
            output += bytes[start...newline]
            output += indentation
            start = newline + 1
        }
        output += bytes[start...]
    }

    private mutating func print(_ value: TemplateValue) {
        switch value {
        case .text(let text): HTML.appendEscaped(text, to: &output)
        case .html(let html): output += html
        case .int(let number): output.append(contentsOf: String(number).utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        // A whole list or object has no text of its own; a template prints their parts.
        case .list, .object: break
        }
    }

    private func lookup(_ name: TemplateToken.Name) -> TemplateValue? {
        guard let first = name.path.first else { return stack.last }
        for scope in stack.reversed() {
            guard case .object(let fields) = scope, var value = fields[first] else { continue }
            for part in name.path.dropFirst() {
                guard case .object(let fields) = value, let inner = fields[part] else { return nil }
                value = inner
            }
            return value
        }
        return nil
    }
}
