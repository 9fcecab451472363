import Foundation

/// How long one stage of the build took, for `plansite build --timings`: wall and CPU seconds
/// side by side show how busy the cores were, and the peak memory so far shows which stage
/// set it.
public struct StageTiming: Sendable {
    public var stage: String
    public var seconds: Double
    public var cpu: Double
    /// The largest resident size of the process up to the end of the stage, in megabytes.
    public var peakMegabytes: Double

    /// Runs `work` and appends its timing to `timings`.
    static func measure<T>(_ stage: String, into timings: inout [StageTiming], _ work: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds, startCPU = usage().cpu
        defer {
            let end = usage()
            timings.append(StageTiming(stage: stage, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9,
                                       cpu: end.cpu - startCPU, peakMegabytes: end.peak))
        }
        return try work()
    }

    private static func usage() -> (cpu: Double, peak: Double) {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return (cpu, Double(usage.ru_maxrss) / 1024)
    }
}

extension StageTiming {
    /// One timing per stage, in the order stages first ran: an update to several plans runs
    /// some stages once per plan.
    static func merged(_ timings: [StageTiming]) -> [StageTiming] {
        var merged: [StageTiming] = []
        for timing in timings {
            if let index = merged.firstIndex(where: { $0.stage == timing.stage }) {
                merged[index].seconds += timing.seconds
                merged[index].cpu += timing.cpu
                merged[index].peakMegabytes = max(merged[index].peakMegabytes, timing.peakMegabytes)
            } else {
                merged.append(timing)
            }
        }
        return merged
    }
}
