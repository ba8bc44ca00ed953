import EventStream

/// Everything observable after parsing a whole stream: the messages, the error if a limit was
/// hit, and the state that outlives the stream.
struct ParseResult: Equatable, CustomStringConvertible {
    var messages: [EventStreamMessage]
    var error: EventStreamError?
    var lastEventID: String
    var reconnectionTime: Int?

    var description: String {
        "\(messages.count) messages \(messages), error \(String(describing: error)), lastEventID \(lastEventID), retry \(String(describing: reconnectionTime))"
    }

    /// Feeds `chunks` in order, then ends the stream.
    static func parse(_ chunks: [ArraySlice<UInt8>], dialect: EventStreamDialect, limits: EventStreamLimits = .init()) -> ParseResult {
        var parser = EventStreamParser(dialect: dialect, limits: limits)
        var messages: [EventStreamMessage] = []
        var error: EventStreamError?
        do {
            for chunk in chunks {
                try parser.feed(chunk)
                while let message = parser.next() { messages.append(message) }
            }
            try parser.finish()
        } catch let failure {
            error = failure
            while let message = parser.next() { messages.append(message) }
            try? parser.finish()
        }
        return ParseResult(messages: messages, error: error, lastEventID: parser.lastEventID, reconnectionTime: parser.reconnectionTime)
    }

    /// The messages as corpus JSON Lines.
    func jsonLines(_ dialect: EventStreamDialect) -> [UInt8] {
        var out: [UInt8] = []
        for message in messages { EventStreamJSONLines.append(message, dialect: dialect, to: &out) }
        return out
    }
}
