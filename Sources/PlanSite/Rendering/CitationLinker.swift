/// Turns every document number in a plan's rendered body into a link to the document's page.
/// It edits text between tags only, never inside a tag or an existing link.
struct CitationLinker {
    var province: String?
    var url: (DocumentRef) -> String?
    private let scanner = CitationScanner()

    func link(_ html: String) -> String {
        var output = ""
        output.reserveCapacity(html.utf8.count + html.utf8.count / 8)
        var linkDepth = 0
        var rest = Substring(html)
        while !rest.isEmpty {
            // Bytes, not Characters: grapheme breaking over whole bodies was most of this pass.
            guard let open = rest.utf8.firstIndex(of: UInt8(ascii: "<")) else {
                output += linkDepth == 0 ? linked(rest) : String(rest)
                break
            }
            let text = rest[..<open]
            output += linkDepth == 0 ? linked(text) : String(text)
            let close = rest.utf8[open...].firstIndex(of: UInt8(ascii: ">")).map { rest.utf8.index(after: $0) } ?? rest.endIndex
            let tag = rest[open..<close]
            if tag.hasPrefix("<a ") || tag == "<a>" { linkDepth += 1 } else if tag == "</a>" { linkDepth = max(0, linkDepth - 1) }
            output += tag
            rest = rest[close...]
        }
        return output
    }

    private func linked(_ text: Substring) -> String {
        let string = String(text)
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
