/// Foundation's two whitespace sets, as predicates on scalars. Extraction trims nearly every
/// line it reads, and `trimmingCharacters(in:)` bridges each one through NSString and back.
/// These are CoreFoundation's lists, not Unicode's: they include U+200B (zero width space).
/// `TrimmingTests` checks them against Foundation for every scalar.
enum Whitespace {
    /// `CharacterSet.whitespaces`: tab, space, and Unicode's space separators.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09: true
        case 0..<0xA0: false
        case 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// `CharacterSet.whitespacesAndNewlines`: the above, and line and paragraph breaks.
    static func isSpaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: isSpace(scalar)
        }
    }
}

extension StringProtocol {
    /// What `trimmingCharacters(in:)` returns for the set `isEdge` describes. Foundation trims
    /// scalar by scalar, not by Character: a space before a combining mark is trimmed, and a
    /// combining mark after a trailing space keeps the space. So does this.
    func trimming(_ isEdge: (Unicode.Scalar) -> Bool = Whitespace.isSpace) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isEdge($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isEdge($0) })!
        return String(self[first..<scalars.index(after: last)])
    }
}
