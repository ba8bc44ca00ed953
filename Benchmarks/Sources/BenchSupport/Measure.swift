#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HeadlessHTMX

/// Wall-clock medians for on-demand benchmarks (never used by the test suite). On the C
/// library and the engine's own `LocalFiles`: a benchmark that linked Foundation would carry
/// its start-up cost and its few MB of memory into the peak-memory figures the engine is
/// measured by.
public enum Measure {
    /// Runs `body` `runs` times after one warm-up and returns the median seconds.
    public static func median(runs: Int, _ body: () -> Void) -> Double {
        body()
        var times: [Double] = []
        for _ in 0..<max(1, runs) {
            let start = now()
            body()
            times.append(now() - start)
        }
        times.sort()
        return times[times.count / 2]
    }

    /// Monotonic seconds.
    public static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Peak resident set size of this process so far, in bytes (Linux `VmHWM`).
    public static func peakRSS() -> Int {
        guard let status = try? LocalFiles.readFile("/proc/self/status", limit: 1 << 20) else { return 0 }
        for line in String(decoding: status, as: UTF8.self).split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kb * 1024
        }
        return 0
    }

    /// A whole file, or exit 2 with a message naming it.
    public static func readFile(_ path: String) -> [UInt8] {
        do {
            return try LocalFiles.readFile(path, limit: Int.max)
        } catch {
            fail("cannot read \(path): \(error)")
        }
    }

    public static func fail(_ message: String) -> Never {
        LocalFiles.writeStandardError(message + "\n")
        exit(2)
    }

    public static func mbps(_ bytes: Int, _ seconds: Double) -> String {
        fixed(Double(bytes) / 1e6 / seconds, digits: 1)
    }

    /// `x` with `digits` decimals, as `%.Nf` prints it.
    public static func fixed(_ x: Double, digits: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([Int32(digits), x]) { vsnprintf(&buffer, 64, "%.*f", $0) }
        return String(cString: buffer)
    }
}
