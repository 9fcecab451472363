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
            var index = line.startIndex
            while index < line.endIndex, counted < length + 2 {
                line.formIndex(after: &index)
                counted += 1
            }
            if counted == length + 2 { return String(joined.prefix(length)) + "…" }
        }
        return shortened(joined, to: length)
    }

    static func shortened(_ text: String, to length: Int) -> String {
        guard let end = text.index(text.startIndex, offsetBy: length, limitedBy: text.endIndex), end < text.endIndex else { return text }
        return String(text[..<end]) + "…"
    }

    /// `text.hasPrefix(prefix)`, which compares Characters; the usual case, the same bytes up to
    /// a Character boundary, is decided without that.
    static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        if text.utf8.starts(with: prefix.utf8), text.isCharacterStart(text.utf8.index(text.startIndex, offsetBy: prefix.utf8.count)) {
            return true
        }
        return text.hasPrefix(prefix)
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
