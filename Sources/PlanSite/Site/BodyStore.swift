import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Plans' rendered bodies between extraction and rendering. They are the largest part of each
/// plan and only its own page needs them, so a build on disk keeps them in an unnamed file
/// beside the output (removed by the system however the build ends) instead of in memory.
final class BodyStore: @unchecked Sendable {
    private let lock = NSLock()
    private let descriptor: Int32?
    private var end: Int64 = 0
    private var places: [String: (offset: Int64, length: Int)] = [:]
    private var texts: [String: String] = [:]
    private var fingerprints: [String: Fingerprint] = [:]

    /// In memory: for builds that write nothing to disk.
    init() { descriptor = nil }

    /// In a file in `folder`, unlinked at once.
    init(spoolingIn folder: URL) {
        let path = folder.appendingPathComponent(".plansite-bodies-\(ProcessInfo.processInfo.processIdentifier)").path
        let opened = open(path, O_RDWR | O_CREAT | O_TRUNC, 0o600)
        if opened >= 0 { unlink(path) }
        descriptor = opened >= 0 ? opened : nil
    }

    deinit { if let descriptor { close(descriptor) } }

    func store(_ html: String, for slug: String) {
        let fingerprint = Fingerprint.of(bytes: html.utf8)
        lock.withLock { fingerprints[slug] = fingerprint }
        guard let descriptor else {
            lock.withLock { texts[slug] = html }
            return
        }
        let bytes = Array(html.utf8)
        let offset: Int64 = lock.withLock {
            defer { end += Int64(bytes.count) }
            return end
        }
        let written = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
        // A body that could not be spooled stays in memory.
        lock.withLock {
            if written == bytes.count { places[slug] = (offset, bytes.count) } else { texts[slug] = html }
        }
    }

    /// The plan without its body, which is kept here.
    func takeBody(of extracted: ExtractedPlan) -> ExtractedPlan {
        store(extracted.bodyHTML, for: extracted.plan.slug)
        var light = extracted
        light.bodyHTML = ""
        return light
    }

    /// Stands in for the body when deciding whether its page changed, without reading it back.
    func fingerprint(for slug: String) -> Fingerprint {
        lock.withLock { fingerprints[slug] ?? Fingerprint() }
    }

    func text(for slug: String) -> String {
        let (place, text) = lock.withLock { (places[slug], texts[slug]) }
        guard let descriptor, let place else { return text ?? "" }
        var bytes = [UInt8](repeating: 0, count: place.length)
        let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, place.length, off_t(place.offset)) }
        return read == place.length ? String(decoding: bytes, as: UTF8.self) : ""
    }
}
