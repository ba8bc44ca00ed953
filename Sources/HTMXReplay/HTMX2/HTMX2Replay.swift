import HTMLModel
import HTMXSemantics

/// Runs an htmx 2 scenario: htmx 2.0.10 and htmx-ext-sse initialised at t = 0 over a
/// ``ReplaySession``, requests through `XMLHttpRequest`, streams through the modelled
/// `EventSource`.
final class HTMX2Replay {
    let session: ReplaySession
    let runtime: HTMX2Runtime
    /// htmx-ext-sse 2.2.3, loaded after htmx and its config (FORMAT.md "Time").
    let sse: HTMX2SSEExtension

    init(_ scenario: Scenario, document: Document, releaseThreshold: Int = 256, limits: ReplayLimits = ReplayLimits()) {
        var config = HTMX2Config()
        var notes: [Diagnostic] = []
        for (key, value) in scenario.config {
            if let note = config.assign(key, ReplaySession.grammarValue(value)) {
                notes.append(Diagnostic(code: "config", message: note))
            }
        }
        session = ReplaySession(scenario, document: document, releaseThreshold: releaseThreshold, limits: limits, notes: notes)
        runtime = HTMX2Runtime(document: document, dispatcher: session.dispatcher, scheduler: session.scheduler, config: config)
        sse = HTMX2SSEExtension(factory: session.network)
        runtime.defineExtension(sse)
        runtime.transport = session.network
        runtime.dialogs = session.dialogs
    }

    func run() -> ReplaySession.Outcome {
        let (runtime, sse, network, threshold) = (self.runtime, self.sse, session.network, session.releaseThreshold)
        return session.run(start: {
            runtime.start()
            if let body = runtime.document.body { sse.auditScope(body, runtime) }
        }, release: { [unowned runtime] in
            // W2-like streams would otherwise keep every replaced fragment until the end.
            runtime.releaseUnreachableDetachedNodes(pinning: network.heldNodes, whenAtLeast: threshold)
        }, finish: {
            sse.finish(runtime)
            return runtime.diagnostics
        }, tearDown: runtime.tearDown)
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
