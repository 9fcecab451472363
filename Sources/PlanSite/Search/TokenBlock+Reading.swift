extension TokenBlock {
    /// Tokenizes units, in order, into one block.
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
        /// The current unit's weight of each local token id, -1 for one it has not touched, and
        /// the ids it has touched. (One array, not a second of flags: each array written costs a
        /// uniqueness check per token.)
        var weights: [Float] = []
        var touched: [Int32] = []
        var length: Float = 0
        /// The current run's syllables' ids, and the folded text, kept between runs for their room.
        var runIDs: [Int32] = []
        var room = SearchText.Room()

        mutating func read(_ unit: SearchUnit) {
            length = 0
            add(unit.numbers, SearchUnit.weights.numbers, .numbers)
            if let rest = unit.textAfterTitle {
                // A task's text opens with its title: its words are read once, for both fields.
                // Numbers are read from each field whole, as one can run across the line break
                // ("27-" at the end of the title, "NQ/TW" on the next line).
                add(unit.title, SearchUnit.weights.title + SearchUnit.weights.text, .words)
                add(unit.title, SearchUnit.weights.title, .numbers)
                add(unit.agencies, SearchUnit.weights.agencies)
                add(rest, SearchUnit.weights.text, .words)
                add(unit.text, SearchUnit.weights.text, .numbers)
            } else {
                add(unit.title, SearchUnit.weights.title)
                add(unit.agencies, SearchUnit.weights.agencies)
                add(unit.text, SearchUnit.weights.text)
            }
            // "=so tu phap": the whole name, so a query naming an agency exactly finds it first.
            // (Documents are found exactly by their number.) It does not count towards length.
            if unit.kind == .agency {
                let exact = interner.id(SearchText.exactTitleToken(unit.title))
                add(exact, 0)
                weights[Int(exact)] = Float(SearchUnit.weights.title)
            }
            // In the order first touched: the posting table places each token's postings by
            // unit, so a unit's own order of tokens is never seen, and sorting it cost a tenth
            // of tokenizing.
            for id in touched {
                block.tokenIDs.append(id)
                block.weights.append(weights[Int(id)])
                weights[Int(id)] = -1
            }
            touched.removeAll(keepingCapacity: true)
            block.unitEnds.append(Int32(block.tokenIDs.count))
            block.lengths.append(length)
        }

        /// The tokens `SearchText.forEachToken` gives, in its order; a pair found by its syllables' ids.
        private mutating func add(_ text: String, _ weight: Double, _ parts: SearchText.Parts = .all) {
            let weight = Float(weight)
            if parts != .numbers {
                // Taken out of the reader while the closure changes the rest of it.
                var room = self.room
                self.room = SearchText.Room()
                defer { self.room = room }
                SearchText.forEachRun(text, in: &room) { folded, run in
                    runIDs.removeAll(keepingCapacity: true)
                    for syllable in run {
                        let id = interner.id(UnsafeBufferPointer(rebasing: folded[syllable]))
                        runIDs.append(id)
                        add(id, weight)
                    }
                    for index in runIDs.indices.dropFirst() { add(interner.pairID(runIDs[index - 1], runIDs[index]), weight) }
                }
            }
            if parts != .words { SearchText.forEachNumberToken(text) { add(interner.id($0), weight) } }
        }

        private mutating func add(_ id: Int32, _ weight: Float) {
            let index = Int(id)
            if index == weights.count { weights.append(-1) }
            if weights[index] < 0 {
                weights[index] = weight
                touched.append(id)
            } else {
                weights[index] += weight
            }
            length += weight
        }
    }
}
