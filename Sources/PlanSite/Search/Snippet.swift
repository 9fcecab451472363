/// The text a search result shows, cut from a unit's text. Every task's text passes through
/// here, so the work is bounded by what is kept, not by how long the text is.
enum Snippet {
    static let length = 300

    /// The text's lines joined by spaces, shortened to 300 characters: enough to find and
    /// highlight the query in. Lines are found by byte (a newline Character is a newline scalar,
    /// or "\r\n"), and characters are counted only until 302 are certain: joining can merge a
    /// Character into the space before it but never split one, so the first 300 are then final.
    static func source(_ text: String) -> String {
        var joined = ""
        var counted = 0
        for line in lines(of: text) {
            if !joined.isEmpty { joined.append(" ") }
            joined += line
            counted += line.characterPrefixEnd(length + 2 - counted).count
            if counted == length + 2 { return String(joined[..<joined.characterPrefixEnd(length).end]) + "…" }
        }
        return shortened(joined, to: length)
    }

    static func shortened(_ text: String, to length: Int) -> String {
        let (end, count) = text.characterPrefixEnd(length)
        guard count == length, end < text.endIndex else { return text }
        return String(text[..<end]) + "…"
    }

    /// `text.hasPrefix(prefix)`, which compares Characters, decided by bytes: text from Content
    /// is NFC, and NFC Characters are equal exactly when their bytes are. Text the quick NFC
    /// check cannot vouch for is still compared by Character.
    static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        if text.utf8.starts(with: prefix.utf8) {
            return text.isCharacterStart(text.utf8.index(text.startIndex, offsetBy: prefix.utf8.count)) || text.hasPrefix(prefix)
        }
        return VietnameseText.isKnownNFC(text) && VietnameseText.isKnownNFC(prefix) ? false : text.hasPrefix(prefix)
    }

    /// The text's non-empty lines, as `split(whereSeparator: \.isNewline)` gives them.
    private static func lines(of text: String) -> [Substring] {
        let ranges = text.withUTF8Bytes { bytes -> [Range<Int>] in
            var ranges: [Range<Int>] = []
            var start = 0
            var offset = 0
            while offset < bytes.count {
                let (value, length) = UTF8Bytes.scalar(in: bytes, at: offset)
                if isNewline(value) {
                    if offset > start { ranges.append(start..<offset) }
                    start = offset + length
                }
                offset += length
            }
            if offset > start { ranges.append(start..<offset) }
            return ranges
        }
        let utf8 = text.utf8
        return ranges.map { text[utf8.index(utf8.startIndex, offsetBy: $0.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: $0.upperBound)] }
    }

    /// The scalars `Character.isNewline` looks for first.
    private static func isNewline(_ value: UInt32) -> Bool {
        switch value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}
