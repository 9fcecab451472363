/// Decides which outline items are tasks and gives each its agencies and deadlines,
/// inheriting what a section states for everything inside it.
struct TaskBuilder {
    var registry: AgencyRegistry
    var deadlineParser = DeadlineParser()

    struct Output {
        var tasks: [PlanTask]
        /// The node each task came from, in task order.
        var taskNodes: [Int]
        var diagnostics: [Diagnostic]
    }

    func build(_ nodesIn: [OutlineNode], plan: ParsedPlan) -> Output {
        var nodes = nodesIn
        let sentences = SentenceRoles(registry: registry)
        var group: [[String]?] = nodes.map { node in agencyGroup(node) }
        var sentenceRoles: [SentenceRoles.Found] = []
        let implementationHeadings = nodes.map(isImplementationHeading)
        for index in nodes.indices {
            nodes[index].deadlines += parentheticalDeadlines(nodes[index])
            if nodes[index].isHeading, nodes[index].deadlines.isEmpty { nodes[index].deadlines = headingDeadlines(nodes[index].title) }
            let subject = ancestors(index, nodes).lazy.compactMap { group[$0] }.first ?? []
            let text = ([nodes[index].title] + nodes[index].content).joined(separator: ". ")
            var found = group[index] == nil ? sentences.read(text, subject: subject) : SentenceRoles.Found()
            if found.lead.isEmpty, group[index] == nil, !nodes[index].isHeading, ancestors(index, nodes).contains(where: { implementationHeadings[$0] }) {
                found.lead = registry.subjectAgencies(nodes[index].title)
            }
            sentenceRoles.append(found)
        }
        // An agency name with nothing under it is not a section.
        for index in nodes.indices where group[index] != nil && nodes[index].children.isEmpty && nodes[index].content.isEmpty {
            group[index] = nil
        }

        func isCandidate(_ index: Int) -> Bool {
            let node = nodes[index]
            if group[index] != nil { return node.children.isEmpty && !node.content.isEmpty }
            if !node.roles.isEmpty || !node.carryOut.isEmpty || !sentenceRoles[index].lead.isEmpty { return true }
            if !node.deadlines.isEmpty, !node.isHeading { return true }
            if let parent = node.parent, group[parent] != nil { return true }
            return false
        }
        var isTask = Array(repeating: false, count: nodes.count)
        var hasTaskBelow = Array(repeating: false, count: nodes.count)
        for index in nodes.indices.reversed() {
            isTask[index] = isCandidate(index) && !hasTaskBelow[index]
            if let parent = nodes[index].parent, isTask[index] || hasTaskBelow[index] { hasTaskBelow[parent] = true }
        }

        var ids = UniqueIDs()
        var output = Output(tasks: [], taskNodes: [], diagnostics: [])
        for index in nodes.indices where isTask[index] {
            let chain = [index] + ancestors(index, nodes)
            var agencies: [AgencyRole: [String]] = [:]
            var leadSource: Int?
            for node in chain {
                if let lead = nodes[node].roles[.lead], !lead.isEmpty { agencies[.lead] = lead }
                else if !sentenceRoles[node].lead.isEmpty { agencies[.lead] = sentenceRoles[node].lead }
                else if !nodes[node].carryOut.isEmpty { agencies[.lead] = nodes[node].carryOut; leadSource = node }
                else if let names = group[node] { agencies[.lead] = names }
                if agencies[.lead] != nil { break }
            }
            if let carry = chain.lazy.map({ nodes[$0].carryOut }).first(where: { !$0.isEmpty }), leadSource == nil, agencies[.lead] != carry {
                agencies[.carryOut] = carry
            }
            let support = chain.lazy.map { nodes[$0].roles[.support] ?? sentenceRoles[$0].support }.first { !$0.isEmpty }
            if let support { agencies[.support] = support.filter { !(agencies[.lead] ?? []).contains($0) } }
            for role in [AgencyRole.advise, .monitor] {
                if let names = chain.lazy.compactMap({ nodes[$0].roles[role] }).first(where: { !$0.isEmpty }) { agencies[role] = names }
            }
            agencies = agencies.filter { !$0.value.isEmpty }
            let deadlines = chain.lazy.map { nodes[$0].deadlines }.first { !$0.isEmpty } ?? []
            let path = outlinePath(index, nodes)
            let id = ids.make(from: "nv " + path.map(\.value).joined(separator: " "), fallback: "nv")
            let node = nodes[index]
            // An agency section with plain text under it: the text is the task, the heading only names who.
            let lines = group[index] != nil ? node.content : [node.title] + node.content
            let title = Self.withoutTrailingDeadline(lines.first ?? node.title, deadlineParser)
            let task = PlanTask(id: id, planSlug: plan.slug, outline: path.map(\.display).joined(separator: "."),
                                title: title, text: ([title] + lines.dropFirst()).joined(separator: "\n"),
                                agencies: agencies, deadlines: deadlines, line: node.line)
            if task.lead.isEmpty {
                output.diagnostics.append(.warning(SourceLocation(file: plan.sourcePath, line: node.line),
                                                   "task \(task.outline.isEmpty ? task.title.prefix(40) + "…" : Substring(task.outline)) has no lead agency",
                                                   hint: "add a line '- Chủ trì: <agency>' under it, or on its section"))
            }
            output.tasks.append(task)
            output.taskNodes.append(index)
        }
        return output
    }

    private func ancestors(_ index: Int, _ nodes: [OutlineNode]) -> [Int] {
        var result: [Int] = []
        var current = nodes[index].parent
        while let parent = current { result.append(parent); current = nodes[parent].parent }
        return result
    }

    /// A heading that is nothing but registered agency names ("3.2. Đảng ủy Ủy ban nhân dân tỉnh",
    /// "2. Trách nhiệm của Sở Tư pháp") heads that agency's tasks.
    private func agencyGroup(_ node: OutlineNode) -> [String]? {
        guard Self.isShorter(node.title, than: 160), !VietnameseText.fold(node.title).containsBytes("chu tri") else { return nil }
        var title = node.title
        for prefix in ["Trách nhiệm của ", "Nhiệm vụ của ", "Trách nhiệm ", "Đối với "] where title.hasPrefix(prefix) {
            title = String(title.dropFirst(prefix.count))
        }
        let resolved = registry.resolve(title)
        return resolved.unknown.isEmpty && !resolved.names.isEmpty ? resolved.names : nil
    }

    /// Items of "TỔ CHỨC THỰC HIỆN" open with the agency they assign: "Ban Thường vụ Tỉnh ủy tập trung lãnh đạo …".
    /// Decided once a heading, not once for each item under it.
    private func isImplementationHeading(_ node: OutlineNode) -> Bool {
        node.isHeading && VietnameseText.fold(node.title).containsBytes("to chuc thuc hien")
    }

    /// `text.count < length`, without counting past `length`.
    private static func isShorter(_ text: String, than length: Int) -> Bool {
        text.utf8.count < length || text.characterPrefixEnd(length).count < length
    }

    /// The outline numbers from the top of the plan down to a node; "3.1" stands for "3" and "3.1".
    private func outlinePath(_ index: Int, _ nodes: [OutlineNode]) -> [OutlineToken] {
        var path: [OutlineToken] = []
        for node in ([index] + ancestors(index, nodes)).reversed() {
            guard let token = nodes[node].token else { continue }
            if token.kind == .dotted, let last = path.last, token.value.hasPrefix(last.value + ".") { path.removeLast() }
            path.append(token)
        }
        return path
    }

    private func parentheticalDeadlines(_ node: OutlineNode) -> [Deadline] {
        var deadlines: [Deadline] = []
        for text in [node.title] + node.content {
            var rest = Substring(text)
            while let open = rest.firstIndex(ofAnyASCII: "("), let close = rest.firstIndex(ofAnyASCII: ")", from: open) {
                let inner = String(rest[rest.index(after: open)..<close])
                deadlines += deadlineParser.parenthesisDeadlines(inner)
                rest = rest[rest.index(after: close)...]
            }
        }
        return deadlines
    }

    /// "2. Nhiệm vụ hoàn thành trong năm 2025", "3. Nhiệm vụ thực hiện thường xuyên".
    private func headingDeadlines(_ title: String) -> [Deadline] {
        let folded = VietnameseText.fold(title)
        for marker in ["hoan thanh trong", "thuc hien thuong xuyen", "thuc hien trong", "thuc hien hang nam"] {
            if let range = folded.byteRange(of: marker) {
                let offset = folded.distance(from: folded.startIndex, to: range.lowerBound)
                return deadlineParser.parse(String(title.dropFirst(offset)))
            }
        }
        return []
    }

    static func withoutTrailingDeadline(_ title: String, _ parser: DeadlineParser) -> String {
        var text = title.trimming()
        if text.hasSuffix(".") { text.removeLast() }
        guard text.hasSuffix(")"), let open = text.lastIndex(of: "(") else { return title }
        let inner = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        return parser.isDeadlineParenthesis(inner) ? text[..<open].trimming() : title
    }
}

import Foundation
