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

    /// Lays out entities given by name and size, in any order, then has `make` make each one's
    /// units, on every core, each straight into its place: a national site has hundreds of
    /// thousands of units, and copying them into place cost half a second on one core.
    init(entities: [(name: String, unitCount: Int)], chunk: Int, jobs: Int, make: (Int) -> [SearchUnit]) {
        let firsts = UnitLayout.firstNumbers(of: entities.map { UnitLayout.Entity(name: $0.name, unitCount: $0.unitCount) }, chunk: chunk)
        let order = entities.indices.sorted { firsts[$0] < firsts[$1] }
        var starts = [0]
        for index in order { starts.append(starts.last! + entities[index].unitCount) }
        let total = starts.last!
        var keys: [Fingerprint] = []
        all = [SearchUnit](unsafeUninitializedCapacity: total) { buffer, initialized in
            keys = Array(order.indices).parallelMap(jobs: jobs) { position in
                let index = order[position]
                let units = make(index)
                precondition(units.count == entities[index].unitCount, "an entity made another number of units than it was laid out with")
                _ = UnsafeMutableBufferPointer(rebasing: buffer[starts[position]..<starts[position + 1]]).initialize(from: units)
                return Self.key(entities[index].name, units)
            }
            initialized = total
        }
        numbers = []
        numbers.reserveCapacity(total)
        self.entities = []
        for (position, index) in order.enumerated() {
            numbers += firsts[index]..<firsts[index] + entities[index].unitCount
            self.entities.append(Entity(name: entities[index].name, units: starts[position]..<starts[position + 1], key: keys[position]))
        }
    }

    private static func key(_ name: String, _ units: some Collection<SearchUnit>) -> Fingerprint {
        var key = Fingerprint.of(["entity", name])
        for unit in units { key.add(unit.inputs) }
        return key
    }

    /// Whether entity `index` can hold `unitCount` units with every entity keeping its numbers:
    /// always while it takes as many display chunks, as the layout depends on nothing else.
    func keepsNumbers(_ index: Int, unitCount: Int, chunk: Int) -> Bool {
        func chunks(_ count: Int) -> Int { max(1, (count + chunk - 1) / chunk) }
        guard chunks(unitCount) != chunks(entities[index].units.count) else { return true }
        let firsts = UnitLayout.firstNumbers(of: entities.indices.map {
            UnitLayout.Entity(name: entities[$0].name, unitCount: $0 == index ? unitCount : entities[$0].units.count)
        }, chunk: chunk)
        return entities.indices.allSatisfy { firsts[$0] == numbers[entities[$0].units.lowerBound] }
    }

    /// Entity `index` with these units, numbered from its first number on (`keepsNumbers`).
    mutating func replace(_ index: Int, with units: [SearchUnit]) {
        let old = entities[index].units
        let first = numbers[old.lowerBound]
        all.replaceSubrange(old, with: units)
        numbers.replaceSubrange(old, with: first..<first + units.count)
        entities[index].units = old.lowerBound..<old.lowerBound + units.count
        entities[index].key = Self.key(entities[index].name, units)
        let shift = units.count - old.count
        for later in entities.indices.dropFirst(index + 1) {
            entities[later].units = entities[later].units.lowerBound + shift..<entities[later].units.upperBound + shift
        }
    }
}
