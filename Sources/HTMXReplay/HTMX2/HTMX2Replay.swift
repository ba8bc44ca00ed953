import HTMLModel
import HTMXSemantics

/// Runs an htmx 2 scenario: the page, htmx initialised at t = 0, the actions at their
/// times, the recorded network, until `until` (FORMAT.md "Time").
final class HTMX2Replay {
    let scenario: Scenario
    let document: Document
    let dispatcher = EventDispatcher()
    let scheduler = VirtualScheduler()
    let recorder: EventRecorder
    let runtime: HTMX2Runtime
    let network: RecordedNetwork
    let dialogs: ScriptedDialogs
    /// htmx-ext-sse 2.2.3, loaded after htmx and its config (FORMAT.md "Time").
    let sse: HTMX2SSEExtension
    let driver: PageDriver
    var diagnostics: [Diagnostic] { driver.diagnostics }
    /// See ``Replayer/releaseThreshold``.
    let releaseThreshold: Int

    init(_ scenario: Scenario, document: Document, releaseThreshold: Int = 256) {
        self.releaseThreshold = releaseThreshold
        self.scenario = scenario
        self.document = document
        recorder = EventRecorder(extraTypes: Set(scenario.events))
        var config = HTMX2Config()
        var notes: [Diagnostic] = []
        for (key, value) in scenario.config {
            if let note = config.assign(key, Self.grammarValue(value)) {
                notes.append(Diagnostic(code: "config", message: note))
            }
        }
        runtime = HTMX2Runtime(document: document, dispatcher: dispatcher, scheduler: scheduler, config: config)
        network = RecordedNetwork(responses: scenario.responses, scheduler: scheduler)
        dialogs = ScriptedDialogs(scenario.dialogs)
        sse = HTMX2SSEExtension(factory: network)
        runtime.defineExtension(sse)
        driver = PageDriver(document: document, dispatcher: dispatcher, scheduler: scheduler, diagnostics: notes)
        let recorder = self.recorder
        dispatcher.observer = { event, path in recorder.observe(event, path: path) }
        dispatcher.observerFilter = { recorder.wants($0) }
        runtime.transport = network
        runtime.dialogs = dialogs
    }

    static func grammarValue(_ v: JSONValue) -> GrammarJSON.Value {
        switch v {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n): return .number(n)
        case .string(let s): return .string(s)
        case .array(let a): return .array(a.map(grammarValue))
        case .object(let o): return .object(GrammarJSON.JSObject(o.map { ($0.0, grammarValue($0.1)) }))
        }
    }

    static func jsValue(_ v: JSONValue) -> JSValue {
        switch v {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let n): return .number(n)
        case .string(let s): return .string(s)
        case .array(let a): return .array(a.map(jsValue))
        case .object(let o): return .object(JSObject(o.map { ($0.0, jsValue($0.1)) }))
        }
    }

    func run() -> (events: [EventRecord], requests: [RequestRecord], dialogs: [DialogRecord], diagnostics: [Diagnostic]) {
        // Listeners and timers capture the runtime and this replay, which own the dispatcher
        // and the scheduler: drop them once the result is taken, or every run's document leaks.
        defer {
            dispatcher.removeAll()
            scheduler.cancelAll()
            runtime.tearDown()
        }
        runtime.start()
        if let body = document.body { sse.auditScope(body, runtime) }
        for action in scenario.actions {
            // An action names its elements by selector, resolved when it runs.
            scheduler.scheduleWithoutNodes(at: action.at) { [self] in perform(action) }
        }
        // Between tasks, removed content nothing can reach any more is freed (W2-like streams
        // would otherwise keep every replaced fragment until the end).
        scheduler.afterEachTask = { [unowned self] in
            runtime.releaseUnreachableDetachedNodes(pinning: network.heldNodes, whenAtLeast: releaseThreshold)
        }
        if !scheduler.run(until: scenario.until, maxTasks: 1_000_000) {
            driver.diagnostics.append(Diagnostic(code: "runaway", message: "stopped after a million timer tasks"))
        }
        sse.finish(runtime)
        return (recorder.records, network.requests, dialogs.records, diagnostics + runtime.diagnostics + network.diagnostics)
    }

    private func perform(_ action: Action) {
        driver.perform(action)
    }
}

/// The form owner of a control (its `form` attribute, else the nearest ancestor form).
enum FormOwner {
    static func of(_ el: Node) -> Node? {
        if let id = el.attribute("form") {
            guard let f = el.document.element(byID: id), f.isHTMLElement(named: "form") else { return nil }
            return f
        }
        var cur = el.parentElement
        while let p = cur {
            if p.isHTMLElement(named: "form") { return p }
            cur = p.parentElement
        }
        return nil
    }
}
