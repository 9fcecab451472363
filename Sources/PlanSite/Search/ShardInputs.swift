/// What a shard of postings is made from, as a fingerprint: a rebuild keeps the shards whose
/// fingerprint is unchanged instead of scoring and writing their postings again.
///
/// A shard holds every posting of its tokens, and those lie in the units of the entities that
/// have any of its tokens. An entity's key fixes its units' tokens, weights, lengths and facet
/// fields; with its number, and the site's statistics, shard count and facet names, it fixes
/// every byte it adds to the shard. So the fingerprint is those, entity by entity.
struct ShardInputs {
    private let table: PostingTable
    /// Each unit's entity, by the unit's place in `SiteUnits.all`.
    private let entityOf: [Int32]
    private let entities: [Fingerprint]
    private let shared: Fingerprint

    init(units: SiteUnits, table: PostingTable, statistics: [String]) {
        self.table = table
        var entityOf = [Int32](repeating: 0, count: units.all.count)
        entities = units.entities.enumerated().map { index, entity in
            for unit in entity.units { entityOf[unit] = Int32(index) }
            var fingerprint = entity.key
            fingerprint.add(units.numbers[entity.units.lowerBound])
            return fingerprint
        }
        self.entityOf = entityOf
        shared = Fingerprint.of(["shard"] + statistics)
    }

    /// The fingerprint of the shard holding `tokens`.
    func of(_ tokens: [Int]) -> Fingerprint {
        var present: [Int32] = []
        for token in tokens {
            var last: Int32 = -1
            // A token's postings are in unit order, so its entities come in runs.
            for index in table.postings(of: token) {
                let entity = entityOf[Int(table.units[index])]
                if entity != last { present.append(entity) }
                last = entity
            }
        }
        present.sort()
        var fingerprint = shared
        var last: Int32 = -1
        for entity in present where entity != last {
            fingerprint.add(entities[Int(entity)])
            last = entity
        }
        return fingerprint
    }
}
