/// The site's search units (`SearchUnit.all`) in number order, with their numbers and the
/// entities `UnitLayout` placed them in.
struct SiteUnits {
    var all: [SearchUnit]
    /// Each unit's number: ascending, with gaps where no entity lies.
    var numbers: [Int]
    /// In number order; each covers a run of `all`.
    var entities: [Entity]

    struct Entity {
        var name: String
        var units: Range<Int>
        /// What the entity's units are made from (`SearchUnit.inputs`): an entity with the same
        /// key is tokenized the same.
        var key: Fingerprint
    }

    /// Lays out entities given as runs of `units`, in any order.
    init(units: [SearchUnit], entities: [(name: String, units: Range<Int>)], chunk: Int) {
        let firsts = UnitLayout.firstNumbers(of: entities.map { UnitLayout.Entity(name: $0.name, unitCount: $0.units.count) }, chunk: chunk)
        all = []
        numbers = []
        self.entities = []
        all.reserveCapacity(units.count)
        numbers.reserveCapacity(units.count)
        for index in entities.indices.sorted(by: { firsts[$0] < firsts[$1] }) {
            let entity = entities[index]
            let start = all.count
            var key = Fingerprint.of(["entity", entity.name])
            for (offset, unit) in units[entity.units].enumerated() {
                all.append(unit)
                numbers.append(firsts[index] + offset)
                key.add(unit.inputs)
            }
            self.entities.append(Entity(name: entity.name, units: start..<all.count, key: key))
        }
    }
}
