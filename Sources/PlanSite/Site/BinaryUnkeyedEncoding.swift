/// An unkeyed container of `BinaryEncoder`: a count, then the elements. The count goes
/// first so that the decoder can reserve room and stop without a terminator, and is updated
/// in place with each element because nothing tells a container it is finished.
struct BinaryUnkeyedEncoding: UnkeyedEncodingContainer {
    let encoder: BinaryEncoder
    private let countOffset: Int
    private(set) var count = 0

    var codingPath: [any CodingKey] { [] }

    init(encoder: BinaryEncoder) {
        self.encoder = encoder
        countOffset = encoder.reserveCount()
    }

    mutating func encodeNil() throws { try encoder.encodeNil() }
    mutating func encode(_ value: Bool) throws { try next(); encoder.encode(value) }
    mutating func encode(_ value: String) throws { try next(); encoder.encode(value) }
    mutating func encode(_ value: Double) throws { try next(); encoder.encode(value) }
    mutating func encode(_ value: Float) throws { try next(); encoder.encode(value) }
    mutating func encode(_ value: Int) throws { try next(); encoder.encode(value) }
    mutating func encode(_ value: Int8) throws { try next(); encoder.encode(value) }
    mutating func encode(_ value: Int16) throws { try next(); encoder.encode(value) }
    mutating func encode(_ value: Int32) throws { try next(); encoder.encode(value) }
    mutating func encode(_ value: Int64) throws { try next(); encoder.encode(value) }
    mutating func encode(_ value: UInt) throws { try next(); encoder.encode(value) }
    mutating func encode(_ value: UInt8) throws { try next(); encoder.encode(value) }
    mutating func encode(_ value: UInt16) throws { try next(); encoder.encode(value) }
    mutating func encode(_ value: UInt32) throws { try next(); encoder.encode(value) }
    mutating func encode(_ value: UInt64) throws { try next(); encoder.encode(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try next(); try encoder.encode(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        // Cannot throw here; 2³² elements are far beyond anything a plan holds.
        try? next()
        return encoder.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        try? next()
        return encoder.unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        try? next()
        return encoder
    }

    private mutating func next() throws {
        count += 1
        try encoder.setCount(count, at: countOffset)
    }
}
