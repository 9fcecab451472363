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
    /// is long, its front matter short, and a missing closing fence must fail fast. Lines are
    /// found in the UTF-8 bytes; the body is then cut off the text in one piece.
    public static func split(_ text: String) -> Result<FrontMatter, SplitError> {
        let bytes = text.utf8
        var lineEnd = Self.lineEnd(in: bytes, from: bytes.startIndex)
        guard isFence(bytes[..<lineEnd]) else { return .failure(.missing) }
        let yamlStart = lineEnd == bytes.endIndex ? lineEnd : bytes.index(after: lineEnd)
        var lineNumber = 1
        while lineEnd < bytes.endIndex {
            let lineStart = bytes.index(after: lineEnd)
            lineEnd = Self.lineEnd(in: bytes, from: lineStart)
            lineNumber += 1
            if isFence(bytes[lineStart..<lineEnd]) {
                let yaml = lineStart == yamlStart ? "" : String(text[yamlStart..<bytes.index(before: lineStart)])
                let body = lineEnd == bytes.endIndex ? "" : String(text[bytes.index(after: lineEnd)...])
                return .success(FrontMatter(yaml: yaml, body: body, yamlFirstLine: 2, bodyFirstLine: lineNumber + 1))
            }
        }
        return .failure(.unterminated)
    }

    /// The "\n" that ends the line starting at `start`, or the end of the text. A "\n" after
    /// "\r" does not count: "\r\n" is one Character, and files used to be split on Characters.
    private static func lineEnd(in bytes: String.UTF8View, from start: String.Index) -> String.Index {
        var index = start
        while let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) {
            if newline == bytes.startIndex || bytes[bytes.index(before: newline)] != UInt8(ascii: "\r") { return newline }
            index = bytes.index(after: newline)
        }
        return bytes.endIndex
    }

    private static func isFence(_ line: Substring.UTF8View) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r") {
            trimmed = trimmed.dropLast()
        }
        return trimmed.elementsEqual("---".utf8)
    }
}
