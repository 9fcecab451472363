/// Writes a `Codable` value as the compact binary of the build cache's plan entries, which
/// only `BinaryDecoder` reads back, so nothing in it describes itself: a keyed container's
/// values follow each other in the order the type encodes them, without their keys; integers
/// are LEB128 varints (signed ones zigzagged, as line numbers and years are small); an
/// unkeyed container is a 4-byte count, then its elements; a keyed optional
/// (`encodeIfPresent`) is a byte 0 or 1, then the value if present. A string's first
/// occurrence is its UTF-8 length times two, then its bytes; a repeat is the number of its
/// first occurrence times two plus one. A plan repeats many strings (its slug in every task,
/// agency names, type words): over a third of its text, read and held once this way.
///
/// It suits types that read each key with the same call that wrote it, in the same order, as
/// synthesized conformances do. A nil written by `encodeNil` could not be told apart from a
/// value by the decoder, so it throws, and the plan is simply not cached. Keys are not
/// stored, so a dictionary keyed by `String` or `Int` (whose keys are its data) cannot be;
/// other dictionaries are unkeyed lists of keys and values and are stored.
final class BinaryEncoder: Encoder, SingleValueEncodingContainer {
    private var bytes: [UInt8] = []
    private var stringNumbers: [String: Int] = [:]

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    private init() {}

    static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = BinaryEncoder()
        try encoder.encode(value)
        return encoder.bytes
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(BinaryKeyedEncoding<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer { BinaryUnkeyedEncoding(encoder: self) }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    func encodeNil() throws {
        throw EncodingError.invalidValue(Optional<Int>.none as Any, EncodingError.Context(
            codingPath: [], debugDescription: "the build cache stores optionals only as properties (encodeIfPresent)"))
    }

    func encode(_ value: Bool) { bytes.append(value ? 1 : 0) }
    func encode(_ value: String) {
        if let number = stringNumbers[value] {
            writeUnsigned(UInt64(number) << 1 | 1)
        } else {
            stringNumbers[value] = stringNumbers.count
            writeUnsigned(UInt64(value.utf8.count) << 1)
            bytes.append(contentsOf: value.utf8)
        }
    }
    func encode(_ value: Double) { writeFixed(value.bitPattern) }
    func encode(_ value: Float) { writeFixed(value.bitPattern) }
    func encode(_ value: Int) { writeSigned(Int64(value)) }
    func encode(_ value: Int8) { writeSigned(Int64(value)) }
    func encode(_ value: Int16) { writeSigned(Int64(value)) }
    func encode(_ value: Int32) { writeSigned(Int64(value)) }
    func encode(_ value: Int64) { writeSigned(value) }
    func encode(_ value: UInt) { writeUnsigned(UInt64(value)) }
    func encode(_ value: UInt8) { writeUnsigned(UInt64(value)) }
    func encode(_ value: UInt16) { writeUnsigned(UInt64(value)) }
    func encode(_ value: UInt32) { writeUnsigned(UInt64(value)) }
    func encode(_ value: UInt64) { writeUnsigned(value) }
    func encode<T: Encodable>(_ value: T) throws {
        if let binary = value as? any BinaryCodable { try binary.encode(binary: self) } else { try value.encode(to: self) }
    }

    func encodePresence(_ present: Bool) { bytes.append(present ? 1 : 0) }

    /// An optional as a keyed container writes it, for `BinaryCodable` conformances.
    func encodeOptional<T>(_ value: T?, _ encodeValue: (T) throws -> Void) rethrows {
        encodePresence(value != nil)
        if let value { try encodeValue(value) }
    }

    /// An array as an unkeyed container writes it, for `BinaryCodable` conformances.
    func encodeArray<T>(_ elements: [T], _ encodeElement: (T) throws -> Void) throws {
        try encodeCount(elements.count)
        for element in elements { try encodeElement(element) }
    }

    func encodeCount(_ count: Int) throws {
        try setCount(count, at: reserveCount())
    }

    /// Room for an unkeyed container's count, filled in by `setCount` as elements are added:
    /// the protocol never says when a container is finished.
    func reserveCount() -> Int {
        bytes.append(contentsOf: [0, 0, 0, 0])
        return bytes.count - 4
    }

    func setCount(_ count: Int, at offset: Int) throws {
        guard let count = UInt32(exactly: count) else {
            throw EncodingError.invalidValue(count, EncodingError.Context(codingPath: [], debugDescription: "too many elements"))
        }
        for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: count >> (8 * index)) }
    }

    private func writeSigned(_ value: Int64) {
        writeUnsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    private func writeUnsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    private func writeFixed<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
