import Foundation

/// A file handed to the writer in parts, in order. A file that fits in one part goes as a
/// whole, so the writer can keep it from the previous build when its bytes are unchanged.
struct PartedFile {
    let path: String
    private var started = false

    init(path: String) { self.path = path }

    mutating func hand(_ bytes: [UInt8], _ emit: (OutputFile) throws -> Void) rethrows {
        var file = OutputFile(path: path, bytes: bytes)
        file.part = started ? .next : .first
        started = true
        try emit(file)
    }

    /// The last bytes: the whole file when no part went before them.
    func finish(_ bytes: [UInt8], items: [ExportItem]? = nil, _ emit: (OutputFile) throws -> Void) rethrows {
        var file = OutputFile(path: path, bytes: bytes)
        file.part = started ? .next : .whole
        file.items = items
        try emit(file)
    }
}
