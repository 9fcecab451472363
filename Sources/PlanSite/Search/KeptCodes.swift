/// The posting codes of a shard's tokens as the output holds them, for the tokens an edit
/// left alone: their lists, their units' lengths and facets, and the statistics impacts use
/// are what they were, so their codes are too (`SearchIndex.replace`); and for those it only
/// moved to other units, whose codes are the same with those numbers written again.
struct KeptCodes {
    /// Tokens whose postings the edit changed, which must be coded again unless `renumbered`.
    let changed: Set<Int>
    let renumbered: [Int: UnitRenumbering]
    let first: ShardMembers
    let second: ShardMembers?

    /// The token's first tier and, if it has one, its second; nil when it must be coded again
    /// or either is missing.
    func codes(of token: Int, named name: String, secondTier: Bool) -> (first: [UInt8], second: [UInt8]?)? {
        let renumbering = renumbered[token]
        guard renumbering != nil || !changed.contains(token) else { return nil }
        var writer = JSONWriter()
        writer.writeString(name)
        let quoted = writer.takeBytes()
        func kept(_ codes: ArraySlice<UInt8>?) -> [UInt8]? {
            guard let codes else { return nil }
            guard let renumbering else { return Array(codes) }
            return renumbering.renumbered(codes)
        }
        guard let firstCodes = kept(first.codes(quoted)) else { return nil }
        guard secondTier else { return (firstCodes, nil) }
        return kept(second?.codes(quoted)).map { (firstCodes, $0) }
    }
}
