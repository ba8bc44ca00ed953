import EventStream
import HTMLModel

/// hx-sse's settings for one connection (`getConfig`): defaults, then `htmx.config.sse`,
/// then the element's `hx-config="sse.…"`.
struct HTMX4SSEConfig {
    var reconnect: Bool
    var reconnectDelay: GrammarJSON.Value
    var reconnectMaxDelay: GrammarJSON.Value
    var reconnectMaxAttempts: Double
    var reconnectJitter: Double
    var pauseOnBackground: Bool

    init(isConnect: Bool, global: HCON.Object?, perElement: HCON.Object?) {
        reconnect = isConnect
        reconnectDelay = .number(500)
        reconnectMaxDelay = .number(60000)
        reconnectMaxAttempts = .infinity
        reconnectJitter = 0.3
        pauseOnBackground = isConnect
        for source in [global, perElement] {
            for (k, v) in source?.members ?? [] {
                switch k {
                case "reconnect": reconnect = v.isTruthy
                case "reconnectDelay": reconnectDelay = v
                case "reconnectMaxDelay": reconnectMaxDelay = v
                case "reconnectMaxAttempts": reconnectMaxAttempts = Self.number(v)
                case "reconnectJitter": reconnectJitter = Self.number(v)
                case "pauseOnBackground": pauseOnBackground = v.isTruthy
                default: break
                }
            }
        }
    }

    /// JavaScript's numeric conversion for the comparisons hx-sse makes.
    static func number(_ v: GrammarJSON.Value) -> Double {
        switch v {
        case .number(let n): return n
        case .bool(let b): return b ? 1 : 0
        case .null: return 0
        case .string(let s): return JSText.parseFloat(s) ?? .nan
        default: return .nan
        }
    }

    /// `htmx.parseInterval(x) ?? x`.
    static func interval(_ v: GrammarJSON.Value) -> Double {
        HTMX4Interval.parse(v) ?? number(v)
    }
}

/// One hx-sse connection (`handleSSEResponse`): streams the response through htmx 4's SSE
/// parser, swaps unnamed messages, dispatches named ones, and reconnects with backoff on
/// the virtual clock. The JavaScript is one async function; here each `await` is a step
/// that continues from a callback.
final class HTMX4SSEConnection {
    unowned let runtime: HTMX4Runtime
    let element: Node
    let ctx: HTMX4RequestContext
    var config: HTMX4SSEConfig
    let url: String
    var lastEventId: String?
    var attempt = 0
    var status: Int?
    var paused = false
    var unpause: (() -> Void)?
    var reconnectRequested = false
    var delayCanceller: (() -> Void)?
    var abortController: (aborted: Bool, abort: () -> Void)?
    var reader: HTMX4BodyStream?
    var visibilityListener: EventDispatcher.ListenerID?
    var ended = false
    /// Named events seen (for the `hx-sse:close` diagnostic).
    var eventNames = Set<String>()
    private var currentResponse: HTMX4Response
    private var parser = EventStreamParser(dialect: .htmx4)

    init(runtime: HTMX4Runtime, ctx: HTMX4RequestContext, response: HTMX4Response, config: HTMX4SSEConfig) {
        self.runtime = runtime
        self.element = ctx.sourceElement
        self.ctx = ctx
        self.config = config
        self.url = ctx.action
        self.currentResponse = response
    }

    /// `connection` as the events' detail holds it.
    var jsObject: JSValue {
        var o = JSObject([("url", .string(url)), ("attempt", .number(Double(attempt)))])
        o["status"] = status.map { .number(Double($0)) } ?? .null
        if let lastEventId { o["lastEventId"] = .string(lastEventId) }
        return .object(o)
    }

    func detail(_ extra: [(String, JSValue)] = []) -> HTMX4Detail {
        HTMX4Detail([("connection", jsObject)] + extra)
    }

    /// The start of `handleSSEResponse`, up to the first read.
    func start() {
        runtime.prop(element).sse = self
        if config.pauseOnBackground {
            visibilityListener = runtime.dispatcher.addListener(.node(runtime.document.node), "visibilitychange") { [unowned self] _ in
                if runtime.documentHidden {
                    paused = true
                    reader?.cancel()
                } else if paused {
                    paused = false
                    if let u = unpause { runtime.scheduler.queueMicrotask(u) }
                }
            }
        }
        guard runtime.fire(element, "htmx:before:sse:connection", detail()) else {
            return HTMX4SSEExtension.cleanup(element, "cancelled", runtime)
        }
        status = currentResponse.status
        runtime.fire(element, "htmx:after:sse:connection", detail())
        loop()
    }

    /// The top of `while (element.isConnected)`.
    private func loop() {
        guard element.isConnected else { return end() }
        if attempt > 0 { return reconnect() }
        stream()
    }

    private func reconnect() {
        if paused {
            unpause = { [unowned self] in
                unpause = nil
                guard element.isConnected else { return end() }
                attempt = 1
                reconnectRequested = true
                reconnectAfterPause()
            }
            return
        }
        reconnectAfterPause()
    }

    private func reconnectAfterPause() {
        if !reconnectRequested {
            if !config.reconnect || Double(attempt) > config.reconnectMaxAttempts { return end() }
        }
        let base = HTMX4SSEConfig.interval(config.reconnectDelay)
        let maxDelay = HTMX4SSEConfig.interval(config.reconnectMaxDelay)
        var delay = min(base * pow2(attempt - 1), maxDelay)
        if config.reconnectJitter > 0 {
            let range = delay * config.reconnectJitter
            delay = max(0, delay + (runtime.random() * 2 - 1) * range)
        }
        guard runtime.fire(element, "htmx:before:sse:connection", detail()) else { return end() }
        var woke = false
        let wake: () -> Void = { [unowned self] in
            guard !woke else { return }
            woke = true
            delayCanceller = nil
            guard element.isConnected else { return end() }
            refetch()
        }
        let timer = runtime.scheduler.schedule(after: delay.isNaN ? 0 : delay, wake)
        delayCanceller = { [unowned self] in
            runtime.scheduler.cancel(timer)
            runtime.scheduler.queueMicrotask(wake)
        }
    }

    private func pow2(_ n: Int) -> Double {
        var v = 1.0
        if n >= 0 { for _ in 0..<min(n, 1100) { v *= 2 } } else { for _ in 0..<min(-n, 1100) { v /= 2 } }
        return v
    }

    /// `fetch(ctx.request.action, {...ctx.request, signal})`, outside htmx's pipeline.
    private func refetch() {
        if let id = lastEventId, !id.isEmpty { ctx.setHeader("Last-Event-ID", id) }
        guard let transport = runtime.transport else { return end() }
        let request = HTMX4OutgoingRequest(method: ctx.method, url: ctx.action, headers: ctx.headers,
                                           body: ctx.body.map(HTMX4Runtime.urlEncoded), source: element)
        var abortFetch: () -> Void = {}
        abortController = (false, { abortFetch() })
        abortFetch = transport.fetch(request) { [unowned self] outcome in
            switch outcome {
            case .aborted, .networkError:
                if abortController?.aborted ?? false { return end() }
                runtime.fire(element, "htmx:sse:error", HTMX4Detail([("error", HTMX4Runtime.errorValue("TypeError", "Failed to fetch")),
                                                                      ("url", .string(url))]))
                reconnectRequested = false
                attempt += 1
                loop()
            case .response(let r):
                if !r.ok {
                    runtime.fire(element, "htmx:sse:error", HTMX4Detail([
                        ("error", HTMX4Runtime.errorValue("Error", "SSE reconnect failed with status \(r.status)")),
                        ("status", .number(Double(r.status))), ("url", .string(url))]))
                    reconnectRequested = false
                    attempt += 1
                    return loop()
                }
                status = r.status
                runtime.fire(element, "htmx:after:sse:connection", detail())
                attempt = 0
                currentResponse = r
                stream()
            }
        }
    }

    /// `for await (let msg of parseSSE(reader))`.
    private func stream() {
        reconnectRequested = false
        parser = EventStreamParser(dialect: .htmx4)
        switch currentResponse.body {
        case .stream(let s): reader = s
        case .complete(let bytes): reader = CompleteBodyStream(runtime.scheduler, bytes)
        }
        read()
    }

    private func read() {
        guard let reader else { return afterStream() }
        reader.read { [unowned self] result in
            switch result {
            case .chunk(let bytes):
                do {
                    try parser.feed(bytes)
                } catch {
                    runtime.report("sse-stream-limit", element, "\(error)")
                    return failed()
                }
                nextMessage()
            case .done:
                afterStream()
            case .failed:
                failed()
            }
        }
    }

    /// The loop's body for each parsed message, one at a time (a swap may wait on timers).
    private func nextMessage() {
        runtime.atSafePoint?()
        guard let msg = parser.next() else { return read() }
        guard element.isConnected, !reconnectRequested else {
            reader?.cancel()
            return afterStream()
        }
        // Decoded once: a message's data is read as a string up to three times below.
        let data = msg.data
        let message = JSObject([("data", .string(data)), ("event", .string(msg.event)), ("id", .string(msg.id ?? "")),
                                ("cancelled", .bool(false))])
        guard runtime.fire(element, "htmx:before:sse:message", HTMX4Detail([("message", .object(message))])) else {
            return nextMessage()
        }
        var after = message
        after["cancelled"] = nil
        let afterDetail = HTMX4Detail([("message", .object(after))])
        if let id = msg.id, !id.isEmpty { lastEventId = id }
        if let retry = msg.retry { config.reconnectDelay = .number(retry) }
        if !msg.event.isEmpty {
            eventNames.insert(msg.event)
            runtime.trigger(element, msg.event, .object(JSObject([("data", .string(data)), ("id", .string(msg.id ?? ""))])))
            runtime.fire(element, "htmx:after:sse:message", afterDetail)
            if let close = runtime.attributeValue(element, "hx-sse:close"), !close.isEmpty, close == msg.event {
                ended = true
                HTMX4SSEExtension.cleanup(element, "message", runtime)
                return
            }
            return nextMessage()
        }
        ctx.text = data
        if !JSText.includes(ctx.swap, "swapEmpty") { ctx.swap += " swapEmpty:false" }
        runtime.swap(ctx) { [unowned self] error in
            if let error {
                if !(abortController?.aborted ?? false) {
                    runtime.fire(element, "htmx:sse:error", HTMX4Detail([("error", error), ("url", .string(url))]))
                }
                reader?.cancel()
                return afterStream()
            }
            runtime.fire(element, "htmx:after:sse:message", afterDetail)
            nextMessage()
        }
    }

    /// The stream errored: `catch (e)` around the message loop.
    private func failed() {
        if !(abortController?.aborted ?? false) {
            runtime.fire(element, "htmx:sse:error", HTMX4Detail([("error", HTMX4Runtime.errorValue("TypeError", "network error")),
                                                                  ("url", .string(url))]))
        }
        afterStream()
    }

    private func afterStream() {
        reader = nil
        guard element.isConnected else { return end() }
        attempt += 1
        loop()
    }

    /// The `finally` of `handleSSEResponse`.
    private func end() {
        guard !ended else { return }
        ended = true
        let connected = element.isConnected
        if connected && !config.reconnect && runtime.props[element]?.sse === self {
            runtime.report("sse-ended", element, "the stream from \(url) ended and reconnect is off for this element: no more messages")
        }
        HTMX4SSEExtension.cleanup(element, connected ? "ended" : "removed", runtime)
    }
}

/// A complete body read as one chunk (a reconnect answered with something else than a stream).
final class CompleteBodyStream: HTMX4BodyStream {
    private let scheduler: VirtualScheduler
    private var bytes: [UInt8]?
    private var cancelled = false

    init(_ scheduler: VirtualScheduler, _ bytes: [UInt8]) {
        self.scheduler = scheduler
        self.bytes = bytes
    }

    func read(_ handler: @escaping (HTMX4Read) -> Void) {
        if !cancelled, let b = bytes {
            bytes = nil
            scheduler.queueMicrotask { handler(.chunk(b)) }
        } else {
            scheduler.queueMicrotask { handler(.done) }
        }
    }

    func cancel() { cancelled = true }
}
