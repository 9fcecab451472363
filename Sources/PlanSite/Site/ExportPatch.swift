import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Replaces one plan's part of a data export file in the committed output, where a session
/// (`SiteSession`) brings it up to date after an edit: in place when the part keeps its length
/// and the file has no other name (an earlier site's hard link would change with it), else by
/// writing the file anew beside it and putting it in the old one's place (`PlainFile.replace`),
/// the other parts copied by the kernel.
enum ExportPatch {
    /// Whether the file holds `bytes` where `item` says: a file another program wrote since,
    /// or a build into the same folder, is not patched.
    static func holds(_ bytes: [UInt8], at item: ExportItem, path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var found = [UInt8](repeating: 0, count: item.length)
        return item.length == bytes.count && read(descriptor, into: &found, at: item.offset) && found == bytes
    }

    /// Every part's place afterwards, moved by the change in length. The file must hold the
    /// part as `items` says (`holds`).
    static func replace(_ part: String, in items: [String: ExportItem], with bytes: [UInt8], path: String) throws -> [String: ExportItem] {
        guard let item = items[part] else { throw OutputError(path: path, code: ENOENT) }
        let descriptor = open(path, O_RDWR | O_CLOEXEC)
        guard descriptor >= 0 else { throw OutputError(path: path, code: errno) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { close(descriptor); throw OutputError(path: path, code: errno) }
        if bytes.count == item.length, info.st_nlink == 1 {
            defer { close(descriptor) }
            let written = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, bytes.count, off_t(item.offset)) }
            guard written == bytes.count else { throw OutputError(path: path, code: errno) }
            return items
        }
        // The old file, removed by then, is freed when this last descriptor on it closes.
        defer { PlainFile.closeLater(descriptor) }
        try rewrite(path, from: descriptor, size: Int(info.st_size), replacing: item.offset..<(item.offset + item.length), with: bytes)
        let shift = bytes.count - item.length
        return items.mapValues { other in
            var moved = other
            if other.name == part { moved.length = bytes.count } else if other.offset > item.offset { moved.offset += shift }
            return moved
        }
    }

    private static func read(_ descriptor: Int32, into bytes: inout [UInt8], at offset: Int) -> Bool {
        let count = bytes.count
        return bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) } == count
    }

    /// The file written anew beside itself, the range replaced by `bytes`, the rest copied by the kernel.
    private static func rewrite(_ path: String, from descriptor: Int32, size: Int, replacing range: Range<Int>, with bytes: [UInt8]) throws {
        try PlainFile.replace(path) { file in
            try file.copy(from: descriptor, 0..<range.lowerBound)
            try bytes.withUnsafeBytes(file.append)
            try file.copy(from: descriptor, range.upperBound..<size)
        }
    }
}
