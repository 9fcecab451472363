import Foundation

/// How many plans, pages or index shards are worked on at once: every core unless `--jobs` says otherwise.
public enum Workers {
    public static let `default` = ProcessInfo.processInfo.activeProcessorCount
}

extension Array {
    /// `map` on `jobs` threads, results in the original order so output never depends on
    /// scheduling. `transform` must only read shared state (the stages are pure functions of
    /// their input). Each thread takes every `jobs`-th element.
    func parallelMap<T>(jobs: Int, _ transform: (Element) -> T) -> [T] {
        let workers = Swift.min(jobs, count)
        guard workers > 1 else { return map(transform) }
        let results = ResultSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: count, by: workers) { results.set(index, transform(self[index])) }
        }
        return results.values
    }
}

/// One slot per index, each written by exactly one iteration of `concurrentPerform`.
final class ResultSlots<T>: @unchecked Sendable {
    private var slots: [T?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: T) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    var values: [T] { slots.map { $0! } }
}
