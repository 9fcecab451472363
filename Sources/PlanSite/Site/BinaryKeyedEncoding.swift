/// A keyed container of `BinaryEncoder`. The key is ignored: values are read back in the
/// order they were written. Every `encodeIfPresent` is overridden because the protocol's own
/// writes nothing for nil, which the decoder could not tell from a value.
struct BinaryKeyedEncoding<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: BinaryEncoder

    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { try encoder.encodeNil() }
    mutating func encode(_ value: Bool, forKey key: Key) { encoder.encode(value) }
    mutating func encode(_ value: String, forKey key: Key) { encoder.encode(value) }
    mutating func encode(_ value: Double, forKey key: Key) { encoder.encode(value) }
    mutating func encode(_ value: Float, forKey key: Key) { encoder.encode(value) }
    mutating func encode(_ value: Int, forKey key: Key) { encoder.encode(value) }
    mutating func encode(_ value: Int8, forKey key: Key) { encoder.encode(value) }
    mutating func encode(_ value: Int16, forKey key: Key) { encoder.encode(value) }
    mutating func encode(_ value: Int32, forKey key: Key) { encoder.encode(value) }
    mutating func encode(_ value: Int64, forKey key: Key) { encoder.encode(value) }
    mutating func encode(_ value: UInt, forKey key: Key) { encoder.encode(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) { encoder.encode(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) { encoder.encode(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) { encoder.encode(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) { encoder.encode(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try encoder.encode(value) }

    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) { present(value).map { encoder.encode($0) } }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) { present(value).map { encoder.encode($0) } }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) { present(value).map { encoder.encode($0) } }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) { present(value).map { encoder.encode($0) } }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) { present(value).map { encoder.encode($0) } }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) { present(value).map { encoder.encode($0) } }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) { present(value).map { encoder.encode($0) } }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) { present(value).map { encoder.encode($0) } }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) { present(value).map { encoder.encode($0) } }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) { present(value).map { encoder.encode($0) } }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) { present(value).map { encoder.encode($0) } }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) { present(value).map { encoder.encode($0) } }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) { present(value).map { encoder.encode($0) } }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) { present(value).map { encoder.encode($0) } }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        try present(value).map { try encoder.encode($0) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder.container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { encoder.unkeyedContainer() }
    mutating func superEncoder() -> any Encoder { encoder }
    mutating func superEncoder(forKey key: Key) -> any Encoder { encoder }

    /// Writes the presence byte and hands back the value to write after it.
    private func present<T>(_ value: T?) -> T? {
        encoder.encodePresence(value != nil)
        return value
    }
}
