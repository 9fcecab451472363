import Foundation

/// Writes files on threads of their own while the cores render the next batch, instead of
/// after it. Files with the same path go to the same thread, in the order they were handed
/// over, so a file written in parts gets its parts in order. At most `limit` files wait,
/// which bounds the memory pages in flight take.
final class BackgroundWriter: @unchecked Sendable {
    private let queues: [DispatchQueue]
    private let slots: DispatchSemaphore
    private let write: (OutputFile) throws -> Void
    private let lock = NSLock()
    /// The first write that failed; later files are dropped, and `enqueue` and `finish` throw it.
    private var failure: Error?

    init(threads: Int = 1, limit: Int = 256, write: @escaping (OutputFile) throws -> Void) {
        queues = (0..<max(1, threads)).map { DispatchQueue(label: "plansite.writer.\($0)") }
        slots = DispatchSemaphore(value: limit)
        self.write = write
    }

    func enqueue(_ file: OutputFile) throws {
        try throwFailure()
        slots.wait()
        queues[queues.count == 1 ? 0 : Int(TokenInterner.hash(file.path) % UInt64(queues.count))].async { [self] in
            defer { slots.signal() }
            guard lock.withLock({ failure == nil }) else { return }
            // Two threads' writes can fail at once (a full disk): the first to fail is reported.
            do { try write(file) } catch { lock.withLock { if failure == nil { failure = error } } }
        }
    }

    /// Waits for every file handed over to be written.
    func finish() throws {
        for queue in queues { queue.sync {} }
        try throwFailure()
    }

    private func throwFailure() throws {
        if let failure = lock.withLock({ failure }) { throw failure }
    }
}
