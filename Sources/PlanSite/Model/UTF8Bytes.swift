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
}
