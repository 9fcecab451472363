extension StringProtocol {
    /// The first occurrence of `needle`, compared byte for byte. Text and needles are NFC by the
    /// time extraction runs, so this finds what Foundation's `range(of:)` finds, without its
    /// Unicode-aware comparison through NSString, which dominated extraction's profile.
    func byteRange(of needle: String, from start: Index? = nil) -> Range<Index>? {
        let pattern = Array(needle.utf8)
        guard let head = pattern.first else { return nil }
        let bytes = utf8
        var index = start ?? startIndex
        while index < endIndex, let found = bytes[index...].firstIndex(of: head) {
            var probe = found
            var matched = 0
            while matched < pattern.count, probe < endIndex, bytes[probe] == pattern[matched] {
                probe = bytes.index(after: probe)
                matched += 1
            }
            if matched == pattern.count { return found..<probe }
            index = bytes.index(after: found)
        }
        return nil
    }

    func containsBytes(_ needle: String) -> Bool { byteRange(of: needle) != nil }
}
