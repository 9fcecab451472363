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
                    appendLinked(text, to: &output)
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

    /// The text with a link around each citation of a document that has a page, appended to
    /// `output` from the text's own bytes: building a String of the linked text and copying it
    /// again cost 0.6% of a build. The body is cmark-gfm's rendering of a String, so valid UTF-8,
    /// and the scanner's places in the decoded text are places in the bytes.
    private func appendLinked(_ text: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        let string = String(decoding: text, as: UTF8.self)
        precondition(string.utf8.count == text.count, "a body's text is valid UTF-8")
        var cursor = 0
        for number in scanner.scan(string) {
            guard let href = url(DocumentRef(number: number.number, citingProvince: province)) else { continue }
            let start = string.utf8.distance(from: string.startIndex, to: number.citationStart)
            let end = string.utf8.distance(from: string.startIndex, to: number.range.upperBound)
            output += UnsafeBufferPointer(rebasing: text[cursor..<start])
            output += Self.bytes("<a class=\"doc-ref\" href=\"")
            HTML.appendEscaped(href, to: &output)
            output += Self.bytes("\">")
            output += UnsafeBufferPointer(rebasing: text[start..<end])
            output += Self.bytes("</a>")
            cursor = end
        }
        output += UnsafeBufferPointer(rebasing: text[cursor...])
    }
}
