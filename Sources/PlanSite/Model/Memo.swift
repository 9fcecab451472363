import Foundation

/// A lock-guarded cache of a pure function, safe to share between threads. Text keys go in as
/// `ExactText`: compared by bytes, not through Unicode normalisation.
final class Memo<Key: Hashable, Value>: @unchecked Sendable {
    private var results: [Key: Value] = [:]
    private let lock = NSLock()

    /// The value kept for `key`, or the one `make` gives, then kept. `make` runs outside the
    /// lock: two threads may both make a value, and the answers are the same.
    func value(for key: Key, _ make: () -> Value) -> Value {
        if let known = lock.withLock({ results[key] }) { return known }
        let value = make()
        lock.withLock { results[key] = value }
        return value
    }
}
