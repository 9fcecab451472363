import Foundation
import Testing
@testable import PlanSite

/// `plansite watch` puts an edited plan's units into the search index it keeps, instead of
/// making the index again: the files must be those a whole index gives.
@Suite("The search index, edited in place")
struct SearchIndexEditTests {
    static func files(_ site: SiteUnits) -> (index: SearchIndex, files: [String: Data]) {
        var files: [String: Data] = [:]
        let index = SearchIndexBuilder(site: site, jobs: 2).write { files[$0.path] = Data($0.bytes) }
        return (index, files)
    }

    /// The units with entity `name`'s replaced, laid out again from scratch.
    static func site(_ site: SiteUnits, replacing name: String, with units: [SearchUnit]) -> SiteUnits {
        var all: [SearchUnit] = []
        var entities: [(name: String, units: Range<Int>)] = []
        for entity in site.entities {
            let start = all.count
            all += entity.name == name ? units : Array(site.all[entity.units])
            entities.append((entity.name, start..<all.count))
        }
        return SiteUnits(entities: entities.map { ($0.name, $0.units.count) }, chunk: SearchIndex.chunkSize, jobs: 1) {
            Array(all[entities[$0].units])
        }
    }

    @Test func aPlansUnitsPutInGiveTheFilesOfAWholeIndex() throws {
        var site = SearchUnit.all(RealPlanTests.site.model)
        var (index, files) = Self.files(site)
        #expect(files.keys.contains { $0.hasPrefix("search/j/") }, "second tiers, whose codes an edit keeps too")
        // A plan whose last display chunk has room for one more task, which then moves no other plan.
        let entity = try #require(site.entities.first { $0.name.hasPrefix("p ") && (2...7).contains($0.units.count % SearchIndex.chunkSize) })
        let slug = String(entity.name.dropFirst(2))
        var units = Array(site.all[entity.units])
        let years = Set(site.all.compactMap(\.year))
        func expectSameAsWhole(_ comment: Comment, _ change: (inout [SearchUnit]) -> Void) throws {
            change(&units)
            let replaced = index.replace(plan: slug, with: units, jobs: 2) { files[$0] }
            let edit = try #require(replaced, comment)
            for file in edit.files { files[file.path] = Data(file.bytes) }
            for path in edit.gone { files[path] = nil }
            site = Self.site(site, replacing: entity.name, with: units)
            let whole = Self.files(site).files
            #expect(files.keys.sorted() == whole.keys.sorted(), comment)
            #expect(whole.keys.filter { files[$0] != whole[$0] }.sorted() == [], comment)
        }
        try expectSameAsWhole("a word no unit had") { $0[1] = $0[1].changed(text: $0[1].text + " Tổ chức tại xã Ia Pếch.") }
        try expectSameAsWhole("a task given another year, which changes only its facet") { units in
            units[2] = units[2].changed(year: years.sorted().first { $0 != units[2].year })
        }
        try expectSameAsWhole("a task added") { units in
            units.append(units[1].changed(title: "Kiểm tra việc thực hiện", text: "Kiểm tra việc thực hiện kế hoạch.",
                                          url: units[1].url + "-kiem-tra"))
        }
        try expectSameAsWhole("a task put first, which moves every later one to the next number") { units in
            units.insert(units[2].changed(title: "Tổng kết việc thực hiện", text: "Tổng kết việc thực hiện kế hoạch.",
                                          url: units[2].url + "-tong-ket"), at: 1)
        }
        try expectSameAsWhole("that task taken out again") { $0.remove(at: 1) }
        try expectSameAsWhole("the task with the word removed, which leaves the index without it") { $0.remove(at: 1) }
        #expect(files.values.allSatisfy { !String(decoding: $0, as: UTF8.self).contains("\"pech\"") })
        try expectSameAsWhole("tasks removed until the plan fills one display chunk fewer") { $0.removeLast($0.count % SearchIndex.chunkSize) }

        units[1] = units[1].changed(year: 1999)
        let replaced = index.replace(plan: slug, with: units, jobs: 2)
        #expect(replaced == nil, "a year no unit had renumbers every facet: the index is made again")
    }

    /// A shard file an edit copies codes from is read only if it is whole: anything else, and the
    /// shard is coded again from the index.
    @Test func onlyAWholeShardFileGivesItsCodes() throws {
        func codes(_ file: String, _ name: String) -> String? {
            ShardMembers(Data(file.utf8))?.codes(Array(name.utf8)).map { String(decoding: $0, as: UTF8.self) }
        }
        let file = "{\"a\":\"xy\",\"b\\\"c\":\"z\"}\n"
        #expect(codes(file, "\"a\"") == "xy")
        #expect(codes(file, "\"b\\\"c\"") == "z", "a name with an escape in it")
        #expect(codes(file, "\"b\"") == nil)
        #expect(ShardMembers(Data(file.utf8))?.count == 2)
        #expect(ShardMembers(Data("{}\n".utf8))?.count == 0)
        #expect(ShardMembers(Data(file.dropLast(2).utf8)) == nil, "cut short")
        #expect(ShardMembers(Data("{\"a\":\"x\\\"y\"}\n".utf8)) == nil, "a code with an escape in it")
        let (_, files) = Self.files(SearchUnit.all(RealPlanTests.site.model))
        #expect(files.filter { $0.key.hasPrefix("search/i/") || $0.key.hasPrefix("search/j/") }.values.allSatisfy { ShardMembers($0) != nil })
    }
}

extension SearchUnit {
    /// This unit with some of its fields changed: a unit is never changed in place.
    func changed(title: String? = nil, text: String? = nil, url: String? = nil, year: Int?? = nil) -> SearchUnit {
        SearchUnit(kind: kind, title: title ?? self.title, url: url ?? self.url, province: province, numbers: numbers,
                   agencies: agencies, text: text ?? self.text, leads: leads, cited: cited, deadline: deadline,
                   year: year ?? self.year, source: source)
    }
}
