import ArgumentParser

@main
struct HTMXHeadless: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "htmx-headless",
        abstract: "htmx without a browser: replay recorded responses and SSE streams against a page.",
        subcommands: [SSECommand.self]
    )
}
