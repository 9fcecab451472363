import Foundation
import Yams

/// Decodes front matter into `PlanMetadata`, walking the YAML node tree rather than using
/// Codable so that every error can name the line and column of the key or value at fault.
public struct FrontMatterDecoder: Sendable {
    public static let knownKeys = [
        "title", "issuer", "implements", "province", "kind", "number", "date",
        "signer", "signer_title", "recipients", "slug",
    ]

    public init() {}

    public func decode(_ frontMatter: FrontMatter, file: String) -> Result<PlanMetadata, [Diagnostic]> {
        let lineOffset = frontMatter.yamlFirstLine - 1
        func location(_ mark: Mark?) -> SourceLocation {
            SourceLocation(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
        }
        let root: Node?
        // Every value is read as text (`Node.null` looks at the text, not at a type): matching
        // Yams' regular expressions against every key and value was most of reading a plan's front matter.
        switch YAMLFile.compose(frontMatter.yaml, file: file, lineOffset: lineOffset, resolver: .basic) {
        case .success(let node): root = node
        case .failure(let problems): return .failure(problems)
        }
        guard let root, case .mapping(let mapping) = root else {
            return .failure([.error(location(root?.mark),
                                    "front matter must be a list of 'key: value' lines",
                                    hint: "start with 'title: …' on the line after '---'")])
        }

        var fields = FieldReader(location: location)
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else {
                fields.problems.append(.error(location(keyNode.mark), "a front matter key must be a word",
                                              hint: "start the line with a key such as 'title:' and put the value after it"))
                continue
            }
            guard Self.knownKeys.contains(key) else {
                fields.problems.append(YAMLFile.unknownKey(key, known: Self.knownKeys, at: location(keyNode.mark), what: "front matter key"))
                continue
            }
            fields.values[key] = (keyNode, value)
        }

        let title = fields.requiredText("title", example: "title: \"Kế hoạch thực hiện Nghị quyết số 27-NQ/TW\"", root: root)
        let issuer = fields.requiredText("issuer", example: "issuer: \"Ủy ban nhân dân tỉnh Thái Nguyên\"", root: root)
        let implements = fields.requiredList("implements", example: "implements: [\"27-NQ/TW\"]", root: root)
        let metadata = PlanMetadata(
            title: title ?? "",
            issuer: issuer ?? "",
            implements: implements ?? [],
            province: fields.text("province"),
            kind: fields.text("kind"),
            number: fields.text("number"),
            date: fields.date("date"),
            signer: fields.text("signer"),
            signerTitle: fields.text("signer_title"),
            recipients: fields.list("recipients") ?? [],
            slug: fields.slug("slug"))
        return fields.problems.isEmpty ? .success(metadata) : .failure(fields.problems)
    }

    static func diagnostic(for error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case .scanner(_, let problem, let mark, let yaml), .parser(_, let problem, let mark, let yaml),
             .composer(_, let problem, let mark, let yaml):
            let line = yaml.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(mark.line - 1).first ?? ""
            if line.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") {
                return .error(SourceLocation(file: file, line: mark.line + lineOffset, column: 1), "front matter is indented with a tab",
                              hint: "indent front matter with spaces, not tabs")
            }
            return .error(at(mark), "front matter is not valid YAML: \(problem)",
                          hint: "check the quotes and the ':' after each key; put text containing ':' or '#' in double quotes")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(at(context.mark), "front matter repeats the key '\(duplicates.joined(separator: "', '"))'",
                          hint: "keep one line per key")
        case .reader(let problem, let offset, let value, let yaml):
            // The reader counts characters, not lines: find the line and column a writer can go to.
            var line = 1, column = 1
            for character in yaml.prefix(offset ?? 0) {
                if character == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            let code = value >= 0 ? " (U+\(String(format: "%04X", value)))" : ""
            return .error(SourceLocation(file: file, line: line + lineOffset, column: column), "front matter could not be read: \(problem)\(code)",
                          hint: "delete the invisible character there; it often comes with text pasted from another program")
        default:
            return .error(SourceLocation(file: file, line: lineOffset + 1), "front matter could not be read: \(error)")
        }
    }
}

/// Reads typed fields out of the front matter mapping, collecting a diagnostic for each bad one.
private struct FieldReader {
    let location: (Mark?) -> SourceLocation
    var values: [String: (key: Node, value: Node)] = [:]
    var problems: [Diagnostic] = []

    mutating func text(_ key: String) -> String? {
        guard let (_, value) = values[key] else { return nil }
        guard case .scalar(let scalar) = value else {
            problems.append(.error(location(value.mark), "'\(key)' must be a single piece of text, not a list",
                                   hint: "write \(key): \"…\" on one line"))
            return nil
        }
        let trimmed = scalar.string.trimming()
        return trimmed.isEmpty || value.null != nil ? nil : trimmed
    }

    mutating func list(_ key: String) -> [String]? {
        guard let (_, value) = values[key] else { return nil }
        guard case .sequence(let sequence) = value else {
            problems.append(.error(location(value.mark), "'\(key)' must be a list",
                                   hint: "write each item on its own line under '\(key):' starting with '- ', or \(key): [\"…\", \"…\"]"))
            return nil
        }
        var items: [String] = []
        for item in sequence {
            guard case .scalar(let scalar) = item else {
                problems.append(.error(location(item.mark), "each item of '\(key)' must be a piece of text",
                                       hint: "write each item on its own line under '\(key):' starting with '- '"))
                continue
            }
            let trimmed = scalar.string.trimming()
            if !trimmed.isEmpty { items.append(trimmed) }
        }
        return items
    }

    /// A slug becomes a folder name under `ke-hoach/`, so it must never be able to climb out
    /// of it: only lower-case ASCII letters, digits and single dashes.
    mutating func slug(_ key: String) -> String? {
        guard let raw = text(key) else { return nil }
        let valid = raw.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }
            && !raw.hasPrefix("-") && !raw.hasSuffix("-")
        guard valid else {
            problems.append(.error(location(values[key]?.value.mark), "'\(key)' may hold only a-z, 0-9 and '-', not '\(raw)'",
                                   hint: "write it like \(key): \(VietnameseText.slug(raw).isEmpty ? "lao-cai-27-nq-tw" : VietnameseText.slug(raw))"))
            return nil
        }
        return raw
    }

    mutating func date(_ key: String) -> CalendarDate? {
        guard let raw = text(key) else { return nil }
        if let date = CalendarDate(iso: raw) { return date }
        let mark = values[key]?.value.mark
        problems.append(.error(location(mark), "'\(key)' must be a date written yyyy-mm-dd, not '\(raw)'",
                               hint: Self.isoHint(for: raw)))
        return nil
    }

    mutating func requiredText(_ key: String, example: String, root: Node) -> String? {
        guard values[key] != nil else {
            problems.append(.error(location(root.mark), "front matter is missing '\(key)'", hint: "add a line \(example)"))
            return nil
        }
        guard let value = text(key) else {
            if problems.last?.message.contains("'\(key)'") != true {
                problems.append(.error(location(values[key]?.value.mark), "'\(key)' is empty", hint: example))
            }
            return nil
        }
        return value
    }

    mutating func requiredList(_ key: String, example: String, root: Node) -> [String]? {
        guard values[key] != nil else {
            problems.append(.error(location(root.mark), "front matter is missing '\(key)'", hint: "add a line \(example)"))
            return nil
        }
        guard let items = list(key) else { return nil }
        if items.isEmpty {
            problems.append(.error(location(values[key]?.value.mark), "'\(key)' needs at least one document number", hint: example))
        }
        return items
    }

    /// Turns the way dates are printed in plans (15/5/2023) into the form front matter wants.
    private static func isoHint(for raw: String) -> String {
        let parts = raw.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).compactMap { Int($0) }
        if parts.count == 3, let date = CalendarDate(year: parts[2], month: parts[1], day: parts[0]) {
            return "write \(date.iso)"
        }
        return "for 15 May 2023 write 2023-05-15"
    }
}
