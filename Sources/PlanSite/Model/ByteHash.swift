/// The hashes behind PlanSite's busiest dictionaries. Swift hashes every key with SipHash
/// through a `Hasher`, which in a national build costs more than the lookups' other work for
/// keys looked up a million times (template names, roles, exact names, index tokens).
enum ByteHash {
    /// Bytes, eight at a time: most keys fit in one or two words, where FNV's multiply per
    /// byte was a tenth of tokenizing. Only this process sees it.
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ ByteSearch.word(bytes, at: offset)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 32)
    }

    /// What `Dictionary` and `Set` ask a key for (`_rawHashValue(seed:)`): its code mixed with
    /// the table's seed, without a `Hasher`. The keys are this site's own text, written by the
    /// staff who publish it, so an unkeyed code leaves no one outside to flood a table.
    static func seeded(_ code: UInt64, _ seed: Int) -> Int {
        var mixed = code ^ UInt64(UInt(bitPattern: seed))
        mixed = (mixed ^ (mixed >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        return Int(truncatingIfNeeded: mixed ^ (mixed >> 33))
    }
}
