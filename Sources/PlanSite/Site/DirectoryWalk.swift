import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Walks the folders a site is read from, by `readdir` and `fstatat`: a build lists them once,
/// and a session (`SourceStamps`, `FolderWatch`) after every save, ten thousand plans at a time.
/// Hidden entries are skipped, and symbolic links are not followed: a link can point outside
/// the site or into a loop, and a build must read only its own folders.
enum DirectoryWalk {
    /// Every entry below `root` but hidden ones, by path relative to it, with what `lstat` says
    /// of it; a folder comes before what it holds. `unreadable` gets each folder that cannot be listed.
    static func visit(_ root: String, unreadable: (String) -> Void = { _ in }, _ entry: (String, stat) -> Void) {
        var pending = [""]
        while let relative = pending.popLast() {
            let path = relative.isEmpty ? root : root + "/" + relative
            guard let directory = opendir(path) else {
                unreadable(relative)
                continue
            }
            defer { closedir(directory) }
            let descriptor = dirfd(directory)
            while let found = readdir(directory) {
                let name = withUnsafeBytes(of: found.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                guard !name.hasPrefix(".") else { continue }
                var info = stat()
                guard fstatat(descriptor, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                entry(child, info)
                if info.st_mode & S_IFMT == S_IFDIR { pending.append(child) }
            }
        }
    }

    /// The regular files below a folder, sorted; links, pipes, sockets and devices are reported
    /// and skipped.
    static func files(under root: URL, diagnostics: inout [Diagnostic], label: String) -> [String] {
        var result: [String] = []
        var problems: [Diagnostic] = []
        visit(root.path, unreadable: { relative in
            problems.append(.error(SourceLocation(file: "\(label)/\(relative)"), "folder could not be read", hint: "check its permissions"))
        }) { child, info in
            switch info.st_mode & S_IFMT {
            case S_IFDIR: break
            case S_IFREG: result.append(child)
            case S_IFLNK:
                problems.append(.warning(SourceLocation(file: "\(label)/\(child)"), "symbolic link skipped",
                                         hint: "copy the file into the folder instead of linking to it"))
            default:
                // A named pipe, socket or device: reading one could block the build forever.
                problems.append(.warning(SourceLocation(file: "\(label)/\(child)"), "not an ordinary file (a pipe, socket or device), skipped",
                                         hint: "replace it with the file saved from an editor, or remove it"))
            }
        }
        diagnostics += problems.sorted { $0.location.file < $1.location.file }
        return result.sorted()
    }
}
