import HTMLModel
import HTMXSemantics

/// Runs a scenario: loads its page and replays it to `until`.
///
/// htmx 2 scenarios run on the htmx 2 runtime (``HTMX2Replay``), htmx 4 scenarios on the
/// htmx 4 runtime (``HTMX4Replay``).
public struct Replayer {
    /// How many subtrees must have been detached since the last release before removed
    /// content is freed between tasks (0: after every task where it is safe). Results never
    /// depend on it; only memory and time do.
    public var releaseThreshold = 256
    /// Where a run stops short (see ``ReplayLimits``).
    public var limits = ReplayLimits()
    /// Off in tests only: htmx 2 OOB swaps then always clone, as htmx.js does (see
    /// `HTMX2Runtime.oobMovesLoneElement`).
    var oobMovesLoneElement = true

    public init() {}

    public func run(_ scenario: Scenario) -> ReplayResult {
        let document = Document(html: scenario.page)
        var diagnostics: [Diagnostic] = document.diagnostics.map {
            Diagnostic(code: "html-parse-error", message: "page \($0.line):\($0.column): \($0.code)")
        }
        if diagnostics.count > 100 {
            let dropped = diagnostics.count - 100
            diagnostics = Array(diagnostics.prefix(100))
            diagnostics.append(Diagnostic(code: "html-parse-error", message: "\(dropped) more parse errors not listed"))
        }
        if scenario.htmx == .two {
            let replay = HTMX2Replay(scenario, document: document, releaseThreshold: releaseThreshold, limits: limits)
            replay.runtime.oobMovesLoneElement = oobMovesLoneElement
            let run = replay.run()
            return ReplayResult(htmx: scenario.htmx.resultLabel, body: document.body?.outerHTML ?? "", title: document.title,
                                events: run.events, requests: run.requests, dialogs: run.dialogs,
                                diagnostics: diagnostics + run.diagnostics, stoppedEarly: run.stoppedEarly)
        }
        let run = HTMX4Replay(scenario, document: document, releaseThreshold: releaseThreshold, limits: limits).run()
        return ReplayResult(htmx: scenario.htmx.resultLabel, body: document.body?.outerHTML ?? "", title: document.title,
                            events: run.events, requests: run.requests, dialogs: run.dialogs,
                            diagnostics: diagnostics + run.diagnostics, stoppedEarly: run.stoppedEarly)
    }
}

/// Bounds on one run, so a scenario whose events or timers multiply (polling every
/// millisecond for hours; an OOB response whose targets share an id, for which htmx 2 fires
/// `htmx:oobAfterSwap` once per settled element per target) ends in bounded time and memory
/// with ``ReplayResult/stoppedEarly`` saying why, instead of running for hours.
public struct ReplayLimits: Equatable, Sendable {
    /// Event records kept (the largest benchmark workload records about a million).
    public var maxEvents: Int
    /// Timer tasks run.
    public var maxTasks: Int

    public init(maxEvents: Int = 5_000_000, maxTasks: Int = 1_000_000) {
        self.maxEvents = maxEvents
        self.maxTasks = maxTasks
    }
}
