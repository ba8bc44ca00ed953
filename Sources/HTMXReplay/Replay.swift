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
            let replay = HTMX2Replay(scenario, document: document, releaseThreshold: releaseThreshold)
            replay.runtime.oobMovesLoneElement = oobMovesLoneElement
            let run = replay.run()
            return ReplayResult(htmx: scenario.htmx.resultLabel, body: document.body?.outerHTML ?? "", title: document.title,
                                events: run.events, requests: run.requests, dialogs: run.dialogs,
                                diagnostics: diagnostics + run.diagnostics)
        }
        let run = HTMX4Replay(scenario, document: document, releaseThreshold: releaseThreshold).run()
        return ReplayResult(htmx: scenario.htmx.resultLabel, body: document.body?.outerHTML ?? "", title: document.title,
                            events: run.events, requests: run.requests, dialogs: run.dialogs,
                            diagnostics: diagnostics + run.diagnostics)
    }
}
