import Foundation

/// Turns every document number in a plan's rendered body into a link to the document's page.
/// It edits text between tags only, never inside a tag or an existing link.
struct CitationLinker {
    var province: String?
    var url: (DocumentRef) -> String?
    private let scanner = CitationScanner()

    /// `html` and what it returns are UTF-8.
    func link(_ html: [UInt8]) -> [UInt8] {
        html.withUnsafeBufferPointer { bytes in
            // Bytes, not Characters: grapheme breaking over whole bodies was most of this pass.
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + bytes.count / 8)
            var linkDepth = 0
            var position = 0
            while position < bytes.count {
                let open = ByteSearch.firstOffset(of: UInt8(ascii: "<"), in: bytes, from: position) ?? bytes.count
                let text = UnsafeBufferPointer(rebasing: bytes[position..<open])
                if linkDepth == 0, CitationScanner.mayHoldNumber(text) {
                    output += linked(String(decoding: text, as: UTF8.self)).utf8
                } else {
                    output += text
                }
                guard open < bytes.count else { break }
                let close = ByteSearch.firstOffset(of: UInt8(ascii: ">"), in: bytes, from: open).map { $0 + 1 } ?? bytes.count
                let tag = UnsafeBufferPointer(rebasing: bytes[open..<close])
                if Self.opensLink(tag) { linkDepth += 1 } else if ByteSearch.equal(tag, Self.bytes("</a>")) { linkDepth = max(0, linkDepth - 1) }
                output += tag
                position = close
            }
            return output
        }
    }

    /// `<a …>`, as a Character comparison decides it: "<a " must not end inside a Character
    /// (a combining mark after the space), which only a non-ASCII byte after it can start.
    private static func opensLink(_ tag: UnsafeBufferPointer<UInt8>) -> Bool {
        if ByteSearch.equal(tag, bytes("<a>")) { return true }
        guard ByteSearch.hasPrefix(tag, bytes("<a ")) else { return false }
        return tag.count == 3 || tag[3] < 0x80 || String(decoding: tag, as: UTF8.self).hasPrefix("<a ")
    }

    /// Tags are compared with these by `memcmp`: the generic `elementsEqual` went byte by byte
    /// through every tag of every body.
    private static func bytes(_ text: StaticString) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
    }

    private func linked(_ string: String) -> String {
        let found = scanner.scan(string)
        guard !found.isEmpty else { return string }
        var result = ""
        var cursor = string.startIndex
        for number in found {
            guard let href = url(DocumentRef(number: number.number, citingProvince: province)) else { continue }
            result += string[cursor..<number.citationStart]
            result += "<a class=\"doc-ref\" href=\"\(HTML.escape(href))\">\(string[number.citationStart..<number.range.upperBound])</a>"
            cursor = number.range.upperBound
        }
        result += string[cursor...]
        return result
    }
}
