import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A staging folder that was a replaced site (see `OutputFolder.startCleanup`): which of its
/// files this build has written or kept, and the deletion of the rest. The writer thread and
/// the build's both use it, so it is locked.
final class RecycledFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var on = false
    /// As bytes: `String`'s equality would take a file named in NFD for its NFC twin.
    private var touched: Set<[UInt8]> = []
    /// The replaced site `startCleanup` spared for `begin` to take over.
    var candidate: String? {
        get { lock.withLock { spared } }
        set { lock.withLock { spared = newValue } }
    }
    private var spared: String?

    var isOn: Bool { lock.withLock { on } }

    func start() { lock.withLock { on = true } }

    func touch(_ relativePath: String) { lock.withLock { _ = touched.insert(Array(relativePath.utf8)) } }

    /// Makes way for a new file: whatever the recycled site has at its path goes.
    func clear(_ target: String, as relativePath: String) throws {
        touch(relativePath)
        if unlink(target) == 0 || errno == ENOENT { return }
        guard errno == EISDIR else { throw OutputError(path: target, code: errno) }
        try FileManager.default.removeItem(atPath: target)
    }

    /// Deletes every file under `root` that was neither written nor kept, and the folders
    /// that leaves empty. Anything it cannot delete fails the build: it would be published.
    func sweep(_ root: String) throws {
        guard isOn else { return }
        let kept = lock.withLock { touched }
        _ = try Self.sweep(root, relative: "", kept)
    }

    /// Whether `folder` is empty once its untouched files are gone.
    private static func sweep(_ folder: String, relative: String, _ kept: Set<[UInt8]>) throws -> Bool {
        guard let stream = opendir(folder) else { throw OutputError(path: folder, code: errno) }
        var entries: [(name: String, isFolder: Bool)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard name != ".", name != ".." else { continue }
            let type = entry.pointee.d_type
            entries.append((name, type == UInt8(DT_DIR) || (type == UInt8(DT_UNKNOWN) && isFolder(folder + "/" + name))))
        }
        closedir(stream)
        var empty = true
        for entry in entries {
            let path = folder + "/" + entry.name
            let inSite = relative.isEmpty ? entry.name : relative + "/" + entry.name
            if entry.isFolder {
                guard try sweep(path, relative: inSite, kept) else { empty = false; continue }
                guard rmdir(path) == 0 else { throw OutputError(path: path, code: errno) }
            } else if kept.contains(Array(inSite.utf8)) {
                empty = false
            } else if unlink(path) != 0 && errno != ENOENT {
                throw OutputError(path: path, code: errno)
            }
        }
        return empty
    }

    /// Two names of one file: a kept file the recycled site already links.
    static func sameFile(_ first: String, _ second: String) -> Bool {
        var a = stat(), b = stat()
        return lstat(first, &a) == 0 && lstat(second, &b) == 0 && a.st_ino == b.st_ino && a.st_dev == b.st_dev
    }

    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
