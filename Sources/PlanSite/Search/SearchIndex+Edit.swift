import Foundation

extension SearchIndex {
    /// What putting one plan's units in changed.
    struct Edit {
        var files: [OutputFile] = []
        /// Files the index no longer has.
        var gone: [String] = []
    }

    /// Replaces the units of plan `slug` with `units` (`SearchUnit.of`) and says which files
    /// changed: the manifest, the shard of every token of every unit that changed, and the
    /// plan's display chunks. A unit changes the postings of its tokens, and its length their
    /// impacts; a token gained or lost moves its whole list's impacts (its document frequency),
    /// which stay in its shard. Nil when the edit reaches further: the plan's units would move
    /// another entity's numbers, a province or year would be gained or lost by the facets, the
    /// unit count or average length impacts use would move, or the shard count. The index is
    /// then left part-changed, and must be made whole again.
    ///
    /// `previous` reads a file of the index as the output holds it, to copy the codes of tokens
    /// the edit left alone from the shards it writes again.
    mutating func replace(plan slug: String, with units: [SearchUnit], jobs: Int, previous: (String) -> Data? = { _ in nil }) -> Edit? {
        let name = SearchUnit.entityName(slug)
        guard !units.isEmpty, let entity = site.entities.firstIndex(where: { $0.name == name }),
              site.keepsNumbers(entity, unitCount: units.count, chunk: Self.chunkSize) else { return nil }
        let old = site.entities[entity].units
        let first = site.numbers[old.lowerBound]
        guard countFacets(removing: site.all[old], adding: units) else { return nil }

        let before = table.postings(of: TokenBlock.tokenize(site.all[old]))
        let after = table.postings(of: TokenBlock.tokenize(units[...]))
        // Every posting carries its unit's facet code, so a unit whose year changed changes too.
        let changed = (0..<max(before.count, after.count)).filter {
            $0 >= before.count || $0 >= after.count || before[$0] != after[$0] || facet(of: site.all[old.lowerBound + $0]) != facet(of: units[$0])
        }
        let statistics = Impacts.statistics(lengths: table.lengths, unitCount: site.all.count)
        let end = first + max(before.count, after.count)
        let lengthsBefore = (first..<end).map { $0 < table.lengths.count ? table.lengths[$0] : 0 }
        if end > facets.count { facets += Array(repeating: 0, count: end - facets.count) }
        table.setLengths(changed.map { (first + $0, $0 < after.count ? after[$0].length : 0) }, upTo: end)
        guard Impacts.statistics(lengths: table.lengths, unitCount: site.all.count - old.count + units.count) == statistics else { return nil }

        var added: [Int: [(number: UInt32, weight: Float)]] = [:]
        var tokens = Set<Int>()
        for offset in changed {
            if offset < before.count { tokens.formUnion(before[offset].tokens) }
            guard offset < after.count else { continue }
            for (token, weight) in zip(after[offset].tokens, after[offset].weights) {
                added[token, default: []].append((UInt32(first + offset), weight))
            }
        }
        tokens.formUnion(added.keys)
        let replaced = Set(changed.map { UInt32(first + $0) })
        let span = UInt32(first)..<UInt32(first + max(before.count, after.count))
        // A posting moved keeps its impact and facet if its unit's length and facet are those its old unit had.
        let facetsAfter = units.map(facet(of:))
        func keeps(_ old: UInt32, _ new: UInt32) -> Bool {
            let (was, now) = (Int(old) - first, Int(new) - first)
            return now < after.count && lengthsBefore[was] == after[now].length && facets[Int(old)] == facetsAfter[now]
        }
        var counts: [(token: Int, was: Int, now: Int)] = []
        var renumbered: [Int: UnitRenumbering] = [:]
        for token in tokens.sorted() {
            // The old list is let go before the table changes its arrays in place.
            let (merged, was) = { (list: PostingTable.List) in
                let merged = Self.merge(list, in: span, dropping: replaced, adding: added[token] ?? [])
                renumbered[token] = UnitRenumbering(from: list, to: merged, in: span, keeps: keeps)
                return (merged, list.count)
            }(table.list(token))
            table.replace(token, with: merged)
            firstTierPostings += min(merged.count, Self.firstTier) - min(was, Self.firstTier)
            counts.append((token, was, merged.count))
        }
        guard Self.shardCount(forPostings: firstTierPostings) == shardCount else { return nil }

        let shards = placeInShards(counts)
        for (offset, facet) in facetsAfter.enumerated() { facets[first + offset] = facet }
        site.replace(entity, with: units)
        return files(shards: shards, changed: tokens, renumbered: renumbered, previous: previous, entity: entity,
                     chunksBefore: (old.count + Self.chunkSize - 1) / Self.chunkSize, jobs: jobs)
    }

    /// Puts tokens that gained their first posting into their shard's list, in the order of
    /// their bytes, and takes out those left without any; the shards of all of them, in order,
    /// with how many tokens each had before.
    private mutating func placeInShards(_ counts: [(token: Int, was: Int, now: Int)]) -> [(shard: Int, tokensBefore: Int)] {
        var shards: [Int: Int] = [:]
        for (token, was, now) in counts {
            let shard = shard(of: token)
            if shards[shard] == nil { shards[shard] = tokensByShard[shard].count }
            if was == 0, now > 0 {
                let name = table.tokens[token]
                let place = Self.firstIndex(in: tokensByShard[shard]) { !Self.precedes(table.tokens[$0], name) }
                tokensByShard[shard].insert(token, at: place)
            } else if was > 0, now == 0 {
                tokensByShard[shard].removeAll { $0 == token }
            }
        }
        return shards.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The manifest, the shards, and the entity's display chunks, with chunks it no longer
    /// fills. A shard's tokens outside `changed` keep their codes, and those `renumbered` have
    /// theirs renumbered, from the shard as `previous` gives it when it holds as many tokens as
    /// the shard had.
    private func files(shards: [(shard: Int, tokensBefore: Int)], changed: Set<Int>, renumbered: [Int: UnitRenumbering],
                       previous: (String) -> Data?, entity: Int, chunksBefore: Int, jobs: Int) -> Edit {
        let impacts = self.impacts
        var edit = Edit(files: head)
        let made = shards.parallelMap(jobs: jobs) { shard, tokensBefore in
            let first = previous(Self.shardPath("i", shard)).flatMap(ShardMembers.init).flatMap { $0.count == tokensBefore ? $0 : nil }
            let kept = first.map {
                KeptCodes(changed: changed, renumbered: renumbered, first: $0, second: previous(Self.shardPath("j", shard)).flatMap(ShardMembers.init))
            }
            return shardFiles(shard, impacts, keeping: kept)
        }
        for ((shard, _), files) in zip(shards, made) {
            edit.files += files
            if files.count == 1 { edit.gone.append(Self.shardPath("j", shard)) }
        }
        let chunks = Self.chunks(of: site.entities[entity...entity])
        for chunk in chunks {
            edit.files.append(OutputFile(path: Self.chunkPath(number: site.numbers[chunk.lowerBound]), bytes: chunkData(site.all[chunk])))
        }
        let start = site.entities[entity].units.lowerBound
        let first = site.numbers[start]
        edit.files.append(OutputFile(path: Self.planPath(number: first), bytes: planData(site.all[start])))
        edit.gone += (chunks.count..<max(chunksBefore, chunks.count)).map { Self.chunkPath(number: first + $0 * Self.chunkSize) }
        return edit
    }

    /// Counts the units' provinces and years out and in; false if one is gained or lost.
    private mutating func countFacets(removing old: ArraySlice<SearchUnit>, adding new: [SearchUnit]) -> Bool {
        for (unit, step) in old.map({ ($0, -1) }) + new.map({ ($0, 1) }) {
            if let province = unit.province { provinceUses[province, default: 0] += step }
            if let year = unit.year { yearUses[year, default: 0] += step }
        }
        return provinceUses.count == provinces.count && yearUses.count == years.count
            && !provinceUses.values.contains(0) && !yearUses.values.contains(0)
    }

    /// `list` with its postings of numbers in `span` that are `dropping` taken out and `adding`
    /// put in, in number order.
    private static func merge(_ list: PostingTable.List, in span: Range<UInt32>, dropping: Set<UInt32>,
                              adding: [(number: UInt32, weight: Float)]) -> PostingTable.List {
        let low = firstIndex(in: list.units) { $0 >= span.lowerBound }
        let high = firstIndex(in: list.units[low...]) { $0 >= span.upperBound }
        var units = Array(list.units[..<low]), weights = Array(list.weights[..<low])
        var next = adding[...]
        for place in low..<high where !dropping.contains(list.units[place]) {
            while let posting = next.first, posting.number < list.units[place] {
                units.append(posting.number)
                weights.append(posting.weight)
                next = next.dropFirst()
            }
            units.append(list.units[place])
            weights.append(list.weights[place])
        }
        units += next.map(\.number)
        weights += next.map(\.weight)
        units += list.units[high...]
        weights += list.weights[high...]
        return PostingTable.List(units: units[...], weights: weights[...])
    }

    /// The first index of a sorted collection whose element is on the far side of `isPast`.
    static func firstIndex<C: RandomAccessCollection>(in items: C, where isPast: (C.Element) -> Bool) -> C.Index {
        var (low, high) = (items.startIndex, items.endIndex)
        while low < high {
            let middle = items.index(low, offsetBy: items.distance(from: low, to: high) / 2)
            if isPast(items[middle]) { high = middle } else { low = items.index(after: middle) }
        }
        return low
    }
}
