import Foundation
@testable import PlanSite

/// Paths to the repository's own folders and to test fixtures.
enum Paths {
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = tests.appendingPathComponent("Fixtures")
    static let repository = tests.deletingLastPathComponent().deletingLastPathComponent()
    static let content = repository.appendingPathComponent("Content")
    static let templates = repository.appendingPathComponent("Templates")

    static func fixture(_ name: String) -> URL { fixtures.appendingPathComponent(name) }
}

/// A fresh temporary folder, removed when the test ends.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("plansite-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ text: String, to relative: String) throws {
        let target = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: target)
    }

    func copy(_ source: URL, to relative: String) throws {
        let target = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: target)
    }
}

/// Every file below a folder, by relative path, for comparing whole sites.
func snapshot(of folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let base = folder.standardizedFileURL.path
    guard let walker = FileManager.default.enumerator(atPath: base) else { return [:] }
    for case let relative as String in walker {
        var isDirectory: ObjCBool = false
        let path = base + "/" + relative
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[relative] = try Data(contentsOf: URL(fileURLWithPath: path))
        }
    }
    return files
}

/// A plan file with the required front matter and whatever else a test needs.
func planFile(title: String = "Kế hoạch thử", extra: String = "", body: String = "Thực hiện Nghị quyết số 27-NQ/TW.\n\n## I. MỤC ĐÍCH\n\nNội dung.\n") -> String {
    "---\ntitle: \"\(title)\"\nissuer: \"Ủy ban nhân dân tỉnh Thái Nguyên\"\nimplements: [\"27-NQ/TW\"]\n\(extra)---\n\n\(body)"
}

/// Builds a site from strings, in memory, through the same pipeline as `plansite build`.
func buildInMemory(plans: [String: String], templates: [String: String]? = nil, config: SiteConfig = SiteConfig(),
                   today: CalendarDate = .buildDay()) throws -> (files: [String: String], report: BuildReport) {
    let templateFiles = try templates.map { dict in
        dict.mapValues { SourceFile(path: "Templates/x.mustache", text: $0) }
    } ?? realTemplates()
    let sources = SiteSources(
        config: config,
        plans: plans.keys.sorted().map { SourceFile(path: "Content/\($0)", text: plans[$0]!) },
        templates: templateFiles)
    var files: [String: String] = [:]
    let report = Build.generate(sources, today: today) { files[$0.path, default: ""] += String(decoding: $0.bytes, as: UTF8.self) }
    return (files, report)
}

func realTemplates() throws -> [String: SourceFile] {
    var templates: [String: SourceFile] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: Paths.templates.path) where name.hasSuffix(".mustache") {
        let text = try String(contentsOf: Paths.templates.appendingPathComponent(name), encoding: .utf8)
        templates[String(name.dropLast(9))] = SourceFile(path: "Templates/\(name)", text: text)
    }
    return templates
}

/// A small seeded generator, so a failure can be run again.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
