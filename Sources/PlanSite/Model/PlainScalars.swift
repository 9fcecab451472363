/// Scalars that are always a Character of their own, whatever stands beside them, and fold to
/// one scalar that is too ("Ⱥ" to "ⱥ", outside the list but a Character of its own all the
/// same): ASCII but "\r" (which joins "\n"), Latin and Vietnamese letters, punctuation.
/// Combining marks, joiners and the scripts whose letters combine are not among them.
///
/// Nearly every plan is written in these alone. There a text is read scalar by scalar straight
/// from its bytes, where walking Characters would cost a grapheme break at every step.
/// `FastPathTests` checks every pair of them against the standard library.
enum PlainScalars {
    static func standsAlone(_ value: UInt32) -> Bool {
        switch value {
        case 0..<0x0D, 0x0E..<0x300, 0x1E00..<0x1F00, 0x2010..<0x2028, 0x2030..<0x205F: true
        default: false
        }
    }

    /// The text's scalars; nil when `plainOnly` and one of them does not stand alone.
    static func scalars(of text: String, plainOnly: Bool = false) -> [Unicode.Scalar]? {
        text.withUTF8Bytes { bytes in
            var scalars: [Unicode.Scalar] = []
            scalars.reserveCapacity(bytes.count)
            var offset = 0
            while offset < bytes.count {
                let (value, length) = UTF8Bytes.scalar(in: bytes, at: offset)
                guard !plainOnly || standsAlone(value), let scalar = Unicode.Scalar(value) else { return nil }
                scalars.append(scalar)
                offset += length
            }
            return scalars
        }
    }

    /// The scalars as a String, their UTF-8 written at once rather than appended scalar by scalar.
    static func string(_ scalars: some Collection<Unicode.Scalar>) -> String {
        String(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var count = 0
            for scalar in scalars { count += UTF8Bytes.encode(scalar.value, into: buffer.baseAddress! + count) }
            return count
        }
    }
}
