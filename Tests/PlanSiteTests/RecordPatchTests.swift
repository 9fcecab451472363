import Foundation
import Testing
@testable import PlanSite

/// `plansite watch` writes the agency and document records a task edit changed into
/// data/agencies.json and data/documents.json instead of encoding every record again: the
/// files must be those a whole export gives.
@Suite("Records patched in the data files")
struct RecordPatchTests {
    static func records(_ site: SiteModel) -> [String: Data] {
        var files: [String: Data] = [:]
        DataExport(site: site).writeRecords { files[$0.path, default: Data()].append(Data($0.bytes)) }
        return files
    }

    @Test func aRelinkedPlansRecordsArePatchedAsAWholeExportWritesThem() throws {
        let (sources, _) = SiteLoader(contentDirectory: Paths.content, templatesDirectory: Paths.templates).load(baseURL: nil)
        let registries = Registries.decode(try #require(sources).registries).0
        var site = RealPlanTests.site.model
        let folder = try TemporaryFolder()
        for (path, data) in Self.records(site) { try folder.write(String(decoding: data, as: UTF8.self), to: path) }

        var edited = try #require(site.plans.first { $0.plan.slug == "gia-lai-ke-hoach-hanh-dong-27-nq-tw" })
        let task = try #require(edited.plan.tasks.firstIndex { $0.lead == ["Sở Tư pháp"] })
        edited.plan.tasks[task].agencies[.lead] = ["Sở Nội vụ"]
        // Its citations of a document that another plan cites too, and that keeps its fields without them.
        var relinked: SiteModel.Relinked?
        for slug in Set(edited.plan.citations.map(\.ref.slug)).sorted() where relinked == nil {
            var without = edited
            without.plan.citations.removeAll { $0.ref.slug == slug }
            relinked = site.relink(without, registries: registries)
        }
        let changed = try #require(relinked)
        #expect(!changed.documents.isEmpty)
        var patch = RecordPatch()
        patch.note(changed)

        let written = try #require(try patch.write(site, into: folder.url, jobs: 2), "the files hold every record as it was")
        #expect(Set(written) == ["data/agencies.json", "data/documents.json"])
        for (path, whole) in Self.records(site) {
            #expect(FileManager.default.contents(atPath: folder.url.appendingPathComponent(path).path) == whole, "\(path)")
        }
    }

    @Test func aMemberIsFoundByHowItStartsAndEndsWhereTheNextStarts() {
        let file = Data(#"[{"n":"a","s":"}"},{"n":"ab","s":"x"},{"n":"b","s":"],"}]"#.utf8 + [10])
        func replacing(_ head: String, _ now: String) -> String? {
            RecordPatch.replacing([(Array(head.utf8), Array(now.utf8))], in: file).map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(replacing(#"{"n":"a","#, #"{"n":"a","s":1}"#) == #"[{"n":"a","s":1},{"n":"ab","s":"x"},{"n":"b","s":"],"}]"# + "\n")
        #expect(replacing(#"{"n":"ab","#, "{}") == #"[{"n":"a","s":"}"},{},{"n":"b","s":"],"}]"# + "\n")
        #expect(replacing(#"{"n":"b","#, #"{"n":"b"}"#) == #"[{"n":"a","s":"}"},{"n":"ab","s":"x"},{"n":"b"}]"# + "\n", "the last member")
        #expect(replacing(#""s":"x","#, "{}") == nil, "not the start of a member")
        #expect(replacing(#"{"n":"c","#, "{}") == nil, "not in the file: the files are written whole")
    }
}
