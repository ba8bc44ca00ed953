// sse-bench FILE [-r RUNS] [-c CHUNK_BYTES] [--dialect browser|htmx4|both] [--cpu-time]
// Reads a text/event-stream file into memory, then times EventStreamParser over it: the file
// is fed in chunks (64 KiB by default, so the parser's memory does not grow with the file) and
// every message is taken with next(). Prints, per dialect, the median MB/s (MiB per second, as
// sse_floor reports) of RUNS passes and the parse result to check against meta.json.
// --cpu-time measures the thread's CPU time instead of wall time: steadier on a shared
// machine, for comparing two builds (the floor comparison uses wall time, as sse_floor does).
import Foundation
import HeadlessHTMX

struct Options {
    var path = ""
    var runs = 7
    var chunkSize = 64 * 1024
    var dialects: [EventStreamDialect] = EventStreamDialect.allCases
    var cpuTime = false
}

func parseOptions() -> Options? {
    var options = Options()
    var args = CommandLine.arguments.dropFirst()
    while let arg = args.popFirst() {
        switch arg {
        case "-r": guard let v = args.popFirst().flatMap({ Int($0) }), v > 0 else { return nil }; options.runs = v
        case "-c": guard let v = args.popFirst().flatMap({ Int($0) }), v > 0 else { return nil }; options.chunkSize = v
        case "--cpu-time": options.cpuTime = true
        case "--dialect":
            guard let v = args.popFirst() else { return nil }
            if v == "both" { options.dialects = EventStreamDialect.allCases } else {
                guard let d = EventStreamDialect(rawValue: v) else { return nil }
                options.dialects = [d]
            }
        default:
            guard options.path.isEmpty else { return nil }
            options.path = arg
        }
    }
    return options.path.isEmpty ? nil : options
}

struct Counts: Equatable {
    var messages = 0
    var dataBytes = 0
    var named = 0
    var lastID = ""
}

func parseOnce(_ bytes: UnsafeRawBufferPointer, dialect: EventStreamDialect, chunkSize: Int) throws -> Counts {
    var parser = EventStreamParser(dialect: dialect)
    var counts = Counts()
    var offset = 0
    while offset < bytes.count {
        let end = min(offset + chunkSize, bytes.count)
        try parser.feed(UnsafeRawBufferPointer(rebasing: bytes[offset..<end]))
        while let message = parser.next() {
            counts.messages += 1
            counts.dataBytes += message.dataUTF8.count
            if !message.eventUTF8.isEmpty { counts.named += 1 }
        }
        offset = end
    }
    try parser.finish()
    counts.lastID = parser.lastEventID
    return counts
}

/// Seconds on the monotonic clock, or of this thread's CPU time.
func now(cpu: Bool) -> Double {
    var t = timespec()
    clock_gettime(cpu ? CLOCK_THREAD_CPUTIME_ID : CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func median(_ values: [Double]) -> Double {
    let s = values.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

guard let options = parseOptions() else {
    FileHandle.standardError.write(Data("usage: sse-bench FILE [-r RUNS] [-c CHUNK_BYTES] [--dialect browser|htmx4|both] [--cpu-time]\n".utf8))
    exit(2)
}
guard let data = FileManager.default.contents(atPath: options.path) else {
    FileHandle.standardError.write(Data("sse-bench: cannot read \(options.path)\n".utf8))
    exit(2)
}
let bytes = [UInt8](data)
let mebibytes = Double(bytes.count) / 1_048_576
var results: [String] = []
for dialect in options.dialects {
    var times: [Double] = []
    var counts = Counts()
    for _ in 0..<options.runs {
        let start = now(cpu: options.cpuTime)
        counts = try bytes.withUnsafeBytes { try parseOnce($0, dialect: dialect, chunkSize: options.chunkSize) }
        times.append(now(cpu: options.cpuTime) - start)
    }
    let mbps = mebibytes / median(times)
    let best = mebibytes / times.min()!
    let worst = mebibytes / times.max()!
    print(String(format: "sse-bench %@: %.1f MB/s median (min %.1f, max %.1f) over %d runs, %d KiB chunks; messages %d, data_bytes %d, named %d, last_id %@",
                 dialect.rawValue, mbps, worst, best, options.runs, options.chunkSize / 1024,
                 counts.messages, counts.dataBytes, counts.named, counts.lastID))
    results.append("\"\(dialect.rawValue)_MBps\":\(String(format: "%.1f", mbps)),\"\(dialect.rawValue)_messages\":\(counts.messages),\"\(dialect.rawValue)_data_bytes\":\(counts.dataBytes)")
}
print("BENCHRESULT{\"bytes\":\(bytes.count),\"runs\":\(options.runs),\"chunk\":\(options.chunkSize)," + results.joined(separator: ",") + "}ENDBENCH")
