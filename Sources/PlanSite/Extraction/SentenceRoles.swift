import Foundation

/// Reads roles from sentences: "X chủ trì, phối hợp với Y …", "Giao X chủ trì …",
/// "Đề nghị X phối hợp …". Only registered agencies count: a sentence is free text, and
/// anything else before "chủ trì" is not a name.
struct SentenceRoles {
    var registry: AgencyRegistry

    struct Found {
        var lead: [String] = []
        var support: [String] = []
    }

    /// `subject` is the agency a section is headed by: "Chủ trì, phối hợp với …" under it means that agency leads.
    func read(_ text: String, subject: [String]) -> Found {
        var found = Found()
        let folded = VietnameseText.fold(text)
        guard folded.containsBytes("chu tri") || folded.containsBytes("de nghi ") else { return found }
        let characters = Array(text)
        let foldedCharacters = Array(folded)
        guard foldedCharacters.count == characters.count else { return found }
        var searchStart = folded.startIndex
        while let hit = folded.byteRange(of: "chu tri", from: searchStart) {
            searchStart = hit.upperBound
            let hitOffset = folded.distance(from: folded.startIndex, to: hit.lowerBound)
            let clauseStart = Self.clauseStart(foldedCharacters, before: hitOffset)
            let before = String(characters[clauseStart..<hitOffset]).trimming()
            let leads = before.isEmpty ? subject
                : before.split(separator: ";").flatMap { registered(Self.dropLeadIn(String($0).trimming())) }
            guard !leads.isEmpty else { continue }
            for name in leads where !found.lead.contains(name) { found.lead.append(name) }
            let afterOffset = folded.distance(from: folded.startIndex, to: hit.upperBound)
            let after = String(foldedCharacters[afterOffset...])
            if after.hasPrefix(", phoi hop voi ") || after.hasPrefix(" phoi hop voi ") || after.hasPrefix(", phoi hop cung ") {
                let marker = (after.firstRange(of: "voi ") ?? after.firstRange(of: "cung "))!
                let start = afterOffset + after.distance(from: after.startIndex, to: marker.upperBound)
                let end = Self.clauseEnd(foldedCharacters, from: start)
                for name in registered(String(characters[start..<end])) where !found.support.contains(name) { found.support.append(name) }
            }
        }
        if let hit = folded.byteRange(of: "de nghi ") {
            let start = folded.distance(from: folded.startIndex, to: hit.upperBound)
            if let end = folded.byteRange(of: " phoi hop", from: hit.upperBound) {
                let stop = folded.distance(from: folded.startIndex, to: end.lowerBound)
                for name in registered(String(characters[start..<stop])) where !found.support.contains(name) { found.support.append(name) }
            }
        }
        return found
    }

    private func registered(_ list: String) -> [String] {
        registry.resolve(list).names
    }

    private static func dropLeadIn(_ text: String) -> String {
        for prefix in ["Giao ", "giao ", "Đề nghị ", "đề nghị "] where text.hasPrefix(prefix) { return String(text.dropFirst(prefix.count)) }
        return text
    }

    /// Where the clause holding "chủ trì" begins: after the last sentence break. Semicolons stay
    /// inside it ("Sở Tư pháp; Ủy ban nhân dân cấp huyện chủ trì" names two leads).
    private static func clauseStart(_ c: [Character], before offset: Int) -> Int {
        var i = offset
        while i > 0, !".:".contains(c[i - 1]) { i -= 1 }
        return i
    }

    /// The words a "phối hợp với" list runs to: the end of the clause or the verb after it.
    private static func clauseEnd(_ c: [Character], from start: Int) -> Int {
        let rest = String(c[start...])
        var end = rest.count
        for stop in [".", ";", ":", " de ", " to chuc", " thuc hien", " tham muu", " trien khai", " theo doi", " xay dung",
                     " nghien cuu", " huong dan", " kiem tra", " tuyen truyen", " ra soat", " tiep tuc", " chi dao", " danh gia",
                     " don doc", " giam sat", " bao cao", " tong hop"] {
            if let range = rest.byteRange(of: stop) { end = min(end, rest.distance(from: rest.startIndex, to: range.lowerBound)) }
        }
        return start + end
    }
}
