/// A keyed container of `BinaryDecoder`. Values come in the order they were written, so the
/// key asked for is not looked up: every key is "there", and the type must ask for them in
/// the order it wrote them (synthesized conformances do). `allKeys` cannot be known, which is
/// why `BinaryEncoder` cannot store dictionaries keyed by `String` or `Int`.
struct BinaryKeyedDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: BinaryDecoder

    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) -> Bool { false }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoder.decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoder.decode(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoder.decode(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decoder.decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoder.decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoder.decode(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoder.decode(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoder.decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoder.decode(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoder.decode(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoder.decode(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoder.decode(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoder.decode(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoder.decode(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder.decode(type) }

    // The protocol's own `decodeIfPresent` asks `decodeNil`; these read the presence byte
    // that `BinaryKeyedEncoding.encodeIfPresent` writes.
    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try decoder.decodePresence() ? decoder.decode(type) : nil }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try decoder.decodePresence() ? decoder.decode(type) : nil }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try decoder.decodePresence() ? decoder.decode(type) : nil }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try decoder.decodePresence() ? decoder.decode(type) : nil }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try decoder.decodePresence() ? decoder.decode(type) : nil }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try decoder.decodePresence() ? decoder.decode(type) : nil }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try decoder.decodePresence() ? decoder.decode(type) : nil }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try decoder.decodePresence() ? decoder.decode(type) : nil }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try decoder.decodePresence() ? decoder.decode(type) : nil }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try decoder.decodePresence() ? decoder.decode(type) : nil }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try decoder.decodePresence() ? decoder.decode(type) : nil }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try decoder.decodePresence() ? decoder.decode(type) : nil }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try decoder.decodePresence() ? decoder.decode(type) : nil }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try decoder.decodePresence() ? decoder.decode(type) : nil }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? { try decoder.decodePresence() ? decoder.decode(type) : nil }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) -> KeyedDecodingContainer<NestedKey> {
        decoder.container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try decoder.unkeyedContainer() }
    func superDecoder() -> any Decoder { decoder }
    func superDecoder(forKey key: Key) -> any Decoder { decoder }
}
