import ArgumentParser

struct SSECommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sse", abstract: "Parse a text/event-stream file (stub).")
}
