import Foundation
import Testing
@testable import PlanSite

@Suite("Search index")
struct SearchTests {
    struct Vector: Decodable {
        var input: String
        var tokens: [String]
        var nfd: Bool?
    }

    static let vectors: [Vector] = {
        let url = Paths.tests.deletingLastPathComponent().appendingPathComponent("vectors/search-tokens.json")
        return (try? JSONDecoder().decode([Vector].self, from: Data(contentsOf: url))) ?? []
    }()

    /// The same file is checked by Tests/js/search-core.test.mjs against search-core.js.
    @Test func sharedVectorsTokenizeTheSameInSwift() {
        #expect(Self.vectors.count >= 15)
        for vector in Self.vectors {
            let input = vector.nfd == true ? vector.input.decomposedStringWithCanonicalMapping : vector.input
            #expect(SearchText.tokens(input) == vector.tokens, "\(vector.input)")
        }
    }

    /// The same file is checked by Tests/js/search-core.test.mjs against decodeNumbers.
    @Test func postingCodeMatchesTheSharedVectors() throws {
        struct Case: Decodable { var numbers: [Int]; var code: String }
        let url = Paths.tests.deletingLastPathComponent().appendingPathComponent("vectors/postings.json")
        let cases = try JSONDecoder().decode([Case].self, from: Data(contentsOf: url))
        #expect(cases.count >= 8)
        for item in cases { #expect(PostingCode.encode(item.numbers) == item.code, "\(item.numbers)") }
    }

    static func index(_ plans: [String: String]) throws -> [String: String] {
        try buildInMemory(plans: plans).files.filter { $0.key.hasPrefix("search/") }
    }

    @Test func indexIsAManifestShardsAndChunks() throws {
        let files = try Self.index(["a.md": planFile(body: "Thực hiện Nghị quyết số 27-NQ/TW.\n\n## II. NHIỆM VỤ\n\n1.1. Tuyên truyền pháp luật.\n\n- Chủ trì: Sở Tư pháp\n")])
        let manifest = try #require(files["search/manifest.json"])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(manifest.utf8)) as? [String: Any])
        let units = try #require(parsed["units"] as? Int)
        let shards = try #require(parsed["shards"] as? Int)
        #expect(units == 4, "one task, one agency, one document, one plan")
        #expect(files.keys.filter { $0.hasPrefix("search/i/") }.count == shards)
        #expect(files.contains { $0.key.hasPrefix("search/d/") && $0.value.contains("Tuyên truyền pháp luật") })
        // The plan's record is a file of its own, and its place in the chunk with its task is null.
        let planRecords = files.filter { $0.key.hasPrefix("search/p/") }.map(\.value)
        #expect(planRecords.count == 1 && planRecords[0].hasPrefix(#"[3,"Kế hoạch thử","/ke-hoach/a/""#), "\(planRecords)")
        #expect(files.contains { $0.key.hasPrefix("search/d/") && $0.value.hasPrefix("[null,[0,") })
        // "tu_phap" sits in the shard its hash names, with postings for the agency and the task.
        let shard = String(SearchIndex.hash("tu_phap") % UInt32(shards), radix: 16)
        let postings = try #require(try JSONSerialization.jsonObject(with: Data((files["search/i/\(shard).json"] ?? "{}").utf8)) as? [String: String])
        let tuPhap = try #require(postings["tu_phap"])
        // Document frequency first, then Δunit, impact, facet for the agency and the task.
        let numbers = Self.decode(tuPhap)
        #expect(numbers.count == 7 && numbers[0] == 2, "df 2, then two postings: \(numbers)")
        #expect(Set([numbers[3] & 3, numbers[6] & 3]) == [SearchUnit.Kind.agency.rawValue, SearchUnit.Kind.task.rawValue])
        let exactShard = String(SearchIndex.hash(SearchText.shardKey("=so tu phap")) % UInt32(shards), radix: 16)
        let exact = try JSONSerialization.jsonObject(with: Data((files["search/i/\(exactShard).json"] ?? "{}").utf8)) as? [String: String]
        #expect(SearchText.shardKey("=so tu phap") == "so_tu")
        let exactTitle = Self.decode(exact?["=so tu phap"] ?? "")
        #expect(exactTitle.count == 4 && exactTitle[0] == 1 && exactTitle[3] & 3 == SearchUnit.Kind.agency.rawValue,
                "the agency's exact title, in the shard of its first pair")
        #expect(files.values.allSatisfy { !$0.contains("<script") })
    }

    /// A posting code's numbers, as search-core.js's decodeNumbers reads them.
    static func decode(_ code: String) -> [Int] {
        let alphabet = Array(String(describing: PostingCode.alphabet).utf8)
        var numbers: [Int] = [], value = 0
        for byte in code.utf8 {
            let digit = alphabet.firstIndex(of: byte)!
            value = value << 5 | digit & 31
            if digit < 32 { numbers.append(value); value = 0 }
        }
        return numbers
    }

    /// A task's title, the first line of its text, is read once for both fields: its tokens
    /// weigh what reading the fields one by one gives.
    @Test(arguments: ["Sở Tư pháp chủ trì (Quý II/2025)", "Sở Tư pháp chủ trì, Kế hoạch số 12/KH-UBND\nBáo cáo 27-NQ/TW; tư pháp",
                      "Thực hiện Nghị quyết số 27-\nNQ/TW của Bộ Chính trị", "Quyết định số 33/\n2021/QĐ-UBND"])
    func aTitleReadOnceWeighsAsBothFields(text: String) {
        let title = String(text.prefix { $0 != "\n" })
        let unit = SearchUnit(kind: .task, title: title, url: "", province: nil, numbers: "27-NQ/TW", agencies: "Sở Tư pháp",
                              text: text, leads: [], cited: [], deadline: "", year: nil)
        #expect(unit.textAfterTitle != nil)
        let block = TokenBlock.tokenize([unit][...])
        var read: [String: Float] = [:]
        for (index, id) in block.tokenIDs.enumerated() { read[block.withName(Int(id)) { String(decoding: $0, as: UTF8.self) }] = block.weights[index] }
        var expected: [String: Float] = [:]
        for (field, weight, parts) in [(unit.numbers, 8.0, SearchText.Parts.numbers), (title, 4, .all), (unit.agencies, 3, .all), (text, 1, .all)] {
            SearchText.forEachToken(field, parts) { expected[String(decoding: $0, as: UTF8.self), default: 0] += Float(weight) }
        }
        #expect(read == expected)
        #expect(block.lengths == [expected.values.reduce(0, +)])
    }

    /// A pair found by its syllables' ids is the token its bytes name: an interner that takes
    /// pairs by ids gives the ids one that takes them as bytes gives, through both tables' growth
    /// and pairs whose bytes it saw before.
    @Test func pairsByIdsAreThePairsByBytes() {
        var generator = SplitMix(seed: 7)
        var byIDs = TokenInterner(), byBytes = TokenInterner()
        func id(_ text: String, _ interner: inout TokenInterner) -> Int32 { interner.id(text) }
        var syllables: [(String, Int32)] = []
        for step in 0..<30_000 {
            if syllables.count < 2 || step % 3 == 0 {
                let length = Int.random(in: 1...12, using: &generator)
                let text = String((0..<length).map { _ in "abcdđ0123".randomElement(using: &generator)! })
                let ids = (id(text, &byIDs), id(text, &byBytes))
                #expect(ids.0 == ids.1)
                syllables.append((text, ids.0))
            } else {
                let first = syllables.randomElement(using: &generator)!, second = syllables.randomElement(using: &generator)!
                let pair = first.0 + "_" + second.0
                // Now and then the pair's bytes come first, as a token of their own.
                if step % 7 == 0 { #expect(id(pair, &byIDs) == id(pair, &byBytes)) }
                #expect(byIDs.pairID(first.1, second.1) == id(pair, &byBytes), "\(pair)")
            }
        }
        #expect(byIDs.names == byBytes.names)
        #expect(byIDs.count > 4_096)
    }

    @Test func numberTokensNeverMatchByPrefix() {
        #expect(!SearchText.tokens("Nghị quyết số 2712-NQ/TW").contains("#27-nq"))
        #expect(!SearchText.tokens("Quyết định số 3133/QĐ-UBND").contains("#31-qd"))
    }

    /// Impacts depend on the site's unit count and average length only in steps of an eighth.
    @Test func siteStatisticsAreRoundedUpToFourSignificantBits() {
        #expect(Impacts.coarse(1) == 1 && Impacts.coarse(15) == 15 && Impacts.coarse(16) == 16)
        #expect(Impacts.coarse(17) == 18 && Impacts.coarse(37867) == 40960 && Impacts.coarse(36000) == 36864)
        #expect(Impacts.coarse(53.2) == 56 && Impacts.coarse(1.3) == 1.375)
    }

    @Test func hashMatchesTheJavaScriptHash() {
        // Values from search-core.js's hash(), computed with node.
        #expect(SearchIndex.hash("tu_phap") == 3608736582)
    }

    /// The first tier's threshold picks the same score as sorting would, ties and all: a different
    /// one would move postings between tiers and change which results a query shows first.
    @Test func theFirstTierThresholdIsTheKthLargestScore() {
        var generator = SystemRandomNumberGenerator()
        for size in [1, 2, 3, 10, 201, 1000] {
            for _ in 0..<20 {
                // Few distinct values, so most picks land among ties.
                let scores = (0..<size).map { _ in Double(Int.random(in: 0..<7, using: &generator)) / 3 }
                let sorted = scores.sorted(by: >)
                for k in Set([1, size / 2 + 1, size]) {
                    #expect(Impacts.largest(k, of: scores) == sorted[k - 1], "k = \(k) of \(scores)")
                }
            }
        }
    }

    /// A long list's first tier is its best postings by score, ties going to lower units, as
    /// sorting would pick them, and every posting is reported once, in unit order.
    @Test func theFirstTierHoldsTheBestPostingsAsSortingWouldPickThem() {
        var generator = SystemRandomNumberGenerator()
        let lengths = (0..<2000).map { _ in Float(Int.random(in: 1...4, using: &generator) * 10) }
        let impacts = Impacts(lengths: lengths, unitCount: lengths.count)
        for size in [150, 200, 201, 700] {
            // Few distinct weights and lengths, so many scores tie at the threshold.
            let units = (0..<2000).map(UInt32.init).shuffled(using: &generator).prefix(size).sorted()
            let list = PostingTable.List(units: units[...], weights: units.map { _ in Float(Int.random(in: 1...3, using: &generator)) }[...])
            let scores = impacts.scores(list)
            let best = Set(zip(units, scores).sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }.prefix(200).map { Int($0.0) })
            var seen: [Int] = []
            impacts.forEachPosting(list, first: 200) { unit, impact, inFirstTier in
                seen.append(unit)
                #expect(inFirstTier == best.contains(unit), "unit \(unit) of \(size)")
                #expect((1...255).contains(impact))
            }
            #expect(seen == units.map(Int.init))
        }
    }
}
