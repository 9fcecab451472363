/// A template that cannot be compiled: where, what, and what to do about it. Positions are those
/// of the tag at fault (its `{{`), counted as a text editor counts them: lines from 1, columns in
/// characters from 1.
struct TemplateSyntaxError: Error, Equatable {
    var line: Int
    var column: Int
    var message: String
    var hint: String

    /// The line and column of a byte offset in a template's UTF-8 text.
    static func position(of offset: Int, in text: [UInt8]) -> (line: Int, column: Int) {
        let before = text[..<offset]
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        return (line, String(decoding: text[lineStart..<offset], as: UTF8.self).count + 1)
    }
}
