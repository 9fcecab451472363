import Foundation

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

    private static let attribute = Array("data-sourcepos=\"".utf8)

    /// `html` and what it returns are UTF-8. The text between attributes is copied in runs,
    /// each attribute found by `ByteSearch`: a body is mostly text, and copying and testing it
    /// byte by byte was most of this pass.
    public func rewrite(_ html: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(html.count)
        html.withUnsafeBufferPointer { bytes in
            Self.attribute.withUnsafeBufferPointer { attribute in
                // Bytes before `copied` are in the output; the search goes on from `from`.
                var copied = 0
                var from = 0
                while let found = ByteSearch.firstOffset(of: attribute, in: bytes, from: from) {
                    from = found + 1
                    guard found > copied, bytes[found - 1] == UInt8(ascii: " ") else { continue }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<(found - 1)]))
                    var cursor = found + attribute.count
                    let line = readNumber(bytes, &cursor)
                    cursor += 1
                    let column = readNumber(bytes, &cursor)
                    while cursor < bytes.count, bytes[cursor] != UInt8(ascii: "\"") { cursor += 1 }
                    if let id = anchors[SourcePosition(line: line, column: column)] {
                        output.append(contentsOf: " id=\"".utf8)
                        output.append(contentsOf: HTML.escape(id).utf8)
                        output.append(UInt8(ascii: "\""))
                    }
                    copied = min(cursor + 1, bytes.count)
                    from = copied
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            }
        }
        return output
    }

    private func readNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ cursor: inout Int) -> Int {
        var value = 0
        while cursor < bytes.count, bytes[cursor] >= 48, bytes[cursor] <= 57 {
            value = value * 10 + Int(bytes[cursor] - 48)
            cursor += 1
        }
        return value
    }
}
