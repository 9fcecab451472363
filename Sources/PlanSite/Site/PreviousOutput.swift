import Foundation

/// The output of the previous build, as recorded: which files can be kept as they are.
public struct PreviousOutput: Sendable {
    public struct Entry: Sendable {
        var fingerprint: Fingerprint
        var size: Int
    }

    /// The output folder, or nil when the build keeps no cache.
    var folder: URL? { didSet { folderPath = folder?.path } }
    /// Its path, made once: a rebuild asks about a hundred thousand files.
    private var folderPath: String?
    var entries: [String: Entry]
    var committed: (seconds: Int, nanoseconds: Int)
    /// For files made of items (the data export's), each item by name.
    var items: [String: [String: ExportItem]] = [:]

    public static let none = PreviousOutput(folder: nil, entries: [:], committed: (0, 0))

    init(folder: URL?, entries: [String: Entry], committed: (seconds: Int, nanoseconds: Int), items: [String: [String: ExportItem]] = [:]) {
        self.folder = folder
        folderPath = folder?.path
        self.entries = entries
        self.committed = committed
        self.items = items
    }

    /// Whether the previous output holds this file as the recorded fingerprint says: same
    /// inputs, same size, and not modified since it was committed.
    func isCurrent(_ path: String, _ fingerprint: Fingerprint) -> Bool {
        guard let entry = entries[path], entry.fingerprint == fingerprint else { return false }
        return asCommitted(path, size: entry.size)
    }

    /// Whether the file in the previous output has the recorded size and was not modified
    /// since it was committed.
    private func asCommitted(_ path: String, size: Int) -> Bool {
        guard let folderPath else { return false }
        var info = stat()
        guard stat(folderPath + "/" + path, &info) == 0, Int(info.st_size) == size else { return false }
        return (info.st_mtim.tv_sec, info.st_mtim.tv_nsec) <= (committed.seconds, committed.nanoseconds)
    }

    /// Whether the previous output holds exactly these bytes at `path`, as committed. A page
    /// rendered again because a plan it lists changed often comes out the same; keeping the file
    /// keeps its modification time, so copying the site on (`rsync`) skips it.
    func holds(_ path: String, _ bytes: [UInt8]) -> Bool {
        guard let folder, let entry = entries[path], entry.size == bytes.count, asCommitted(path, size: entry.size) else { return false }
        return PlainFile.holds(folder.appendingPathComponent(path).path, bytes)
    }

    func size(_ path: String) -> Int { entries[path]?.size ?? 0 }

    /// The previous file's items, with a way to read each, if the file is as committed.
    func items(of path: String) -> PreviousItems? {
        guard let folderPath, let items = items[path], let entry = entries[path], asCommitted(path, size: entry.size) else { return nil }
        let descriptor = open(folderPath + "/" + path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        return PreviousItems(items: items, descriptor: descriptor)
    }
}

/// A file of the previous output that is made of items, open for reading them.
final class PreviousItems: @unchecked Sendable {
    let items: [String: ExportItem]
    private let descriptor: Int32

    init(items: [String: ExportItem], descriptor: Int32) {
        self.items = items
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The bytes of the item of that name, if it was made from the same inputs.
    func bytes(of name: String, key: Fingerprint) -> [UInt8]? {
        guard let item = items[name], item.key == key else { return nil }
        var bytes = [UInt8](repeating: 0, count: item.length)
        let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, item.length, off_t(item.offset)) }
        return read == item.length ? bytes : nil
    }
}
