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
        """
    )

    @Argument(help: "The scenario file (JSON).")
    var scenario: String

    @Option(name: [.short, .long], help: "Write the result to this file (written whole or not at all) instead of standard output.")
    var output: String?

    @Flag(help: "Leave the diagnostics array out of the result.")
    var noDiagnostics = false

    func run() throws {
        let loaded: Scenario
        do {
            loaded = try ScenarioLoader.load(path: scenario)
        } catch {
            throw CLIFailure.input(error.description)
        }
        let result = Replayer().run(loaded)
        try Output.write(to: output) { sink in result.writeJSON(includeDiagnostics: !noDiagnostics, sink) }
    }
}
