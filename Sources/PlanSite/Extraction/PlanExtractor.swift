/// A plan after extraction: the domain record and its body HTML with ids in place.
public struct ExtractedPlan: Sendable {
    public var plan: Plan
    public var bodyHTML: String
    public var diagnostics: [Diagnostic]
}

/// Extract stage: reads the outline of one plan out of its Markdown blocks.
public struct PlanExtractor: Sendable {
    public init() {}

    public func extract(_ parsed: ParsedPlan) -> ExtractedPlan {
        var ids = UniqueIDs()
        var headings: [Heading] = []
        var anchors: [SourcePosition: String] = [:]
        for block in parsed.document.blocks {
            guard case .heading(let level) = block.kind else { continue }
            let id = ids.make(from: block.text)
            anchors[block.position] = id
            headings.append(Heading(level: level, text: block.text, id: id, line: parsed.fileLine(block.position)))
        }
        let plan = Plan(slug: parsed.slug, sourcePath: parsed.sourcePath, metadata: parsed.metadata, headings: headings)
        let html = AnchorRewriter(anchors: anchors).rewrite(parsed.document.html)
        return ExtractedPlan(plan: plan, bodyHTML: html, diagnostics: [])
    }
}
