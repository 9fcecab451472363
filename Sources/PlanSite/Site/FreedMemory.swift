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
