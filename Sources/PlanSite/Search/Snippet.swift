import Foundation

/// The text a search result shows, cut from a unit's text. Every task's text passes through
/// here, so the work is bounded by what is kept, not by how long the text is.
enum Snippet {
    static let length = 300

    /// The text's lines joined by spaces, shortened to 300 characters: enough to find and
    /// highlight the query in. Lines are found by byte (a newline Character is a newline scalar,
    /// or "\r\n"), and characters are counted only until 302 are certain: joining can merge a
    /// Character into the space before it but never split one, so the first 300 are then final.
    static func source(_ text: String) -> String {
        if let plain = plainSource(text) { return plain }
        var joined = ""
        var counted = 0
        var cut: String?
        forEachLine(of: text) { line in
            if !joined.isEmpty { joined.append(" ") }
            joined += line
            counted += line.characterPrefixEnd(length + 2 - counted).count
            guard counted == length + 2 else { return true }
            cut = String(joined[..<joined.characterPrefixEnd(length).end]) + "…"
            return false
        }
        return cut ?? shortened(joined, to: length)
    }

    /// `source` of plain text (`PlainScalars`), where every scalar is a Character: one pass over
    /// the bytes that ends at the 301st Character, however long the text's first line is, and
    /// copies each line's kept bytes at once. Nil when a scalar that is not plain comes first.
    private static func plainSource(_ text: String) -> String? {
        text.withUTF8Bytes { bytes -> String? in
            var kept: [UInt8] = []
            kept.reserveCapacity(min(bytes.count, 4 * length))
            var count = 0
            var space = false
            var offset = 0
            // The start of the line's bytes not yet copied into `kept`.
            var line = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                var width = 1
                if byte < 0x0E || byte >= 0x80 {
                    let newline = newlineLength(bytes, at: offset)
                    if newline > 0 {
                        kept.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[line..<offset]))
                        space = space || !kept.isEmpty
                        offset += newline
                        line = offset
                        continue
                    }
                    let scalar = UTF8Bytes.scalar(in: bytes, at: offset)
                    guard PlainScalars.standsAlone(scalar.value) else { return nil }
                    width = scalar.length
                }
                if space, count < length {
                    kept.append(UInt8(ascii: " "))
                    count += 1
                    space = false
                }
                guard count < length else {
                    kept.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[line..<offset]))
                    return String(decoding: kept, as: UTF8.self) + "…"
                }
                count += 1
                offset += width
            }
            kept.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[line..<offset]))
            return String(decoding: kept, as: UTF8.self)
        }
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
        let bytesMatch = text.withUTF8Bytes { text in prefix.withUTF8Bytes { ByteSearch.hasPrefix(text, $0) } }
        if bytesMatch {
            return text.isCharacterStart(text.utf8.index(text.startIndex, offsetBy: prefix.utf8.count)) || text.hasPrefix(prefix)
        }
        return VietnameseText.isKnownNFC(text) && VietnameseText.isKnownNFC(prefix) ? false : text.hasPrefix(prefix)
    }

    /// The text's non-empty lines, as `split(whereSeparator: \.isNewline)` gives them, until
    /// `body` returns false: a task's text can be pages long and its snippet needs a few lines.
    /// Lines are cut at the bytes of newline scalars, which never occur inside another scalar's.
    private static func forEachLine(of text: String, _ body: (Substring) -> Bool) {
        let utf8 = text.utf8
        text.withUTF8Bytes { bytes in
            var start = 0
            var offset = 0
            func line(to end: Int) -> Bool {
                guard end > start else { return true }
                return body(text[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)])
            }
            while offset < bytes.count {
                let length = newlineLength(bytes, at: offset)
                guard length > 0 else { offset += 1; continue }
                guard line(to: offset) else { return }
                offset += length
                start = offset
            }
            _ = line(to: offset)
        }
    }

    /// The length of the newline scalar at `offset`, or 0: the scalars `Character.isNewline`
    /// looks for first, U+000A–U+000D, U+0085 (C2 85), U+2028 and U+2029 (E2 80 A8, E2 80 A9).
    private static func newlineLength(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        switch bytes[offset] {
        case 0x0A...0x0D: return 1
        case 0xC2 where offset + 1 < bytes.count && bytes[offset + 1] == 0x85: return 2
        case 0xE2 where offset + 2 < bytes.count && bytes[offset + 1] == 0x80 && (bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9):
            return 3
        default: return 0
        }
    }
}
