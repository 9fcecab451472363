/// "Did you mean …?" for names a writer mistyped: the closest candidate by edit distance,
/// if it is close enough to be a typo rather than a different word.
public enum Suggestion {
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let target = word.lowercased()
        return closest(to: target, among: candidates.map { ($0, $0.lowercased()) }, within: max(2, target.count / 3))
    }

    /// The name of the first candidate whose key is nearest to `target`, if at most `limit` edits away.
    static func closest(to target: String, among candidates: [(name: String, key: String)], within limit: Int) -> String? {
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            // Only a nearer candidate can win, so each is measured only as far as the best so far.
            guard let distance = editDistance(target, candidate.key, atMost: (best?.distance ?? limit + 1) - 1) else { continue }
            best = (candidate.name, distance)
        }
        return best?.name
    }

    /// Edit distance in Characters, or nil if it is over `bound`. Keys are mostly ASCII, where
    /// Characters are bytes (but "\r\n", which keys never hold), and bytes are far cheaper to compare.
    static func editDistance(_ a: String, _ b: String, atMost bound: Int = .max) -> Int? {
        func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "\r") } }
        return isASCII(a) && isASCII(b) ? editDistance(Array(a.utf8), Array(b.utf8), atMost: bound)
            : editDistance(Array(a), Array(b), atMost: bound)
    }

    /// Levenshtein row by row, stopping once every entry of a row is over `bound`: no later row
    /// can come back under it.
    static func editDistance<Element: Equatable>(_ a: [Element], _ b: [Element], atMost bound: Int) -> Int? {
        guard bound >= 0, abs(a.count - b.count) <= bound else { return nil }
        var previous = Array(0...b.count)
        var current = previous
        for (i, ca) in a.enumerated() {
            current[0] = i + 1
            var rowMinimum = current[0]
            for (j, cb) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
                rowMinimum = min(rowMinimum, current[j + 1])
            }
            if rowMinimum > bound { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= bound ? previous[b.count] : nil
    }
}
