import Foundation

/// Wall-clock medians for on-demand benchmarks (never used by the test suite).
public enum Measure {
    /// Runs `body` `runs` times after one warm-up and returns the median seconds.
    public static func median(runs: Int, _ body: () -> Void) -> Double {
        body()
        var times: [Double] = []
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        times.sort()
        return times[times.count / 2]
    }

    /// Peak resident set size of this process so far, in bytes (Linux `VmHWM`).
    public static func peakRSS() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kb * 1024
        }
        return 0
    }

    public static func readFile(_ path: String) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
            exit(2)
        }
        return [UInt8](data)
    }

    public static func mbps(_ bytes: Int, _ seconds: Double) -> String {
        String(format: "%.1f", Double(bytes) / 1e6 / seconds)
    }
}
