/// The posting codes of a shard's tokens as the output holds them, for the tokens an edit
/// left alone: their lists, their units' lengths and facets, and the statistics impacts use
/// are what they were, so their codes are too (`SearchIndex.replace`).
struct KeptCodes {
    /// Tokens whose postings the edit changed, which must be coded again.
    let changed: Set<Int>
    let first: ShardMembers
    let second: ShardMembers?

    /// The token's first tier and, if it has one, its second; nil when it changed or either is missing.
    func codes(of token: Int, named name: String, secondTier: Bool) -> (first: ArraySlice<UInt8>, second: ArraySlice<UInt8>?)? {
        guard !changed.contains(token) else { return nil }
        var writer = JSONWriter()
        writer.writeString(name)
        let quoted = writer.takeBytes()
        guard let firstCodes = first.codes(quoted) else { return nil }
        guard secondTier else { return (firstCodes, nil) }
        return second?.codes(quoted).map { (firstCodes, $0) }
    }
}
