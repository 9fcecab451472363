import Foundation

/// Writes `search/`: a small manifest, posting shards fetched only for the tokens a query
/// needs, and display chunks fetched only for the results shown. docs/SEARCH.md describes
/// the format; `Templates/assets/search-core.js` reads it.
struct SearchIndexBuilder {
    /// `SearchUnit.all` of the site: the builder does not hold the site itself, so a build
    /// can let go of it while the much larger posting table is made.
    var site: SiteUnits
    var jobs = Workers.default
    /// Display chunks whose units are unchanged since this output was built are kept.
    var previous = PreviousOutput.none
    /// Groups of plans tokenized by earlier builds.
    var tokens = KeyedFiles.none
    private var units: [SearchUnit] { site.all }
    static let chunkSize = 8
    /// Postings kept per token in the first tier; the rest go to the second tier, fetched on demand.
    static let firstTier = 200
    /// Characters of a title a result shows; longer titles end in "…".
    static let titleLength = 120

    /// Hands files to `emit` a batch at a time, so the index is never all in memory at once.
    func write(_ emit: (OutputFile) throws -> Void) rethrows {
        let provinces = Array(Set(units.compactMap(\.province))).sorted(by: Collation.less)
        let years = Array(Set(units.compactMap(\.year))).sorted()
        let provinceIndex = Dictionary(uniqueKeysWithValues: provinces.enumerated().map { ($1, $0 + 1) })
        let yearIndex = Dictionary(uniqueKeysWithValues: years.enumerated().map { ($1, $0 + 1) })
        let facet = units.map { unit in
            unit.kind.rawValue | (unit.province.flatMap { provinceIndex[$0] } ?? 0) << 2 | (unit.year.flatMap { yearIndex[$0] } ?? 0) << 9
        }
        let table = PostingTable(blocks: TokenBlocks(units: site, jobs: jobs, cache: tokens).make())
        let impacts = Impacts(table: table, unitCount: units.count)

        let totalPostings = (0..<table.tokenCount).reduce(0) { $0 + min(table.postings(of: $1).count, Self.firstTier) }
        let shardCount = Self.shardCount(forPostings: totalPostings)
        var tokensByShard = Array(repeating: [Int](), count: shardCount)
        for token in 0..<table.tokenCount {
            tokensByShard[Int(Self.hash(SearchText.shardKey(table.tokens[token])) % UInt32(shardCount))].append(token)
        }

        let head = [
            OutputFile(path: "search/manifest.json", data: JSONWriter.encode(.object([
                ("version", .int(3)), ("units", .int(units.count)), ("titleLength", .int(Self.titleLength)), ("shards", .int(shardCount)),
                ("chunk", .int(Self.chunkSize)), ("firstTier", .int(Self.firstTier)),
            ]))),
            // Names behind the facet codes, needed only to show or apply filters: not before the first results.
            OutputFile(path: "search/facets.json", data: JSONWriter.encode(.object([
                ("kinds", .strings(SearchUnit.Kind.allCases.map(\.name))), ("provinces", .strings(provinces)),
                ("years", .array(years.map { .int($0) })),
            ]))),
        ]
        for file in head { try emit(file) }
        try inBatches(Array(tokensByShard.indices), emit) { shard -> [OutputFile] in
            let tokens = tokensByShard[shard].sorted { table.tokens[$0] < table.tokens[$1] }
            var first = JSONWriter(), second = JSONWriter()
            for token in tokens {
                let tiers = impacts.tiers(token, first: Self.firstTier)
                let df = tiers.first.count + tiers.second.count
                // Each list starts with the token's full document frequency, so a reader knows
                // when the first tier is only the best part of it.
                first.member(table.tokens[token]) { Self.code(df: df, tiers.first, site.numbers, facet, to: &$0) }
                if !tiers.second.isEmpty {
                    second.member(table.tokens[token]) { Self.code(df: df, tiers.second, site.numbers, facet, to: &$0) }
                }
            }
            let name = String(shard, radix: 16)
            return [OutputFile(path: "search/i/\(name).json", data: first.closedObject())]
                + (second.isEmpty ? [] : [OutputFile(path: "search/j/\(name).json", data: second.closedObject())])
        }
        // An entity starts a chunk, so a chunk's units are those from its first up to the next chunk's.
        let chunkStarts = site.entities.flatMap { stride(from: $0.units.lowerBound, to: $0.units.upperBound, by: Self.chunkSize) }
        try inBatches(Array(chunkStarts.indices), emit) { index -> [OutputFile] in
            let start = chunkStarts[index]
            let chunk = units[start..<(index + 1 < chunkStarts.count ? chunkStarts[index + 1] : units.count)]
            let path = "search/d/\(site.numbers[start] / Self.chunkSize).json"
            var fingerprint: Fingerprint?
            if previous.folder != nil {
                var inputs = Fingerprint.of(["chunk"])
                for unit in chunk { inputs.add(unit.inputs) }
                if previous.isCurrent(path, inputs) { return [.reusing(path, inputs)] }
                fingerprint = inputs
            }
            let records = chunk.map { unit -> JSONWriter.Value in
                let snippet = Snippet.source(unit.text)
                // A task's title is the start of its text: the record says how long it is instead
                // of repeating it.
                let title: JSONWriter.Value = Snippet.hasPrefix(snippet, unit.title) ? .int(unit.title.utf16.count)
                    : .string(Snippet.shortened(unit.title, to: Self.titleLength))
                return .array([.int(unit.kind.rawValue), title, .string(unit.url), .string(unit.province ?? ""),
                               .string(snippet), .strings(unit.leads), .strings(unit.cited), .string(unit.deadline)])
            }
            return [OutputFile(path: path, data: JSONWriter.encode(.array(records)), fingerprint: fingerprint)]
        }
    }

    /// Makes files on every core, 512 items at a time, and hands them over in order.
    private func inBatches(_ items: [Int], _ emit: (OutputFile) throws -> Void, _ make: (Int) -> [OutputFile]) rethrows {
        try items.forEachTransformed(jobs: jobs, batch: 512, make) { files in
            for file in files { try emit(file) }
        }
    }

    /// `df, Δunit, impact, facet, …` for postings in unit order, as a posting code; `unit` is a
    /// unit's place in `units`, `numbers` its number.
    private static func code(df: Int, _ postings: [Impacts.Posting], _ numbers: [Int], _ facet: [Int], to bytes: inout [UInt8]) {
        PostingCode.append(df, to: &bytes)
        var previous = 0
        for posting in postings {
            let number = numbers[posting.unit]
            PostingCode.append(number - previous, to: &bytes)
            PostingCode.append(posting.impact, to: &bytes)
            PostingCode.append(facet[posting.unit], to: &bytes)
            previous = number
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
