import HTMLModel
import HTMXSemantics

/// The scenario's recorded responses as htmx 4's `fetch` sees them (FORMAT.md
/// "Responses"): a `text/event-stream` response resolves at +0 ms with a body stream that
/// receives each chunk at its time as one read; any other response resolves, complete, at
/// its body's end time; a network error (or no recording left) rejects at +0 ms.
final class RecordedFetch: HTMX4Transport {
    let network: RecordedNetwork
    var scheduler: VirtualScheduler { network.scheduler }

    init(network: RecordedNetwork) {
        self.network = network
    }

    func fetch(_ request: HTMX4OutgoingRequest, completion: @escaping (HTMX4FetchOutcome) -> Void) -> () -> Void {
        let record = RequestRecord(method: request.method, url: request.url, headers: request.headers,
                                   body: (request.body?.isEmpty ?? true) ? nil : request.body)
        let recorded = network.take(record, element: request.source, whenMissing: "the fetch fails (network error)")
        // The completion is dropped once called: it leads back to the request context,
        // which holds this fetch's abort closure.
        let pending = PendingFetch(completion)
        var stream: RecordedBodyStream?
        let timer: VirtualScheduler.TimerID
        let url = request.url.hasPrefix("/") ? HTMX2Runtime.origin + request.url : request.url
        if let r = recorded, !r.networkError {
            let nullBody = [204, 205, 304].contains(r.status)
            if r.isEventStream {
                let s = RecordedBodyStream(scheduler: scheduler, chunks: nullBody ? [] : r.chunks, end: nullBody ? 0 : r.close)
                s.onDiscard = { [network] count in
                    network.report("sse-messages-lost", request.source,
                                   "\(count) recorded chunk(s) of \(request.url) were never read: the stream was cancelled (page hidden, connection closed or element removed); without id: fields the server cannot resend them after reconnecting")
                }
                stream = s
                timer = scheduler.schedule(after: 0) {
                    s.start()
                    pending.settle(.response(HTMX4Response(status: r.status, headers: r.headers, url: url, body: .stream(s))))
                }
            } else {
                let bytes = nullBody ? [] : r.chunks.flatMap(\.data)
                timer = scheduler.schedule(after: r.endTime ?? 0) {
                    pending.settle(.response(HTMX4Response(status: r.status, headers: r.headers, url: url, body: .complete(bytes))))
                }
            }
        } else {
            timer = scheduler.schedule(after: 0) { pending.settle(.networkError) }
        }
        return { [scheduler] in
            if !pending.settled {
                scheduler.cancel(timer)
                scheduler.queueMicrotask { pending.settle(.aborted) }
            }
            stream?.abort()
        }
    }
}

/// A fetch not yet settled: its completion, called at most once.
final class PendingFetch {
    private var completion: ((HTMX4FetchOutcome) -> Void)?

    init(_ completion: @escaping (HTMX4FetchOutcome) -> Void) { self.completion = completion }

    var settled: Bool { completion == nil }

    func settle(_ outcome: HTMX4FetchOutcome) {
        guard let c = completion else { return }
        completion = nil
        c(outcome)
    }
}

/// A response body stream fed by the recorded chunks on the virtual clock.
final class RecordedBodyStream: HTMX4BodyStream {
    private let scheduler: VirtualScheduler
    private let chunks: [RecordedResponse.Chunk]
    private let end: Double?
    private var buffered = FIFO<[UInt8]>()
    private var ended = false
    private var failed = false
    private var cancelled = false
    private var pending: ((HTMX4Read) -> Void)?
    private var timers: [VirtualScheduler.TimerID] = []
    private var delivered = 0
    /// Told how many recorded chunks a cancel or abort left unread.
    var onDiscard: ((Int) -> Void)?

    init(scheduler: VirtualScheduler, chunks: [RecordedResponse.Chunk], end: Double?) {
        self.scheduler = scheduler
        self.chunks = chunks
        self.end = end
    }

    /// Schedules the chunks relative to now (the request's time: the response resolves at +0).
    func start() {
        for c in chunks {
            // The stream's own timers hold no node: what reads the chunk holds its own.
            timers.append(scheduler.scheduleWithoutNodes(after: c.at) { [weak self] in self?.deliver(.chunk(c.data)) })
        }
        if let end {
            let last = chunks.map(\.at).max() ?? 0
            timers.append(scheduler.scheduleWithoutNodes(after: max(end, last)) { [weak self] in self?.deliver(.done) })
        }
    }

    private func deliver(_ read: HTMX4Read) {
        guard !cancelled, !failed, !ended else { return }
        if case .done = read { ended = true } else { delivered += 1 }
        if let p = pending {
            pending = nil
            if case .done = read { p(.done) } else { p(read) }
        } else if case .chunk(let bytes) = read {
            buffered.append(bytes)
        }
    }

    func read(_ handler: @escaping (HTMX4Read) -> Void) {
        if failed { return scheduler.queueMicrotask { handler(.failed) } }
        if let next = buffered.take() {
            return scheduler.queueMicrotask { handler(.chunk(next)) }
        }
        if ended || cancelled { return scheduler.queueMicrotask { handler(.done) } }
        pending = handler
    }

    /// Chunks never handed to a reader: not yet arrived, or arrived and not read.
    private var unread: Int { chunks.count - delivered + buffered.count }

    /// `reader.cancel()`: a pending read completes as done.
    func cancel() { stop(failing: false) }

    /// The request's signal aborted: a pending read rejects.
    func abort() { stop(failing: true) }

    private func stop(failing: Bool) {
        guard !cancelled, !failed, !(failing && ended) else { return }
        if !ended && unread > 0 { onDiscard?(unread) }
        buffered = FIFO()
        if failing { failed = true } else { cancelled = true }
        for t in timers { scheduler.cancel(t) }
        if let p = pending {
            pending = nil
            scheduler.queueMicrotask { p(failing ? .failed : .done) }
        }
    }
}
