import Foundation

/// Every token's postings, in flat arrays indexed by an interned token id: a 10,000-plan site
/// has tens of millions of postings, which as dictionaries of arrays of tuples took gigabytes.
/// A session that stays running changes one token's list at a time (`replace`); the flat arrays
/// stay as they were made.
struct PostingTable {
    /// Token text by id.
    private(set) var tokens: [String] = []
    /// Postings of token `t` are `units[starts[t]..<starts[t + 1]]`, in unit order.
    private var starts: [Int] = []
    /// Unit numbers (`SiteUnits.numbers`), which an edit to one plan leaves as they are for
    /// every other plan, unlike places in the site's list of units.
    private var units: [UInt32] = []
    /// BM25F weighted term frequencies, parallel to `units`.
    private var weights: [Float] = []
    /// Each unit's weighted length, for BM25's length normalisation, by number; 0 where no unit is.
    private(set) var lengths: [Float] = []
    /// Ids of the tokens' bytes, so that an edit's tokens find their lists.
    private var interner = TokenInterner()
    /// Lists given by `replace`, in place of those in the flat arrays.
    private var replaced: [Int: List] = [:]

    struct List {
        var units: ArraySlice<UInt32>
        var weights: ArraySlice<Float>
        var count: Int { units.count }
    }

    /// Merges blocks that together hold every unit, in unit order; `numbers` are the units' numbers.
    init(blocks: consuming [TokenBlock], numbers: [Int], jobs: Int = Workers.default) {
        // One global id per token, counted, in the order blocks and units come: postings are
        // then placed by a counting sort and stay in unit order within each token.
        var blocks = blocks
        var counts: [Int] = []
        var remaps: [[Int32]] = []
        // The first half of the blocks and the second are placed side by side, each token's
        // postings from the second half after those from the first: placing is bound by memory,
        // not by instructions, and took over a second on one core at 10,000 plans.
        let half = jobs > 1 ? blocks.count / 2 : blocks.count
        var countsBeforeHalf: [Int] = []
        var unitsBeforeHalf = 0
        for (index, block) in blocks.enumerated() {
            if index == half { countsBeforeHalf = counts }
            let remap = (0..<block.nameEnds.count).map { name -> Int32 in
                let id = block.withName(name) { interner.id($0) }
                if Int(id) == counts.count { counts.append(0) }
                return id
            }
            for local in block.tokenIDs { counts[Int(remap[Int(local)])] += 1 }
            remaps.append(remap)
            if index < half { unitsBeforeHalf += block.unitCount }
        }
        tokens = interner.names
        starts = Array(repeating: 0, count: tokens.count + 1)
        for token in 0..<tokens.count { starts[token + 1] = starts[token] + counts[token] }
        let firstStarts = Array(starts.dropLast())
        let secondStarts = starts.indices.dropLast().map { $0 < countsBeforeHalf.count ? starts[$0] + countsBeforeHalf[$0] : starts[$0] }
        // Left unwritten, not zeroed: the counting sort below fills every slot once, and pages
        // not yet written take no memory, so the table grows as the blocks it replaces go
        // instead of standing whole beside them (half a gigabyte each at 10,000 plans).
        let postingCount = starts[tokens.count]
        units = Array(unsafeUninitializedCapacity: postingCount) { _, count in count = postingCount }
        weights = Array(unsafeUninitializedCapacity: postingCount) { _, count in count = postingCount }
        lengths = Array(repeating: 0, count: (numbers.last ?? -1) + 1)
        units.withUnsafeMutableBufferPointer { units in
            weights.withUnsafeMutableBufferPointer { weights in
                lengths.withUnsafeMutableBufferPointer { lengths in
                    blocks.withUnsafeMutableBufferPointer { blocks in
                        let target = Placement(units: units, weights: weights, lengths: lengths, numbers: numbers)
                        _ = concurrently(jobs: jobs, {
                            target.place(blocks, 0..<half, remaps, firstUnit: 0, next: firstStarts)
                        }, {
                            target.place(blocks, half..<blocks.count, remaps, firstUnit: unitsBeforeHalf, next: secondStarts)
                        })
                    }
                }
            }
        }
    }

    /// Where blocks' postings go: each slot is written by one thread only.
    private struct Placement {
        let units: UnsafeMutableBufferPointer<UInt32>
        let weights: UnsafeMutableBufferPointer<Float>
        let lengths: UnsafeMutableBufferPointer<Float>
        let numbers: [Int]

        /// Places `range`'s blocks, whose first unit is `firstUnit`, each token's next posting at
        /// `next`. Each block goes as soon as it is placed, as the table takes its room; glibc is
        /// asked now and then to hand the blocks' pages back, as it keeps freed memory for reuse.
        func place(_ blocks: UnsafeMutableBufferPointer<TokenBlock>, _ range: Range<Int>, _ remaps: [[Int32]],
                   firstUnit: Int, next: [Int]) {
            var next = next
            next.withUnsafeMutableBufferPointer { next in place(blocks, range, remaps, firstUnit: firstUnit, next: next) }
        }

        private func place(_ blocks: UnsafeMutableBufferPointer<TokenBlock>, _ range: Range<Int>, _ remaps: [[Int32]],
                           firstUnit: Int, next: UnsafeMutableBufferPointer<Int>) {
            var unit = firstUnit
            for index in range {
                let block = blocks[index]
                blocks[index] = TokenBlock()
                if index % 64 == 63 { FreedMemory.release() }
                let remap = remaps[index]
                var position = 0
                for (end, length) in zip(block.unitEnds, block.lengths) {
                    let number = UInt32(numbers[unit])
                    while position < Int(end) {
                        let token = Int(remap[Int(block.tokenIDs[position])])
                        units[next[token]] = number
                        weights[next[token]] = block.weights[position]
                        next[token] += 1
                        position += 1
                    }
                    lengths[Int(number)] = length
                    unit += 1
                }
            }
        }
    }

    var tokenCount: Int { tokens.count }

    func list(_ token: Int) -> List {
        if !replaced.isEmpty, let list = replaced[token] { return list }
        guard token + 1 < starts.count else { return List(units: [], weights: []) }
        let range = starts[token]..<starts[token + 1]
        return List(units: units[range], weights: weights[range])
    }

    /// The id of a token given as bytes, a new one if no unit had it.
    mutating func id(_ token: UnsafeBufferPointer<UInt8>) -> Int {
        let id = Int(interner.id(token))
        if id == tokens.count { tokens.append(String(decoding: token, as: UTF8.self)) }
        return id
    }

    /// Sets units' lengths by number, with room for numbers up to `end`.
    mutating func setLengths(_ changed: [(number: Int, length: Float)], upTo end: Int) {
        if end > lengths.count { lengths += Array(repeating: 0, count: end - lengths.count) }
        for (number, length) in changed { lengths[number] = length }
    }

    /// Gives `token` these postings, in unit order; an empty list takes the token out of the index.
    /// No list of the table may be held meanwhile: the flat arrays are changed in place.
    mutating func replace(_ token: Int, with list: List) {
        if replaced.updateValue(list, forKey: token) == nil, token + 1 < starts.count {
            // The commonest tokens are in every edit, and their lists are most of the table: the
            // pages their old postings took in the flat arrays go back to the system, which
            // keeps a session that edits many plans at about the memory of one table.
            let range = starts[token]..<starts[token + 1]
            units.withUnsafeMutableBytes { Self.release($0, range, of: MemoryLayout<UInt32>.stride) }
            weights.withUnsafeMutableBytes { Self.release($0, range, of: MemoryLayout<Float>.stride) }
        }
    }

    /// Hands back the whole pages of `range`'s elements, which read as zeros if touched again.
    private static func release(_ buffer: UnsafeMutableRawBufferPointer, _ range: Range<Int>, of stride: Int) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard let base = buffer.baseAddress.map({ Int(bitPattern: $0) }) else { return }
        let start = (base + range.lowerBound * stride + page - 1) / page * page
        let end = (base + range.upperBound * stride) / page * page
        if end > start { madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_DONTNEED) }
    }
}

extension PostingTable {
    /// One unit's postings: its tokens in id order, their weights, and its length.
    struct UnitPostings: Equatable {
        var tokens: [Int]
        var weights: [Float]
        var length: Float
    }

    /// Each unit of a block with its tokens' ids in this table, new ids for tokens it lacks.
    mutating func postings(of block: TokenBlock) -> [UnitPostings] {
        let ids = (0..<block.nameEnds.count).map { name in block.withName(name) { id($0) } }
        var start = 0
        return zip(block.unitEnds, block.lengths).map { end, length in
            let pairs = (start..<Int(end)).map { (ids[Int(block.tokenIDs[$0])], block.weights[$0]) }.sorted { $0.0 < $1.0 }
            start = Int(end)
            return UnitPostings(tokens: pairs.map(\.0), weights: pairs.map(\.1), length: length)
        }
    }
}
