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
    /// Bodies kept in memory, where there is no spool file or writing to it failed.
    private var held: [String: [UInt8]] = [:]

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

    func store(_ html: [UInt8], for slug: String) {
        if !html.withUnsafeBufferPointer({ store(spooling: $0, for: slug) }) { lock.withLock { held[slug] = html } }
    }

    /// A body read from the build cache, spooled as the bytes it is.
    func store(utf8 html: UnsafeBufferPointer<UInt8>, for slug: String) {
        guard !store(spooling: html, for: slug) else { return }
        let bytes = Array(html)
        lock.withLock { held[slug] = bytes }
    }

    /// Writes the body to the spool file. False when there is no spool or writing failed: the
    /// caller then keeps the body in memory.
    private func store(spooling html: UnsafeBufferPointer<UInt8>, for slug: String) -> Bool {
        guard let descriptor else { return false }
        let offset: Int64 = lock.withLock {
            defer { end += Int64(html.count) }
            return end
        }
        guard pwrite(descriptor, html.baseAddress, html.count, off_t(offset)) == html.count else { return false }
        lock.withLock { places[slug] = (offset, html.count) }
        return true
    }

    /// The plan without its body, which is kept here.
    func takeBody(of extracted: ExtractedPlan) -> ExtractedPlan {
        store(extracted.bodyHTML, for: extracted.plan.slug)
        var light = extracted
        light.bodyHTML = []
        return light
    }

    /// The body's UTF-8, as extraction made it.
    func html(for slug: String) -> [UInt8] {
        let (place, kept) = lock.withLock { (places[slug], held[slug]) }
        guard let descriptor, let place else { return kept ?? [] }
        return [UInt8](unsafeUninitializedCapacity: place.length) { buffer, count in
            let read = pread(descriptor, buffer.baseAddress, place.length, off_t(place.offset))
            count = read == place.length ? place.length : 0
        }
    }
}
