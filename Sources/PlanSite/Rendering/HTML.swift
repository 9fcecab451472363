/// Escaping for text from Content on its way into HTML: every text value a template prints
/// comes through here (see `TemplateValue`), as do ids and links PlanSite writes into markup.
///
/// Works on UTF-8 bytes, not `Character`s: the five characters it replaces are ASCII, and a
/// byte of UTF-8 below 0x80 is always that character. Going by grapheme clusters would also miss
/// a quote followed by a combining accent, which is one `Character` but ends an attribute all the same.
public enum HTML {
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { replacement(for: $0) != nil }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        appendEscaped(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the text's UTF-8 to `output` with `& < > " '` replaced by their entities, copying
    /// the runs between them whole.
    static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var run = 0
            var index = 0
            var byByte = 0
            while index < bytes.count {
                index = ByteSearch.skipWords(in: bytes, from: index, byByte: &byByte, mayReplace)
                guard index < bytes.count else { break }
                if let entity = replacement(for: bytes[index]) {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                    output.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                    run = index + 1
                }
                index += 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
    }

    /// Whether eight bytes may hold one `replacement` replaces: " & ' lie in 0x22–0x27 and < >
    /// in 0x3C–0x3E, with only # $ % = between them that are not.
    @inline(__always)
    static func mayReplace(_ word: UInt64) -> Bool {
        ByteSearch.hasByte(word, between: 0x21, and: 0x28) || ByteSearch.hasByte(word, between: 0x3B, and: 0x3F)
    }

    @inline(__always)
    private static func replacement(for byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "\""): return "&quot;"
        case UInt8(ascii: "'"): return "&#39;"
        default: return nil
        }
    }
}
