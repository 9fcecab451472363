import Foundation

/// The members of a shard file as the output holds it (`SearchIndex.shardFiles`): each
/// token's posting codes, by the token's name as written. An edit in `plansite watch` writes
/// a shard again for one or two of its tokens; the others' codes are copied from here instead
/// of being scored and coded again, as nothing they depend on moved.
struct ShardMembers {
    private let bytes: [UInt8]
    /// Each member's value, without its quotes, by its name as written, with its quotes.
    private let values: [ArraySlice<UInt8>: Range<Int>]

    var count: Int { values.count }

    /// Nil unless `data` is a shard file: an object of string members, whose values (posting
    /// codes) need no escaping.
    init?(_ data: Data) {
        let bytes = [UInt8](data)
        var values: [ArraySlice<UInt8>: Range<Int>] = [:]
        var at = 0
        func expect(_ byte: UInt8) -> Bool {
            guard at < bytes.count, bytes[at] == byte else { return false }
            at += 1
            return true
        }
        /// The end of the string starting at `at`, past its closing quote.
        func string(escapes: Bool) -> Int? {
            guard expect(UInt8(ascii: "\"")) else { return nil }
            // Codes run to thousands of bytes, with no escape in them.
            if !escapes {
                let end = bytes.withUnsafeBufferPointer { buffer -> Int? in
                    guard let quote = ByteSearch.firstOffset(of: UInt8(ascii: "\""), in: buffer, from: at) else { return nil }
                    let string = UnsafeBufferPointer(rebasing: buffer[at..<quote])
                    return ByteSearch.firstOffset(of: UInt8(ascii: "\\"), in: string, from: 0) == nil ? quote : nil
                }
                guard let end else { return nil }
                at = end + 1
                return at
            }
            while at < bytes.count, bytes[at] != UInt8(ascii: "\"") {
                at += bytes[at] == UInt8(ascii: "\\") ? 2 : 1
            }
            return expect(UInt8(ascii: "\"")) ? at : nil
        }
        guard expect(UInt8(ascii: "{")) else { return nil }
        if !expect(UInt8(ascii: "}")) {
            repeat {
                let nameStart = at
                guard let nameEnd = string(escapes: true), expect(UInt8(ascii: ":")) else { return nil }
                let valueStart = at + 1
                guard let valueEnd = string(escapes: false) else { return nil }
                values[bytes[nameStart..<nameEnd]] = valueStart..<(valueEnd - 1)
            } while expect(UInt8(ascii: ","))
            guard expect(UInt8(ascii: "}")) else { return nil }
        }
        guard expect(UInt8(ascii: "\n")), at == bytes.count else { return nil }
        self.bytes = bytes
        self.values = values
    }

    /// The codes of the member named `name` (with its quotes, as `JSONWriter` writes it).
    func codes(_ name: [UInt8]) -> ArraySlice<UInt8>? {
        values[name[...]].map { bytes[$0] }
    }
}
