import Foundation

/// Search units tokenized on one core: each distinct token once, as bytes, and for each unit the
/// local ids of its tokens with their BM25F weights. `PostingTable` merges blocks in unit order;
/// `TokenBlocks` keeps the blocks of unchanged plans between builds.
struct TokenBlock {
    /// Token `i` is `nameBytes[nameEnds[i - 1]..<nameEnds[i]]`.
    var nameBytes: [UInt8] = []
    var nameEnds: [Int32] = []
    var tokenIDs: [Int32] = []
    var weights: [Float] = []
    /// Unit `u`'s tokens are `tokenIDs[unitEnds[u - 1]..<unitEnds[u]]`.
    var unitEnds: [Int32] = []
    var lengths: [Float] = []

    var unitCount: Int { unitEnds.count }

    func withName<T>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        let start = id == 0 ? 0 : Int(nameEnds[id - 1])
        return nameBytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<Int(nameEnds[id])])) }
    }

    /// The arrays as they lie in memory, each after its count: the cache is read back only on
    /// the machine that wrote it.
    func encode(into bytes: inout [UInt8]) {
        Self.append(nameBytes, to: &bytes)
        Self.append(nameEnds, to: &bytes)
        Self.append(tokenIDs, to: &bytes)
        Self.append(weights, to: &bytes)
        Self.append(unitEnds, to: &bytes)
        Self.append(lengths, to: &bytes)
    }

    /// A block from `raw` at `offset`, moving `offset` past it; nil if it is cut short or its
    /// ids point outside it.
    static func decode(_ raw: UnsafeRawBufferPointer, at offset: inout Int) -> TokenBlock? {
        guard let nameBytes: [UInt8] = read(raw, &offset), let nameEnds: [Int32] = read(raw, &offset),
              let tokenIDs: [Int32] = read(raw, &offset), let weights: [Float] = read(raw, &offset),
              let unitEnds: [Int32] = read(raw, &offset), let lengths: [Float] = read(raw, &offset),
              weights.count == tokenIDs.count, lengths.count == unitEnds.count,
              nameEnds.last.map({ Int($0) == nameBytes.count }) ?? nameBytes.isEmpty,
              unitEnds.last.map({ Int($0) == tokenIDs.count }) ?? tokenIDs.isEmpty,
              tokenIDs.allSatisfy({ $0 >= 0 && Int($0) < nameEnds.count }) else { return nil }
        return TokenBlock(nameBytes: nameBytes, nameEnds: nameEnds, tokenIDs: tokenIDs, weights: weights, unitEnds: unitEnds, lengths: lengths)
    }

    private static func append<T: BitwiseCopyable>(_ values: [T], to bytes: inout [UInt8]) {
        withUnsafeBytes(of: UInt32(values.count).littleEndian) { bytes.append(contentsOf: $0) }
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    private static func read<T: BitwiseCopyable>(_ raw: UnsafeRawBufferPointer, _ offset: inout Int) -> [T]? {
        guard offset + 4 <= raw.count else { return nil }
        let count = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
        let size = count * MemoryLayout<T>.stride
        guard size <= raw.count - offset - 4 else { return nil }
        let start = offset + 4
        offset = start + size
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[start..<start + size]))
            initialized = count
        }
    }
}
