import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Files written with plain `write(2)`. Foundation's `Data.write` syncs every file to disk,
/// and a hundred thousand syncs cost more than rendering; the output's staging folder and the
/// cache's write-then-rename already keep a half-written file from being used.
enum PlainFile {
    static func write(_ bytes: some ContiguousBytes, to path: String, appending: Bool = false) throws {
        try writing(path, appending: appending) { sink in try bytes.withUnsafeBytes(sink.append) }
    }

    /// Whether the file at `path` holds exactly `bytes`; false when it cannot be read.
    static func holds(_ path: String, _ bytes: [UInt8]) -> Bool {
        guard let data = FileManager.default.contents(atPath: path), data.count == bytes.count else { return false }
        return data.withUnsafeBytes { file in bytes.withUnsafeBufferPointer { ByteSearch.equal(file.bindMemory(to: UInt8.self), $0) } }
    }

    /// Writes beside the file, then puts it in the old one's place: a reader sees the old file or the new one.
    static func replace(_ path: String, with bytes: some ContiguousBytes) throws {
        try replace(path) { sink in try bytes.withUnsafeBytes(sink.append) }
    }

    /// `replace`, for a file written in pieces: `content` hands each piece to the sink it gets.
    static func replace(_ path: String, content: (Sink) throws -> Void) throws {
        let temporary = "\(path).\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max)).tmp"
        do {
            try writing(temporary, appending: false, content)
            try move(temporary, over: path)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Puts `temporary` in `path`'s place. Where the system can, the two are exchanged
    /// (`renameat2`, `RENAME_EXCHANGE`) and the old file removed after: a rename over a file makes
    /// ext4 start writing the new one out at once (`auto_da_alloc`), which for a half-gigabyte
    /// tasks.json took 0.2–0.6 s of an edit, against 0.05–0.3 s to remove the old file.
    private static func move(_ temporary: String, over path: String) throws {
        if let exchange, exchange(AT_FDCWD, temporary, AT_FDCWD, path, renameExchange) == 0 {
            unlink(temporary)
            return
        }
        guard rename(temporary, path) == 0 else { throw OutputError(path: path, code: errno) }
    }

    /// Closes a descriptor on another thread. Closing the last descriptor on a removed file
    /// frees its pages: for a half-gigabyte tasks.json replaced in `watch`, 0.05–0.3 s that the
    /// update need not wait for, as the new file is already in place.
    static func closeLater(_ descriptor: Int32) {
        closing.async { _ = close(descriptor) }
    }

    private static let closing = DispatchQueue(label: "PlainFile.closeLater", qos: .utility)

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
    /// glibc's `renameat2`, which Swift's Glibc module does not declare; nil where it is missing.
    private static let exchange = dlsym(nil, "renameat2").map { unsafeBitCast($0, to: RenameAt2.self) }
    private static let renameExchange: UInt32 = 2

    /// The open file being written.
    struct Sink {
        fileprivate let descriptor: Int32
        fileprivate let path: String

        func append(_ bytes: UnsafeRawBufferPointer) throws {
            var offset = 0
            while offset < bytes.count {
                let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw OutputError(path: path, code: errno)
                }
                offset += count
            }
        }

        /// Appends a range of another open file. The kernel copies it page cache to page cache
        /// (`sendfile`), at over twice the speed of reading and writing it: a task edit at
        /// national scale copies the rest of a half-gigabyte tasks.json.
        func copy(from source: Int32, _ range: Range<Int>) throws {
            var offset = off_t(range.lowerBound)
            while offset < range.upperBound {
                let count = sendfile(descriptor, source, &offset, range.upperBound - Int(offset))
                if count < 0, errno == EINTR { continue }
                if count <= 0 { return try copyByReading(from: source, Int(offset)..<range.upperBound) }
            }
        }

        /// For systems where `sendfile` cannot write to a file, and a source cut short.
        private func copyByReading(from source: Int32, _ range: Range<Int>) throws {
            var block = [UInt8](repeating: 0, count: 4 << 20)
            var offset = range.lowerBound
            while offset < range.upperBound {
                let count = min(block.count, range.upperBound - offset)
                let got = block.withUnsafeMutableBytes { pread(source, $0.baseAddress, count, off_t(offset)) }
                guard got == count else { throw OutputError(path: path, code: got < 0 ? errno : EIO) }
                try block.withUnsafeBytes { try append(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
                offset += count
            }
        }
    }

    private static func writing(_ path: String, appending: Bool, _ content: (Sink) throws -> Void) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (appending ? O_APPEND : O_TRUNC), 0o644)
        guard descriptor >= 0 else { throw OutputError(path: path, code: errno) }
        defer { close(descriptor) }
        try content(Sink(descriptor: descriptor, path: path))
    }
}

/// A file or folder of the new site that could not be made, with the system's reason.
struct OutputError: LocalizedError {
    var path: String
    var code: Int32
    var errorDescription: String? { "\(path): \(String(cString: strerror(code)))" }
}

