import Foundation
import Yams

/// Facts a writer states about a document in `Content/documents.yml`, overriding what the
/// citations say.
public struct DocumentEntry: Hashable, Sendable {
    public var ref: DocumentRef
    public var title: String?
    public var type: String?
    public var date: CalendarDate?
    public var issuer: String?
    public var implements: [DocumentRef]
}

/// The registries in the content folder, decoded.
public struct Registries: Sendable {
    public var agencies = AgencyRegistry([])
    public var documents: [DocumentEntry] = []

    public static let agencyFile = "agencies.yml"
    public static let documentFile = "documents.yml"

    public static func decode(_ files: [String: SourceFile]) -> (Registries, [Diagnostic]) {
        var registries = Registries()
        var problems: [Diagnostic] = []
        if let file = files[agencyFile] {
            var list: [Agency] = []
            problems += entries(of: file, known: ["name", "aliases", "formerly", "collective", "note"]) { entry in
                guard let name = entry.text("name") else { return entry.missing("name", example: "name: \"Sở Tư pháp\"") }
                list.append(Agency(name: name, aliases: entry.list("aliases"), formerly: entry.list("formerly"),
                                   collective: entry.node("collective")?.bool ?? false, note: entry.text("note")))
                return []
            }
            registries.agencies = AgencyRegistry(list)
        }
        if let file = files[documentFile] {
            problems += entries(of: file, known: ["number", "province", "title", "type", "date", "issuer", "implements"]) { entry in
                guard let raw = entry.text("number") else { return entry.missing("number", example: "number: \"27-NQ/TW\"") }
                guard let number = DocumentNumber(raw) else {
                    return [.error(entry.location("number"), "'\(raw)' is not a document number", hint: "write it as 27-NQ/TW, 77/NQ-CP or 33/2021/QH15")]
                }
                let province = entry.text("province")
                var date: CalendarDate?
                if let text = entry.text("date") {
                    date = CalendarDate(iso: text)
                    if date == nil { return [.error(entry.location("date"), "'date' must be written yyyy-mm-dd, not '\(text)'")] }
                }
                registries.documents.append(DocumentEntry(
                    ref: DocumentRef(number: number, citingProvince: province), title: entry.text("title"), type: entry.text("type"),
                    date: date, issuer: entry.text("issuer"),
                    implements: entry.list("implements").compactMap(DocumentNumber.init).map { DocumentRef(number: $0, citingProvince: province) }))
                return []
            }
        }
        return (registries, problems)
    }

    /// One `- key: value` entry of a registry list, with locations for its messages.
    struct Entry {
        var file: String
        var mapping: Node.Mapping
        var start: Mark?

        func node(_ key: String) -> Node? { mapping[key] }
        func text(_ key: String) -> String? { node(key)?.string.map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 } }
        func list(_ key: String) -> [String] { node(key)?.sequence?.compactMap(\.string) ?? [] }
        func location(_ key: String) -> SourceLocation {
            let mark = node(key)?.mark ?? start
            return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
        }
        func missing(_ key: String, example: String) -> [Diagnostic] {
            [.error(SourceLocation(file: file, line: start?.line ?? 1, column: start?.column ?? 1), "entry has no '\(key)'", hint: "add \(example)")]
        }
    }

    private static func entries(of file: SourceFile, known: [String], _ read: (Entry) -> [Diagnostic]) -> [Diagnostic] {
        let root: Node?
        switch YAMLFile.compose(file.text, file: file.path) {
        case .success(let node): root = node
        case .failure(let problems): return problems
        }
        guard let root else { return [] }
        guard let items = root.sequence else {
            return [.error(SourceLocation(file: file.path), "must be a list of entries, each starting with '- '")]
        }
        var problems: [Diagnostic] = []
        for item in items {
            guard let mapping = item.mapping else {
                problems.append(.error(SourceLocation(file: file.path, line: item.mark?.line ?? 1), "each entry must be 'key: value' lines"))
                continue
            }
            for key in mapping.keys {
                guard let name = key.string, !known.contains(name) else { continue }
                problems.append(YAMLFile.unknownKey(name, known: known,
                                                    at: SourceLocation(file: file.path, line: key.mark?.line ?? 1, column: key.mark?.column ?? 1)))
            }
            problems += read(Entry(file: file.path, mapping: mapping, start: item.mark))
        }
        return problems
    }
}
