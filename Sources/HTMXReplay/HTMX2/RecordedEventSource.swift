#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EventStream
import HTMLModel
import HTMXSemantics

/// The browser's `EventSource` over the recorded network, on the virtual clock
/// (<https://html.spec.whatwg.org/multipage/server-sent-events.html>, as FORMAT.md
/// "Responses" states the harness's fake): a 200 `text/event-stream` response is announced
/// (OPEN, `open`) at +0 ms and its chunks are parsed with the `.browser` dialect; anything else
/// fails the connection (CLOSED, `error`, no reconnection); the end of the body or a network
/// error reestablishes the connection (CONNECTING, `error`, a new GET after the reconnection
/// time with `Last-Event-ID`).
final class RecordedEventSource {
    let source: HTMX2EventSource
    let element: Node?
    private unowned let network: RecordedNetwork
    private let scheduler: VirtualScheduler
    /// Kept across reconnections: it holds the last event ID and the `retry` time.
    private var parser = EventStreamParser(dialect: .browser)
    /// Bumped by close(): timers of an earlier connection see a stale value and do nothing.
    private var generation = 0
    private var lines = FieldNameScanner()
    private var reportedRawLine = false

    /// Chromium's default reconnection time.
    static let defaultReconnectionTime = 3000.0

    init(url: String, element: Node?, network: RecordedNetwork, scheduler: VirtualScheduler) {
        source = HTMX2EventSource(url: url)
        self.element = element
        self.network = network
        self.scheduler = scheduler
        // The model lives as long as its pending timers (they hold it); the source only points back weakly.
        source.onClose = { [weak self] in self?.generation += 1 }
        connect()
    }

    /// The spec's fetch step: the request is made now, its outcome is handled on the clock.
    private func connect() {
        var headers = [("accept", "text/event-stream")]
        let lastID = parser.lastEventID
        if !lastID.isEmpty { headers.append(("last-event-id", lastID)) }
        let response = network.takeEventStream(url: source.url, headers: headers, element: element)
        // The harness's fake answers from a promise reaction: its timers are scheduled after
        // whatever the current task still schedules (htmx's `htmx:load` timeout comes first).
        scheduler.queueMicrotask { [self] in schedule(response) }
    }

    private func schedule(_ response: RecordedResponse?) {
        let gen = generation
        guard source.readyState != .closed else { return }
        guard let r = response else {
            at(0, gen) { $0.failConnection() }
            return
        }
        if r.networkError {
            at(0, gen) { $0.reestablish() }
            return
        }
        guard r.status == 200, r.isEventStream else {
            network.report("sse-connection-failed", element,
                           "\(source.url) answered \(r.status) \(r.header("content-type") ?? "without a content type"): the EventSource fails")
            at(0, gen) { $0.failConnection() }
            return
        }
        lines = FieldNameScanner()
        at(0, gen) { $0.announce() }
        for chunk in r.chunks {
            let bytes = chunk.data
            at(chunk.at, gen) { $0.receive(bytes) }
        }
        if let end = r.close {
            at(end, gen) { $0.endOfBody() }
        }
    }

    private func at(_ delay: Double, _ gen: Int, _ task: @escaping (RecordedEventSource) -> Void) {
        // No node is read once the source is closed, and an open source's element is pinned
        // through RecordedNetwork.heldNodes.
        scheduler.scheduleWithoutNodes(after: delay) { [self] in
            guard gen == generation, source.readyState != .closed else { return }
            task(self)
        }
    }

    /// "Announce the connection".
    private func announce() {
        source.readyState = .open
        source.dispatchOpen()
    }

    /// "Fail the connection".
    private func failConnection() {
        source.readyState = .closed
        generation += 1
        source.dispatchError()
    }

    /// "Reestablish the connection": CONNECTING and `error` now, a new request after the
    /// reconnection time if nothing closed the source meanwhile.
    private func reestablish() {
        source.readyState = .connecting
        generation += 1
        let gen = generation
        source.dispatchError()
        let delay = parser.reconnectionTime.map(Double.init) ?? Self.defaultReconnectionTime
        at(delay, gen) { me in
            guard me.source.readyState == .connecting else { return }
            me.connect()
        }
    }

    private func endOfBody() {
        do { try parser.finish() } catch { network.report("sse-stream-limit", element, "\(error)") }
        reestablish()
    }

    /// Parses one chunk and dispatches each completed event in its own task's worth of work
    /// (microtasks settle in between), stopping when a listener closes the source.
    private func receive(_ bytes: [UInt8]) {
        if !reportedRawLine, let field = lines.scan(bytes) {
            reportedRawLine = true
            network.report("sse-raw-newline", element,
                           "the stream has a line \"\(field)…\" that is no field: data with raw newlines must be sent as several data: lines; the rest of that data is lost")
        }
        do { try parser.feed(bytes) } catch { network.report("sse-stream-limit", element, "\(error)") }
        let gen = generation
        while let message = parser.next() {
            guard gen == generation, source.readyState != .closed else { return }
            source.dispatchMessage(type: message.type, data: message.data, lastEventId: message.lastEventID)
            scheduler.drainMicrotasks()
        }
    }
}

extension RecordedNetwork: HTMX2EventSourceFactory {
    func makeEventSource(url: String, element: Node?) -> HTMX2EventSource {
        let model = RecordedEventSource(url: url, element: element, network: self, scheduler: scheduler)
        eventSources.append(WeakEventSource(value: model))
        return model.source
    }
}

/// Finds lines whose field name is none of the event-stream fields (what remains of data sent
/// with a raw newline), across chunk boundaries.
struct FieldNameScanner {
    private var atLineStart = true
    private var name: [UInt8] = []
    private var inName = false

    private static let known: [[UInt8]] = [Array("event".utf8), Array("data".utf8), Array("id".utf8), Array("retry".utf8)]

    /// The first unknown field name (up to 24 bytes) in this chunk, if any. Only the start
    /// of each line is read byte by byte; the rest is skipped with `memchr` (a recorded
    /// stream can be hundreds of megabytes).
    mutating func scan(_ bytes: [UInt8]) -> String? {
        var found: String?
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            while i < b.count {
                if !atLineStart && !inName {
                    guard let end = Self.lineEnd(b, from: i) else { return }
                    i = end
                }
                let c = b[i]
                i += 1
                if c == 0x0A || c == 0x0D {
                    if inName, found == nil { found = check() }
                    atLineStart = true
                    inName = false
                    name.removeAll(keepingCapacity: true)
                    continue
                }
                if atLineStart {
                    atLineStart = false
                    // A line starting with a colon is a comment, never a field.
                    inName = c != 0x3A
                    if !inName { continue }
                }
                if c == 0x3A {
                    if found == nil { found = check() }
                    inName = false
                } else if name.count < 24 {
                    name.append(c)
                }
            }
        }
        return found
    }

    /// The offset of the first CR or LF at or after `start`, if any.
    private static func lineEnd(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = b.baseAddress, start < b.count else { return nil }
        let rest = b.count - start
        let lf = memchr(base + start, 0x0A, rest).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) }
        let crLimit = (lf ?? b.count) - start
        if crLimit > 0, let cr = memchr(base + start, 0x0D, crLimit) {
            return base.distance(to: cr.assumingMemoryBound(to: UInt8.self))
        }
        return lf
    }

    private func check() -> String? {
        if name.isEmpty || Self.known.contains(name) { return nil }
        // The stream's leading BOM is stripped by the parser; whatever follows it is not judged here.
        if name.starts(with: [0xEF, 0xBB, 0xBF]) { return nil }
        return String(decoding: name, as: UTF8.self)
    }
}
