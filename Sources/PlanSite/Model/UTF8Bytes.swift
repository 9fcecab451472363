/// Reading scalars straight out of a String's UTF-8, for the loops that fold and tokenize
/// every paragraph: a byte at a time for ASCII, which most of the text is.
enum UTF8Bytes {
    /// The scalar whose encoding starts at `index`, and its length in bytes. `bytes` must be
    /// valid UTF-8, as a String's always are, and `index` must be at the start of a scalar.
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        func continuation(_ offset: Int) -> UInt32 { UInt32(bytes[index + offset] & 0x3F) }
        switch lead {
        case ..<0x80: return (lead, 1)
        case ..<0xE0: return ((lead & 0x1F) << 6 | continuation(1), 2)
        case ..<0xF0: return ((lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2), 3)
        default: return ((lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3), 4)
        }
    }

    /// How many bytes `writeDecimal` writes: a string made with exactly its length, when that is
    /// 15 bytes or fewer, is held inline, with no allocation.
    static func decimalLength(_ number: Int, digits: Int = 1) -> Int {
        var length = number < 0 ? 2 : 1
        var rest = number.magnitude
        while rest >= 10 {
            rest /= 10
            length += 1
        }
        return max(length, digits + (number < 0 ? 1 : 0))
    }

    /// Writes `number` in decimal at `out[count...]`, its digits made up to `digits` with zeros in
    /// front (for months and days, which are never negative), and moves `count` past it.
    static func writeDecimal(_ number: Int, digits: Int = 1, into out: UnsafeMutableBufferPointer<UInt8>, at count: inout Int) {
        if number < 0 {
            out[count] = UInt8(ascii: "-")
            count += 1
        }
        let start = count
        var rest = number.magnitude
        repeat {
            out[count] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            count += 1
        } while rest > 0 || count - start < digits
        var digitsWritten = UnsafeMutableBufferPointer(rebasing: out[start..<count])
        digitsWritten.reverse()
    }

    /// Writes a scalar's UTF-8 at `out` and returns its length in bytes.
    static func encode(_ value: UInt32, into out: UnsafeMutablePointer<UInt8>) -> Int {
        switch value {
        case ..<0x80:
            out[0] = UInt8(value)
            return 1
        case ..<0x800:
            out[0] = UInt8(0xC0 | value >> 6)
            out[1] = UInt8(0x80 | value & 0x3F)
            return 2
        case ..<0x10000:
            out[0] = UInt8(0xE0 | value >> 12)
            out[1] = UInt8(0x80 | value >> 6 & 0x3F)
            out[2] = UInt8(0x80 | value & 0x3F)
            return 3
        default:
            out[0] = UInt8(0xF0 | value >> 18)
            out[1] = UInt8(0x80 | value >> 12 & 0x3F)
            out[2] = UInt8(0x80 | value >> 6 & 0x3F)
            out[3] = UInt8(0x80 | value & 0x3F)
            return 4
        }
    }
}
