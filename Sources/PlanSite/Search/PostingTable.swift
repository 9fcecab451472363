/// Every token's postings, in flat arrays indexed by an interned token id: a 10,000-plan site
/// has tens of millions of postings, which as dictionaries of arrays of tuples took gigabytes.
struct PostingTable {
    /// Token text by id.
    private(set) var tokens: [String] = []
    /// Postings of token `t` are `units[starts[t]..<starts[t + 1]]`, in unit order.
    private(set) var starts: [Int] = []
    private(set) var units: [UInt32] = []
    /// BM25F weighted term frequencies, parallel to `units`.
    private(set) var weights: [Float] = []
    /// Each unit's weighted length, for BM25's length normalisation.
    private(set) var lengths: [Float] = []

    /// Merges blocks that together hold every unit, in unit order.
    init(blocks: consuming [TokenBlock]) {
        // One global id per token, counted, in the order blocks and units come: postings are
        // then placed by a counting sort and stay in unit order within each token.
        var blocks = blocks
        var interner = TokenInterner()
        var counts: [Int] = []
        var remaps: [[Int32]] = []
        for block in blocks {
            let remap = (0..<block.nameEnds.count).map { name -> Int32 in
                let id = block.withName(name) { interner.id($0) }
                if Int(id) == counts.count { counts.append(0) }
                return id
            }
            for local in block.tokenIDs { counts[Int(remap[Int(local)])] += 1 }
            remaps.append(remap)
        }
        tokens = interner.names
        starts = Array(repeating: 0, count: tokens.count + 1)
        for token in 0..<tokens.count { starts[token + 1] = starts[token] + counts[token] }
        var next = Array(starts.dropLast())
        // Left unwritten, not zeroed: the counting sort below fills every slot once, and pages
        // not yet written take no memory, so the table grows as the blocks it replaces go
        // instead of standing whole beside them (half a gigabyte each at 10,000 plans).
        let postingCount = starts[tokens.count]
        units = Array(unsafeUninitializedCapacity: postingCount) { _, count in count = postingCount }
        weights = Array(unsafeUninitializedCapacity: postingCount) { _, count in count = postingCount }
        lengths.reserveCapacity(blocks.reduce(0) { $0 + $1.unitCount })
        var unit: UInt32 = 0
        // Each block goes as soon as it is placed, as the table takes its room; glibc is asked
        // now and then to hand the blocks' pages back, as it keeps freed memory for reuse.
        for index in blocks.indices {
            let block = blocks[index]
            blocks[index] = TokenBlock()
            if index % 64 == 63 { FreedMemory.release() }
            let remap = remaps[index]
            var position = 0
            for (end, length) in zip(block.unitEnds, block.lengths) {
                while position < Int(end) {
                    let token = Int(remap[Int(block.tokenIDs[position])])
                    units[next[token]] = unit
                    weights[next[token]] = block.weights[position]
                    next[token] += 1
                    position += 1
                }
                lengths.append(length)
                unit += 1
            }
        }
    }

    var tokenCount: Int { tokens.count }

    func postings(of token: Int) -> Range<Int> { starts[token]..<starts[token + 1] }

    static func tokenize(_ units: ArraySlice<SearchUnit>) -> TokenBlock {
        var reader = BlockReader()
        for unit in units { reader.read(unit) }
        // Copied to their exact size: arrays grown by appending keep up to twice the room they
        // use, and every block of a national site is held at once until the table is made.
        var block = reader.block
        block.nameBytes = Array(reader.interner.bytes[...])
        block.nameEnds = Array(reader.interner.ends[...])
        block.tokenIDs = Array(block.tokenIDs[...])
        block.weights = Array(block.weights[...])
        return block
    }

    /// Tokenizes units into a block. A struct with mutating methods, not nested functions
    /// capturing local variables: those cost hundreds of instructions a token.
    private struct BlockReader {
        var block = TokenBlock()
        var interner = TokenInterner()
        /// The current unit's weight of each local token id, and the ids it has touched.
        var weights: [Float] = []
        var touched: [Int32] = []
        var isTouched: [Bool] = []
        var length: Float = 0

        mutating func read(_ unit: SearchUnit) {
            length = 0
            add(unit.numbers, SearchUnit.weights.numbers, numbersOnly: true)
            add(unit.title, SearchUnit.weights.title)
            add(unit.agencies, SearchUnit.weights.agencies)
            add(unit.text, SearchUnit.weights.text)
            // "=so tu phap": the whole name, so a query naming an agency exactly finds it first.
            // (Documents are found exactly by their number.) It does not count towards length.
            if unit.kind == .agency {
                let exact = interner.id(SearchText.exactTitleToken(unit.title))
                add(exact, 0)
                weights[Int(exact)] = Float(SearchUnit.weights.title)
            }
            touched.sort()
            for id in touched {
                block.tokenIDs.append(id)
                block.weights.append(weights[Int(id)])
                weights[Int(id)] = 0
                isTouched[Int(id)] = false
            }
            touched.removeAll(keepingCapacity: true)
            block.unitEnds.append(Int32(block.tokenIDs.count))
            block.lengths.append(length)
        }

        private mutating func add(_ text: String, _ weight: Double, numbersOnly: Bool = false) {
            SearchText.forEachToken(text, numbersOnly: numbersOnly) { token in
                add(interner.id(token), Float(weight))
                length += Float(weight)
            }
        }

        private mutating func add(_ id: Int32, _ weight: Float) {
            let index = Int(id)
            if index == weights.count {
                weights.append(0)
                isTouched.append(false)
            }
            if !isTouched[index] {
                isTouched[index] = true
                touched.append(id)
            }
            weights[index] += weight
        }
    }
}
