/// One piece of a recorded response body and the virtual time it arrives at, as in the
/// `chunks` of a scenario response (`Conformance/FORMAT.md`: `{"at": 250, "data": "…"}`,
/// the string UTF-8 encoded).
public struct EventStreamChunk: Equatable, Sendable {
    /// Milliseconds after the request at which the chunk arrives.
    public var at: Int
    /// The chunk's bytes.
    public var bytes: [UInt8]

    /// Creates a chunk from bytes.
    public init(at: Int, bytes: [UInt8]) {
        self.at = at
        self.bytes = bytes
    }

    /// Creates a chunk from a scenario's `data` string, UTF-8 encoded.
    public init(at: Int, text: String) {
        self.init(at: at, bytes: Array(text.utf8))
    }
}

/// A message together with the time of the chunk that completed it.
public struct TimedEventStreamMessage: Equatable, Sendable {
    /// The `at` of the chunk whose bytes completed the message's blank line.
    public var at: Int
    /// The message.
    public var message: EventStreamMessage

    /// Creates a timed message.
    public init(at: Int, message: EventStreamMessage) {
        self.at = at
        self.message = message
    }
}

extension EventStreamParser {
    /// Parses a whole recorded stream: each chunk is fed as one read, in order (chunks are
    /// never coalesced or split, which matters for ``EventStreamDialect/htmx4``), then the
    /// stream ends. Messages carry the time of the chunk that completed them.
    public static func messages(
        in chunks: some Sequence<EventStreamChunk>,
        dialect: EventStreamDialect,
        limits: EventStreamLimits = .init()
    ) throws(EventStreamError) -> [TimedEventStreamMessage] {
        var parser = EventStreamParser(dialect: dialect, limits: limits)
        var result: [TimedEventStreamMessage] = []
        for chunk in chunks {
            try parser.feed(chunk.bytes)
            while let message = parser.next() { result.append(TimedEventStreamMessage(at: chunk.at, message: message)) }
        }
        try parser.finish()
        return result
    }

    /// Parses a whole stream held in memory, fed as one chunk (as `htmx-headless sse` does).
    public static func messages(
        in bytes: some Collection<UInt8>,
        dialect: EventStreamDialect,
        limits: EventStreamLimits = .init()
    ) throws(EventStreamError) -> [EventStreamMessage] {
        var parser = EventStreamParser(dialect: dialect, limits: limits)
        try parser.feed(bytes)
        try parser.finish()
        var result: [EventStreamMessage] = []
        while let message = parser.next() { result.append(message) }
        return result
    }
}
