import Foundation

/// Writes `search/`: a small manifest, posting shards fetched only for the tokens a query
/// needs, and display chunks fetched only for the results shown. docs/SEARCH.md describes
/// the format; `Templates/assets/search-core.js` reads it.
struct SearchIndexBuilder {
    var site: SiteModel
    static let chunkSize = 8
    /// Postings kept per token in the first tier; the rest go to the second tier, fetched on demand.
    static let firstTier = 200
    /// Characters of a title a result shows; longer titles end in "…".
    static let titleLength = 120

    func files() -> [OutputFile] {
        let units = SearchUnit.all(site)
        let provinces = Array(Set(units.compactMap(\.province))).sorted(by: Collation.less)
        let years = Array(Set(units.compactMap(\.year))).sorted()
        let provinceIndex = Dictionary(uniqueKeysWithValues: provinces.enumerated().map { ($1, $0 + 1) })
        let yearIndex = Dictionary(uniqueKeysWithValues: years.enumerated().map { ($1, $0 + 1) })

        // Weighted term frequencies per unit (on every core), then BM25F impacts.
        let perUnit = units.parallelMap { unit -> (weights: [String: Double], length: Double) in
            var weighted: [String: Double] = [:]
            var length = 0.0
            func add(_ text: String, _ weight: Double, numbersOnly: Bool = false) {
                for token in SearchText.tokens(text) where !numbersOnly || token.hasPrefix("#") {
                    weighted[token, default: 0] += weight
                    length += weight
                }
            }
            add(unit.numbers, SearchUnit.weights.numbers, numbersOnly: true)
            add(unit.title, SearchUnit.weights.title)
            add(unit.agencies, SearchUnit.weights.agencies)
            add(unit.text, SearchUnit.weights.text)
            // "=so tu phap": the whole name, so a query naming an agency exactly finds it first.
            // (Documents are found exactly by their number.)
            if unit.kind == .agency {
                weighted[SearchText.exactTitleToken(unit.title)] = SearchUnit.weights.title
            }
            return (weighted, length)
        }
        var postings: [String: [(unit: Int, weight: Double)]] = [:]
        let lengths = perUnit.map(\.length)
        for (id, entry) in perUnit.enumerated() {
            for (token, weight) in entry.weights { postings[token, default: []].append((id, weight)) }
        }
        let count = Double(max(units.count, 1))
        let averageLength = max(lengths.reduce(0, +) / count, 1)
        let (k1, b) = (1.2, 0.75)
        var impacts: [String: [(unit: Int, impact: Double)]] = [:]
        var maxImpact = 0.0
        for (token, list) in postings {
            let df = Double(list.count)
            let idf = log(1 + (count - df + 0.5) / (df + 0.5))
            impacts[token] = list.map { posting in
                let norm = k1 * (1 - b + b * lengths[posting.unit] / averageLength)
                let impact = idf * posting.weight * (k1 + 1) / (posting.weight + norm)
                maxImpact = max(maxImpact, impact)
                return (posting.unit, impact)
            }
        }

        let facet = units.map { unit in
            unit.kind.rawValue | (unit.province.flatMap { provinceIndex[$0] } ?? 0) << 2 | (unit.year.flatMap { yearIndex[$0] } ?? 0) << 9
        }
        let totalPostings = impacts.values.reduce(0) { $0 + min($1.count, Self.firstTier) }
        let shardCount = Self.shardCount(forPostings: totalPostings)
        var first = Array(repeating: [(String, JSONWriter.Value)](), count: shardCount)
        var second = Array(repeating: [(String, JSONWriter.Value)](), count: shardCount)
        for token in impacts.keys.sorted() {
            let ranked = impacts[token]!.sorted { ($0.impact, -$0.unit) > ($1.impact, -$1.unit) }
            let shard = Int(Self.hash(SearchText.shardKey(token)) % UInt32(shardCount))
            // Each list starts with the token's full document frequency, so a reader knows
            // when the first tier is only the best part of it.
            func encode(_ list: ArraySlice<(unit: Int, impact: Double)>) -> JSONWriter.Value {
                var flat = [ranked.count]
                var previous = 0
                for posting in list.sorted(by: { $0.unit < $1.unit }) {
                    flat += [posting.unit - previous, max(1, Int((posting.impact / maxImpact * 255).rounded())), facet[posting.unit]]
                    previous = posting.unit
                }
                return .string(PostingCode.encode(flat))
            }
            first[shard].append((token, encode(ranked.prefix(Self.firstTier))))
            if ranked.count > Self.firstTier { second[shard].append((token, encode(ranked.dropFirst(Self.firstTier)))) }
        }

        var files: [OutputFile] = []
        func write(_ path: String, _ value: JSONWriter.Value) {
            files.append(OutputFile(path: path, data: Data(JSONWriter.encode(value).utf8)))
        }
        write("search/manifest.json", .object([
            ("version", .int(2)), ("units", .int(units.count)), ("titleLength", .int(Self.titleLength)), ("shards", .int(shardCount)), ("chunk", .int(Self.chunkSize)),
            ("firstTier", .int(Self.firstTier)),
        ]))
        // Names behind the facet codes, needed only to show or apply filters: not before the first results.
        write("search/facets.json", .object([
            ("kinds", .strings(SearchUnit.Kind.allCases.map(\.name))), ("provinces", .strings(provinces)), ("years", .array(years.map { .int($0) })),
        ]))
        for shard in 0..<shardCount {
            write("search/i/\(String(shard, radix: 16)).json", .object(first[shard]))
            if !second[shard].isEmpty { write("search/j/\(String(shard, radix: 16)).json", .object(second[shard])) }
        }
        for start in stride(from: 0, to: units.count, by: Self.chunkSize) {
            let records = units[start..<min(start + Self.chunkSize, units.count)].map { unit -> JSONWriter.Value in
                let snippet = Self.snippetSource(unit.text)
                // A task's title is the start of its text: the record says how long it is instead
                // of repeating it.
                let title: JSONWriter.Value = snippet.hasPrefix(unit.title) ? .int(unit.title.utf16.count)
                    : .string(Self.shortened(unit.title, to: Self.titleLength))
                return .array([.int(unit.kind.rawValue), title, .string(unit.url), .string(unit.province ?? ""),
                               .string(snippet), .strings(unit.leads), .strings(unit.cited), .string(unit.deadline)])
            }
            write("search/d/\(start / Self.chunkSize).json", .array(records))
        }
        return files
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

    /// The text a result's snippet is cut from, enough to find and highlight the query in.
    static func snippetSource(_ text: String) -> String {
        shortened(text.split(whereSeparator: \.isNewline).joined(separator: " "), to: 300)
    }

    static func shortened(_ text: String, to length: Int) -> String {
        text.count > length ? String(text.prefix(length)) + "…" : text
    }
}
