import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Hands memory the build has freed back to the system. An allocator keeps freed blocks for
/// reuse by later allocations of their size; large arrays are mapped afresh instead, so the
/// memory of a model already let go would still count towards the peak: 2.26 GB at 10,000
/// plans, 1.66 GB with this call after the site model is gone.
enum FreedMemory {
    static func release() {
        #if canImport(Glibc)
        // Looked up at run time: `plansite` runs on jemalloc, tests and library users on
        // glibc's malloc, and neither's header is part of Swift's Glibc module.
        guard let process = dlopen(nil, RTLD_NOW) else { return }
        if let control = dlsym(process, "mallctl") {
            // jemalloc: purge every arena's unused pages ("arena.<MALLCTL_ARENAS_ALL>.purge").
            typealias Control = @convention(c) (UnsafePointer<CChar>, UnsafeMutableRawPointer?, UnsafeMutablePointer<Int>?,
                                                UnsafeMutableRawPointer?, Int) -> Int32
            _ = unsafeBitCast(control, to: Control.self)("arena.4096.purge", nil, nil, nil, 0)
        } else if let trim = dlsym(process, "malloc_trim") {
            typealias Trim = @convention(c) (Int) -> Int32
            _ = unsafeBitCast(trim, to: Trim.self)(0)
        }
        #endif
    }
}

extension FreedMemory {
    /// Lets go of `value` on another thread, then calls `release`: freeing a national site's
    /// model, millions of strings, took most of a second while the other core waited. Wait on
    /// the group it returns before making anything as large.
    static func release<T: Sendable>(dropping value: consuming T) -> DispatchGroup {
        let held = Held(value)
        let done = DispatchGroup()
        DispatchQueue.global().async(group: done) {
            held.value = nil
            release()
        }
        return done
    }

    /// The only reference to the value, so that it is freed where `value` is set to nil.
    private final class Held<T>: @unchecked Sendable {
        var value: T?
        init(_ value: consuming T) { self.value = value }
    }
}
