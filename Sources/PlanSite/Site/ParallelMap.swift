import Foundation

/// How many plans, pages or index shards are worked on at once: every core unless `--jobs` says otherwise.
public enum Workers {
    public static let `default` = ProcessInfo.processInfo.activeProcessorCount
}

extension Array {
    /// `map` on `jobs` threads, results in the original order so output never depends on
    /// scheduling. `transform` must only read shared state (the stages are pure functions of
    /// their input). Each thread takes the next element not yet taken, so one costly element
    /// (the page of a resolution every plan cites) does not leave the other threads idle.
    func parallelMap<T>(jobs: Int, _ transform: (Element) -> T) -> [T] {
        let workers = Swift.min(jobs, count)
        guard workers > 1 else { return map(transform) }
        let results = ResultSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = results.claim() { results.set(index, transform(self[index])) }
        }
        return results.values
    }

    /// `parallelMap` for work that waits on the disk, not on a core: `concurrentPerform` and the
    /// global queues run no more threads than there are cores, while a cold folder of plans read
    /// with eight reads in flight took half as long as with two. Each reader is a serial queue of
    /// its own, which Dispatch gives a thread of its own.
    func parallelMap<T>(readers: Int, _ transform: (Element) -> T) -> [T] {
        let workers = Swift.min(readers, count)
        guard workers > 1 else { return map(transform) }
        let results = ResultSlots<T>(count: count)
        withoutActuallyEscaping(transform) { transform in
            let done = DispatchGroup()
            for reader in 0..<workers {
                DispatchQueue(label: "PlanSite.reader-\(reader)").async(group: done) {
                    while let index = results.claim() { results.set(index, transform(self[index])) }
                }
            }
            done.wait()
        }
        return results.values
    }

    /// `transform` on `jobs` threads, `batch` elements at a time, each result handed to `consume`
    /// in the original order: output never depends on scheduling, and only one batch of results
    /// is in memory at once.
    func forEachTransformed<T>(jobs: Int, batch: Int, _ transform: (Element) -> T, _ consume: (T) throws -> Void) rethrows {
        for start in stride(from: 0, to: count, by: batch) {
            for result in Array(self[start..<Swift.min(start + batch, count)]).parallelMap(jobs: jobs, transform) {
                try consume(result)
            }
        }
    }
}

/// `first` and `second` side by side when `jobs` allows: two pieces of work that only read
/// shared state. `second` runs on another thread and `first` on this one, not both inside one
/// `concurrentPerform`: a `parallelMap` nested in that runs on one thread.
func concurrently<A, B>(jobs: Int, _ first: () -> A, _ second: () -> B) -> (A, B) {
    guard jobs > 1 else { return (first(), second()) }
    let b = ResultSlots<B>(count: 1)
    let done = DispatchGroup()
    return withoutActuallyEscaping(second) { second in
        DispatchQueue.global().async(group: done) { b.set(0, second()) }
        let a = first()
        done.wait()
        return (a, b.values[0])
    }
}

/// One slot per index, each claimed and written by exactly one thread. The slots are raw
/// memory, not an `Array`: writing an array element goes through the whole array, which two
/// threads may not do at once (a debug build traps on it).
final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int
    private let lock = NSLock()
    private var next = 0

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    /// The next index no thread has taken, or nil when all are taken.
    func claim() -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            next += 1
            return next - 1
        }
    }

    func set(_ index: Int, _ value: T) { slots[index] = value }

    var values: [T] { (0..<count).map { slots[$0]! } }
}
