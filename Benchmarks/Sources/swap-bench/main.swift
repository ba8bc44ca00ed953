import BenchSupport
import HeadlessHTMX

// swap-bench PAGE.html STREAM.sse [runs]
// The htmx 2 swap engine on a workload of ../shared/bench: every message parsed by
// EventStream (browser dialect), its data swapped into the element whose `sse-swap` names the
// event, with that element's hx-target / hx-swap, OOB included, settle classes on the virtual
// clock and every event recorded. Prints µs per message, the body's size and peak RSS.
// The timed part is the one swap_floor times for its `us_per_msg`: the stream, from the
// first chunk to the last settle task; the page's parse and processing and the final
// serialization run untimed, as the floor's page parse and serialization do.
let args = CommandLine.arguments
guard args.count >= 3 else { Measure.fail("usage: swap-bench PAGE.html STREAM.sse [runs]") }
let runs = args.count > 3 ? Int(args[3]) ?? 3 : 3
let page = Measure.readFile(args[1])
let stream = Measure.readFile(args[2])

struct Outcome { var messages = 0; var bodyBytes = 0; var events = 0; var streamSeconds = 0.0 }

func replay() -> Outcome {
    let document = Document(html: page)
    let dispatcher = EventDispatcher()
    let scheduler = VirtualScheduler()
    let recorder = EventRecorder()
    recorder.attach(to: dispatcher)
    let runtime = HTMX2Runtime(document: document, dispatcher: dispatcher, scheduler: scheduler)
    runtime.start()
    scheduler.run(until: 0)
    // The sse-swap listeners, as the extension registers them: event name -> element.
    var listeners: [String: Node] = [:]
    for el in (try? document.querySelectorAll("[sse-swap]")) ?? [] {
        for name in (el.attribute("sse-swap") ?? "").split(separator: ",") {
            listeners[String(name.filter { !$0.isWhitespace })] = el
        }
    }
    var out = Outcome()
    let started = Measure.now()
    var parser = EventStreamParser(dialect: .browser)
    var offset = 0
    let chunk = 64 * 1024
    func drain() {
        while let m = parser.next() {
            guard let el = listeners[m.type] else { continue }
            let target = runtime.target(of: el) ?? el
            runtime.swapContent(into: target, m.data, spec: runtime.swapSpecification(for: el), contextElement: el)
            out.messages += 1
            // Messages arrive after the settle delay has passed, as in a paced stream.
            scheduler.run(until: scheduler.now + 25)
            runtime.releaseUnreachableDetachedNodes()
        }
    }
    while offset < stream.count {
        let end = min(offset + chunk, stream.count)
        try? stream[offset..<end].withUnsafeBytes { try parser.feed($0.bindMemory(to: UInt8.self)) }
        drain()
        offset = end
    }
    try? parser.finish()
    drain()
    scheduler.run(until: scheduler.now + 1000)
    out.streamSeconds = Measure.now() - started
    out.bodyBytes = document.body?.outerHTMLBytes.count ?? 0
    out.events = recorder.records.count
    // Listeners and timers capture the runtime: without this every run's document and
    // records would stay alive (a replay's session does the same).
    dispatcher.removeAll()
    scheduler.cancelAll()
    runtime.tearDown()
    return out
}

// One warm-up run, then the median of `runs` stream timings.
var last = replay()
var timings: [Double] = []
for _ in 0..<max(1, runs) {
    last = replay()
    timings.append(last.streamSeconds)
}
let seconds = timings.sorted()[timings.count / 2]
let perMessage = seconds / Double(max(1, last.messages)) * 1e6
print("BENCHRESULT{\"messages\":\(last.messages),\"us_per_message\":\(Measure.fixed(perMessage, digits: 2)),"
    + "\"stream_ms\":\(Measure.fixed(seconds * 1e3, digits: 1)),\"body_bytes\":\(last.bodyBytes),\"events\":\(last.events),"
    + "\"peak_rss_kb\":\(Measure.peakRSS() / 1024)}ENDBENCH")
