/// Turns cmark's `data-sourcepos` attributes into element ids.
///
/// cmark renders every block with `data-sourcepos="L:C-L:C"`; text from Content can never
/// produce that attribute (its quotes are escaped, raw HTML is omitted unless allowed), so
/// the attribute is a reliable handle on each block at any depth. Blocks named in
/// `anchors` get `id="…"`; every other attribute is removed.
public struct AnchorRewriter: Sendable {
    public var anchors: [SourcePosition: String]

    public init(anchors: [SourcePosition: String]) {
        self.anchors = anchors
    }

    private static let marker = Array(" data-sourcepos=\"".utf8)

    public func rewrite(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        let marker = Self.marker
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: " "), bytes.count - index >= marker.count,
               bytes[index..<(index + marker.count)].elementsEqual(marker) {
                var cursor = index + marker.count
                let line = readNumber(bytes, &cursor)
                cursor += 1
                let column = readNumber(bytes, &cursor)
                while cursor < bytes.count, bytes[cursor] != UInt8(ascii: "\"") { cursor += 1 }
                if let id = anchors[SourcePosition(line: line, column: column)] {
                    output.append(contentsOf: " id=\"".utf8)
                    output.append(contentsOf: HTML.escape(id).utf8)
                    output.append(UInt8(ascii: "\""))
                }
                index = cursor + 1
                continue
            }
            output.append(bytes[index])
            index += 1
        }
        return output
    }

    private func readNumber(_ bytes: [UInt8], _ cursor: inout Int) -> Int {
        var value = 0
        while cursor < bytes.count, bytes[cursor] >= 48, bytes[cursor] <= 57 {
            value = value * 10 + Int(bytes[cursor] - 48)
            cursor += 1
        }
        return value
    }
}
