import Foundation

/// What a build leaves for the next one, in a folder beside the output (`.plansite-cache/`):
/// - `plans/<fingerprint>.plan`: each plan parsed and extracted, keyed by a fingerprint of its
///   file and of the registries and settings extraction depends on, in the compact binary of
///   `PlanCacheEntry` (decoding JSON was most of a rebuild's recall); an entry of an older
///   PlanSite or a damaged one is not used;
/// - `tokens/<fingerprint>.tokens`: the search units of a group of plans, tokenized
///   (`TokenBlocks`);
/// - `<output>.tsv`: the fingerprint and size of every file of the committed output;
/// - `<output>.items.tsv`: where each plan's part of the data export lies in its file.
/// A rebuild then parses only the plans that changed and renders and writes only the files
/// whose inputs changed, linking the rest from the previous output. Deleting it is always safe.
public struct BuildCache: Sendable {
    public var folder: URL

    public init(folder: URL) { self.folder = folder }

    private func outputRecord(_ output: URL) -> URL { folder.appendingPathComponent("\(output.lastPathComponent).tsv") }
    private func itemRecord(_ output: URL) -> URL { folder.appendingPathComponent("\(output.lastPathComponent).items.tsv") }

    /// The plan remembered under `key`, without its body, which goes straight to `bodies`;
    /// nil if there is no entry, or only one of another version or damaged.
    func recall(_ key: Fingerprint, bodies: BodyStore) -> ExtractedPlan? {
        plans.recall(key).flatMap { PlanCacheEntry.decode($0, bodies: bodies) }
    }

    func remember(_ extracted: ExtractedPlan, as key: Fingerprint) {
        guard let entry = PlanCacheEntry.encode(extracted) else { return }
        plans.remember(key) { entry }
    }

    /// Each plan parsed and extracted, by its key.
    var plans: KeyedFiles { files(in: "plans", suffix: "plan") }

    /// The tokenized search units of groups of plans, by the group's key.
    var tokens: KeyedFiles { files(in: "tokens", suffix: "tokens") }

    /// Entries in one folder of the cache, `<key>.<suffix>`. Forgetting drops those of plans
    /// that are gone or changed, so the cache does not grow forever.
    private func files(in name: String, suffix: String) -> KeyedFiles {
        let folder = folder.appendingPathComponent(name).path
        @Sendable func file(_ key: Fingerprint) -> String { folder + "/\(key).\(suffix)" }
        return KeyedFiles(
            recall: { try? Data(contentsOf: URL(fileURLWithPath: file($0))) },
            remember: { key, bytes in
                try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                try? PlainFile.replace(file(key), with: bytes())
            },
            forget: { keys in
                let kept = Set(keys.map { "\($0).\(suffix)" })
                for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !kept.contains(name) {
                    unlink(folder + "/" + name)
                }
            })
    }

    /// The committed output as the last build recorded it; files changed since are not trusted.
    /// With no record, nothing is reused, but pages still get fingerprints for the next build.
    func previousOutput(_ output: URL) -> PreviousOutput {
        let nothing = PreviousOutput(folder: output, entries: [:], committed: (0, 0))
        var lines = Self.rows(outputRecord(output))
        guard let header = lines.first, header.count == 3, header[0] == "committed",
              let seconds = Int(header[1]), let nanoseconds = Int(header[2]) else { return nothing }
        lines.removeFirst()
        var entries: [String: PreviousOutput.Entry] = [:]
        entries.reserveCapacity(lines.count)
        for fields in lines {
            guard fields.count == 3, let fingerprint = Fingerprint(fields[1]), let size = Int(fields[2]) else { continue }
            entries[String(fields[0])] = PreviousOutput.Entry(fingerprint: fingerprint, size: size)
        }
        var items: [String: [String: ExportItem]] = [:]
        // Written just before the output's record: a record of a later commit never pairs with
        // an older list of items, and the files' sizes and times are checked before any is used.
        for fields in Self.rows(itemRecord(output)) {
            guard fields.count == 5, let key = Fingerprint(fields[2]), let offset = Int(fields[3]), let length = Int(fields[4]) else { continue }
            items[String(fields[0]), default: [:]][String(fields[1])] = ExportItem(name: String(fields[1]), key: key, offset: offset, length: length)
        }
        return PreviousOutput(folder: output, entries: entries, committed: (seconds, nanoseconds), items: items)
    }

    /// A record's lines and tab-separated fields, split by bytes: splitting a String by Character
    /// walks grapheme clusters, seconds of work for a national site's 137,670 lines.
    private static func rows(_ file: URL) -> [[Substring]] {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        return text.utf8.split(separator: UInt8(ascii: "\n")).map { line in
            line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map { Substring($0) }
        }
    }

    /// Records the output just committed. Paths that cannot be written on one line are left
    /// out, so those files are simply written again next time.
    func record(_ entries: [String: PreviousOutput.Entry], items: [String: [ExportItem]], committedTo output: URL) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var text = "committed\t\(now.tv_sec)\t\(now.tv_nsec)\n"
        for path in entries.keys.sorted() where Self.isField(path) {
            text += "\(path)\t\(entries[path]!.fingerprint)\t\(entries[path]!.size)\n"
        }
        var itemText = ""
        for path in items.keys.sorted() where Self.isField(path) {
            for item in items[path]! where Self.isField(item.name) {
                itemText += "\(path)\t\(item.name)\t\(item.key)\t\(item.offset)\t\(item.length)\n"
            }
        }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? PlainFile.replace(itemRecord(output).path, with: Data(itemText.utf8))
        try? PlainFile.replace(outputRecord(output).path, with: Data(text.utf8))
    }

    /// Forgets where plans' parts lie in the data files, for output changed outside a build
    /// (`SiteSession`): the next build encodes every part again instead of copying from offsets
    /// that may have moved.
    func forgetItems(of output: URL) {
        unlink(itemRecord(output).path)
    }

    /// Text that fits in a field of a record: no tab or line break byte in it.
    private static func isField(_ text: String) -> Bool {
        !text.utf8.contains { $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") }
    }
}

/// What `Build.generate` may take from earlier builds, as closures and values so that it
/// stays a function of its inputs: in-memory builds and `plansite check` use `.none`.
public struct BuildMemory: Sendable {
    /// A plan from an earlier build, without its body, which it hands to the store.
    var recall: @Sendable (Fingerprint, BodyStore) -> ExtractedPlan?
    var remember: @Sendable (Fingerprint, ExtractedPlan) -> Void
    /// Drops what the cache holds for plans other than these.
    var forget: @Sendable (Set<Fingerprint>) -> Void
    var previous: PreviousOutput
    /// Where plans' bodies wait for rendering, instead of memory.
    var spool: URL?
    var tokens = KeyedFiles.none
    /// A store that already holds bodies, for a session whose plans keep theirs between builds.
    var bodies: BodyStore?

    public static let none = BuildMemory(recall: { _, _ in nil }, remember: { _, _ in }, forget: { _ in }, previous: .none)

    init(recall: @escaping @Sendable (Fingerprint, BodyStore) -> ExtractedPlan?, remember: @escaping @Sendable (Fingerprint, ExtractedPlan) -> Void,
         forget: @escaping @Sendable (Set<Fingerprint>) -> Void, previous: PreviousOutput, spool: URL? = nil) {
        self.recall = recall
        self.remember = remember
        self.forget = forget
        self.previous = previous
        self.spool = spool
    }

    init(cache: BuildCache, previous: PreviousOutput, spool: URL) {
        self.init(recall: { cache.recall($0, bodies: $1) }, remember: { cache.remember($1, as: $0) }, forget: cache.plans.forget,
                  previous: previous, spool: spool)
        tokens = cache.tokens
    }

    /// Plans a session holds are taken as they are, their bodies already in its store; the
    /// others come from the cache as before.
    func holding(_ held: HeldPlans) -> BuildMemory {
        var memory = self
        let recall = self.recall
        memory.recall = { key, bodies in held.plans[key] ?? recall(key, bodies) }
        memory.bodies = held.bodies
        return memory
    }

    /// A build on disk without a cache still keeps bodies out of memory.
    static func spooling(in folder: URL) -> BuildMemory {
        var memory = BuildMemory.none
        memory.spool = folder
        return memory
    }
}

/// Entries the cache keeps by key in one folder, as closures so that builds in memory keep none.
public struct KeyedFiles: Sendable {
    var recall: @Sendable (Fingerprint) -> Data?
    /// Keeps the bytes `make` gives under a key; `make` runs only where something is kept.
    var remember: @Sendable (_ key: Fingerprint, _ make: () -> [UInt8]) -> Void
    /// Drops every entry but these.
    var forget: @Sendable (Set<Fingerprint>) -> Void

    static let none = KeyedFiles(recall: { _ in nil }, remember: { _, _ in }, forget: { _ in })
}
