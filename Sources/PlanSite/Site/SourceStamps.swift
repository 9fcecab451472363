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
    }

    /// By path relative to the folders' parent ("Content/lao-cai.md", "Templates/plan.mustache").
    private(set) var files: [String: Stamp] = [:]

    static func scan(_ folders: [URL]) -> SourceStamps {
        var stamps = SourceStamps()
        for folder in folders {
            var ignored: [Diagnostic] = []
            for relative in DirectoryWalk.files(under: folder, diagnostics: &ignored, label: folder.lastPathComponent) {
                var info = stat()
                guard lstat(folder.appendingPathComponent(relative).path, &info) == 0 else { continue }
                stamps.files["\(folder.lastPathComponent)/\(relative)"] = Stamp(
                    size: Int(info.st_size), seconds: info.st_mtim.tv_sec, nanoseconds: info.st_mtim.tv_nsec, inode: UInt(info.st_ino))
            }
        }
        return stamps
    }

    /// Files added, removed or changed since `earlier`, sorted.
    func changes(since earlier: SourceStamps) -> [String] {
        Set(files.keys).union(earlier.files.keys).filter { files[$0] != earlier.files[$0] }.sorted()
    }

    /// Whether the file was there in both.
    func hadBoth(_ path: String, _ earlier: SourceStamps) -> Bool { files[path] != nil && earlier.files[path] != nil }
}
