import Foundation

/// The posting table's input: the site's units tokenized in blocks, in unit order, on every core.
///
/// Tokenizing is most of the index's work, and a plan's tokens depend on the plan alone. So plans
/// go in groups of about 32, cut before each plan whose slug hashes to a multiple of 32, or after
/// 64 plans: adding, removing or editing a plan changes its own group and seldom the next. A group whose plans are all unchanged
/// (same slugs, same source keys) is read back from the cache instead of tokenized again.
struct TokenBlocks {
    var units: SiteUnits
    var jobs: Int
    var cache: KeyedFiles

    /// Plans' units, tokenized and remembered together.
    private struct Group {
        var plans: Range<Int>
        var key: Fingerprint?
    }

    private static let cut: UInt64 = 32
    /// Cut where the slugs say, groups vary in size; capped so that an edit re-tokenizes a few dozen plans at most.
    private static let maxGroup = 64
    private static let header = Array("plansite-tokens 1\n".utf8)

    func make() -> [TokenBlock] {
        let shared = stride(from: units.shared.lowerBound, to: units.shared.upperBound, by: 256).map { start in
            start..<min(start + 256, units.shared.upperBound)
        }
        let fixed = shared.parallelMap(jobs: jobs) { PostingTable.tokenize(units.all[$0]) }
        let groups = self.groups()
        let tokenized = groups.parallelMap(jobs: jobs) { group -> (plans: TokenBlock, tasks: TokenBlock) in
            if let key = group.key, let data = cache.recall(key), let blocks = Self.decode(data) { return blocks }
            let plans = units.plans[group.plans]
            let blocks = (PostingTable.tokenize(units.all[plans.first!.unit...plans.last!.unit]),
                          PostingTable.tokenize(units.all[plans.first!.tasks.lowerBound..<plans.last!.tasks.upperBound]))
            if let key = group.key { cache.remember(key, Self.encode(blocks)) }
            return blocks
        }
        cache.forget(Set(groups.compactMap(\.key)))
        return fixed + tokenized.map(\.plans) + tokenized.map(\.tasks)
    }

    private func groups() -> [Group] {
        var groups: [Group] = []
        var start = 0
        for index in units.plans.indices
        where index > start && ((TokenInterner.hash(units.plans[index].slug) >> 32) % Self.cut == 0 || index - start == Self.maxGroup) {
            groups.append(group(start..<index))
            start = index
        }
        if start < units.plans.count { groups.append(group(start..<units.plans.count)) }
        return groups
    }

    private func group(_ plans: Range<Int>) -> Group {
        var key: Fingerprint? = Fingerprint.of(["tokens"])
        for plan in units.plans[plans] {
            guard let known = plan.key else { key = nil; break }
            key?.add(plan.slug)
            key?.add(known)
        }
        return Group(plans: plans, key: key)
    }

    /// The header, a checksum of the rest, then the two blocks; a file cut short or damaged on
    /// disk reads as nothing and the group is tokenized again.
    private static func encode(_ blocks: (plans: TokenBlock, tasks: TokenBlock)) -> [UInt8] {
        var body: [UInt8] = []
        blocks.plans.encode(into: &body)
        blocks.tasks.encode(into: &body)
        return header + Array(Fingerprint.of(bytes: body).description.utf8) + body
    }

    private static func decode(_ data: Data) -> (plans: TokenBlock, tasks: TokenBlock)? {
        data.withUnsafeBytes { raw in
            let start = header.count + 32
            guard raw.count >= start, raw.starts(with: header),
                  let checksum = Fingerprint(Substring(String(decoding: raw[header.count..<start], as: UTF8.self))),
                  Fingerprint.of(bytes: UnsafeRawBufferPointer(rebasing: raw[start...])) == checksum else { return nil }
            var offset = start
            let body = UnsafeRawBufferPointer(rebasing: raw[...])
            guard let plans = TokenBlock.decode(body, at: &offset), let tasks = TokenBlock.decode(body, at: &offset),
                  offset == raw.count else { return nil }
            return (plans, tasks)
        }
    }
}
