import Foundation
import Testing
@testable import PlanSite

/// The writer thread: pages reach the disk in the order they were rendered, and a write that
/// fails stops the build with that error instead of leaving a site with holes.
@Suite("Writing on its own thread")
struct WriterTests {
    final class Disk: @unchecked Sendable {
        var paths: [String] = []
        var failOn: String?
        func write(_ file: OutputFile) throws {
            if file.path == failOn { throw OutputError(path: file.path, code: ENOSPC) }
            paths.append(file.path)
        }
    }

    @Test func filesAreWrittenInTheOrderTheyWereHandedOver() throws {
        let disk = Disk()
        let writer = BackgroundWriter(limit: 4, write: disk.write)
        let names = (0..<1000).map { "ke-hoach/\($0)/index.html" }
        for name in names { try writer.enqueue(OutputFile(path: name, bytes: Array(name.utf8))) }
        try writer.finish()
        #expect(disk.paths == names)
    }

    @Test func aFailedWriteStopsTheBuildWithItsReason() throws {
        let disk = Disk()
        disk.failOn = "b.html"
        let writer = BackgroundWriter(limit: 1, write: disk.write)
        var thrown: Error?
        do {
            for name in ["a.html", "b.html", "c.html", "d.html"] { try writer.enqueue(OutputFile(path: name, bytes: [])) }
            try writer.finish()
        } catch {
            thrown = error
        }
        #expect(thrown?.localizedDescription == "b.html: No space left on device")
        #expect(disk.paths == ["a.html"])
    }
}

/// Data files at national scale are half a gigabyte; they go to disk in parts and must come out
/// exactly as if written whole.
@Suite("Data files written in parts")
struct PartedFileTests {
    @Test func dataFilesWrittenInSmallPartsEqualTheWholeFiles() throws {
        let model = RealPlanTests.site.model
        var whole: [String: Data] = [:]
        DataExport(site: model).write { file in
            #expect(file.part == .whole)
            whole[file.path] = Data(file.bytes)
        }

        let folder = try TemporaryFolder()
        let output = OutputFolder(url: folder.url.appendingPathComponent("Public"))
        try output.begin()
        let writer = SiteWriter(output: output, previous: .none, caching: true)
        var parts: [String: Int] = [:]
        try DataExport(site: model, partSize: 4096).write { file in
            parts[file.path, default: 0] += 1
            try writer.write(file)
        }
        try output.commit()

        #expect(parts["data/tasks.json", default: 0] > 2, "tasks.json went in several parts")
        #expect(writer.written == whole.count, "a file in parts counts once")
        for (path, data) in whole {
            #expect(try Data(contentsOf: folder.url.appendingPathComponent("Public/\(path)")) == data, "\(path)")
        }
    }
}

/// Several writer threads: each file's parts on one of them, in order, and the site on disk the
/// same bytes as one writer thread makes, whether written fresh or over a recycled site.
@Suite("Writing on several threads")
struct WriterThreadTests {
    final class Disk: @unchecked Sendable {
        private let lock = NSLock()
        /// Each file's parts as they arrived, comma-separated.
        private(set) var parts: [String: String] = [:]
        func write(_ file: OutputFile) throws {
            // Widens the window in which a second thread could overtake the first.
            if file.bytes.count % 3 == 0 { usleep(50) }
            lock.withLock { parts[file.path, default: ""] += String(decoding: file.bytes, as: UTF8.self) + "," }
        }
    }

    @Test func eachFilesPartsArriveInTheOrderTheyWereHandedOver() throws {
        let disk = Disk()
        let writer = BackgroundWriter(threads: 4, limit: 8, write: disk.write)
        var expected: [String: String] = [:]
        for index in 0..<2000 {
            let path = "data/\(index % 7).json"
            expected[path, default: ""] += "\(index),"
            try writer.enqueue(OutputFile(path: path, bytes: Array("\(index)".utf8)))
        }
        try writer.finish()
        #expect(disk.parts == expected)
    }

    @Test func oneWriterAndManyWritersLeaveTheSameSiteOnDisk() throws {
        let folder = try TemporaryFolder()
        let day = CalendarDate(year: 2025, month: 1, day: 1)!
        try folder.copy(Paths.content, to: "Content")
        let content = folder.url.appendingPathComponent("Content")
        func build(_ name: String, jobs: Int, cache: Bool = false) throws -> [String: Data] {
            let output = folder.url.appendingPathComponent(name)
            let report = Build(content: content, templates: Paths.templates, output: output, today: day,
                               cache: cache ? folder.url.appendingPathComponent(".cache-\(name)") : nil, jobs: jobs).run()
            #expect(report.succeeded)
            return try snapshot(of: output)
        }
        let serial = try build("one", jobs: 1)
        #expect(serial.keys.contains("data/tasks.json") && serial.count > 100)
        #expect(try build("four", jobs: 4) == serial)

        // With the cache, the third build stages its site in the first's, replaced by the second.
        _ = try build("cached", jobs: 4, cache: true)
        _ = try build("cached", jobs: 4, cache: true)
        let plan = try FileManager.default.contentsOfDirectory(atPath: content.path).filter { $0.hasSuffix(".md") }.sorted()[0]
        let path = content.appendingPathComponent(plan)
        try (String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "\n## ", with: "\nĐã sửa.\n\n## ", options: [], range: nil))
            .write(to: path, atomically: true, encoding: .utf8)
        #expect(try build("cached", jobs: 4, cache: true) == build("edited", jobs: 1))
    }
}
