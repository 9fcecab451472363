import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The generated site on disk. A build writes into a staging folder beside the output
/// (same file system, so the swap is a rename) and replaces the output only when every
/// page was written; until then readers of the web server see the previous site.
public struct OutputFolder {
    public var url: URL
    private var staging: URL
    /// The two folders' paths, made once: a site has a hundred thousand files to write or keep.
    private let path: String
    private let stagingPath: String
    private let manager = FileManager.default
    /// Folders already made in the staging folder: a site has a hundred thousand files in a few
    /// thousand folders, and asking for each file's folder again cost a syscall per level.
    /// A folder goes in once it exists: a second writer thread may make it at the same time,
    /// which `mkdir`'s EEXIST tells it.
    private let made = MadeFolders()
    /// When the staging folder is a replaced site taken over (see `startCleanup`): the files
    /// this build wrote or kept, so `sweep` can delete the rest.
    private let recycled = RecycledFiles()

    public init(url: URL) {
        self.url = url.standardizedFileURL
        staging = self.url.deletingLastPathComponent()
            .appendingPathComponent(".\(self.url.lastPathComponent).staging-\(ProcessInfo.processInfo.processIdentifier)")
        path = self.url.path
        stagingPath = staging.path
    }

    private var parent: URL { url.deletingLastPathComponent() }
    private var stagingPrefix: String { ".\(url.lastPathComponent).staging-" }
    private var retiredPrefix: String { ".\(url.lastPathComponent).old-" }
    /// A previous site already replaced: deleting it is only cleanup.
    private var replacedPrefix: String { ".\(url.lastPathComponent).replaced-" }
    private let sweeping = DispatchGroup()

    /// Clears what a killed build left behind, restores the previous site if a build died
    /// between its two renames, and opens the staging folder: empty, or a recycled site.
    public func begin() throws {
        let leftovers = (try? manager.contentsOfDirectory(atPath: parent.path)) ?? []
        for name in leftovers.sorted() where name.hasPrefix(retiredPrefix) {
            let retired = parent.appendingPathComponent(name)
            if !manager.fileExists(atPath: url.path) {
                try manager.moveItem(at: retired, to: url)
            } else {
                try manager.removeItem(at: retired)
            }
        }
        for name in leftovers where name.hasPrefix(stagingPrefix) {
            try? manager.removeItem(at: parent.appendingPathComponent(name))
        }

        if let candidate = recycled.candidate, rename(candidate, staging.path) == 0 {
            recycled.start()
        } else {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        }
    }

    /// Writes one file of the new site into the staging folder.
    public func write(_ bytes: [UInt8], to relativePath: String, appending: Bool = false) throws {
        let target = stagingPath + "/" + relativePath
        try makeFolder(of: target)
        // A recycled file may be a link to the live site's: it is replaced, never written into.
        if !appending && recycled.isOn { try recycled.clear(target, as: relativePath) }
        try PlainFile.write(bytes, to: target, appending: appending)
    }

    /// Keeps a file of the current output in the new site: a hard link, so nothing is copied
    /// and the file keeps its time (a copy where links are not allowed).
    public func keep(_ relativePath: String) throws {
        let source = path + "/" + relativePath
        let target = stagingPath + "/" + relativePath
        try makeFolder(of: target)
        if recycled.isOn {
            if RecycledFiles.sameFile(source, target) { return recycled.touch(relativePath) }
            try recycled.clear(target, as: relativePath)
        }
        if link(source, target) != 0 { try manager.copyItem(atPath: source, toPath: target) }
    }

    /// Makes the folder a file goes in, and its parents, each with one `mkdir` the first time.
    private func makeFolder(of file: String) throws {
        guard let slash = file.utf8.lastIndex(of: UInt8(ascii: "/")) else { return }
        let folder = String(file[..<slash])
        guard folder.utf8.count > stagingPath.utf8.count, !made.contains(folder) else { return }
        try makeFolder(folder)
        made.insert(folder)
    }

    private func makeFolder(_ folder: String) throws {
        if recycled.isOn {
            // Checked from the top down, so nothing is made through a link that stands where
            // this site has a folder; a file or a link there goes.
            try makeFolder(of: folder)
            if mkdir(folder, 0o755) == 0 || RecycledFiles.isFolder(folder) { return }
            unlink(folder)
            if mkdir(folder, 0o755) == 0 { return }
            let reason = errno
            if RecycledFiles.isFolder(folder) { return }
            throw OutputError(path: folder, code: reason)
        }
        if mkdir(folder, 0o755) == 0 || errno == EEXIST { return }
        guard errno == ENOENT else { throw OutputError(path: folder, code: errno) }
        try makeFolder(of: folder)
        if mkdir(folder, 0o755) != 0 && errno != EEXIST { throw OutputError(path: folder, code: errno) }
    }

    /// Puts the staged site in place of the output. The site it replaces is deleted now, or,
    /// with `deferringCleanup`, by the next build while it works: a cached build's files are
    /// mostly links to the old site's, so keeping it until then costs little disk.
    public func commit(deferringCleanup: Bool = false) throws {
        if manager.fileExists(atPath: url.path) {
            let retired = parent.appendingPathComponent("\(retiredPrefix)\(ProcessInfo.processInfo.processIdentifier)")
            try manager.moveItem(at: url, to: retired)
            try manager.moveItem(at: staging, to: url)
            if deferringCleanup {
                try manager.moveItem(at: retired, to: parent.appendingPathComponent("\(replacedPrefix)\(UUID().uuidString)"))
            } else {
                try manager.removeItem(at: retired)
            }
        } else {
            try manager.moveItem(at: staging, to: url)
        }
    }

    /// Starts deleting the sites earlier cached builds replaced. For a large site that is
    /// seconds of disk work, so it runs beside this build instead of at the end of the last.
    ///
    /// With `recycling`, one of them becomes the staging folder instead: its folders are
    /// reused and its files, mostly links to the live site's, are checked, not made again.
    /// Making a hundred thousand folders and deleting as many again cost more than the rest of
    /// a rebuild, and on ext4 without a journal every inode freed in the last minutes slows
    /// the next ones made (see docs/PERFORMANCE.md).
    public func startCleanup(recycling: Bool = false) {
        var leftovers = ((try? manager.contentsOfDirectory(atPath: parent.path)) ?? []).filter { $0.hasPrefix(replacedPrefix) }
        if recycling { recycled.candidate = leftovers.popLast().map { parent.appendingPathComponent($0).path } }
        for name in leftovers {
            DispatchQueue.global().async(group: sweeping) { [manager, parent] in
                try? manager.removeItem(at: parent.appendingPathComponent(name))
            }
        }
    }

    /// Deletes what a recycled staging folder still holds of its old site: files this build
    /// neither wrote nor kept, and the folders that leaves empty.
    public func sweep() throws {
        try recycled.sweep(staging.path)
    }

    /// Waits for the deletion `startCleanup` began.
    public func finishCleanup() {
        sweeping.wait()
    }

    /// Drops the staging folder after a failed build; the output is untouched. A recycled one
    /// is left for the next build to recycle again, as deleting it would take longer.
    public func abandon() {
        if recycled.isOn, rename(staging.path, parent.appendingPathComponent("\(replacedPrefix)\(UUID().uuidString)").path) == 0 { return }
        try? manager.removeItem(at: staging)
    }
}

/// The set of folders `OutputFolder` has made, shared by its copies.
private final class MadeFolders: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: Set<String> = []

    func contains(_ path: String) -> Bool { lock.withLock { paths.contains(path) } }

    func insert(_ path: String) { lock.withLock { _ = paths.insert(path) } }
}
