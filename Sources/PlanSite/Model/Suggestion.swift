/// "Did you mean …?" for names a writer mistyped: the closest candidate by edit distance,
/// if it is close enough to be a typo rather than a different word.
public enum Suggestion {
    public static func closest(to word: String, among candidates: [String]) -> String? {
        let target = Array(word.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        guard let (name, distance) = best else { return nil }
        return distance <= max(2, target.count / 3) ? name : nil
    }

    /// Edit distance in Characters. Keys are mostly ASCII, where Characters are bytes (but
    /// "\r\n", which keys never hold), and bytes are far cheaper to compare.
    static func editDistance(_ a: String, _ b: String) -> Int {
        func isASCII(_ text: String) -> Bool { text.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "\r") } }
        return isASCII(a) && isASCII(b) ? editDistance(Array(a.utf8), Array(b.utf8)) : editDistance(Array(a), Array(b))
    }

    static func editDistance<Element: Equatable>(_ a: [Element], _ b: [Element]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        var current = previous
        for (i, ca) in a.enumerated() {
            current[0] = i + 1
            for (j, cb) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
