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

    /// The first `byte` (an ASCII character) from `start` that is a Character of its own, as
    /// `firstIndex(of: Character)` finds it: "(" with a combining mark after it is another Character.
    func firstIndex(ofASCII byte: UInt8, from start: Index? = nil) -> Index? {
        var index = start ?? startIndex
        while let found = utf8[index...].firstIndex(of: byte) {
            let next = utf8.index(after: found)
            if isCharacterStart(found), isCharacterStart(next) { return found }
            index = next
        }
        return nil
    }

    /// Whether a Character of this text starts at `index`, which must be on a scalar.
    /// (`index(after:)` first rounds down to the start of the Character holding `index`.)
    func isCharacterStart(_ index: Index) -> Bool {
        index == endIndex || self.index(before: self.index(after: index)) == index
    }
}
