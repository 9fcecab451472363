import Testing
@testable import PlanSite

/// "Did you mean …?" hints: the bounded edit distance the suggestions use must agree with the
/// full one, and the suggestion must be the first nearest name within the limit.
@Suite("Suggestions for misspelt names")
struct SuggestionTests {
    @Test func boundedEditDistanceIsTheDistanceOrNil() {
        let words = FastPathTests.awkward + ["so tu phap", "so tu phạp", "ubnd tinh", "ubnd tỉnh", "ban chi dao 35", "sở", "x"]
        for a in words {
            for b in words {
                let distance = Suggestion.editDistance(a, b)!
                for bound in 0...8 {
                    #expect(Suggestion.editDistance(a, b, atMost: bound) == (distance <= bound ? distance : nil), "\(a) / \(b) / \(bound)")
                }
            }
        }
    }

    @Test func closestIsTheFirstNearestWithinTheLimit() {
        let keys = ["so tu phap", "so tai chinh", "so tu phap tinh", "so tu phap", "so y te", "ubnd tinh"]
        let candidates = keys.enumerated().map { (name: "\($0.offset)", key: $0.element) }
        for target in keys + ["so tu phạp", "so tai chin", "so te", "x", ""] {
            for limit in 0...6 {
                let distances = keys.map { Suggestion.editDistance(target, $0)! }
                let nearest = distances.min()!
                let expected = nearest <= limit ? "\(distances.firstIndex(of: nearest)!)" : nil
                #expect(Suggestion.closest(to: target, among: candidates, within: limit) == expected, "\(target) / \(limit)")
            }
        }
    }
}
