/// A numbered item of a plan's outline (a heading, a "1.1." paragraph, an ordered list item)
/// with the fields and text written directly under it.
struct OutlineNode {
    var token: OutlineToken?
    var title: String
    var rank: Int
    var isHeading: Bool
    /// The element to anchor: the heading, the paragraph, or the `<li>` of a list item.
    var anchor: SourcePosition
    var line: Int
    var parent: Int?
    var children: [Int] = []
    var roles: [AgencyRole: [String]] = [:]
    var carryOut: [String] = []
    var deadlines: [Deadline] = []
    var content: [String] = []
}

/// Builds the outline tree of one plan from its Markdown blocks, attaching label lines
/// ("- Trách nhiệm thực hiện: …", "b) Thời gian thực hiện: …") to the item above them.
struct OutlineReader {
    var registry: AgencyRegistry
    var deadlineParser = DeadlineParser()

    struct Result {
        var nodes: [OutlineNode]
        /// For each block, the node it was written under.
        var owner: [Int?]
        var diagnostics: [Diagnostic]
    }

    func read(_ parsed: ParsedPlan) -> Result {
        var nodes: [OutlineNode] = []
        var stack: [Int] = []
        var owner: [Int?] = []
        var diagnostics: [Diagnostic] = []
        var deadlineListOpen = false
        var assignmentListOpen = false

        func push(_ node: OutlineNode) {
            var node = node
            while let top = stack.last, nodes[top].rank >= node.rank { stack.removeLast() }
            node.parent = stack.last
            nodes.append(node)
            if let parent = node.parent { nodes[parent].children.append(nodes.count - 1) }
            stack.append(nodes.count - 1)
            deadlineListOpen = false
            assignmentListOpen = false
        }

        for block in parsed.document.blocks {
            let line = parsed.fileLine(block.position)
            let location = SourceLocation(file: parsed.sourcePath, line: line, column: block.position.column)
            switch block.kind {
            case .heading(let level):
                let (token, title) = OutlineToken.read(block.text).map { ($0.0, $0.rest) } ?? (nil, block.text)
                push(OutlineNode(token: token, title: title, rank: level, isHeading: true, anchor: block.position, line: line))
            case .paragraph:
                let item = block.listItem
                let (token, rest) = OutlineToken.read(block.text).map { ($0.0, $0.rest) } ?? (nil, block.text)
                // "b) Trách nhiệm thực hiện: …": a letter or (1) before a label is not an outline item.
                let labelText = token == nil || token?.kind == .letter || token?.kind == .parenthesised ? rest : block.text
                if let (label, value) = Label.read(labelText), item?.isFirstParagraph != false {
                    deadlineListOpen = false
                    assignmentListOpen = false
                    if let current = stack.last {
                        apply(label, value, to: &nodes[current], at: location, diagnostics: &diagnostics, deadlineListOpen: &deadlineListOpen)
                        if value.isEmpty, label != .deadline, label != .content { assignmentListOpen = true }
                    }
                } else if let item, item.isFirstParagraph, let number = item.number, item.depth == 1 {
                    push(OutlineNode(token: OutlineToken(kind: .arabic, value: String(number)), title: block.text,
                                     rank: 10 + 1, isHeading: false, anchor: item.position, line: line))
                } else if item == nil, let token {
                    push(OutlineNode(token: token, title: rest, rank: 10 + token.rank, isHeading: false, anchor: block.position, line: line))
                } else if let current = stack.last, assignmentListOpen, let item, let colon = block.text.lastIndex(of: ":") {
                    // "- Nhiệm vụ …: Sở Giáo dục và Đào tạo chủ trì, phối hợp với …" under an empty
                    // "Cơ quan thực hiện:" is a task of its own inside the item.
                    let who = String(block.text[block.text.index(after: colon)...]).trimming()
                    let number = nodes[current].children.filter { nodes[$0].token?.kind == .point }.count + 1
                    var child = OutlineNode(token: OutlineToken(kind: .point, value: String(number)),
                                            title: String(block.text[..<colon]), rank: 10 + 8, isHeading: false,
                                            anchor: item.position, line: line, parent: current, content: [who])
                    let resolved = registry.resolve(who)
                    if resolved.unknown.isEmpty { child.carryOut = resolved.names }
                    nodes.append(child)
                    nodes[current].children.append(nodes.count - 1)
                } else if let current = stack.last {
                    if deadlineListOpen, item != nil {
                        let phrase = block.text.split(separator: ":").last.map(String.init) ?? block.text
                        nodes[current].deadlines += deadlineParser.parse(phrase)
                    }
                    nodes[current].content.append(block.text)
                }
            case .tableRow:
                if let current = stack.last { nodes[current].content.append(block.text) }
            }
            owner.append(stack.last)
        }
        return Result(nodes: nodes, owner: owner, diagnostics: diagnostics)
    }

    private func apply(_ label: Label, _ value: String, to node: inout OutlineNode, at location: SourceLocation,
                       diagnostics: inout [Diagnostic], deadlineListOpen: inout Bool) {
        switch label {
        case .content:
            if !value.isEmpty { node.content.append(value) }
        case .deadline:
            guard !value.isEmpty else { deadlineListOpen = true; return }
            let deadlines = deadlineParser.parse(value)
            if deadlines.isEmpty {
                diagnostics.append(.warning(location, "deadline '\(value)' could not be read",
                                            hint: "write e.g. 'Trước ngày 05/8/2025', 'Quý II/2023', 'Năm 2024', 'Thường xuyên'"))
            }
            node.deadlines += deadlines
        case .carryOut, .role:
            guard !value.isEmpty else { return }
            let resolved = registry.resolve(value)
            for unknown in resolved.unknown {
                let hint = registry.suggestion(for: unknown).map { "did you mean '\($0)'?" } ?? "add it to Content/agencies.yml"
                diagnostics.append(.warning(location, "unknown agency '\(unknown)'", hint: hint))
            }
            let names = resolved.names + resolved.unknown
            if case .role(let role) = label { node.roles[role, default: []] += names } else { node.carryOut += names }
        }
    }
}
