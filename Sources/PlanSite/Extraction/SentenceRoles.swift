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
        if let scalars = PlainScalars.scalars(of: text, plainOnly: true) {
            return read(scalars, folded: PlainScalars.scalars(of: folded)!, foldedText: folded, subject: subject)
        }
        return read(Array(text), folded: Array(folded), foldedText: folded, subject: subject)
    }

    /// The reading, over the Characters of a text and of its folding, or over their scalars
    /// where those are the same. Offsets in one are offsets in the other.
    func read<Unit: TextUnit>(_ characters: [Unit], folded foldedCharacters: [Unit], foldedText: String, subject: [String]) -> Found {
        var found = Found()
        guard foldedCharacters.count == characters.count else { return found }
        var searchStart = foldedText.startIndex
        while let hit = foldedText.byteRange(of: "chu tri", from: searchStart) {
            searchStart = hit.upperBound
            let hitOffset = Unit.offset(of: hit.lowerBound, in: foldedText)
            let clauseStart = Self.clauseStart(foldedCharacters, before: hitOffset)
            let before = Unit.string(characters[clauseStart..<hitOffset]).trimming()
            let leads = before.isEmpty ? subject
                : before.split(atASCII: ";").flatMap { registered(Self.dropLeadIn(String($0).trimming())) }
            guard !leads.isEmpty else { continue }
            for name in leads where !found.lead.contains(name) { found.lead.append(name) }
            let afterOffset = Unit.offset(of: hit.upperBound, in: foldedText)
            // Whether a "phối hợp với" list follows shows in the next 16 units.
            let head = Unit.string(foldedCharacters[afterOffset..<min(afterOffset + 16, foldedCharacters.count)])
            if head.hasPrefix(", phoi hop voi ") || head.hasPrefix(" phoi hop voi ") || head.hasPrefix(", phoi hop cung ") {
                let rest = foldedCharacters[afterOffset...]
                let start = (Self.end(of: "voi ", in: rest) ?? Self.end(of: "cung ", in: rest))!
                let end = Self.clauseEnd(foldedCharacters, from: start)
                for name in registered(Unit.string(characters[start..<end])) where !found.support.contains(name) { found.support.append(name) }
            }
        }
        if let hit = foldedText.byteRange(of: "de nghi ") {
            let start = Unit.offset(of: hit.upperBound, in: foldedText)
            if let end = foldedText.byteRange(of: " phoi hop", from: hit.upperBound) {
                let stop = Unit.offset(of: end.lowerBound, in: foldedText)
                for name in registered(Unit.string(characters[start..<stop])) where !found.support.contains(name) { found.support.append(name) }
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
    private static func clauseStart<Unit: TextUnit>(_ c: [Unit], before offset: Int) -> Int {
        var i = offset
        while i > 0, c[i - 1] != ".", c[i - 1] != ":" { i -= 1 }
        return i
    }

    /// The words a "phối hợp với" list runs to: the end of the clause or the verb after it.
    private static func clauseEnd<Unit: TextUnit>(_ c: [Unit], from start: Int) -> Int {
        let verbs = Self.verbs.map(Unit.units)
        var i = start
        while i < c.count {
            let unit = c[i]
            if unit == "." || unit == ";" || unit == ":" { return i }
            if unit == " ", verbs.contains(where: { c[i...].starts(with: $0) }) { return i }
            i += 1
        }
        return c.count
    }

    /// Where the first `pattern` in `units` ends, as an index of `units`.
    private static func end<Unit: TextUnit>(of pattern: String, in units: ArraySlice<Unit>) -> Int? {
        let pattern = Unit.units(pattern)
        var i = units.startIndex
        while i + pattern.count <= units.endIndex {
            if units[i...].starts(with: pattern) { return i + pattern.count }
            i += 1
        }
        return nil
    }

    /// Words that start the next clause after a "phối hợp với" list: " để", " tổ chức" …
    private static let verbs = [" de ", " to chuc", " thuc hien", " tham muu", " trien khai", " theo doi", " xay dung",
                                " nghien cuu", " huong dan", " kiem tra", " tuyen truyen", " ra soat", " tiep tuc", " chi dao", " danh gia",
                                " don doc", " giam sat", " bao cao", " tong hop"]
}

/// What `SentenceRoles` reads a text as: Characters, or scalars where each is one.
protocol TextUnit: Equatable, ExpressibleByUnicodeScalarLiteral {
    static func string(_ units: ArraySlice<Self>) -> String
    /// How many units of `text` come before `index`.
    static func offset(of index: String.Index, in text: String) -> Int
    static func units(_ text: String) -> [Self]
}

extension Character: TextUnit {
    static func string(_ units: ArraySlice<Character>) -> String { String(units) }
    static func units(_ text: String) -> [Character] { Array(text) }
    static func offset(of index: String.Index, in text: String) -> Int { text.distance(from: text.startIndex, to: index) }
}

extension Unicode.Scalar: TextUnit {
    static func string(_ units: ArraySlice<Unicode.Scalar>) -> String { PlainScalars.string(units) }
    static func units(_ text: String) -> [Unicode.Scalar] { PlainScalars.scalars(of: text)! }

    /// Scalars start at every byte but the continuation bytes of UTF-8.
    static func offset(of index: String.Index, in text: String) -> Int {
        text.withUTF8Bytes { bytes in
            let end = text.utf8.distance(from: text.startIndex, to: index)
            var count = 0
            for offset in 0..<end where bytes[offset] & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }
}
