/// A plan file cut in two: the YAML between the `---` fences and the Markdown after them.
public struct FrontMatter: Sendable {
    public var yaml: String
    /// The Markdown body.
    public var body: String
    /// 1-based line of the file on which the YAML starts, to turn YAML marks into file lines.
    public var yamlFirstLine: Int
    /// 1-based line of the file on which the body starts, to turn cmark source positions into file lines.
    public var bodyFirstLine: Int

    public enum SplitError: Error, Equatable {
        case missing
        case unterminated
    }

    /// Finds the fences by scanning lines rather than searching the whole text: a plan's body
    /// is long, its front matter short, and a missing closing fence must fail fast.
    public static func split(_ text: String) -> Result<FrontMatter, SplitError> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
        guard let first = lines.next(), isFence(first) else { return .failure(.missing) }
        var yaml: [Substring] = []
        var lineNumber = 1
        while let line = lines.next() {
            lineNumber += 1
            if isFence(line) {
                let rest = Array(IteratorSequence(lines))
                return .success(FrontMatter(
                    yaml: yaml.joined(separator: "\n"),
                    body: rest.joined(separator: "\n"),
                    yamlFirstLine: 2,
                    bodyFirstLine: lineNumber + 1))
            }
            yaml.append(line)
        }
        return .failure(.unterminated)
    }

    private static func isFence(_ line: Substring) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == " " || last == "\t" || last == "\r" { trimmed.removeLast() }
        return trimmed == "---"
    }
}
