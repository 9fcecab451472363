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

    var count: Int { ends.count }

    /// Each token as text, by id.
    var names: [String] {
        bytes.withUnsafeBufferPointer { all in
            ends.indices.map { String(decoding: UnsafeBufferPointer(rebasing: all[start($0)..<Int(ends[$0])]), as: UTF8.self) }
        }
    }

    private func start(_ id: Int) -> Int { id == 0 ? 0 : Int(ends[id - 1]) }

    mutating func id(_ token: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(token)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let id = Int(slots[slot])
            if hashes[id] == hash, matches(id, token) { return Int32(id) }
            slot = (slot + 1) & mask
        }
        let id = Int32(ends.count)
        slots[slot] = id
        bytes += token
        ends.append(Int32(bytes.count))
        hashes.append(hash)
        if ends.count * 2 > slots.count { grow() }
        return id
    }

    mutating func id(_ token: String) -> Int32 {
        var token = token
        return token.withUTF8 { id($0) }
    }

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

    /// FNV-1a, then mixed so that the low bits the table uses depend on every byte.
    static func hash(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { hash($0) }
    }

    private static func hash(_ token: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in token { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        hash ^= hash >> 29
        return hash &* 0xBF58_476D_1CE4_E5B9
    }
}
