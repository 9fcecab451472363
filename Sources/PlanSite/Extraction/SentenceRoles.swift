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
        let folded = VietnameseText.fold(text)
        guard folded.containsBytes("chu tri") || folded.containsBytes("de nghi ") else { return Found() }
        // In most plans every scalar is a Character of its own and folds to one scalar: there
        // scalars stand in for Characters, which cost far more to list and count.
        if text.unicodeScalars.allSatisfy(Self.isCharacterOfItsOwn) {
            return read(text.unicodeScalars, folded: folded.unicodeScalars, foldedText: folded, subject: subject)
        }
        return read(text, folded: folded, foldedText: folded, subject: subject)
    }

    /// The reading, over the Characters of a text and of its folding, or over their scalars
    /// where those are the same. Offsets in one are offsets in the other.
    func read<View: BidirectionalCollection>(_ text: View, folded: View, foldedText: String, subject: [String]) -> Found
        where View.Index == String.Index, View.Element: TextUnit {
        typealias Unit = View.Element
        var found = Found()
        let characters = Array(text)
        let foldedCharacters = Array(folded)
        guard foldedCharacters.count == characters.count else { return found }
        var searchStart = foldedText.startIndex
        while let hit = foldedText.byteRange(of: "chu tri", from: searchStart) {
            searchStart = hit.upperBound
            let hitOffset = folded.distance(from: folded.startIndex, to: hit.lowerBound)
            let clauseStart = Self.clauseStart(foldedCharacters, before: hitOffset)
            let before = Unit.string(characters[clauseStart..<hitOffset]).trimming()
            let leads = before.isEmpty ? subject
                : before.split(atASCII: ";").flatMap { registered(Self.dropLeadIn(String($0).trimming())) }
            guard !leads.isEmpty else { continue }
            for name in leads where !found.lead.contains(name) { found.lead.append(name) }
            let afterOffset = folded.distance(from: folded.startIndex, to: hit.upperBound)
            // Whether a "phối hợp với" list follows shows in the next 16 units; the rest of the
            // text, which can be paragraphs long, is made into a string only when one does.
            let head = Unit.string(foldedCharacters[afterOffset..<min(afterOffset + 16, foldedCharacters.count)])
            if head.hasPrefix(", phoi hop voi ") || head.hasPrefix(" phoi hop voi ") || head.hasPrefix(", phoi hop cung ") {
                let after = Unit.string(foldedCharacters[afterOffset...])
                let marker = (after.firstRange(of: "voi ") ?? after.firstRange(of: "cung "))!
                let start = afterOffset + Unit.offset(of: marker.upperBound, in: after)
                let end = Self.clauseEnd(foldedCharacters, from: start)
                for name in registered(Unit.string(characters[start..<end])) where !found.support.contains(name) { found.support.append(name) }
            }
        }
        if let hit = foldedText.byteRange(of: "de nghi ") {
            let start = folded.distance(from: folded.startIndex, to: hit.upperBound)
            if let end = foldedText.byteRange(of: " phoi hop", from: hit.upperBound) {
                let stop = folded.distance(from: folded.startIndex, to: end.lowerBound)
                for name in registered(Unit.string(characters[start..<stop])) where !found.support.contains(name) { found.support.append(name) }
            }
        }
        return found
    }

    /// Scalars that are always a Character of their own and fold to one scalar that is too
    /// ("Ⱥ" to "ⱥ", outside this list but a Character of its own all the same):
    /// ASCII but "\r" (which joins "\n"), Latin and Vietnamese letters, punctuation. Combining
    /// marks, joiners and the scripts whose letters combine are not among them.
    static func isCharacterOfItsOwn(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x0D, 0x0E..<0x300, 0x1E00..<0x1F00, 0x2010..<0x2028, 0x2030..<0x205F: true
        default: false
        }
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
    private static func clauseStart<Unit: TextUnit>(_ c: [Unit], before offset: Int) -> Int {
        var i = offset
        while i > 0, c[i - 1] != ".", c[i - 1] != ":" { i -= 1 }
        return i
    }

    /// The words a "phối hợp với" list runs to: the end of the clause or the verb after it.
    /// Clauses end within a few hundred units, so those are searched first; the rest of the
    /// text only when no stop starts early enough in them to be the first in the whole.
    private static func clauseEnd<Unit: TextUnit>(_ c: [Unit], from start: Int) -> Int {
        let window = 400
        if c.count - start > window, let end = firstStop(in: c[start..<start + window]), end <= window - longestStop {
            return start + end
        }
        return start + (firstStop(in: c[start...]) ?? c.count - start)
    }

    private static let stops = [".", ";", ":", " de ", " to chuc", " thuc hien", " tham muu", " trien khai", " theo doi", " xay dung",
                                " nghien cuu", " huong dan", " kiem tra", " tuyen truyen", " ra soat", " tiep tuc", " chi dao", " danh gia",
                                " don doc", " giam sat", " bao cao", " tong hop"]
    private static let longestStop = stops.map(\.count).max()!

    /// Where the first of the `stops` starts, in units.
    private static func firstStop<Unit: TextUnit>(in units: ArraySlice<Unit>) -> Int? {
        let rest = Unit.string(units)
        var end: Int?
        for stop in stops {
            if let range = rest.byteRange(of: stop) { end = min(end ?? .max, Unit.offset(of: range.lowerBound, in: rest)) }
        }
        return end
    }
}

/// What `SentenceRoles` reads a text as: Characters, or scalars where each is one.
protocol TextUnit: Equatable, ExpressibleByUnicodeScalarLiteral {
    static func string(_ units: ArraySlice<Self>) -> String
    /// How many units of `text` come before `index`.
    static func offset(of index: String.Index, in text: String) -> Int
}

extension Character: TextUnit {
    static func string(_ units: ArraySlice<Character>) -> String { String(units) }
    static func offset(of index: String.Index, in text: String) -> Int { text.distance(from: text.startIndex, to: index) }
}

extension Unicode.Scalar: TextUnit {
    static func string(_ units: ArraySlice<Unicode.Scalar>) -> String { String(String.UnicodeScalarView(units)) }
    static func offset(of index: String.Index, in text: String) -> Int { text.unicodeScalars.distance(from: text.startIndex, to: index) }
}
