import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whole files of the committed output that a session (`SiteSession`) brings up to date after
/// an edit. A file that already holds the bytes is left alone, so its modification time stays
/// and copying the site on (`rsync`) skips it; a changed one is written beside itself and
/// renamed over, so a reader sees the old page or the new one.
enum OutputPatch {
    /// Writes `bytes` to `path` under `folder`, or removes the file when `bytes` is nil, with its
    /// folder if that is left empty. True when the file changed.
    static func write(_ bytes: [UInt8]?, to folder: URL, _ path: String) throws -> Bool {
        let file = folder.appendingPathComponent(path)
        guard let bytes else {
            guard unlink(file.path) == 0 else { return false }
            rmdir(file.deletingLastPathComponent().path)
            return true
        }
        if PlainFile.holds(file.path, bytes) { return false }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try PlainFile.replace(file.path, with: bytes)
        return true
    }

    /// Removes the files in these folders under `folder` that are not `kept`, and says which.
    static func removeAll(under folders: [String], except kept: Set<String>, in folder: URL) throws -> [String] {
        var removed: [String] = []
        for name in folders {
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(name).path)) ?? [] {
                let path = name + "/" + entry
                if !kept.contains(path), try write(nil, to: folder, path) { removed.append(path) }
            }
        }
        return removed
    }
}
