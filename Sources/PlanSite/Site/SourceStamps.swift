import Foundation

/// What a session knows each source file by between builds: its size, modification time and
/// inode, read without opening it. A file saved by an editor, by writing or by renaming a new
/// copy over it, changes at least one of them.
struct SourceStamps: Equatable {
    struct Stamp: Equatable {
        var size: Int
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt
        var regular: Bool
    }

    /// By path relative to the folders' parent ("Content/lao-cai.md", "Templates/plan.mustache").
    private(set) var files: [String: Stamp] = [:]

    /// Every file below the folders but hidden ones (`DirectoryWalk`); links and devices too,
    /// as a build warns of them, so one appearing is a change. `like` is the last scan, whose
    /// size this one is made room for.
    static func scan(_ folders: [URL], like earlier: SourceStamps = SourceStamps()) -> SourceStamps {
        var stamps = SourceStamps()
        stamps.files.reserveCapacity(earlier.files.count)
        for folder in folders {
            let label = folder.lastPathComponent + "/"
            DirectoryWalk.visit(folder.path) { relative, info in
                guard info.st_mode & S_IFMT != S_IFDIR else { return }
                stamps.files[label + relative] = Stamp(
                    size: Int(info.st_size), seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec,
                    inode: UInt(info.st_ino), regular: info.st_mode & S_IFMT == S_IFREG)
            }
        }
        return stamps
    }

    /// Files added, removed or changed since `earlier`, sorted.
    func changes(since earlier: SourceStamps) -> [String] {
        var changed = files.compactMap { path, stamp in earlier.files[path] == stamp ? nil : path }
        changed += earlier.files.keys.filter { files[$0] == nil }
        return changed.sorted()
    }

    /// Whether the path was an ordinary file both times: an edit, not a file added or removed.
    func edited(_ path: String, since earlier: SourceStamps) -> Bool {
        files[path]?.regular == true && earlier.files[path]?.regular == true
    }
}
