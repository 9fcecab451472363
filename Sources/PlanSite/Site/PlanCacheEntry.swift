import Foundation

/// The bytes of one plan's entry in the build cache:
/// - the line `plansite-plan <version>\n`;
/// - a fingerprint (32 hexadecimal digits) of everything after it;
/// - the length of the plan's encoding, 4 bytes little-endian;
/// - the `ExtractedPlan` without its body, as `BinaryEncoder` writes it;
/// - the body's HTML as it is, to the end: half the bytes, handed to the `BodyStore` as they are.
/// An entry of another version, or whose fingerprint does not match (a file cut short or
/// damaged on disk), reads as nothing: the plan is parsed again.
enum PlanCacheEntry {
    /// The binary names no fields, so an entry written by a PlanSite whose stored types
    /// differed would be misread, not rejected: bump this whenever a type stored in the entry
    /// gains, loses, reorders or retypes a property (`BuildCacheTests` pins the layout).
    /// Entries before version 2 were JSON, starting with a digit.
    static let version = 4

    private static let header = Array("plansite-plan \(version)\n".utf8)
    private static let checksumSize = 32

    static func encode(_ extracted: ExtractedPlan) -> [UInt8]? {
        var model = extracted
        model.bodyHTML = []
        guard let encoded = try? BinaryEncoder.encode(model), let length = UInt32(exactly: encoded.count) else { return nil }
        var rest: [UInt8] = []
        rest.reserveCapacity(4 + encoded.count + extracted.bodyHTML.count)
        withUnsafeBytes(of: length.littleEndian) { rest.append(contentsOf: $0) }
        rest += encoded
        rest += extracted.bodyHTML
        return header + Array(Fingerprint.of(bytes: rest).description.utf8) + rest
    }

    /// The plan without its body, which goes to `bodies`.
    static func decode(_ data: Data, bodies: BodyStore) -> ExtractedPlan? {
        data.withUnsafeBytes { raw in
            let bytes = raw.assumingMemoryBound(to: UInt8.self)
            let start = header.count + checksumSize
            guard bytes.count >= start + 4, bytes.starts(with: header),
                  let checksum = Fingerprint(Substring(String(decoding: bytes[header.count..<start], as: UTF8.self))),
                  Fingerprint.of(bytes: UnsafeBufferPointer(rebasing: bytes[start...])) == checksum else { return nil }
            let length = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt32.self)))
            let modelStart = start + 4
            guard length <= bytes.count - modelStart,
                  let extracted = try? BinaryDecoder.decode(ExtractedPlan.self, from: UnsafeRawBufferPointer(rebasing: raw[modelStart..<modelStart + length]))
            else { return nil }
            bodies.store(utf8: UnsafeBufferPointer(rebasing: bytes[(modelStart + length)...]), for: extracted.plan.slug)
            return extracted
        }
    }
}
