import HTMLModel
import HTMXSemantics

/// What a replay is, whichever htmx runs the page (FORMAT.md "Time"): the page and its event
/// loop, the recorder listening as a capture listener on `document` would, the recorded
/// network, the dialog answers and the actions. A dialect supplies its runtime through
/// ``run(start:release:finish:tearDown:)``.
final class ReplaySession {
    typealias Outcome = (events: EventRecordList, requests: [RequestRecord], dialogs: [DialogRecord], diagnostics: [Diagnostic],
                         stoppedEarly: String?)

    let scenario: Scenario
    let document: Document
    let dispatcher = EventDispatcher()
    let scheduler = VirtualScheduler()
    let recorder: EventRecorder
    let network: RecordedNetwork
    let dialogs: ScriptedDialogs
    let driver: PageDriver
    /// See ``Replayer/releaseThreshold``.
    let releaseThreshold: Int
    let limits: ReplayLimits

    init(_ scenario: Scenario, document: Document, releaseThreshold: Int, limits: ReplayLimits, notes: [Diagnostic] = []) {
        self.scenario = scenario
        self.document = document
        self.releaseThreshold = releaseThreshold
        self.limits = limits
        recorder = EventRecorder(extraTypes: Set(scenario.events))
        network = RecordedNetwork(responses: scenario.responses, scheduler: scheduler)
        dialogs = ScriptedDialogs(scenario.dialogs)
        driver = PageDriver(document: document, dispatcher: dispatcher, scheduler: scheduler, diagnostics: notes)
        recorder.attach(to: dispatcher)
        recorder.maxRecords = limits.maxEvents
        // Weak: the dispatcher's observer holds the recorder, which holds this.
        recorder.onLimit = { [weak dispatcher, weak scheduler] in
            dispatcher?.halt()
            scheduler?.stop()
        }
    }

    /// `start` initialises htmx at t = 0; the actions are scheduled after it; `release`
    /// runs between tasks (freeing removed content); `finish` runs once `until` is reached and
    /// returns the runtime's own diagnostics; `tearDown` breaks the runtime's reference
    /// cycles, after the dispatcher's listeners and the scheduler's timers are dropped (they
    /// capture the runtime, so without this every run's document would leak).
    func run(start: () -> Void, release: @escaping () -> Void, finish: () -> [Diagnostic], tearDown: () -> Void) -> Outcome {
        defer {
            dispatcher.removeAll()
            scheduler.cancelAll()
            tearDown()
        }
        start()
        for action in scenario.actions {
            // An action names its elements by selector, resolved when it runs.
            scheduler.scheduleWithoutNodes(at: action.at) { [driver] in driver.perform(action) }
        }
        scheduler.afterEachTask = release
        var stoppedEarly: String?
        // The event limit can also be reached before any timer (htmx's start on a large page).
        let finished = scheduler.run(until: scenario.until, maxTasks: limits.maxTasks)
        if !finished || recorder.limitReached {
            let at = "t = \(JSONWriter.formatNumber(scheduler.now)) ms"
            stoppedEarly = recorder.limitReached
                ? "stopped at \(at), on reaching \(limits.maxEvents) event records (the limit on events)"
                : "stopped at \(at), after \(limits.maxTasks) timer tasks (the limit on tasks)"
            driver.diagnostics.append(Diagnostic(code: "runaway", message: stoppedEarly!, at: scheduler.now))
        }
        let runtimeNotes = finish()
        return (recorder.records, network.requests, dialogs.records, driver.diagnostics + runtimeNotes + network.diagnostics, stoppedEarly)
    }

    /// A scenario's JSON value as the grammars see it.
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

    /// A scenario's JSON value as page JavaScript would hold it (an event's `detail`).
    static func jsValue(_ v: JSONValue) -> JSValue { JSValue(grammarValue(v)) }
}
