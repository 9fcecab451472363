import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Files written with plain `write(2)`. Foundation's `Data.write` syncs every file to disk,
/// and a hundred thousand syncs cost more than rendering; the output's staging folder and the
/// cache's write-then-rename already keep a half-written file from being used.
enum PlainFile {
    static func write(_ data: Data, to path: String, appending: Bool = false) throws {
        try writing(path, appending: appending) { try data.withUnsafeBytes($0) }
    }

    /// Writes beside the file, then renames over it: a reader sees the old file or the new one.
    static func replace(_ path: String, with data: Data) throws {
        try replace(path) { try data.withUnsafeBytes($0) }
    }

    /// `replace`, for a file written in pieces: `content` hands each piece to the function it gets.
    static func replace(_ path: String, content: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        let temporary = "\(path).\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max)).tmp"
        do {
            try writing(temporary, appending: false, content)
            guard rename(temporary, path) == 0 else { throw OutputError(path: path, code: errno) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    private static func writing(_ path: String, appending: Bool, _ content: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (appending ? O_APPEND : O_TRUNC), 0o644)
        guard descriptor >= 0 else { throw OutputError(path: path, code: errno) }
        defer { close(descriptor) }
        try content { bytes in
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
    }
}

/// A file or folder of the new site that could not be made, with the system's reason.
struct OutputError: LocalizedError {
    var path: String
    var code: Int32
    var errorDescription: String? { "\(path): \(String(cString: strerror(code)))" }
}

