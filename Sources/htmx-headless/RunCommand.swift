import ArgumentParser
import HeadlessHTMX

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Replay a scenario and print the result JSON (body, title, events, requests, diagnostics).",
        discussion: """
        SCENARIO is a scenario file in the conformance format (see Conformance/FORMAT.md). The \
        result is written as the corpus's expected files are (JSON, one-space indent), plus a \
        "diagnostics" array the conformance comparison ignores. Same input, same bytes out.

        A run that reaches --max-events or --max-tasks stops there: the result shows the page \
        at that moment, a "runaway" diagnostic says why, and the exit status is 4.
        """
    )

    @Argument(help: "The scenario file (JSON).")
    var scenario: String

    @Option(name: [.short, .long], help: "Write the result to this file (written whole or not at all) instead of standard output.")
    var output: String?

    @Flag(help: "Leave the diagnostics array out of the result.")
    var noDiagnostics = false

    @Option(help: "Stop the run after this many event records.")
    var maxEvents: Int = ReplayLimits().maxEvents

    @Option(help: "Stop the run after this many timer tasks.")
    var maxTasks: Int = ReplayLimits().maxTasks

    func validate() throws {
        guard maxEvents > 0, maxTasks > 0 else { throw ValidationError("limits must be positive") }
    }

    func run() throws {
        let loaded: Scenario
        do {
            loaded = try ScenarioLoader.load(path: scenario)
        } catch {
            throw CLIFailure.input(error.description)
        }
        var replayer = Replayer()
        replayer.limits = ReplayLimits(maxEvents: maxEvents, maxTasks: maxTasks)
        let result = replayer.run(loaded)
        try Output.write(to: output) { sink in result.writeJSON(includeDiagnostics: !noDiagnostics, sink) }
        if let stopped = result.stoppedEarly { throw CLIFailure.incomplete("\(scenario): \(stopped)") }
    }
}
