import Foundation

/// The search index as values (docs/SEARCH.md): the site's units, every token's postings, and
/// how they are cut into files. `SearchIndexBuilder` writes all of it; a session that stays
/// running keeps it and puts one plan's units in at a time (`replacing`).
public struct SearchIndex {
    var site: SiteUnits
    var table: PostingTable
    let provinces: [String]
    let years: [Int]
    /// Each unit's facet code (kind, province, year), by number.
    var facets: [Int]
    /// How many units name each province and year: one gained or lost would move every facet code.
    var provinceUses: [String: Int] = [:]
    var yearUses: [Int: Int] = [:]
    private let provinceCodes: [String: Int]
    private let yearCodes: [Int: Int]
    let shardCount: Int
    /// Each shard's tokens, in the order of their text.
    var tokensByShard: [[Int]]
    /// Postings in first tiers, which set the shard count.
    var firstTierPostings: Int

    static let chunkSize = 8
    /// Postings kept per token in the first tier; the rest go to the second tier, fetched on demand.
    static let firstTier = 200
    /// Characters of a title a result shows; longer titles end in "…".
    static let titleLength = 120

    /// Tokenizes the site's units, taking groups of unchanged plans from `tokens`, and calls
    /// `tokenized` before making the posting table.
    init(site: SiteUnits, jobs: Int, tokens: KeyedFiles, tokenized: () -> Void = {}) {
        // By index, not `for unit in`: that copies each unit, a retain and release of every field.
        for index in site.all.indices {
            if let province = site.all[index].province { provinceUses[province, default: 0] += 1 }
            if let year = site.all[index].year { yearUses[year, default: 0] += 1 }
        }
        provinces = Collation.sorted(provinceUses.keys)
        years = yearUses.keys.sorted()
        provinceCodes = Dictionary(uniqueKeysWithValues: provinces.enumerated().map { ($1, $0 + 1) })
        yearCodes = Dictionary(uniqueKeysWithValues: years.enumerated().map { ($1, $0 + 1) })
        let blocks = TokenBlocks(units: site, jobs: jobs, cache: tokens).make()
        tokenized()
        table = PostingTable(blocks: consume blocks, numbers: site.numbers, jobs: jobs)
        facets = Array(repeating: 0, count: table.lengths.count)
        self.site = site
        firstTierPostings = 0
        tokensByShard = []
        for token in 0..<table.tokenCount { firstTierPostings += min(table.list(token).count, Self.firstTier) }
        shardCount = Self.shardCount(forPostings: firstTierPostings)
        tokensByShard = Array(repeating: [], count: shardCount)
        for token in 0..<table.tokenCount { tokensByShard[shard(of: token)].append(token) }
        let names = table.tokens
        tokensByShard = tokensByShard.parallelMap(jobs: jobs) { $0.sorted { Self.precedes(names[$0], names[$1]) } }
        for index in site.all.indices { facets[site.numbers[index]] = facet(of: site.all[index]) }
    }

    /// Tokens in a shard go in the order of their bytes: `String`'s `<` holds canonically
    /// equivalent tokens equal, and their order would then depend on the sort.
    static func precedes(_ token: String, _ other: String) -> Bool {
        token.utf8.lexicographicallyPrecedes(other.utf8)
    }

    func facet(of unit: SearchUnit) -> Int {
        unit.kind.rawValue | (unit.province.flatMap { provinceCodes[$0] } ?? 0) << 2 | (unit.year.flatMap { yearCodes[$0] } ?? 0) << 9
    }

    func shard(of token: Int) -> Int {
        Int(Self.hash(SearchText.shardKey(table.tokens[token])) % UInt32(shardCount))
    }

    var impacts: Impacts { Impacts(lengths: table.lengths, unitCount: site.all.count) }

    /// The manifest, and the names behind the facet codes, needed only to show or apply filters:
    /// not before the first results.
    var head: [OutputFile] {
        [OutputFile(path: "search/manifest.json", bytes: JSONWriter.encode(.object([
            ("version", .int(4)), ("units", .int(site.all.count)), ("titleLength", .int(Self.titleLength)), ("shards", .int(shardCount)),
            ("chunk", .int(Self.chunkSize)), ("firstTier", .int(Self.firstTier)),
        ]))),
         OutputFile(path: "search/facets.json", bytes: JSONWriter.encode(.object([
            ("kinds", .strings(SearchUnit.Kind.allCases.map(\.name))), ("provinces", .strings(provinces)),
            ("years", .array(years.map { .int($0) })),
         ])))]
    }

    /// A shard's first tiers, and its second tiers if any token has one; the codes of tokens
    /// `kept` holds copied from it.
    func shardFiles(_ shard: Int, _ impacts: Impacts, keeping kept: KeptCodes? = nil) -> [OutputFile] {
        var first = JSONWriter(), second = JSONWriter()
        for token in tokensByShard[shard] {
            let list = table.list(token), name = table.tokens[token]
            if let codes = kept?.codes(of: token, named: name, secondTier: list.count > Self.firstTier) {
                first.member(name) { $0 += codes.first }
                if let secondCodes = codes.second { second.member(name) { $0 += secondCodes } }
                continue
            }
            first.member(name) { firstBytes in
                guard list.count > Self.firstTier else {
                    var none: [UInt8] = []
                    return code(list, impacts, first: &firstBytes, second: &none)
                }
                second.member(name) { code(list, impacts, first: &firstBytes, second: &$0) }
            }
        }
        return [OutputFile(path: Self.shardPath("i", shard), bytes: first.closedObject())]
            + (second.isEmpty ? [] : [OutputFile(path: Self.shardPath("j", shard), bytes: second.closedObject())])
    }

    static func shardPath(_ tier: String, _ shard: Int) -> String { "search/\(tier)/\(String(shard, radix: 16)).json" }

    /// The display chunks of these entities, as runs of `site.all`: an entity starts a chunk, so
    /// a chunk never holds units of two entities.
    static func chunks(of entities: ArraySlice<SiteUnits.Entity>) -> [Range<Int>] {
        entities.flatMap { entity in
            stride(from: entity.units.lowerBound, to: entity.units.upperBound, by: Self.chunkSize).map {
                $0..<min($0 + Self.chunkSize, entity.units.upperBound)
            }
        }
    }

    /// A chunk's file, named by its first unit's number.
    static func chunkPath(number: Int) -> String { "search/d/\(number / chunkSize).json" }

    /// A plan's record, alone in a file named like the chunk its unit starts. A number's best
    /// results are the document and the plans that carry it out: in its chunk, each plan's
    /// record came with seven tasks' snippets, 4.6 KB where the plan's own is 0.3 KB, and the
    /// first results of "27-NQ/TW" needed 14 KB of a 10,000-plan index.
    static func planPath(number: Int) -> String { "search/p/\(number / chunkSize).json" }

    /// A display chunk: a plan's place in it is `null`, its record is in `planPath`.
    func chunkData(_ units: ArraySlice<SearchUnit>) -> [UInt8] {
        JSONWriter.encode(.array(units.map { $0.kind == .plan ? .null : Self.record($0) }))
    }

    func planData(_ plan: SearchUnit) -> [UInt8] {
        JSONWriter.encode(Self.record(plan))
    }

    private static func record(_ unit: SearchUnit) -> JSONWriter.Value {
        let snippet = Snippet.source(unit.text)
        // A task's title is the start of its text: the record says how long it is instead
        // of repeating it.
        let title: JSONWriter.Value = Snippet.hasPrefix(snippet, unit.title) ? .int(unit.title.utf16.count)
            : .string(Snippet.shortened(unit.title, to: titleLength))
        return .array([.int(unit.kind.rawValue), title, .string(unit.url), .string(unit.province ?? ""),
                       .string(snippet), .strings(unit.leads), .strings(unit.cited), .string(unit.deadline)])
    }

    /// A token's tiers as posting codes, `df, Δnumber, impact, facet, …` in number order: its
    /// best postings to `first`, the rest, if it has more, to `second`. Each starts with the
    /// token's full document frequency, so a reader knows when the first tier is only the best
    /// part of it.
    private func code(_ list: PostingTable.List, _ impacts: Impacts, first: inout [UInt8], second: inout [UInt8]) {
        let secondCount = max(0, list.count - Self.firstTier)
        PostingCode.appending(room: 1 + 3 * (list.count - secondCount), to: &first) { firstDigits in
            PostingCode.appending(room: secondCount == 0 ? 0 : 1 + 3 * secondCount, to: &second) { secondDigits in
                firstDigits.append(list.count)
                if secondCount > 0 { secondDigits.append(list.count) }
                var previous = (first: 0, second: 0)
                impacts.forEachPosting(list, first: Self.firstTier) { unit, impact, inFirstTier in
                    if inFirstTier {
                        firstDigits.append(unit - previous.first, impact, facets[unit])
                        previous.first = unit
                    } else {
                        secondDigits.append(unit - previous.second, impact, facets[unit])
                        previous.second = unit
                    }
                }
            }
        }
    }

    /// About 16 KB of postings a shard: a query fetches a few small files, whatever the site's size.
    static func shardCount(forPostings postings: Int) -> Int {
        var count = 8
        while count < 65536, postings / count > 400 { count *= 2 }
        return count
    }

    /// FNV-1a over the token's UTF-8 bytes; search-core.js computes the same.
    static func hash(_ token: String) -> UInt32 {
        var hash: UInt32 = 2166136261
        for byte in token.utf8 { hash = (hash ^ UInt32(byte)) &* 16777619 }
        return hash
    }
}
