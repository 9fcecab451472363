/// A plan after extraction: the domain record and its body HTML with ids in place (UTF-8).
public struct ExtractedPlan: Sendable, Codable {
    public var plan: Plan
    public var bodyHTML: [UInt8]
    public var diagnostics: [Diagnostic]
}

/// Extract stage: reads one plan's outline, tasks and citations out of its Markdown blocks.
/// It sees one plan only, so plans can be extracted in parallel.
public struct PlanExtractor: Sendable {
    public var registry: AgencyRegistry

    public init(registry: AgencyRegistry = AgencyRegistry([])) {
        self.registry = registry
    }

    public func extract(_ parsed: ParsedPlan) -> ExtractedPlan {
        let outline = OutlineReader(registry: registry).read(parsed)
        let built = TaskBuilder(registry: registry).build(outline.nodes, plan: parsed)
        var diagnostics = outline.diagnostics + built.diagnostics

        // Tasks are anchored at their block; a task that is a heading keeps its task id as the heading id.
        var anchors: [SourcePosition: String] = [:]
        var taskOfNode: [Int: Int] = [:]
        for (index, (task, node)) in zip(built.tasks, built.taskNodes).enumerated() {
            anchors[outline.nodes[node].anchor] = task.id
            taskOfNode[node] = index
        }
        var ids = UniqueIDs(reserved: Set(anchors.values))
        var headings: [Heading] = []
        for block in parsed.document.blocks {
            guard case .heading(let level) = block.kind else { continue }
            let id = anchors[block.position] ?? ids.make(from: block.text)
            anchors[block.position] = id
            headings.append(Heading(level: level, text: block.text, id: id, line: parsed.fileLine(block.position)))
        }

        let reader = CitationReader()
        var citations: [Citation] = []
        for (index, block) in parsed.document.blocks.enumerated() {
            let line = parsed.fileLine(block.position)
            var taskIndex: Int?
            var node = outline.owner[index]
            while let current = node, taskIndex == nil {
                taskIndex = taskOfNode[current]
                node = outline.nodes[current].parent
            }
            // Scanned once for both: scanning was a tenth of extraction.
            let numbers = reader.scanner.scan(block.text)
            citations += reader.read(block.text, numbers: numbers, province: parsed.metadata.province, line: line, taskIndex: taskIndex)
            diagnostics += Self.unreadableCitations(block.text, numbers: numbers,
                                                    at: SourceLocation(file: parsed.sourcePath, line: line, column: block.position.column))
        }

        var plan = Plan(slug: parsed.slug, sourcePath: parsed.sourcePath, metadata: parsed.metadata,
                        headings: headings, tasks: built.tasks, citations: citations)
        plan.links = parsed.document.links.map { TextLink(destination: $0.destination, line: parsed.fileLine($0.position), column: $0.position.column) }
        let html = AnchorRewriter(anchors: anchors).rewrite(parsed.document.html)
        return ExtractedPlan(plan: plan, bodyHTML: html, diagnostics: diagnostics)
    }

    /// "Nghị quyết số 27" with no recognisable number after "số": a citation the site cannot link.
    /// What decides is whether the 24 Characters after "số ", up to a line break or tab, start
    /// with a number. The `numbers` found in the whole text answer that at once for a number
    /// that lies within them; only the rest are scanned again.
    static func unreadableCitations(_ text: String, numbers: [ScannedNumber], at location: SourceLocation) -> [Diagnostic] {
        let scanner = CitationScanner()
        var problems: [Diagnostic] = []
        var rest = Substring(text)
        var next = numbers.startIndex
        while let hit = rest.byteRange(of: "số ") {
            let after = rest[hit.upperBound...]
            rest = after
            guard let first = after.first, first.isNumber else { continue }
            while next < numbers.endIndex, numbers[next].range.lowerBound < after.startIndex { next += 1 }
            if next < numbers.endIndex, numbers[next].range.lowerBound == after.startIndex, Self.fitsCandidate(text[numbers[next].range]) { continue }
            let candidate = String(Self.candidate(after))
            if scanner.scan(candidate).first?.range.lowerBound != candidate.startIndex {
                let shown = String(after.prefix(while: { !$0.isWhitespace && $0 != "," && $0 != ";" }))
                problems.append(.warning(location, "'số \(shown)' does not look like a document number",
                                         hint: "write it as 27-NQ/TW, 77/NQ-CP or 33/2021/QH15"))
            }
        }
        return problems
    }

    /// Whether `number`, found at the start of a candidate, surely ends within it: it has at
    /// most 24 scalars, each a Character of its own that is not whitespace other than a space.
    /// Scanning the candidate then finds it too, as no test of the scanner past its end passed.
    private static func fitsCandidate(_ number: Substring) -> Bool {
        number.withUTF8Bytes { bytes in
            var offset = 0
            var count = 0
            while offset < bytes.count {
                let (value, length) = UTF8Bytes.scalar(in: bytes, at: offset)
                guard count < 24, value >= 0x80 ? PlainScalars.standsAlone(value) && value != 0x85 && value != 0xA0
                        : value >= 0x20 && value < 0x7F else { return false }
                offset += length
                count += 1
            }
            return true
        }
    }

    /// The first 24 Characters of `text` up to a line break or tab: where a document number would be.
    private static func candidate(_ text: Substring) -> Substring {
        // A one-byte Character is tested by its byte: `asciiValue` and `isWhitespace` cost
        // hundreds of instructions a Character. ("\r\n", the one other Character with an ASCII
        // value, is whitespace.)
        text[..<text.characterPrefixEnd(24) { character in
            let utf8 = character.utf8
            guard utf8.count == 1, let byte = utf8.first else { return !character.isWhitespace }
            return byte == 32 || !(9...13).contains(byte)
        }.end]
    }
}
