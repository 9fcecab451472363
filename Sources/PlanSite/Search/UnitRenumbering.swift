/// A token whose postings an edit only moved to other units: a task put in the middle of a
/// plan moves every later task of it one number on, and the commonest tokens of those tasks
/// have lists of half a million postings. When the list keeps its length and each moved
/// posting keeps its weight, its unit's length and its facet, every posting keeps its impact
/// and its tier (`Impacts.forEachPosting`), so the token's codes are those it had with the moved
/// numbers written again: no list scored or ranked.
struct UnitRenumbering {
    /// The units of the edited span in the token's list, before and after, posting by posting.
    private let old: [UInt32]
    private let new: [UInt32]

    /// Nil unless `new` is `old` with the postings in `span` moved as above; `keeps` says
    /// whether a unit before and its counterpart after have the same length and facet.
    init?(from old: PostingTable.List, to new: PostingTable.List, in span: Range<UInt32>, keeps: (UInt32, UInt32) -> Bool) {
        guard old.count == new.count else { return nil }
        let was = Self.postings(of: old, in: span), now = Self.postings(of: new, in: span)
        guard was.count == now.count else { return nil }
        for (before, after) in zip(was, now) {
            guard old.weights[before] == new.weights[after], keeps(old.units[before], new.units[after]) else { return nil }
        }
        self.old = Array(old.units[was])
        self.new = Array(new.units[now])
    }

    private static func postings(of list: PostingTable.List, in span: Range<UInt32>) -> Range<Int> {
        let units = list.units
        return SearchIndex.firstIndex(in: units) { $0 >= span.lowerBound }..<SearchIndex.firstIndex(in: units) { $0 >= span.upperBound }
    }

    /// A tier's codes (`df`, then `Δnumber, impact, facet` for each posting) with the moved
    /// numbers written again; the rest copied as they are. Nil if `codes` are not such codes.
    func renumbered(_ codes: ArraySlice<UInt8>) -> [UInt8]? {
        var reader = PostingCode.Reader(codes)
        guard reader.next() != nil else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(codes.count + 8)
        var copiedUpTo = codes.startIndex
        var previous = (old: 0, new: 0)
        var moved = 0
        // Past the last moved posting and the one after it, every code is as it was.
        while !reader.atEnd, previous.old <= Int(old.last ?? 0) {
            let start = reader.position
            guard let delta = reader.next() else { return nil }
            let deltaEnd = reader.position
            guard reader.next() != nil, reader.next() != nil else { return nil }
            let unit = previous.old + delta
            while moved < old.count, Int(old[moved]) < unit { moved += 1 }
            let number = moved < old.count && Int(old[moved]) == unit ? Int(new[moved]) : unit
            guard number > previous.new || (number == 0 && previous.new == 0) else { return nil }
            if number - previous.new != delta {
                out += codes[copiedUpTo..<start]
                PostingCode.append(number - previous.new, to: &out)
                copiedUpTo = deltaEnd
            }
            previous = (unit, number)
        }
        out += codes[copiedUpTo...]
        return out
    }
}
