import Foundation

/// Hands each generated file to the staging folder: written, or, when the previous output
/// already holds it as the cache recorded (or a page rendered again came out the same bytes),
/// kept by a hard link. It records every file for the next build's cache. Several writer
/// threads share it, each file's parts on one of them (`BackgroundWriter`): the records are
/// locked, the files are written outside the lock.
final class SiteWriter: @unchecked Sendable {
    private let output: OutputFolder
    private let previous: PreviousOutput
    private let caching: Bool
    private(set) var record: [String: PreviousOutput.Entry] = [:]
    /// Files made of items, with where each item lies.
    private(set) var items: [String: [ExportItem]] = [:]
    /// The size so far of each file handed over in parts.
    private var partedSize: [String: Int] = [:]
    private(set) var written = 0
    private(set) var kept = 0
    private let lock = NSLock()

    init(output: OutputFolder, previous: PreviousOutput, caching: Bool) {
        self.output = output
        self.previous = previous
        self.caching = caching
    }

    func write(_ file: OutputFile) throws {
        let size: Int? = lock.withLock {
            if let items = file.items, caching { self.items[file.path] = items }
            if file.part != .next { written += 1 }
            guard file.part != .whole else { return nil }
            partedSize[file.path, default: 0] += file.bytes.count
            return partedSize[file.path]
        }
        if file.part == .next {
            try output.write(file.bytes, to: file.path, appending: true)
            // A file in parts is recorded by its items and size, once its last part is written.
            if let items = file.items, caching, let size { remember(file.path, PreviousOutput.Entry(fingerprint: Self.fingerprint(items), size: size)) }
            return
        }
        // A file in parts is written afresh: its fingerprint is known only once it is all there.
        guard caching, file.part == .whole else { return try output.write(file.bytes, to: file.path) }
        let fingerprint = file.fingerprint ?? Fingerprint.of(bytes: file.bytes)
        if file.reused || previous.isCurrent(file.path, fingerprint) || (file.fingerprint != nil && previous.holds(file.path, file.bytes)) {
            try output.keep(file.path)
            remember(file.path, PreviousOutput.Entry(fingerprint: fingerprint, size: previous.size(file.path)), kept: true)
        } else {
            try output.write(file.bytes, to: file.path)
            remember(file.path, PreviousOutput.Entry(fingerprint: fingerprint, size: file.bytes.count))
        }
    }

    private func remember(_ path: String, _ entry: PreviousOutput.Entry, kept: Bool = false) {
        lock.withLock {
            record[path] = entry
            if kept { self.kept += 1 }
        }
    }

    private static func fingerprint(_ items: [ExportItem]) -> Fingerprint {
        var fingerprint = Fingerprint.of(["items"])
        for item in items {
            fingerprint.add(item.key)
            fingerprint.add(item.length)
        }
        return fingerprint
    }
}
