/// Reads back what `BinaryEncoder` wrote (the layout is described there). Every read is
/// checked against the end of the bytes and every count and tag against what it may be, so
/// bytes that are not such an encoding throw instead of trapping.
final class BinaryDecoder: Decoder, SingleValueDecodingContainer {
    private let bytes: UnsafeRawBufferPointer
    private var position = 0
    /// Every string read so far, in order, for the repeats that refer to them.
    private var strings: [String] = []

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    private init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// The value `bytes` hold, which must be exactly one encoding of `T`.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer) throws -> T {
        let decoder = BinaryDecoder(bytes)
        let value = try decoder.decode(type)
        guard decoder.position == bytes.count else { throw decoder.corrupted("bytes left over") }
        return value
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(BinaryKeyedDecoding<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { try BinaryUnkeyedDecoding(decoder: self) }

    func singleValueContainer() -> any SingleValueDecodingContainer { self }

    /// The encoder writes no nil here (see `BinaryEncoder.encodeNil`).
    func decodeNil() -> Bool { false }

    func decode(_ type: Bool.Type) throws -> Bool {
        switch try readByte() {
        case 0: return false
        case 1: return true
        default: throw corrupted("not a Bool")
        }
    }

    func decode(_ type: String.Type) throws -> String {
        let tag = try readUnsigned()
        if tag & 1 == 1 {
            guard tag >> 1 < UInt64(strings.count) else { throw corrupted("repeat of an unknown string") }
            return strings[Int(tag >> 1)]
        }
        guard tag >> 1 <= UInt64(bytes.count - position) else { throw corrupted("string past the end") }
        let start = position
        position += Int(tag >> 1)
        let string = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        strings.append(string)
        return string
    }

    func decode(_ type: Double.Type) throws -> Double { Double(bitPattern: try readFixed(UInt64.self)) }
    func decode(_ type: Float.Type) throws -> Float { Float(bitPattern: try readFixed(UInt32.self)) }
    func decode(_ type: Int.Type) throws -> Int { try signed(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try signed(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try signed(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try signed(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try signed(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try unsigned(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try unsigned(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try unsigned(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try unsigned(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try unsigned(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        guard let binary = type as? any BinaryCodable.Type else { return try T(from: self) }
        // `binary` is `T.self`, so the cast cannot fail.
        return try binary.init(binary: self) as! T
    }

    /// Whether a keyed optional holds a value.
    func decodePresence() throws -> Bool { try decode(Bool.self) }

    /// What `BinaryEncoder.encodeOptional` wrote.
    func decodeOptional<T>(_ decodeValue: () throws -> T) throws -> T? {
        try decodePresence() ? decodeValue() : nil
    }

    /// What `BinaryEncoder.encodeArray` wrote.
    func decodeArray<T>(_ decodeElement: () throws -> T) throws -> [T] {
        let count = try decodeCount()
        var elements: [T] = []
        elements.reserveCapacity(count)
        for _ in 0..<count { elements.append(try decodeElement()) }
        return elements
    }

    /// An unkeyed container's count. A count larger than the bytes left is corrupt (every
    /// element the cache stores takes at least a byte), and must not reach `reserveCapacity`.
    func decodeCount() throws -> Int {
        let count = Int(try readFixed(UInt32.self))
        guard count <= bytes.count - position else { throw corrupted("count past the end") }
        return count
    }

    func corrupted(_ what: String) -> DecodingError {
        DecodingError.dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: "\(what) at byte \(position)"))
    }

    private func readByte() throws -> UInt8 {
        guard position < bytes.count else { throw corrupted("end of bytes") }
        defer { position += 1 }
        return bytes[position]
    }

    private func readUnsigned() throws -> UInt64 {
        var value: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 7) {
            let byte = try readByte()
            // The tenth byte may carry only the 64th bit.
            guard shift < 63 || byte <= 1 else { throw corrupted("varint too long") }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
        }
        throw corrupted("varint too long")
    }

    private func readFixed<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard MemoryLayout<T>.size <= bytes.count - position else { throw corrupted("end of bytes") }
        defer { position += MemoryLayout<T>.size }
        return T(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: T.self))
    }

    private func signed<T: FixedWidthInteger & SignedInteger>(_ type: T.Type) throws -> T {
        let zigzag = try readUnsigned()
        let value = Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
        guard let narrowed = T(exactly: value) else { throw corrupted("\(T.self) out of range") }
        return narrowed
    }

    private func unsigned<T: FixedWidthInteger & UnsignedInteger>(_ type: T.Type) throws -> T {
        guard let narrowed = T(exactly: try readUnsigned()) else { throw corrupted("\(T.self) out of range") }
        return narrowed
    }
}
