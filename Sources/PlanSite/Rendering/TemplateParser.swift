/// Compiles a Mustache template into `TemplateToken`s.
///
/// Whitespace follows the rules of swift-mustache, the library PlanSite rendered with before, so
/// pages stay byte for byte what they were: a section, comment, partial or block tag alone on its
/// line (a standalone tag) takes the line with it, and inside a parent's `{{$block}}` override every
/// line loses the indentation of the override's first line. Where the Mustache spec differs in a
/// corner (after a section closes, the next line counts as the start of a line only if the section
/// was opened on a line of its own), the library's behaviour is kept, as pages depend on it.
struct TemplateParser {
    /// Where a template names a partial (`{{>name}}`) or a parent (`{{<name}}`), to tell a writer
    /// about templates that do not exist before a page renders without them.
    struct PartialUse {
        var name: String
        var line: Int
        var column: Int
    }

    private struct State {
        /// The open section, block or parent and where its tag starts; nil at the top.
        var open: (name: String, tag: Int)?
        var newLine = true
        /// Inside `{{<parent}}…{{/parent}}`, overrides included.
        var inParent = false
        /// Directly inside a parent, where only `{{$block}}` overrides may stand.
        var parentTopLevel = false
        /// Inside an override: how many spaces and tabs its first line had, to take from every line.
        var overrideIndent: Int?
    }

    private let text: [UInt8]
    private var position = 0
    private var partials: [PartialUse] = []
    /// The overrides of each parent being read, innermost last.
    private var overrides: [[String: [TemplateToken]]] = []

    private init(_ source: String) { text = Array(source.utf8) }

    static func parse(_ source: String) throws(TemplateSyntaxError) -> (tokens: [TemplateToken], partials: [PartialUse]) {
        var parser = TemplateParser(source)
        let tokens = try parser.parse(State())
        return (tokens, parser.partials)
    }

    private mutating func parse(_ initial: State) throws(TemplateSyntaxError) -> [TemplateToken] {
        var list = TemplateTokenList()
        var state = initial
        // Spaces and tabs that began the line, held back until it is known whether the line's tag stands alone.
        var spaceBefore: ArraySlice<UInt8> = []
        while position < text.count {
            if state.newLine {
                let space = readSpaces()
                if state.inParent, !state.parentTopLevel {
                    if let indent = state.overrideIndent { spaceBefore = space.dropFirst(indent) } else { state.overrideIndent = space.count }
                } else {
                    spaceBefore = space
                }
            }
            let (run, atTag) = readText()
            if !atTag, let newline = newlineLength(at: position) {
                list.text(spaceBefore)
                list.text(run)
                list.text(text[position..<position + newline])
                position += newline
                state.newLine = true
                continue
            }
            if !run.isEmpty {
                list.text(spaceBefore)
                list.text(run)
                spaceBefore = []
                state.newLine = false
            }
            guard atTag else { break }
            let tag = position - 2
            let sigil = position < text.count ? text[position] : 0
            var standalone = false
            if state.parentTopLevel, !"$!/".utf8.contains(sigil) {
                throw error(at: tag, "only {{$block}} overrides can stand directly inside '{{<\(state.open!.name)}}'",
                            hint: "move this tag inside a {{$block}}…{{/block}} override, or out of the parent")
            }
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                position += 1
                let name = try readName(tag)
                let path = try lookupName(name, tag)
                if isStandalone(state) { standalone = true } else { list.text(spaceBefore); spaceBefore = [] }
                let body = try parse(inside: state, name, tag, newLine: standalone)
                list.append(sigil == UInt8(ascii: "#") ? .section(path, body) : .invertedSection(path, body))

            case UInt8(ascii: "/"):
                position += 1
                let name = try readName(tag)
                guard let open = state.open else {
                    throw error(at: tag, "'{{/\(name)}}' closes a section that was never opened",
                                hint: "remove it, or open the section with {{#\(name)}}")
                }
                guard open.name == name else {
                    let line = TemplateSyntaxError.position(of: open.tag, in: text).line
                    throw error(at: tag, "'{{/\(name)}}' closes '\(open.name)', opened on line \(line)",
                                hint: "close every section with the name it was opened with: {{/\(open.name)}}")
                }
                if !isStandalone(state) { list.text(spaceBefore) }
                return list.tokens()

            case UInt8(ascii: "!"):
                guard let end = find("}}", from: position) else {
                    throw error(at: tag, "a comment is not closed with }}", hint: "end the comment with }}")
                }
                position = end + 2
                standalone = isStandalone(state)

            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                list.text(spaceBefore)
                spaceBefore = []
                position += 1
                let name = try readName(tag)
                if sigil == UInt8(ascii: "{") {
                    guard position < text.count, text[position] == UInt8(ascii: "}") else {
                        throw error(at: tag, "'{{{\(name)' is not closed with }}}", hint: "end a tag that opens with {{{ with }}}")
                    }
                    position += 1
                }
                list.append(.variable(try lookupName(name, tag)))

            case UInt8(ascii: ">"):
                position += 1
                let name = try readPartialName(tag)
                partials.append(use(name, at: tag))
                list.text(spaceBefore)
                standalone = isStandalone(state)
                list.append(.partial(name, indentation: standalone ? Array(spaceBefore) : []))
                spaceBefore = []

            case UInt8(ascii: "<"):
                position += 1
                let name = try readPartialName(tag)
                partials.append(use(name, at: tag))
                list.text(spaceBefore)
                standalone = isStandalone(state)
                var inner = state
                inner.open = (name, tag)
                inner.newLine = true
                inner.inParent = true
                inner.parentTopLevel = true
                overrides.append([:])
                _ = try parse(inner)
                list.append(.parent(name, indentation: Array(spaceBefore), overrides: overrides.removeLast()))
                spaceBefore = []

            case UInt8(ascii: "$"):
                position += 1
                let name = try readName(tag)
                if state.parentTopLevel {
                    standalone = isStandalone(state)
                    overrides[overrides.count - 1][name] = try parse(inside: state, name, tag, newLine: standalone)
                } else {
                    list.text(spaceBefore)
                    standalone = isStandalone(state)
                    let body = try parse(inside: state, name, tag, newLine: standalone)
                    list.append(.block(name, default: body, indentation: Array(spaceBefore)))
                    spaceBefore = []
                }

            case UInt8(ascii: "="), UInt8(ascii: "%"):
                let feature = sigil == UInt8(ascii: "=") ? "'{{=' (changing delimiters)" : "'{{%' (settings)"
                throw error(at: tag, "\(feature) is not supported in PlanSite's templates", hint: "see docs/TEMPLATES.md for what templates can use")

            default:
                list.text(spaceBefore)
                spaceBefore = []
                let name = try readName(tag)
                list.append(.variable(try lookupName(name, tag)))
            }
            state.newLine = standalone
        }
        if let open = state.open {
            throw error(at: open.tag, "'\(open.name)' is opened here but never closed", hint: "close it with {{/\(open.name)}} where it ends")
        }
        return list.tokens()
    }

    /// The body of a section or block: a line of its own only if its tag stood alone.
    private mutating func parse(inside state: State, _ name: String, _ tag: Int, newLine: Bool) throws(TemplateSyntaxError) -> [TemplateToken] {
        var inner = state
        inner.open = (name, tag)
        inner.newLine = newLine
        inner.parentTopLevel = false
        return try parse(inner)
    }

    // MARK: Reading

    private mutating func readSpaces() -> ArraySlice<UInt8> {
        let start = position
        while position < text.count, text[position] == UInt8(ascii: " ") || text[position] == UInt8(ascii: "\t") { position += 1 }
        return text[start..<position]
    }

    /// Text up to the end of the line, or up to a tag, whose `{{` it consumes.
    private mutating func readText() -> (run: ArraySlice<UInt8>, atTag: Bool) {
        let start = position
        while position < text.count {
            if newlineLength(at: position) != nil { break }
            if text[position] == UInt8(ascii: "{"), position + 1 < text.count, text[position + 1] == UInt8(ascii: "{") {
                position += 2
                return (text[start..<position - 2], true)
            }
            position += 1
        }
        return (text[start..<position], false)
    }

    private func newlineLength(at offset: Int) -> Int? {
        guard offset < text.count else { return nil }
        if text[offset] == UInt8(ascii: "\n") { return 1 }
        if text[offset] == UInt8(ascii: "\r"), offset + 1 < text.count, text[offset + 1] == UInt8(ascii: "\n") { return 2 }
        return nil
    }

    /// A tag stands alone when its line started with nothing but spaces and ends right after it;
    /// its line end is then consumed, so the line leaves nothing in the page.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if position == text.count { return true }
        var end = position
        while end < text.count, text[end] == UInt8(ascii: " ") || text[end] == UInt8(ascii: "\t") { end += 1 }
        guard let newline = newlineLength(at: end) else { return false }
        position = end + newline
        return true
    }

    private func find(_ needle: StaticString, from start: Int) -> Int? {
        let bytes = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard text.count >= bytes.count else { return nil }
        return (start...(text.count - bytes.count)).first { text[$0..<$0 + bytes.count].elementsEqual(bytes) }
    }

    private mutating func skipWhitespace() {
        while position < text.count, " \t\r\n".utf8.contains(text[position]) { position += 1 }
    }

    /// A section, block or variable name, and the `}}` after it.
    private mutating func readName(_ tag: Int) throws(TemplateSyntaxError) -> String {
        try readName(tag, allowing: ".")
    }

    /// A template's name, which may have `/` for templates in folders.
    private mutating func readPartialName(_ tag: Int) throws(TemplateSyntaxError) -> String {
        try readName(tag, allowing: "./")
    }

    private mutating func readName(_ tag: Int, allowing extra: StaticString) throws(TemplateSyntaxError) -> String {
        skipWhitespace()
        let start = position
        let extra = UnsafeBufferPointer(start: extra.utf8Start, count: extra.utf8CodeUnitCount)
        while position < text.count, Self.isNameByte(text[position]) || extra.contains(text[position]) { position += 1 }
        let name = String(decoding: text[start..<position], as: UTF8.self)
        skipWhitespace()
        guard position + 1 < text.count, text[position] == UInt8(ascii: "}"), text[position + 1] == UInt8(ascii: "}") else {
            throw error(at: tag, "a tag is not closed with }}",
                        hint: "a tag is {{name}}; a name has only letters, digits, '-', '_' and '.' between its parts")
        }
        position += 2
        guard !name.isEmpty else { throw error(at: tag, "a tag has no name", hint: "write the name of a value between the braces") }
        return name
    }

    private func lookupName(_ name: String, _ tag: Int) throws(TemplateSyntaxError) -> TemplateToken.Name {
        guard let path = TemplateToken.Name(name) else {
            throw error(at: tag, "'\(name)' is not a name a value can have",
                        hint: "write '.' for the current value, or names joined by single dots: plan.date")
        }
        return path
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    private func use(_ name: String, at offset: Int) -> PartialUse {
        let (line, column) = TemplateSyntaxError.position(of: offset, in: text)
        return PartialUse(name: name, line: line, column: column)
    }

    private func error(at offset: Int, _ message: String, hint: String) -> TemplateSyntaxError {
        let (line, column) = TemplateSyntaxError.position(of: offset, in: text)
        return TemplateSyntaxError(line: line, column: column, message: message, hint: hint)
    }
}
