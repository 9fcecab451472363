/// The tokens `TemplateParser` makes of one run of a template, with text gathered as it is read
/// so that the text between two tags is one token however many lines and pieces it came in.
struct TemplateTokenList {
    private var list: [TemplateToken] = []
    private var pending: [UInt8] = []

    mutating func text(_ bytes: ArraySlice<UInt8>) { pending += bytes }

    mutating func append(_ token: TemplateToken) {
        flush()
        list.append(token)
    }

    mutating func tokens() -> [TemplateToken] {
        flush()
        return list
    }

    private mutating func flush() {
        guard !pending.isEmpty else { return }
        list.append(.text(pending))
        pending = []
    }
}
