import Foundation

/// Writes JSON bytes directly: many times faster than JSONEncoder here, with keys in the order
/// given (so output is byte-stable) and every string escaped so the JSON is also safe inside a
/// `<script>` element.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    /// Not `indirect`, as `TemplateValue`: arrays and objects keep their elements out of line
    /// already, and boxing every value cost an allocation per string and number written.
    public enum Value {
        case string(String?)
        case int(Int)
        case bool(Bool)
        case array([Value])
        case object([(String, Value)])
        case null
        /// JSON already written (`JSONWriter.StringArray`).
        case encoded([UInt8])

        static func strings(_ values: [String]) -> Value { .array(values.map { .string($0) }) }
    }

    public static func encode(_ value: Value) -> [UInt8] {
        var writer = JSONWriter()
        writer.write(value)
        writer.bytes.append(UInt8(ascii: "\n"))
        return writer.bytes
    }

    mutating func write(_ value: Value) {
        switch value {
        case .string(let string?): writeString(string)
        case .string(nil), .null: raw("null")
        case .int(let number): raw(String(number))
        case .bool(let flag): raw(flag ? "true" : "false")
        case .encoded(let json): bytes += json
        case .array(let items):
            bytes.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                write(item)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let pairs):
            bytes.append(UInt8(ascii: "{"))
            for (index, pair) in pairs.enumerated() {
                key(pair.0, first: index == 0)
                write(pair.1)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Text that needs no escaping: punctuation, numbers.
    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func writeString(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        appendEscaped(string)
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ string: String) {
        var string = string
        let mayEscape = Self.mayEscape
        string.withUTF8 { utf8 in
            // Runs of bytes that need no escaping are copied whole: most text has no quote at all.
            var runStart = 0, index = 0
            var byByte = 0
            while index < utf8.count {
                index = ByteSearch.skipWords(in: utf8, from: index, byByte: &byByte, Self.anyMayEscape)
                guard index < utf8.count else { break }
                let byte = utf8[index]
                guard mayEscape[Int(byte)] else { index += 1; continue }
                let escape: String
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                case UInt8(ascii: "<"): escape = "\\u003c"
                case UInt8(ascii: ">"): escape = "\\u003e"
                case UInt8(ascii: "&"): escape = "\\u0026"
                // U+2028 and U+2029 (E2 80 A8/A9) end a line in a script.
                case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    escape = utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                case ..<0x20:
                    let hex = String(byte, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: index += 1; continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                raw(escape)
                index += byte == 0xE2 ? 3 : 1
                runStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
        }
    }

    /// Whether eight bytes may hold one of `mayEscape`: below 0x20, " and & in 0x22–0x26 (with
    /// # $ %), < and > in 0x3C–0x3E (with =), "\\" or 0xE2.
    @inline(__always)
    static func anyMayEscape(_ word: UInt64) -> Bool {
        ByteSearch.hasByte(word, below: 0x20) || ByteSearch.hasByte(word, between: 0x21, and: 0x27)
            || ByteSearch.hasByte(word, between: 0x3B, and: 0x3F) || ByteSearch.hasByte(word, 0x5C) || ByteSearch.hasByte(word, 0xE2)
    }

    /// The bytes `writeString` looks at twice: the few it escapes, and 0xE2, which starts U+2028
    /// and U+2029 but also "–" and "…".
    private static let mayEscape: [Bool] = (0..<256).map { byte in
        byte < 0x20 || [UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0xE2].contains(UInt8(byte))
    }

    /// The bytes written so far, leaving the writer empty: for files handed over in parts.
    mutating func takeBytes() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }
}

extension JSONWriter {
    /// Builds an object member by member, for objects too large to hold as a `Value` first.
    mutating func member(_ key: String, _ value: String) {
        bytes.append(UInt8(ascii: bytes.isEmpty ? "{" : ","))
        writeString(key)
        bytes.append(UInt8(ascii: ":"))
        writeString(value)
    }

    /// A member whose string value `write` appends as bytes that need no escaping (a posting
    /// code), without building a String and scanning it again.
    mutating func member(_ key: String, unescaped write: (inout [UInt8]) -> Void) {
        bytes.append(UInt8(ascii: bytes.isEmpty ? "{" : ","))
        writeString(key)
        bytes.append(contentsOf: ":\"".utf8)
        write(&bytes)
        bytes.append(UInt8(ascii: "\""))
    }

    /// `"key":`, after a "," unless it is the object's first: an object written member by member
    /// into the writer, the bytes `write(.object(…))` gives, without its values made first.
    mutating func key(_ key: String, first: Bool = false) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        writeString(key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// The bytes `write(.strings(values))` gives, without the array of values.
    mutating func writeStrings(_ values: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            writeString(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    var isEmpty: Bool { bytes.isEmpty }

    /// The object built by `member`, closed, with the final newline `encode` writes too.
    func closedObject() -> [UInt8] {
        (isEmpty ? Array("{".utf8) : bytes) + Array("}\n".utf8)
    }
}

extension JSONWriter {
    /// A JSON array written element by element, for arrays of many strings made from parts: an
    /// agency every plan names lists a hundred thousand "plan#task" ids at national scale.
    struct StringArray {
        private var writer = JSONWriter()

        /// One string made of `parts`, each escaped on its own: no escape spans two parts, as
        /// each is whole UTF-8.
        mutating func append(joining parts: String...) {
            writer.bytes.append(UInt8(ascii: writer.bytes.isEmpty ? "[" : ","))
            writer.bytes.append(UInt8(ascii: "\""))
            for part in parts { writer.appendEscaped(part) }
            writer.bytes.append(UInt8(ascii: "\""))
        }

        var value: Value { .encoded(writer.bytes.isEmpty ? [UInt8(ascii: "["), UInt8(ascii: "]")] : writer.bytes + [UInt8(ascii: "]")]) }
    }
}
