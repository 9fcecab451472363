import Foundation

/// Hands each generated file to the staging folder: written, or, when the previous output
/// already holds it as the cache recorded (or a page rendered again came out the same bytes),
/// kept by a hard link. It records every file for the
/// next build's cache.
final class SiteWriter {
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

    init(output: OutputFolder, previous: PreviousOutput, caching: Bool) {
        self.output = output
        self.previous = previous
        self.caching = caching
    }

    func write(_ file: OutputFile) throws {
        if file.part != .whole { partedSize[file.path, default: 0] += file.data.count }
        if let items = file.items, caching { self.items[file.path] = items }
        if file.part == .next {
            try output.write(file.data, to: file.path, appending: true)
            // A file in parts is recorded by its items and size, once its last part is written.
            if let items = file.items, caching { record[file.path] = PreviousOutput.Entry(fingerprint: Self.fingerprint(items), size: partedSize[file.path]!) }
            return
        }
        written += 1
        // A file in parts is written afresh: its fingerprint is known only once it is all there.
        guard caching, file.part == .whole else { return try output.write(file.data, to: file.path) }
        let fingerprint = file.fingerprint ?? Fingerprint.of(bytes: file.data)
        if file.reused || previous.isCurrent(file.path, fingerprint) || (file.fingerprint != nil && previous.holds(file.path, file.data)) {
            try output.keep(file.path)
            record[file.path] = PreviousOutput.Entry(fingerprint: fingerprint, size: previous.size(file.path))
            kept += 1
        } else {
            try output.write(file.data, to: file.path)
            record[file.path] = PreviousOutput.Entry(fingerprint: fingerprint, size: file.data.count)
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
