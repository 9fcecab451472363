import Mustache

/// The site's Mustache templates, compiled once. Every page template extends `layout`
/// through Mustache inheritance, so changing the look means editing `Templates/` only.
public struct TemplateSet: Sendable {
    public static let requiredPages = ["layout", "home", "plan", "agencies", "agency", "documents", "document", "deadlines", "search", "404"]

    private let library: MustacheLibrary
    /// Every template's text: a page rendered from the same context with the same templates is the same page.
    let fingerprint: Fingerprint

    /// Compiles every template and checks that each page exists and each partial it uses is there.
    public static func compile(_ templates: [String: SourceFile]) -> Result<TemplateSet, [Diagnostic]> {
        var library = MustacheLibrary()
        var problems: [Diagnostic] = []
        for name in templates.keys.sorted() {
            let file = templates[name]!
            do {
                library.register(try MustacheTemplate(string: file.text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                problems.append(.error(SourceLocation(file: file.path, line: error.context.lineNumber, column: error.context.columnNumber),
                                       "template syntax error: \(describe(error.error))",
                                       hint: "check that every {{#section}} is closed by {{/section}} with the same name"))
            } catch {
                problems.append(.error(SourceLocation(file: file.path), "template could not be read: \(error)"))
            }
            problems += missingPartials(in: file, available: templates)
        }
        for page in requiredPages where templates[page] == nil {
            problems.append(.error(SourceLocation(file: "Templates/\(page).mustache"), "template '\(page)' is missing",
                                   hint: "every site needs \(requiredPages.map { "\($0).mustache" }.joined(separator: ", "))"))
        }
        let fingerprint = Fingerprint.of(templates.keys.sorted().flatMap { [$0, templates[$0]!.text] })
        return problems.isEmpty ? .success(TemplateSet(library: library, fingerprint: fingerprint)) : .failure(problems)
    }

    /// Renders a page. Every string in the context is HTML-escaped here, once, except values
    /// under keys ending in `Html` (HTML PlanSite made): templates print values with `{{{ }}}`,
    /// so no template can put unescaped Content into a page, and Mustache's slow escaping is skipped.
    public func render(_ page: String, _ context: [String: Any]) -> String {
        library.render(Self.escaped(context), withTemplate: page) ?? ""
    }

    static func escaped(_ value: Any, key: String = "") -> Any {
        switch value {
        case let text as String: return key.hasSuffix("Html") ? text : HTML.escape(text)
        case let dictionary as [String: Any]:
            var result: [String: Any] = [:]
            result.reserveCapacity(dictionary.count)
            for (key, value) in dictionary { result[key] = escaped(value, key: key) }
            return result
        case let list as [[String: Any]]: return list.map { escaped($0) }
        case let list as [String]: return list.map(HTML.escape)
        case let list as [Any]: return list.map { escaped($0) }
        default: return value
        }
    }

    /// Mustache renders a missing partial as nothing; a writer would rather be told.
    static func missingPartials(in file: SourceFile, available: [String: SourceFile]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (lineIndex, line) in file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let afterOpen = rest[open.upperBound...]
                guard let close = afterOpen.range(of: "}}") else { break }
                let tag = afterOpen[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if let sigil = tag.first, sigil == ">" || sigil == "<" {
                    let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                    if available[name] == nil {
                        let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                        let hint = Suggestion.closest(to: name, among: Array(available.keys)).map { "did you mean '\($0)'?" }
                            ?? "add Templates/\(name).mustache"
                        problems.append(.error(SourceLocation(file: file.path, line: lineIndex + 1, column: column),
                                               "template uses the missing partial '\(name)'", hint: hint))
                    }
                }
                rest = afterOpen[close.upperBound...]
            }
        }
        return problems
    }

    private static func describe(_ error: Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect?: return "a section is closed with a different name than it was opened with"
        case .unfinishedName?: return "a tag is not closed with }}"
        case .expectedSectionEnd?: return "a section is opened but never closed"
        default: return "\(error)"
        }
    }
}

import Foundation
