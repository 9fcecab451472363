/// Where each search unit's number lies, so that an edit renumbers only what it touches.
///
/// Postings and display chunks name units by number. Numbered one after another, a task added
/// to one plan moved every later unit, and every shard and half the display chunks were
/// written again. Here units go in entities (a plan with its tasks, or a short run of agencies
/// or documents), and each entity takes whole display chunks from the place its name hashes to
/// in a table kept at most half full, or the first free place after it. Adding a task, a plan or
/// a document then moves that entity and at most the few that follow it in the same cluster;
/// only when the table doubles does every number move.
struct UnitLayout {
    struct Entity {
        /// Unique within the site: the hash of it says where the entity goes.
        var name: String
        var unitCount: Int
    }

    /// Each entity's first unit number, in the order given. Numbers of one entity are
    /// consecutive; an entity starts on a chunk's first number, so a display chunk never holds
    /// units of two entities.
    static func firstNumbers(of entities: [Entity], chunk: Int) -> [Int] {
        let slots = entities.map { max(1, ($0.unitCount + chunk - 1) / chunk) }
        var size = 16
        while size < 2 * slots.reduce(0, +) { size *= 2 }
        let homes = entities.map { Int(TokenInterner.hash($0.name) % UInt64(size)) }
        // Placed in order of home, then name: the result does not depend on the order given.
        let order = entities.indices.sorted { (homes[$0], entities[$0].name) < (homes[$1], entities[$1].name) }
        var first = Array(repeating: 0, count: entities.count)
        var free = 0
        for index in order {
            let start = max(homes[index], free)
            first[index] = start * chunk
            free = start + slots[index]
        }
        return first
    }
}
