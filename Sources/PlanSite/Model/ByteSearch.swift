import Foundation

extension StringProtocol {
    /// The first occurrence of `needle`, compared byte for byte. Text and needles are NFC by the
    /// time extraction runs, so this finds what Foundation's `range(of:)` finds, without its
    /// Unicode-aware comparison through NSString, which dominated extraction's profile.
    func byteRange(of needle: String, from start: Index? = nil) -> Range<Index>? {
        let from = utf8.distance(from: utf8.startIndex, to: start ?? startIndex)
        let found = withUTF8Bytes { text in needle.withUTF8Bytes { ByteSearch.firstOffset(of: $0, in: text, from: from) } }
        guard let found else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: found)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }

    func containsBytes(_ needle: String) -> Bool { byteRange(of: needle) != nil }

    /// The first Character from `start` that equals one of `characters` (ASCII punctuation), as
    /// `firstIndex(where: characters.contains)` finds it, but found by byte. A match must be a
    /// Character of its own ("(" with a combining mark after it is another Character), and a
    /// scalar Swift compares equal to an ASCII character (U+037E to ";") matches it too.
    func firstIndex(ofAnyASCII characters: String, from start: Index? = nil) -> Index? {
        var targets = ScalarTargets()
        for scalar in characters.unicodeScalars {
            targets.insert(scalar.value)
            if let twin = Self.canonicalTwin(of: scalar) { targets.insert(twin) }
        }
        var from = utf8.distance(from: utf8.startIndex, to: start ?? startIndex)
        while let (found, length, alone) = withUTF8Bytes({ bytes in
            Self.firstScalar(in: targets, of: bytes, from: from).map { found in
                (found.offset, found.length, Self.surelySeparates(bytes, at: found.offset) && Self.surelySeparates(bytes, at: found.offset + found.length))
            }
        }) {
            let index = utf8.index(utf8.startIndex, offsetBy: found)
            if alone || (isCharacterStart(index) && isCharacterStart(utf8.index(index, offsetBy: length))) { return index }
            from = found + length
        }
        return nil
    }

    /// `split(separator:)` at an ASCII character, found as `firstIndex(ofAnyASCII:)` finds it;
    /// `prefix(limit)` of that, without cutting up the rest of the text.
    func split(atASCII separator: String, limit: Int = .max) -> [SubSequence] {
        var parts: [SubSequence] = []
        var start = startIndex
        while parts.count < limit, let found = firstIndex(ofAnyASCII: separator, from: start) {
            if found > start { parts.append(self[start..<found]) }
            start = index(after: found)
        }
        if parts.count < limit, start < endIndex { parts.append(self[start...]) }
        return parts
    }

    /// Whether a Character of this text starts at `index`, which must be on a scalar.
    /// (`index(after:)` first rounds down to the start of the Character holding `index`.)
    func isCharacterStart(_ index: Index) -> Bool {
        index == endIndex || self.index(before: self.index(after: index)) == index
    }

    /// Where the first `limit` Characters end, or the first that `accept` (if given) refuses, and how many
    /// come before (fewer when the text is shorter): `prefix(while:).prefix(limit)` without
    /// walking the rest of the text, and without grapheme breaking for plain text
    /// (`PlainScalars`), as plans' text almost always is. Other text is walked Character by Character.
    func characterPrefixEnd(_ limit: Int, while accept: ((Character) -> Bool)? = nil) -> (end: Index, count: Int) {
        let simple: (offset: Int, count: Int)? = withUTF8Bytes { bytes in
            var offset = 0
            var count = 0
            while offset < bytes.count {
                let (value, length) = UTF8Bytes.scalar(in: bytes, at: offset)
                guard PlainScalars.standsAlone(value) else { return nil }
                if count == limit { break }
                if let accept, !accept(Character(Unicode.Scalar(value)!)) { break }
                offset += length
                count += 1
            }
            return (offset, count)
        }
        if let simple { return (utf8.index(startIndex, offsetBy: simple.offset), simple.count) }
        var end = startIndex
        var count = 0
        while count < limit, end < endIndex, accept?(self[end]) ?? true {
            formIndex(after: &end)
            count += 1
        }
        return (end, count)
    }

    /// Runs `body` on the text's UTF-8, copying it only if the text is not stored as UTF-8.
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        utf8.withContiguousStorageIfAvailable(body) ?? Array(utf8).withUnsafeBufferPointer(body)
    }

    /// True where the scalars on both sides of byte `offset` are plain (`PlainScalars`), so
    /// surely in different Characters. False where it takes grapheme breaking to tell, or the
    /// scalar before lies outside `bytes`.
    private static func surelySeparates(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
        guard offset < bytes.count else { return offset == bytes.count }
        guard offset > 0 else { return false }
        var start = offset - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let before = UTF8Bytes.scalar(in: bytes, at: start).value
        let after = UTF8Bytes.scalar(in: bytes, at: offset).value
        return PlainScalars.standsAlone(before) && PlainScalars.standsAlone(after)
    }

    /// The only scalars that `==` on Characters takes for ASCII ones: canonical singletons.
    private static func canonicalTwin(of scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case ";": 0x37E
        case "`": 0x1FEF
        case "K": 0x212A
        default: nil
        }
    }

    /// ASCII bytes are looked up in the targets' bit mask; only other scalars are decoded.
    private static func firstScalar(in targets: ScalarTargets, of text: UnsafeBufferPointer<UInt8>, from start: Int) -> (offset: Int, length: Int)? {
        // Only ASCII wanted: no UTF-8 byte of another scalar can match, so none is decoded.
        if targets.wide.isEmpty {
            if let byte = targets.single { return ByteSearch.firstOffset(of: byte, in: text, from: start).map { ($0, 1) } }
            guard start < text.count else { return nil }
            return (start..<text.count).first { targets.containsASCII(text[$0]) }.map { ($0, 1) }
        }
        var offset = start
        while offset < text.count {
            let byte = text[offset]
            if byte < 0x80 {
                if targets.containsASCII(byte) { return (offset, 1) }
                offset += 1
                continue
            }
            let (value, length) = UTF8Bytes.scalar(in: text, at: offset)
            if targets.wide.contains(value) { return (offset, length) }
            offset += length
        }
        return nil
    }
}

/// The scalars `firstIndex(ofAnyASCII:)` looks for: ASCII ones as a bit mask, the few others
/// (canonical twins) in a list.
private struct ScalarTargets {
    private var low: UInt64 = 0
    private var high: UInt64 = 0
    private(set) var wide: [UInt32] = []

    mutating func insert(_ value: UInt32) {
        switch value {
        case ..<64: low |= 1 << UInt64(value)
        case ..<128: high |= 1 << UInt64(value - 64)
        default: wide.append(value)
        }
    }

    /// False for every byte from 0x80 on: Swift's `>>` by 64 or more gives 0.
    func containsASCII(_ byte: UInt8) -> Bool {
        (byte < 64 ? low >> UInt64(byte) : high >> UInt64(byte - 64)) & 1 != 0
    }

    /// The one ASCII byte looked for, if there is only one.
    var single: UInt8? {
        guard wide.isEmpty, low.nonzeroBitCount + high.nonzeroBitCount == 1 else { return nil }
        return low != 0 ? UInt8(low.trailingZeroBitCount) : UInt8(64 + high.trailingZeroBitCount)
    }
}

enum ByteSearch {
    /// Whether `text` starts with the bytes of `prefix`.
    static func hasPrefix(_ text: UnsafeBufferPointer<UInt8>, _ prefix: UnsafeBufferPointer<UInt8>) -> Bool {
        prefix.count <= text.count && (prefix.isEmpty || memcmp(text.baseAddress!, prefix.baseAddress!, prefix.count) == 0)
    }

    /// Whether the two hold the same bytes.
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && hasPrefix(a, b)
    }

    /// Eight bytes at `offset`, the first in the lowest bits.
    @inline(__always)
    static func word(_ text: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(text.baseAddress! + offset).loadUnaligned(as: UInt64.self))
    }

    /// Whether any of the eight bytes of `word` is strictly between `low` and `high` (both at
    /// most 0x80): bytes from 0x80 up never are. ("hasbetween", Bit Twiddling Hacks: a test per
    /// byte in the escapers was a few percent of a build.)
    @inline(__always)
    static func hasByte(_ word: UInt64, between low: UInt64, and high: UInt64) -> Bool {
        let seven = word & (ones &* 0x7F)
        return ((ones &* (0x7F + high)) &- seven) & ~word & (seven &+ ones &* (0x7F - low)) & (ones &* 0x80) != 0
    }

    /// Whether any of the eight bytes of `word` is below `limit` (at most 0x80). ("hasless")
    @inline(__always)
    static func hasByte(_ word: UInt64, below limit: UInt64) -> Bool {
        (word &- ones &* limit) & ~word & (ones &* 0x80) != 0
    }

    /// Whether any of the eight bytes of `word` is `byte`. ("haszero" of the word and eight `byte`s)
    @inline(__always)
    static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let zeroWhereEqual = word ^ (ones &* UInt64(byte))
        return (zeroWhereEqual &- ones) & ~zeroWhereEqual & (ones &* 0x80) != 0
    }

    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// Skips from `index` the eight-byte words `mayHold` clears and returns where bytes must be
    /// looked at one by one: escapers and prefilters test eight bytes at a time this way.
    /// `byByte` keeps where the last word `mayHold` did not clear ends, so that no word is
    /// tested again while its bytes are looked at.
    @inline(__always)
    static func skipWords(in text: UnsafeBufferPointer<UInt8>, from index: Int, byByte: inout Int,
                          _ mayHold: (UInt64) -> Bool) -> Int {
        var index = index
        while index >= byByte, index + 8 <= text.count {
            if mayHold(word(text, at: index)) {
                byByte = index + 8
                break
            }
            index += 8
        }
        return index
    }

    /// The first offset from `start` where `text` holds `byte`.
    static func firstOffset(of byte: UInt8, in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < text.count, let found = memchr(text.baseAddress! + start, Int32(byte), text.count - start) else { return nil }
        return text.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The first offset from `start` where `text` holds `pattern`.
    static func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let head = pattern.first, pattern.count <= text.count, start <= text.count - pattern.count else { return nil }
        // memchr to each candidate first byte, memcmp for the rest: the libc routines compare
        // many bytes an instruction, and most searches run over whole paragraphs.
        let base = text.baseAddress!
        let last = text.count - pattern.count
        var offset = start
        while offset <= last {
            guard let found = memchr(base + offset, Int32(head), last - offset + 1) else { return nil }
            offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + offset + 1, pattern.baseAddress! + 1, pattern.count - 1) == 0 { return offset }
            offset += 1
        }
        return nil
    }
}
