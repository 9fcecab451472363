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
        for name in names { try writer.enqueue(OutputFile(path: name, data: Data(name.utf8))) }
        try writer.finish()
        #expect(disk.paths == names)
    }

    @Test func aFailedWriteStopsTheBuildWithItsReason() throws {
        let disk = Disk()
        disk.failOn = "b.html"
        let writer = BackgroundWriter(limit: 1, write: disk.write)
        var thrown: Error?
        do {
            for name in ["a.html", "b.html", "c.html", "d.html"] { try writer.enqueue(OutputFile(path: name, data: Data())) }
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
            whole[file.path] = file.data
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
