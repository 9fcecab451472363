import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells a waiting session when a file below some folders is saved, created, moved or
/// removed (Linux's inotify), so that it looks at the files only then instead of many times a
/// second. Where the system cannot report changes (too many folders, a network share), waiting
/// simply lasts the whole timeout, and the session still finds the change by looking.
public final class FolderWatch {
    private let descriptor: Int32
    private let folders: [String]
    private static let events = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB)

    public init(_ folders: [URL]) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        self.folders = folders.map(\.path)
        watchFolders()
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Returns once something changed below the folders, or after `timeout` seconds.
    public func wait(timeout: Double) {
        guard descriptor >= 0 else { usleep(UInt32(timeout * 1_000_000)); return }
        var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, Int32(timeout * 1000)) > 0 else { return }
        // An editor saves in several steps (write a copy, rename it over, set its mode): let it
        // finish, then take every event at once.
        usleep(20_000)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var folderChanged = false
        while case let count = read(descriptor, &buffer, buffer.count), count > 0 {
            // Each event: a watch, a mask, a cookie, the name's length, then the name.
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: inotify_event.self) }
                if event.mask & UInt32(IN_ISDIR) != 0 { folderChanged = true }
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
            }
        }
        if folderChanged { watchFolders() }
    }

    /// Every folder below, when one was made, moved or removed: a new one needs a watch. A
    /// folder already watched keeps its watch.
    private func watchFolders() {
        guard descriptor >= 0 else { return }
        for folder in folders {
            inotify_add_watch(descriptor, folder, Self.events)
            DirectoryWalk.visit(folder) { relative, info in
                if info.st_mode & S_IFMT == S_IFDIR { inotify_add_watch(descriptor, folder + "/" + relative, Self.events) }
            }
        }
    }
}
