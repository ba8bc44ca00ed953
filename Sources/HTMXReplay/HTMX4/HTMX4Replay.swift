import HTMLModel
import HTMXSemantics

/// Runs an htmx 4 scenario: htmx 4.0.0-beta5 and hx-sse initialised at t = 0 over a
/// ``ReplaySession``, every request through the modelled `fetch`.
final class HTMX4Replay {
    let session: ReplaySession
    let runtime: HTMX4Runtime
    let fetch: RecordedFetch
    let sse = HTMX4SSEExtension()

    init(_ scenario: Scenario, document: Document, releaseThreshold: Int = 256, limits: ReplayLimits = ReplayLimits()) {
        session = ReplaySession(scenario, document: document, releaseThreshold: releaseThreshold, limits: limits)
        // htmx 4 reads the meta config when it loads; the scenario's config is assigned after.
        runtime = HTMX4Runtime(document: document, dispatcher: session.dispatcher, scheduler: session.scheduler)
        for (key, value) in scenario.config {
            runtime.config.assign(key, ReplaySession.grammarValue(value))
        }
        fetch = RecordedFetch(network: session.network)
        runtime.transport = fetch
        runtime.dialogs = session.dialogs
        runtime.register(sse)
        // hx-sse's reconnect jitter draws from `Math.random`: seeded, so runs repeat exactly.
        runtime.random = SeededRandom(seed: scenario.seed).next
        session.driver.onVisibilityChange = { [unowned runtime] hidden in runtime.documentHidden = hidden }
    }

    func run() -> ReplaySession.Outcome {
        let (runtime, sse, threshold) = (self.runtime, self.sse, session.releaseThreshold)
        let release = { [unowned runtime] in
            _ = runtime.releaseUnreachableDetachedNodes(whenAtLeast: threshold)
        }
        // Also between the messages of a long stream: one chunk may carry a whole recording.
        runtime.atSafePoint = release
        return session.run(start: runtime.start, release: release, finish: {
            sse.finish(runtime)
            return runtime.diagnostics
        }, tearDown: runtime.tearDown)
    }
}
