import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes into the output's files that leave one unreadable until they end (`ExportPatch`
/// moving the parts of tasks.json). `watch` stopped by Ctrl-C waits for those under way, so a
/// stop never leaves a file half moved; every other file of the output is written beside itself
/// and renamed, and needs no waiting.
public enum InPlaceWrites {
    /// Shared by the writes, which may run side by side; taken whole by `stop`.
    private static let lock: UnsafeMutablePointer<pthread_rwlock_t> = {
        let lock = UnsafeMutablePointer<pthread_rwlock_t>.allocate(capacity: 1)
        pthread_rwlock_init(lock, nil)
        return lock
    }()

    static func whole<T>(_ write: () throws -> T) rethrows -> T {
        pthread_rwlock_rdlock(lock)
        defer { pthread_rwlock_unlock(lock) }
        return try write()
    }

    /// Ends the process once no write is under way; none starts after.
    public static func stop(exitCode: Int32) -> Never {
        pthread_rwlock_wrlock(lock)
        exit(exitCode)
    }
}
