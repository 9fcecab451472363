import Foundation
import Testing
@testable import PlanSite

/// A copy of the real content in a temporary folder, built with the cache into `Public` and
/// compared with a clean build of the same content: what the rebuild suites share.
protocol RebuildFixture {
    var folder: TemporaryFolder { get }
}

extension RebuildFixture {
    /// A temporary folder holding a copy of the real content.
    static func copyOfContent() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.copy(Paths.content, to: "Content")
        return folder
    }

    var content: URL { folder.url.appendingPathComponent("Content") }

    func build(into output: String, cache: Bool = true, today: CalendarDate = CalendarDate(year: 2025, month: 1, day: 1)!) -> BuildReport {
        Build(content: content, templates: Paths.templates, output: folder.url.appendingPathComponent(output), today: today,
              cache: cache ? folder.url.appendingPathComponent(".plansite-cache") : nil).run()
    }

    /// The incremental output, and a clean build of the same content next to it.
    func expectSameAsCleanBuild(_ comment: Comment, today: CalendarDate = CalendarDate(year: 2025, month: 1, day: 1)!) throws {
        try? FileManager.default.removeItem(at: folder.url.appendingPathComponent("Clean"))
        #expect(build(into: "Clean", cache: false, today: today).succeeded)
        let incremental = try snapshot(of: folder.url.appendingPathComponent("Public"))
        let clean = try snapshot(of: folder.url.appendingPathComponent("Clean"))
        #expect(incremental.keys.sorted() == clean.keys.sorted(), comment)
        let different = clean.keys.filter { incremental[$0] != clean[$0] }.sorted()
        #expect(different.isEmpty, "\(comment): \(different.prefix(5))")
    }

    func edit(_ name: String, _ change: (String) -> String) throws {
        let url = content.appendingPathComponent(name)
        try Data(change(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
    }
}
