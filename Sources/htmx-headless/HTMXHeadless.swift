import ArgumentParser
import HeadlessHTMX

@main
struct HTMXHeadless: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "htmx-headless",
        abstract: "htmx without a browser: replay recorded responses and SSE streams against a page.",
        discussion: "Examples:\n  htmx-headless run Conformance/examples/hello.json\n  htmx-headless conformance Conformance\n  htmx-headless sse stream.sse --dialect htmx4",
        subcommands: [RunCommand.self, ConformanceCommand.self, SSECommand.self]
    )

    /// Maps domain failures to a message on standard error and their exit code; everything
    /// else (usage errors, `ExitCode`) goes through ArgumentParser as usual.
    static func main() {
        Allocator.configureForReplay()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CLIFailure {
            LocalFiles.writeStandardError("htmx-headless: error: \(failure.description)\n")
            exit(withError: ExitCode(failure.exitCode))
        } catch {
            exit(withError: error)
        }
    }
}
