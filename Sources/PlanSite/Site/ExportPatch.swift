import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Replaces one plan's part of a data export file in the committed output, where a session
/// (`SiteSession`) brings it up to date after an edit. When the file has no other name (an
/// earlier site's hard link would change with it), it is patched in place: the parts after the
/// plan's are moved by the change in length, a quarter of the time of writing the half-gigabyte
/// tasks.json anew and not a page more of memory. `watch` lets such a patch finish before it
/// stops (`InPlaceWrites`). A file with another name is written anew beside itself and put in
/// the old one's place (`PlainFile.replace`), the other parts copied by the kernel.
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
        let range = item.offset..<(item.offset + item.length)
        if info.st_nlink == 1 {
            defer { close(descriptor) }
            try InPlaceWrites.whole { try patch(descriptor, path: path, size: Int(info.st_size), replacing: range, with: bytes) }
        } else {
            // The old file, removed by then, is freed when this last descriptor on it closes.
            defer { PlainFile.closeLater(descriptor) }
            try rewrite(path, from: descriptor, size: Int(info.st_size), replacing: range, with: bytes)
        }
        let shift = bytes.count - item.length
        return items.mapValues { other in
            var moved = other
            if other.name == part { moved.length = bytes.count } else if other.offset > item.offset { moved.offset += shift }
            return moved
        }
    }

    /// The range replaced in the open file itself: what follows it moved first, from the end
    /// when it moves out so that nothing is overwritten before it is read, then cut to length.
    private static func patch(_ descriptor: Int32, path: String, size: Int, replacing range: Range<Int>, with bytes: [UInt8]) throws {
        let shift = bytes.count - range.count
        var block = [UInt8](repeating: 0, count: shift == 0 ? 0 : min(8 << 20, size - range.upperBound))
        func move(_ start: Int, _ count: Int) throws {
            guard read(descriptor, into: &block, count: count, at: start) else { throw OutputError(path: path, code: EIO) }
            try write(descriptor, block, count: count, at: start + shift, path: path)
        }
        if shift > 0 {
            var end = size
            while end > range.upperBound {
                let start = max(range.upperBound, end - block.count)
                try move(start, end - start)
                end = start
            }
        } else if shift < 0 {
            var start = range.upperBound
            while start < size {
                let count = min(block.count, size - start)
                try move(start, count)
                start += count
            }
        }
        try write(descriptor, bytes, count: bytes.count, at: range.lowerBound, path: path)
        if shift < 0, ftruncate(descriptor, off_t(size + shift)) != 0 { throw OutputError(path: path, code: errno) }
    }

    private static func write(_ descriptor: Int32, _ bytes: [UInt8], count: Int, at offset: Int, path: String) throws {
        let written = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, count, off_t(offset)) }
        guard written == count else { throw OutputError(path: path, code: written < 0 ? errno : EIO) }
    }

    private static func read(_ descriptor: Int32, into bytes: inout [UInt8], count: Int? = nil, at offset: Int) -> Bool {
        let count = count ?? bytes.count
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
