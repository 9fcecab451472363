import Foundation

/// The site's Mustache templates, checked once and compiled once for each thread that renders.
/// Every page template extends `layout` through Mustache inheritance, so changing the look means
/// editing `Templates/` only.
public struct TemplateSet: Sendable {
    public static let requiredPages = ["layout", "home", "plan", "agencies", "agency", "documents", "document", "deadlines", "search", "404"]

    private let copies: ThreadCopies
    /// Every template's text: a page rendered from the same context with the same templates is the same page.
    let fingerprint: Fingerprint

    /// Compiles every template and checks that each page exists and each partial it uses is there.
    public static func compile(_ templates: [String: SourceFile]) -> Result<TemplateSet, [Diagnostic]> {
        var texts: [String: String] = [:]
        var compiled: [String: [TemplateToken]] = [:]
        var problems: [Diagnostic] = []
        for name in templates.keys.sorted() {
            let file = templates[name]!
            do {
                let (tokens, partials) = try TemplateParser.parse(file.text)
                texts[name] = file.text
                compiled[name] = tokens
                problems += missingPartials(partials, in: file, available: templates)
            } catch {
                problems.append(.error(SourceLocation(file: file.path, line: error.line, column: error.column),
                                       "template syntax error: \(error.message)", hint: error.hint))
            }
        }
        for page in requiredPages where templates[page] == nil {
            problems.append(.error(SourceLocation(file: "Templates/\(page).mustache"), "template '\(page)' is missing",
                                   hint: "every site needs \(requiredPages.map { "\($0).mustache" }.joined(separator: ", "))"))
        }
        let fingerprint = Fingerprint.of(templates.keys.sorted().flatMap { [$0, templates[$0]!.text] })
        return problems.isEmpty ? .success(TemplateSet(copies: ThreadCopies(texts, compiled: compiled), fingerprint: fingerprint)) : .failure(problems)
    }

    /// Renders a page as UTF-8. Text values are escaped as they are printed (see `TemplateValue`).
    public func render(_ page: String, _ context: [TemplateKey: TemplateValue]) -> [UInt8] {
        let templates = copies.forThisThread()
        guard let tokens = templates[page] else { return [] }
        var renderer = TemplateRenderer(templates: templates, context: context, capacity: 32 * 1024)
        renderer.render(tokens)
        return renderer.output
    }

    /// A missing partial would render as nothing; a writer would rather be told.
    private static func missingPartials(_ uses: [TemplateParser.PartialUse], in file: SourceFile,
                                        available: [String: SourceFile]) -> [Diagnostic] {
        uses.filter { available[$0.name] == nil }.map { use in
            let hint = Suggestion.closest(to: use.name, among: Array(available.keys)).map { "did you mean '\($0)'?" }
                ?? "add Templates/\(use.name).mustache"
            return .error(SourceLocation(file: file.path, line: use.line, column: use.column),
                          "template uses the missing partial '\(use.name)'", hint: hint)
        }
    }
}

/// The compiled templates, once for each thread that renders. Rendering retains every token
/// it walks; with one copy, two cores retaining the same tokens made their reference counts
/// bounce between the cores' caches: retains from rendering were 2.6% of a 10,000-plan build's
/// time on two cores and 0.9% on one. A thread's copy is compiled again from the text, so it
/// shares no storage with another's.
private final class ThreadCopies: @unchecked Sendable {
    private let texts: [String: String]
    private var copies: [pthread_t: [String: [TemplateToken]]] = [:]
    private let lock = NSLock()

    /// `compiled` is this thread's copy, from checking the texts.
    init(_ texts: [String: String], compiled: [String: [TemplateToken]]) {
        self.texts = texts
        copies[pthread_self()] = compiled
    }

    func forThisThread() -> [String: [TemplateToken]] {
        let thread = pthread_self()
        if let copy = lock.withLock({ copies[thread] }) { return copy }
        // Every text compiled before `TemplateSet.compile` returned, so none fails now.
        let copy = texts.compactMapValues { try? TemplateParser.parse($0).tokens }
        lock.withLock { copies[thread] = copy }
        return copy
    }
}
