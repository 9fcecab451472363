import Foundation

/// The posting table's input: the site's units tokenized in blocks, in number order, on every core.
///
/// Tokenizing is most of the index's work, and an entity's tokens depend on its units alone. So
/// entities (`SiteUnits.Entity`) go in groups of about 32, cut before each entity whose name
/// hashes to a multiple of 32, or after 64 entities: adding, removing or editing a plan changes
/// its own group and seldom the next. A group whose entities are all unchanged (same names, same
/// keys) is read back from the cache instead of tokenized again.
struct TokenBlocks {
    var units: SiteUnits
    var jobs: Int
    var cache: KeyedFiles

    private static let cut: UInt64 = 32
    /// Cut where the names say, groups vary in size; capped so that an edit re-tokenizes a few dozen plans at most.
    private static let maxGroup = 64
    private static let header = Array("plansite-tokens 2\n".utf8)

    func make() -> [TokenBlock] {
        let groups = self.groups()
        let blocks = groups.parallelMap(jobs: jobs) { group -> TokenBlock in
            if let data = cache.recall(group.key), let block = Self.decode(data) { return block }
            let block = TokenBlock.tokenize(units.all[group.units])
            cache.remember(group.key) { Self.encode(block) }
            return block
        }
        cache.forget(Set(groups.map(\.key)))
        return blocks
    }

    private func groups() -> [(units: Range<Int>, key: Fingerprint)] {
        let entities = units.entities
        var groups: [(units: Range<Int>, key: Fingerprint)] = []
        var start = 0
        func close(_ end: Int) {
            var key = Fingerprint.of(["tokens"])
            for entity in entities[start..<end] { key.add(entity.key) }
            groups.append((entities[start].units.lowerBound..<entities[end - 1].units.upperBound, key))
            start = end
        }
        for index in entities.indices
        where index > start && ((TokenInterner.hash(entities[index].name) >> 32) % Self.cut == 0 || index - start == Self.maxGroup) {
            close(index)
        }
        if start < entities.count { close(entities.count) }
        return groups
    }

    /// The header, a checksum of the rest, then the block; a file cut short or damaged on disk
    /// reads as nothing and the group is tokenized again.
    private static func encode(_ block: TokenBlock) -> [UInt8] {
        var body: [UInt8] = []
        block.encode(into: &body)
        return header + Array(Fingerprint.of(bytes: body).description.utf8) + body
    }

    private static func decode(_ data: Data) -> TokenBlock? {
        data.withUnsafeBytes { raw in
            let start = header.count + 32
            guard raw.count >= start, raw.starts(with: header),
                  let checksum = Fingerprint(Substring(String(decoding: raw[header.count..<start], as: UTF8.self))),
                  Fingerprint.of(bytes: UnsafeRawBufferPointer(rebasing: raw[start...])) == checksum else { return nil }
            var offset = start
            let body = UnsafeRawBufferPointer(rebasing: raw[...])
            guard let block = TokenBlock.decode(body, at: &offset), offset == raw.count else { return nil }
            return block
        }
    }
}
