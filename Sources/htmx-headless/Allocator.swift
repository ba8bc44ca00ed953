import CAllocator

/// The process's allocator, set up for replays. glibc keeps small freed chunks unmerged in
/// "fast bins" and merges all of them at once (`malloc_consolidate`) before any request of
/// 1 KiB or more and after any large free. A replay frees hundreds of thousands of small
/// nodes, strings and closures between such requests (message data, growing record and
/// timer storage, the result), and under `perf` that merging was 7 % of a W3 replay. Without
/// fast bins, small chunks are still cached per thread (tcache) and merged as they are freed.
/// `htmx-headless run` on the benchmark workloads, interleaved with and without: htmx 2
/// W1-10k −10 %, W2 −14 %, W3 −7 %; htmx 4 W1-10k −7 %, W2 −3 %, W3 +6 % (less CPU time,
/// more wall time); peak memory unchanged. A process-wide setting, so the executable makes
/// it, not the library (a program embedding the library can do the same, or run with
/// `GLIBC_TUNABLES=glibc.malloc.mxfast=0`).
enum Allocator {
    static func configureForReplay() {
        hh_disable_fast_bins()
    }
}
