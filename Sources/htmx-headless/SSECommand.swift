import ArgumentParser
import HeadlessHTMX

/// `htmx-headless sse FILE [--dialect browser|htmx4]`: the events a client sees in a stream,
/// as the JSON Lines of the conformance corpus.
struct SSECommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sse",
        abstract: "Parse a text/event-stream file and print the dispatched events as JSON Lines.",
        discussion: """
            The file is fed to the parser as one chunk. browser prints {"type","data","lastEventId"} \
            per MessageEvent; htmx4 prints {"event","data","id","retry"} per message of htmx 4's parseSSE.

            Exit status: 0 on success, 2 when the input cannot be read or the stream exceeds a limit \
            (the events before the limit are printed; the message names the byte offset).
            """
    )

    @Argument(help: "The stream's raw bytes; - reads standard input.")
    var file: String

    @Option(help: "Whose reading to reproduce: browser (EventSource) or htmx4 (hx-sse's parseSSE).")
    var dialect: EventStreamDialect = .browser

    @Option(help: "Longest line accepted, in bytes.")
    var maxLineLength: Int = EventStreamLimits().maxLineLength

    @Option(help: "Largest event data accepted, in bytes.")
    var maxEventSize: Int = EventStreamLimits().maxEventSize

    func validate() throws {
        guard maxLineLength >= 0, maxEventSize >= 0 else {
            throw ValidationError("limits must not be negative")
        }
    }

    func run() throws {
        let input: [UInt8]
        do {
            input = try InputFile.readAll(file)
        } catch {
            throw CLIFailure.input("\(error)")
        }
        var parser = EventStreamParser(
            dialect: dialect,
            limits: EventStreamLimits(maxLineLength: maxLineLength, maxEventSize: maxEventSize))
        var failure: EventStreamError?
        do {
            try parser.feed(input)
            try parser.finish()
        } catch {
            failure = error
        }
        var output: [UInt8] = []
        while let message = parser.next() {
            EventStreamJSONLines.append(message, dialect: dialect, to: &output)
        }
        LocalFiles.writeStandardOutput(output)
        if let failure {
            let name = file == "-" ? "standard input" : file
            throw CLIFailure.input("\(name): \(failure.message)")
        }
    }
}

extension EventStreamDialect: ExpressibleByArgument {}
