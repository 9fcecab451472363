import Foundation

/// A lock-guarded cache of a pure function of a String, safe to share between threads.
final class Memo<Value>: @unchecked Sendable {
    private var results: [ExactText: Value] = [:]
    private let lock = NSLock()

    func value(for key: String) -> Value? {
        lock.lock()
        defer { lock.unlock() }
        return results[ExactText(key)]
    }

    func store(_ value: Value, for key: String) {
        lock.lock()
        defer { lock.unlock() }
        results[ExactText(key)] = value
    }
}
