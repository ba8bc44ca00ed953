/// An incremental `text/event-stream` parser: feed it the body's bytes in whatever chunks they
/// arrive, take the dispatched messages with ``next()``, and call ``finish()`` when the body ends.
///
/// ```swift
/// var parser = EventStreamParser(dialect: .browser)
/// try parser.feed(Array("data: hello\n\n".utf8))
/// while let message = parser.next() { print(message.type, message.data) }
/// try parser.finish()
/// ```
///
/// The ``EventStreamDialect`` decides whose reading is reproduced:
/// - ``EventStreamDialect/browser``: WHATWG "interpreting an event stream"
///   (<https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation>)
///   as Chromium's `EventSourceParser` does it, including its quirk after a leading BOM.
///   The result never depends on how the bytes are split into chunks.
/// - ``EventStreamDialect/htmx4``: `parseSSE` in htmx 4.0.0-beta5 `src/ext/hx-sse.js`. Each
///   ``feed(_:)`` call is one `reader.read()`, and the result depends on where chunks split
///   exactly as htmx's does (see ``feed(_:)``).
///
/// Memory is bounded by ``EventStreamLimits`` plus the messages not yet taken: consumed input
/// is never retained, only the current incomplete line and the pending event.
public struct EventStreamParser {
    /// Whose reading of the stream is reproduced.
    public let dialect: EventStreamDialect
    /// The bounds past which ``feed(_:)`` throws.
    public let limits: EventStreamLimits

    // MARK: Line assembly

    /// The start of a line that began in an earlier chunk (or bytes of an unconfirmed BOM).
    var carry: [UInt8] = []
    /// Stream offset of the first byte of the current line.
    var lineStart = 0
    /// Stream offset of the next byte to be fed.
    var consumed = 0
    /// The last byte fed was a CR ending a line, so an LF starting the next chunk belongs to it.
    var crPending = false
    /// No chunk fed yet since the stream began (htmx 4 `parseSSE`'s `firstChunk`).
    var isFirstRead = true
    /// Still deciding whether the stream begins with a UTF-8 BOM.
    var bomPending = true
    /// How many BOM bytes have matched so far while ``bomPending``.
    var bomMatched = 0
    /// Chromium's BOM quirk: the byte right after a leading BOM is line content even if CR or LF.
    var nextByteIsLiteral = false

    // MARK: Event assembly

    /// The pending event's data.
    var data = EventDataBuffer()
    /// The pending event name (browser: event type buffer; htmx 4: `message.event`), UTF-8.
    var eventName = FieldValueBuffer()
    /// Browser: the last event ID buffer; htmx 4: `message.id`. UTF-8.
    var idBuffer = FieldValueBuffer()
    /// Browser: an `id` field was seen since the last blank line.
    var idChanged = false
    /// htmx 4: `message.retry`.
    var pendingRetry: Double?
    /// Browser: the event source's last event ID string; htmx 4: the last non-empty message id.
    var lastEventIDBytes = FieldValueBuffer()
    /// Browser: the reconnection time set by the last accepted `retry` field.
    var reconnection: Int?
    /// The limit error that stopped this stream; thrown again until ``finish()``.
    var failure: EventStreamError?

    // MARK: Output

    /// Dispatched messages not taken yet.
    var queue = MessageQueue()

    /// Creates a parser for a new stream.
    public init(dialect: EventStreamDialect, limits: EventStreamLimits = .init()) {
        self.dialect = dialect
        self.limits = limits
    }

    /// The client's last event ID.
    ///
    /// Browser: the event source's *last event ID string*, updated by every blank line from the
    /// last `id` field (also when nothing is dispatched), kept across ``finish()``, and sent as
    /// `Last-Event-ID` on reconnection. Setting it (before feeding a reconnection's stream) sets
    /// the last event ID buffer as well, as Chromium seeds a new connection's parser.
    /// htmx 4: the last non-empty ``EventStreamMessage/id`` yielded, as `handleSSEResponse`
    /// keeps `connection.lastEventId` (`if (msg.id) connection.lastEventId = msg.id`) when no
    /// message is cancelled; the parser itself never reads it.
    public var lastEventID: String {
        get { lastEventIDBytes.string }
        set {
            Array(newValue.utf8).withUnsafeBufferPointer { lastEventIDBytes.set($0) }
            if dialect == .browser { idBuffer = lastEventIDBytes }
        }
    }

    /// Browser: the reconnection time in milliseconds set by the last accepted `retry` field
    /// (all ASCII digits; an empty value restores Chromium's default of 3000), or `nil` if none
    /// was. Values beyond `Int.max` saturate. htmx 4: always `nil`; its `retry` travels with each
    /// message in ``EventStreamMessage/retry``.
    public var reconnectionTime: Int? { reconnection }

    /// Feeds the next chunk of the body.
    ///
    /// Browser: chunking is invisible; a CR ending one chunk and an LF starting the next are one
    /// line end. htmx 4: this is one `reader.read()` of `parseSSE`, with its two chunk-boundary
    /// effects: a CR ending this chunk and an LF starting a later one are two line ends
    /// (`buffer.split(/\r\n|\r|\n/)` runs after every chunk), and a second leading BOM is only
    /// dropped when this is the first chunk and holds both (`if (firstChunk)` looks only at the
    /// first decoded chunk). An empty chunk still counts as a read.
    ///
    /// - Throws: ``EventStreamError`` when a limit is exceeded. Messages completed before the
    ///   offending byte remain available from ``next()``; further feeds throw the same error.
    public mutating func feed(_ chunk: some Collection<UInt8>) throws(EventStreamError) {
        var error: EventStreamError?
        let done: Void? = chunk.withContiguousStorageIfAvailable { buffer in
            error = consume(buffer)
        }
        if done == nil {
            let copy = Array(chunk)
            copy.withUnsafeBufferPointer { buffer in
                error = consume(buffer)
            }
        }
        if let error { throw error }
    }

    /// Feeds the next chunk of the body from memory the caller owns; with the same rules as the `Collection` overload.
    public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>) throws(EventStreamError) {
        if let error = consume(chunk) { throw error }
    }

    /// Feeds the next chunk of the body from raw memory the caller owns, with the same rules
    /// as the `Collection` overload.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer) throws(EventStreamError) {
        if let error = consume(chunk.bindMemory(to: UInt8.self)) { throw error }
    }

    /// Takes the oldest dispatched message not yet taken, or `nil` when there is none.
    public mutating func next() -> EventStreamMessage? {
        queue.removeFirst()
    }

    /// Ends the stream: an incomplete last line and an event not closed by a blank line are
    /// discarded, as both clients do. The parser is then ready for the next connection's stream
    /// (BOM handling and, for htmx 4, the first-chunk check start over); ``lastEventID``,
    /// ``reconnectionTime`` and untaken messages are kept.
    ///
    /// - Throws: the limit error that stopped this stream, if any (it is cleared).
    public mutating func finish() throws(EventStreamError) {
        let error = failure
        carry = []
        lineStart = 0
        consumed = 0
        crPending = false
        isFirstRead = true
        bomPending = true
        bomMatched = 0
        nextByteIsLiteral = false
        data = EventDataBuffer()
        eventName.clear()
        idChanged = false
        pendingRetry = nil
        failure = nil
        // Chromium seeds each connection's parser with the source's last event ID;
        // htmx 4 starts every `parseSSE` with `message.id = ''`.
        if dialect == .browser { idBuffer.set(lastEventIDBytes) } else { idBuffer.clear() }
        if let error { throw error }
    }
}
