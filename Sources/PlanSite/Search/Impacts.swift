import Foundation

/// BM25F over posting lists (k1 = 1.2, b = 0.75, length over all fields), scaled so that the
/// best score any posting could have is 255: what each posting contributes to a query's score.
///
/// A posting's impact depends on its own unit and its token's postings, and on the site only
/// through the unit count and the average length, each rounded to four significant bits. An edit
/// then changes the impacts of the tokens it touches, not a few of every shard's; scaling by the
/// site's actual best score, or by the exact count and average, moved impacts across the whole
/// index whenever a task was added.
struct Impacts {
    private let count: Double
    /// 255 over the best possible score: a token in one unit, with an unbounded weight.
    private let scale: Double
    /// Each unit's length term of BM25's denominator, by number, made once a unit instead of once a posting.
    private let lengthTerms: [Double]
    private static let (k1, b) = (1.2, 0.75)

    /// `lengths` by unit number, 0 where no unit is.
    init(lengths: [Float], unitCount: Int) {
        let (count, averageLength) = Self.statistics(lengths: lengths, unitCount: unitCount)
        self.count = count
        lengthTerms = lengths.map { Self.k1 * (1 - Self.b + Self.b * Double($0) / averageLength) }
        scale = 255 / ((Self.k1 + 1) * Self.idf(df: 1, count: count))
    }

    /// The site's unit count and average length as impacts use them: an edit that moves either
    /// changes every impact of the index.
    static func statistics(lengths: [Float], unitCount: Int) -> (count: Double, averageLength: Double) {
        let units = Double(max(unitCount, 1))
        return (coarse(units), coarse(max(lengths.reduce(0) { $0 + Double($1) } / units, 1)))
    }

    /// `value` rounded up to four significant bits, so that it moves in steps of at most an eighth.
    static func coarse(_ value: Double) -> Double {
        let step = Double(sign: .plus, exponent: value.exponent - 3, significand: 1)
        return (value / step).rounded(.up) * step
    }

    /// Each of a token's postings in unit order, with its impact from 1 to 255 and whether it
    /// is among the best `first` (ties: lower unit first). Most tokens have no more than
    /// `first` postings, and then nothing is ranked. One pass, no posting stored: an edit in
    /// `watch` scores the commonest tokens' lists again, half a million postings each.
    func forEachPosting(_ list: PostingTable.List, first: Int, _ body: (_ unit: Int, _ impact: Int, _ inFirstTier: Bool) -> Void) {
        let range = list.units.indices
        guard range.count > first else {
            let idf = Self.idf(df: list.count, count: count)
            for index in range { body(Int(list.units[index]), impact(score(list, index, idf: idf)), true) }
            return
        }
        let scores = self.scores(list)
        // The best are those above the `first`-th best score, then as many of those equal to it
        // as there is room for, lower units first.
        let threshold = Self.largest(first, of: scores)
        var room = first - scores.count { $0 > threshold }
        for (index, score) in zip(range, scores) {
            let best = score > threshold || (score == threshold && room > 0)
            if best, score == threshold { room -= 1 }
            body(Int(list.units[index]), impact(score), best)
        }
    }

    /// Each posting's BM25F score, in the list's order.
    func scores(_ list: PostingTable.List) -> [Double] {
        let idf = Self.idf(df: list.count, count: count)
        return list.units.indices.map { score(list, $0, idf: idf) }
    }

    private func score(_ list: PostingTable.List, _ index: Int, idf: Double) -> Double {
        Self.bm25(idf: idf, weight: Double(list.weights[index]), lengthTerm: lengthTerms[Int(list.units[index])])
    }

    private func impact(_ score: Double) -> Int { min(255, max(1, Self.rounded(score * scale))) }

    /// `Int(value.rounded())` for a value that is not negative, halves away from zero, without the call
    /// to libm's `round` the standard library makes on this machine's baseline x86-64: once a
    /// posting, a few hundred million times in a national site. Exact: the fraction left after
    /// truncating is computed without rounding error.
    @inline(__always)
    static func rounded(_ value: Double) -> Int {
        let whole = Int(value)
        return value - Double(whole) >= 0.5 ? whole + 1 : whole
    }

    /// The `k`-th largest value, counting equal values apart: the least of the `k` largest,
    /// kept in a min-heap through one pass. The commonest tokens have a posting in most of a
    /// national site's units, and most of their values are below the heap's least, so each
    /// costs one comparison, with nothing copied.
    static func largest(_ k: Int, of values: [Double]) -> Double {
        var heap = Array(values.prefix(k))
        func siftDown(_ start: Int) {
            var parent = start
            while true {
                let left = 2 * parent + 1, right = left + 1
                var least = parent
                if left < heap.count, heap[left] < heap[least] { least = left }
                if right < heap.count, heap[right] < heap[least] { least = right }
                guard least != parent else { return }
                heap.swapAt(parent, least)
                parent = least
            }
        }
        for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
        for value in values.dropFirst(k) where value > heap[0] {
            heap[0] = value
            siftDown(0)
        }
        return heap[0]
    }

    private static func idf(df: Int, count: Double) -> Double {
        log(1 + (count - Double(df) + 0.5) / (Double(df) + 0.5))
    }

    /// `lengthTerm` is k1 · (1 − b + b · length / average length).
    private static func bm25(idf: Double, weight: Double, lengthTerm: Double) -> Double {
        idf * weight * (k1 + 1) / (weight + lengthTerm)
    }
}
