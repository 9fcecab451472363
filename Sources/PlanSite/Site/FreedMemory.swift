import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Hands memory the build has freed back to the system. glibc keeps freed small blocks for
/// reuse by later small allocations; large arrays are mapped afresh instead, so the memory of
/// a model already let go would still count towards the peak: 2.26 GB at 10,000 plans, 1.66 GB
/// with this call after the site model is gone.
enum FreedMemory {
    static func release() {
        #if canImport(Glibc)
        // Looked up at run time: glibc's malloc.h is not part of Swift's Glibc module.
        typealias Trim = @convention(c) (Int) -> Int32
        guard let process = dlopen(nil, RTLD_NOW), let trim = dlsym(process, "malloc_trim") else { return }
        _ = unsafeBitCast(trim, to: Trim.self)(0)
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
