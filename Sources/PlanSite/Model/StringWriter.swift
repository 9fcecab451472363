/// Writes a String piece by piece into storage of exactly its length, as addresses, dates and
/// document numbers are made: each is printed a million times in a national site, where
/// interpolating or appending made a String of every piece and grew the result at each one.
/// Made at its exact length, a string of 15 bytes or fewer is held inline, with no allocation.
struct StringWriter {
    private let out: UnsafeMutableBufferPointer<UInt8>
    private var count = 0

    /// The string `write` writes, which must be `length` bytes at most.
    static func make(length: Int, _ write: (inout StringWriter) -> Void) -> String {
        String(unsafeUninitializedCapacity: length) { out in
            var writer = StringWriter(out: out)
            write(&writer)
            return writer.count
        }
    }

    private init(out: UnsafeMutableBufferPointer<UInt8>) { self.out = out }

    mutating func put(_ byte: UInt8) {
        out[count] = byte
        count += 1
    }

    mutating func put(_ text: String) {
        text.withUTF8Bytes { bytes in
            if let source = bytes.baseAddress { (out.baseAddress! + count).update(from: source, count: bytes.count) }
            count += bytes.count
        }
    }

    /// `number` in decimal, `UTF8Bytes.decimalLength(number, digits:)` bytes.
    mutating func put(_ number: Int, digits: Int = 1) {
        UTF8Bytes.writeDecimal(number, digits: digits, into: out, at: &count)
    }
}
