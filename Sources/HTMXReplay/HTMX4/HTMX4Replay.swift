import HTMLModel
import HTMXSemantics

/// Runs an htmx 4 scenario: the page, htmx 4 and hx-sse initialised at t = 0, the actions
/// at their times, the recorded network through `fetch`, until `until`.
final class HTMX4Replay {
    let scenario: Scenario
    let document: Document
    let dispatcher = EventDispatcher()
    let scheduler = VirtualScheduler()
    let recorder: EventRecorder
    let runtime: HTMX4Runtime
    let network: RecordedNetwork
    let fetch: RecordedFetch
    let dialogs: ScriptedDialogs
    let driver: PageDriver
    let sse = HTMX4SSEExtension()

    /// See ``Replayer/releaseThreshold``.
    let releaseThreshold: Int

    init(_ scenario: Scenario, document: Document, releaseThreshold: Int = 256) {
        self.releaseThreshold = releaseThreshold
        self.scenario = scenario
        self.document = document
        recorder = EventRecorder(extraTypes: Set(scenario.events))
        // htmx 4 reads the meta config when it loads; the scenario's config is assigned after.
        runtime = HTMX4Runtime(document: document, dispatcher: dispatcher, scheduler: scheduler)
        for (key, value) in scenario.config {
            runtime.config.assign(key, HTMX2Replay.grammarValue(value))
        }
        network = RecordedNetwork(responses: scenario.responses, scheduler: scheduler)
        fetch = RecordedFetch(network: network)
        dialogs = ScriptedDialogs(scenario.dialogs)
        driver = PageDriver(document: document, dispatcher: dispatcher, scheduler: scheduler)
        let recorder = self.recorder
        dispatcher.observer = { event, path in recorder.observe(event, path: path) }
        runtime.transport = fetch
        runtime.dialogs = dialogs
        runtime.register(sse)
        // hx-sse's reconnect jitter draws from `Math.random`: seeded, so runs repeat exactly.
        runtime.random = SeededRandom(seed: scenario.seed).next
        driver.onVisibilityChange = { [unowned runtime] hidden in runtime.documentHidden = hidden }
    }

    func run() -> (events: [EventRecord], requests: [RequestRecord], dialogs: [DialogRecord], diagnostics: [Diagnostic]) {
        // Listeners and timers capture the runtime: drop them once the result is taken.
        defer {
            dispatcher.removeAll()
            scheduler.cancelAll()
            runtime.tearDown()
        }
        // t = 0 is htmx 4's init (`process(document.body)`); the actions are scheduled after it.
        runtime.start()
        for action in scenario.actions {
            // An action names its elements by selector, resolved when it runs.
            scheduler.scheduleWithoutNodes(at: action.at) { [driver] in driver.perform(action) }
        }
        // Removed content nothing can reach any more is freed between tasks, and between the
        // messages of a long stream.
        let release = { [unowned self] in
            _ = runtime.releaseUnreachableDetachedNodes(whenAtLeast: releaseThreshold)
        }
        scheduler.afterEachTask = release
        runtime.atSafePoint = release
        if !scheduler.run(until: scenario.until, maxTasks: 1_000_000) {
            driver.diagnostics.append(Diagnostic(code: "runaway", message: "stopped after a million timer tasks"))
        }
        sse.finish(runtime)
        return (recorder.records, network.requests, dialogs.records, driver.diagnostics + runtime.diagnostics + network.diagnostics)
    }
}
