import Foundation

/// Writes files on a thread of its own, in the order they are handed over, so the disk works
/// while the cores render the next batch instead of after it. At most `limit` files wait,
/// which bounds the memory pages in flight take.
final class BackgroundWriter: @unchecked Sendable {
    private let queue = DispatchQueue(label: "plansite.writer")
    private let slots: DispatchSemaphore
    private let write: (OutputFile) throws -> Void
    private let lock = NSLock()
    /// The first write that failed; later files are dropped, and `enqueue` and `finish` throw it.
    private var failure: Error?

    init(limit: Int = 256, write: @escaping (OutputFile) throws -> Void) {
        slots = DispatchSemaphore(value: limit)
        self.write = write
    }

    func enqueue(_ file: OutputFile) throws {
        try throwFailure()
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            guard lock.withLock({ failure == nil }) else { return }
            do { try write(file) } catch { lock.withLock { failure = error } }
        }
    }

    /// Waits for every file handed over to be written.
    func finish() throws {
        queue.sync {}
        try throwFailure()
    }

    private func throwFailure() throws {
        if let failure = lock.withLock({ failure }) { throw failure }
    }
}
