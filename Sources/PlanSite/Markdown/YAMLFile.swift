import Yams

/// Reading YAML the way every PlanSite file needs it: a node tree with positions, and
/// problems as diagnostics naming the file's own lines.
enum YAMLFile {
    /// `lineOffset`: lines of the file before the YAML starts (the `---` of front matter).
    /// `resolver`: how plain scalars get their types. Yams' default tries seven regular
    /// expressions on each; readers that take every value as text need `.basic`, which tries none.
    static func compose(_ yaml: String, file: String, lineOffset: Int = 0, resolver: Resolver = .default) -> Result<Node?, [Diagnostic]> {
        do {
            return .success(try Yams.compose(yaml: yaml, resolver, .default, .utf8))
        } catch let error as YamlError {
            return .failure([FrontMatterDecoder.diagnostic(for: error, file: file, lineOffset: lineOffset)])
        } catch {
            return .failure([.error(SourceLocation(file: file, line: lineOffset + 1), "could not be read: \(error)")])
        }
    }

    /// "unknown key 'signer_titel' (did you mean 'signer_title'?)"
    static func unknownKey(_ name: String, known: [String], at location: SourceLocation, what: String = "key") -> Diagnostic {
        let hint = Suggestion.closest(to: name, among: known).map { "did you mean '\($0)'?" }
            ?? "known \(what)s: \(known.joined(separator: ", "))"
        return .error(location, "unknown \(what) '\(name)'", hint: hint)
    }
}
