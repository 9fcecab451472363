import Foundation

/// Ids for tokens given as bytes, in the order they are first seen. A 10,000-plan site has
/// about a hundred million token occurrences: hashing the bytes where they lie, instead of
/// making a String of each to look up in a Dictionary, took the index's tokenizing from the
/// largest part of a rebuild's time to a small one. No String is made at all until `names`.
struct TokenInterner {
    /// Every token's bytes, one after another; token `id` is `bytes[start(id)..<ends[id]]`.
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int32] = []
    private var hashes: [UInt64] = []
    /// Open addressing: each slot holds an id, or -1.
    private var slots = [Int32](repeating: -1, count: 1024)
    /// Pairs of syllables by their syllables' ids (both in one key), open addressing: each slot
    /// holds a key, or `Self.noPair`, and beside it the pair's id.
    private var pairKeys = [UInt64](repeating: noPair, count: 1024)
    private var pairIDs = [Int32](repeating: -1, count: 1024)
    private var pairCount = 0

    var count: Int { ends.count }

    /// Each token as text, by id.
    var names: [String] {
        bytes.withUnsafeBufferPointer { all in
            ends.indices.map { String(decoding: UnsafeBufferPointer(rebasing: all[start($0)..<Int(ends[$0])]), as: UTF8.self) }
        }
    }

    private func start(_ id: Int) -> Int { id == 0 ? 0 : Int(ends[id - 1]) }

    mutating func id(_ token: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = ByteHash.of(token)
        let (found, slot) = find(token, hash)
        if let found { return found }
        bytes += token
        return add(hash, at: slot)
    }

    /// The token's id if it has one, else the free slot where it goes.
    private func find(_ token: UnsafeBufferPointer<UInt8>, _ hash: UInt64) -> (Int32?, Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let id = Int(slots[slot])
            if hashes[id] == hash, matches(id, token) { return (Int32(id), slot) }
            slot = (slot + 1) & mask
        }
        return (nil, slot)
    }

    /// Gives the next id to the token just appended to `bytes`.
    private mutating func add(_ hash: UInt64, at slot: Int) -> Int32 {
        let id = Int32(ends.count)
        slots[slot] = id
        ends.append(Int32(bytes.count))
        hashes.append(hash)
        if ends.count * 2 > slots.count { grow() }
        return id
    }

    mutating func id(_ token: String) -> Int32 {
        var token = token
        return token.withUTF8 { id($0) }
    }

    /// The id of "first_second", the pair of two syllables' tokens. Half of all tokens are
    /// pairs, and each recurs as often as its syllables do: found by the two ids, a pair's
    /// bytes are copied and hashed only the first time it is seen.
    mutating func pairID(_ first: Int32, _ second: Int32) -> Int32 {
        let key = UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
        let mask = pairKeys.count - 1
        var slot = Self.pairSlot(key, mask)
        while pairKeys[slot] != Self.noPair {
            if pairKeys[slot] == key { return pairIDs[slot] }
            slot = (slot + 1) & mask
        }
        // Written at the end of `bytes`, where it stays if it is new.
        let end = bytes.count
        append(first)
        bytes.append(UInt8(ascii: "_"))
        append(second)
        let (hash, found, free) = bytes.withUnsafeBufferPointer { all in
            let joined = UnsafeBufferPointer(rebasing: all[end...])
            let hash = ByteHash.of(joined)
            let (found, free) = find(joined, hash)
            return (hash, found, free)
        }
        let id: Int32
        if let found {
            bytes.removeLast(bytes.count - end)
            id = found
        } else {
            id = add(hash, at: free)
        }
        pairKeys[slot] = key
        pairIDs[slot] = id
        pairCount += 1
        if pairCount * 2 > pairKeys.count { growPairs() }
        return id
    }

    /// Appends token `id`'s bytes to `bytes`, copied within the one buffer: appending a slice
    /// of `bytes` to itself would copy the whole array first.
    private mutating func append(_ id: Int32) {
        let from = start(Int(id))
        let count = Int(ends[Int(id)]) - from
        let to = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: count))
        bytes.withUnsafeMutableBufferPointer { all in (all.baseAddress! + to).update(from: all.baseAddress! + from, count: count) }
    }

    /// Where a pair's key goes in a table of `mask + 1` slots (Fibonacci hashing).
    private static func pairSlot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    /// Ids are below 2³¹, so no pair's key has every bit set.
    private static let noPair = UInt64.max

    private func matches(_ id: Int, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        let stored = start(id)..<Int(ends[id])
        return bytes.withUnsafeBufferPointer { ByteSearch.equal(UnsafeBufferPointer(rebasing: $0[stored]), token) }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }

    private mutating func growPairs() {
        let (keys, ids) = (pairKeys, pairIDs)
        pairKeys = [UInt64](repeating: Self.noPair, count: keys.count * 2)
        pairIDs = [Int32](repeating: -1, count: keys.count * 2)
        let mask = pairKeys.count - 1
        for (key, id) in zip(keys, ids) where key != Self.noPair {
            var slot = Self.pairSlot(key, mask)
            while pairKeys[slot] != Self.noPair { slot = (slot + 1) & mask }
            pairKeys[slot] = key
            pairIDs[slot] = id
        }
    }

    /// FNV-1a, then mixed so that the low bits the table uses depend on every byte. Pages,
    /// shards and groups are placed by it, so it must not change.
    static func hash(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { token in
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in token { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
            hash ^= hash >> 29
            return hash &* 0xBF58_476D_1CE4_E5B9
        }
    }
}
