/// A 128-bit digest of bytes, or of everything a page's template sees: what the build cache
/// compares to tell whether anything a file depends on has changed. Not cryptographic; a
/// collision would only let a page keep its previous text.
public struct Fingerprint: Hashable, Sendable, CustomStringConvertible {
    private var high: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var low: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    public init() {}

    /// Bumped when PlanSite's output for the same input changes, or what a fingerprint's bytes
    /// stand for, so caches from an older version are never reused.
    static let version = "plansite-5"

    public static func of(_ parts: [String]) -> Fingerprint {
        var fingerprint = Fingerprint()
        fingerprint.add(version)
        for part in parts { fingerprint.add(part) }
        return fingerprint
    }

    public static func of(bytes: some Collection<UInt8>) -> Fingerprint {
        var fingerprint = Fingerprint()
        fingerprint.add(bytes: bytes)
        return fingerprint
    }

    /// A template context: dictionaries by sorted key, so equal contexts give equal fingerprints.
    static func of(template: String, context: [TemplateKey: TemplateValue], salt: Fingerprint) -> Fingerprint {
        var fingerprint = salt
        fingerprint.add(template)
        fingerprint.add(value: .object(context))
        return fingerprint
    }

    /// 32 lower-case hexadecimal digits: the cache's file names and records hold hundreds of thousands.
    public var description: String {
        String(unsafeUninitializedCapacity: 32) { buffer in
            let digits: StaticString = "0123456789abcdef"
            for (start, word) in [(0, high), (16, low)] {
                for index in 0..<16 {
                    buffer[start + index] = digits.utf8Start[Int(word >> (60 - 4 * UInt64(index)) & 0xF)]
                }
            }
            return 32
        }
    }

    /// From the 32 hexadecimal digits `description` writes.
    public init?(_ text: Substring) {
        let digits = text.utf8
        guard digits.count == 32, let high = UInt64(Substring(digits.prefix(16)), radix: 16),
              let low = UInt64(Substring(digits.suffix(16)), radix: 16) else { return nil }
        self.high = high
        self.low = low
    }

    mutating func add(_ text: String) {
        mix(UInt64(text.utf8.count))
        add(bytes: text.utf8)
    }

    mutating func add(_ number: Int) {
        mix(UInt64(bitPattern: Int64(number)))
    }

    mutating func add(_ other: Fingerprint) {
        mix(other.high)
        mix(other.low)
    }

    /// Eight bytes at a time, little-endian, from contiguous storage when there is one.
    mutating func add(bytes: some Collection<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            let raw = UnsafeRawBufferPointer(buffer)
            let whole = raw.count / 8 * 8
            for offset in stride(from: 0, to: whole, by: 8) {
                mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            }
            var word: UInt64 = 0
            for (shift, byte) in raw[whole...].enumerated() { word |= UInt64(byte) << (8 * shift) }
            mix(word ^ UInt64(raw.count - whole) << 60)
        }
        guard done == nil else { return }
        var word: UInt64 = 0
        var filled = 0
        for byte in bytes {
            word |= UInt64(byte) << (8 * filled)
            filled += 1
            if filled == 8 { mix(word); word = 0; filled = 0 }
        }
        mix(word ^ UInt64(filled) << 60)
    }

    /// Each kind of value mixes its own tag first, so text and HTML with the same characters,
    /// `1` and `true`, or a list and an object of the same parts never fingerprint alike.
    mutating func add(value: TemplateValue) {
        switch value {
        case .text(let text): mix(1); add(text)
        case .bool(let flag): mix(flag ? 2 : 3)
        case .int(let number): mix(4); mix(UInt64(bitPattern: Int64(number)))
        case .html(let html): mix(5); mix(UInt64(html.count)); add(bytes: html)
        case .object(let fields):
            mix(6); mix(UInt64(fields.count))
            for key in fields.keys.sorted() { add(key.name); add(value: fields[key]!) }
        case .list(let items):
            mix(8); mix(UInt64(items.count))
            for item in items { add(value: item) }
        }
    }

    private mutating func mix(_ word: UInt64) {
        low = (low ^ word) &* 0xFF51_AFD7_ED55_8CCD
        low ^= low >> 32
        high = (high &+ word ^ low) &* 0xC4CE_B9FE_1A85_EC53
        high ^= high >> 29
    }
}
