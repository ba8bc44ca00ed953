import HTMLModel
import HTMXSemantics

/// The scenario's recorded responses as htmx 2's `XMLHttpRequest` sees them
/// (FORMAT.md "Responses"): the k-th request for a method + URL gets the k-th recorded
/// response for it, delivered whole at the body's end time; no recording left, or
/// `networkError`, is a network error.
final class RecordedNetwork: HTMX2Transport {
    let scheduler: VirtualScheduler
    private var queues: [String: FIFO<RecordedResponse>] = [:]
    private(set) var requests: [RequestRecord] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// The event sources opened so far (weakly: their pending timers keep them alive).
    var eventSources: [WeakEventSource] = []

    struct WeakEventSource { weak var value: RecordedEventSource? }

    /// Elements that event sources still able to run (not closed) hold for diagnostics.
    var heldNodes: [Node] {
        eventSources.removeAll { $0.value.map { $0.source.readyState == .closed } ?? true }
        return eventSources.compactMap { $0.value?.element }
    }

    init(responses: [RecordedResponse], scheduler: VirtualScheduler) {
        self.scheduler = scheduler
        for r in responses { queues[Self.key(r.method, r.url), default: FIFO()].append(r) }
    }

    static func key(_ method: String, _ url: String) -> String { method.uppercased() + " " + url }

    /// Records an `EventSource` GET and takes the next recorded response for it (nil when none
    /// is left: the connection fails, FORMAT.md "Responses").
    func takeEventStream(url: String, headers: [(String, String)], element: Node?) -> RecordedResponse? {
        requests.append(RequestRecord(method: "GET", url: url, headers: headers))
        let key = Self.key("GET", url)
        guard let r = queues[key]?.take() else {
            diagnostics.append(Diagnostic(code: "no-recording", element: element.map(NodePath.of),
                                          message: "no recorded response left for \(key): the EventSource connection fails",
                                          at: scheduler.now))
            return nil
        }
        return r
    }

    /// Records a request and takes the next recorded response for its method + URL (nil when
    /// none is left, which is diagnosed).
    func take(_ record: RequestRecord, element: Node?, whenMissing: String) -> RecordedResponse? {
        requests.append(record)
        let key = Self.key(record.method, record.url)
        guard let r = queues[key]?.take() else {
            diagnostics.append(Diagnostic(code: "no-recording", element: element.map(NodePath.of),
                                          message: "no recorded response left for \(key): \(whenMissing)", at: scheduler.now))
            return nil
        }
        return r
    }

    /// Adds a diagnostic at the current time.
    func report(_ code: String, _ element: Node?, _ message: String) {
        diagnostics.append(Diagnostic(code: code, element: element.map(NodePath.of), message: message, at: scheduler.now))
    }

    func send(_ request: HTMX2OutgoingRequest, completion: @escaping (HTMX2ResponseOutcome) -> Void) -> () -> Void {
        requests.append(RequestRecord(method: request.method, url: request.url, headers: request.headers,
                                      body: (request.body?.isEmpty ?? true) ? nil : request.body))
        let key = Self.key(request.method, request.url)
        var outcome: HTMX2ResponseOutcome = .networkError
        var delay: Double = 0
        if let r = queues[key]?.take() {
            if !r.networkError {
                let bytes = r.chunks.flatMap(\.data)
                outcome = .response(status: r.status, headers: r.headers, body: String(decoding: bytes, as: UTF8.self))
                delay = r.endTime ?? 0
            }
        } else {
            diagnostics.append(Diagnostic(code: "no-recording", element: request.source.map(NodePath.of),
                                          message: "no recorded response left for \(key): network error", at: scheduler.now))
        }
        var aborted = false
        let id = scheduler.schedule(after: delay) {
            if !aborted { completion(outcome) }
        }
        return { [scheduler] in
            aborted = true
            scheduler.cancel(id)
        }
    }
}

/// Scripted answers for `confirm` / `prompt` (FORMAT.md "Dialogs"), with the calls recorded.
final class ScriptedDialogs: HTMX2Dialogs {
    private var confirms: FIFO<Bool>
    private var prompts: FIFO<String?>
    private(set) var records: [DialogRecord] = []

    init(_ dialogs: Dialogs) {
        confirms = FIFO(dialogs.confirm)
        prompts = FIFO(dialogs.prompt)
    }

    func confirm(_ message: String) -> Bool {
        records.append(DialogRecord(kind: .confirm, message: message))
        return confirms.take() ?? true
    }

    func prompt(_ message: String) -> String? {
        records.append(DialogRecord(kind: .prompt, message: message))
        // A listed null is a cancelled prompt; an exhausted list answers "".
        return prompts.take() ?? ""
    }
}
