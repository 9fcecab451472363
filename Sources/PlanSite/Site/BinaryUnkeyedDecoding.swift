/// An unkeyed container of `BinaryDecoder`: the count written first, then that many elements.
struct BinaryUnkeyedDecoding: UnkeyedDecodingContainer {
    let decoder: BinaryDecoder
    private let total: Int
    private(set) var currentIndex = 0

    var codingPath: [any CodingKey] { [] }
    var count: Int? { total }
    var isAtEnd: Bool { currentIndex >= total }

    init(decoder: BinaryDecoder) throws {
        self.decoder = decoder
        total = try decoder.decodeCount()
    }

    /// The encoder writes no nil here (see `BinaryEncoder.encodeNil`).
    mutating func decodeNil() -> Bool { false }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try next(); return try decoder.decode(type) }
    mutating func decode(_ type: String.Type) throws -> String { try next(); return try decoder.decode(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try next(); return try decoder.decode(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try next(); return try decoder.decode(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try next(); return try decoder.decode(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try next(); return try decoder.decode(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try next(); return try decoder.decode(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try next(); return try decoder.decode(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try next(); return try decoder.decode(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try next(); return try decoder.decode(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try next(); return try decoder.decode(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try next(); return try decoder.decode(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try next(); return try decoder.decode(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try next(); return try decoder.decode(type) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next(); return try decoder.decode(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try next()
        return decoder.container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next()
        return try decoder.unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        try next()
        return decoder
    }

    private mutating func next() throws {
        guard currentIndex < total else { throw decoder.corrupted("read past the last element") }
        currentIndex += 1
    }
}
