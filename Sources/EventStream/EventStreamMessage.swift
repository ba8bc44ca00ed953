/// One message the client being imitated hands to its page.
///
/// The fields hold what the dialect's client sees:
///
/// | field | ``EventStreamDialect/browser`` (`MessageEvent`) | ``EventStreamDialect/htmx4`` (`parseSSE` message) |
/// |---|---|---|
/// | ``event`` | the `event:` value, `""` if none | `message.event` |
/// | ``type`` | `type`: ``event``, or `message` when empty | the same rule (htmx swaps unnamed ones) |
/// | ``data`` | `data` | `message.data` |
/// | ``id`` | `nil` | `message.id`: this block's own `id`, `""` if none |
/// | ``lastEventID`` | `lastEventId` (persists across events) | the last non-empty ``id`` so far, as `handleSSEResponse` keeps `connection.lastEventId` |
/// | ``retry`` | `nil` (see ``EventStreamParser/reconnectionTime``) | `message.retry`: `parseInt(value, 10)`, `nil` if none |
///
/// The text fields are stored together as UTF-8 in one ``EventStreamData`` record (copying a
/// message is one reference count, not four), always valid UTF-8: invalid input was replaced by
/// U+FFFD as it was parsed. The `…UTF8` accessors give the bytes without decoding; the `String`
/// properties decode on each access.
public struct EventStreamMessage: Equatable, Sendable {
    // The accessors are inlinable so that reading a length or a slice in a consumer's loop
    // does not cost a call and a reference count each time.

    /// `[data][event][id][lastEventID]`, back to back: the parser writes the data first, as
    /// its lines arrive, and the fields once the event is dispatched.
    @usableFromInline var record: EventStreamData
    @usableFromInline var eventLength: Int32
    /// -1 when there is no id.
    @usableFromInline var idLength: Int32
    @usableFromInline var lastEventIDLength: Int32
    /// htmx 4: `parseInt(value, 10)` of the block's last parseable `retry`, `nil` when none;
    /// browser: always `nil`.
    public var retry: Double?

    init(record: consuming EventStreamData, eventLength: Int, idLength: Int?, lastEventIDLength: Int, retry: Double?) {
        self.record = record
        self.eventLength = Int32(truncatingIfNeeded: eventLength)
        self.idLength = idLength.map { Int32(truncatingIfNeeded: $0) } ?? -1
        self.lastEventIDLength = Int32(truncatingIfNeeded: lastEventIDLength)
        self.retry = retry
    }

    /// Creates a message; invalid UTF-8 in the data is replaced by U+FFFD.
    public init(event: String = "", dataUTF8: some Collection<UInt8>, id: String? = nil, lastEventID: String = "", retry: Double? = nil) {
        var bytes: [UInt8] = []
        let data = Array(dataUTF8)
        data.withUnsafeBufferPointer { UTF8Repair.append($0, to: &bytes) }
        bytes.append(contentsOf: event.utf8)
        if let id { bytes.append(contentsOf: id.utf8) }
        bytes.append(contentsOf: lastEventID.utf8)
        self.init(
            record: bytes.withUnsafeBufferPointer { EventStreamData(copying: $0) },
            eventLength: event.utf8.count, idLength: id?.utf8.count,
            lastEventIDLength: lastEventID.utf8.count, retry: retry)
    }

    /// Creates a message.
    public init(event: String = "", data: String, id: String? = nil, lastEventID: String = "", retry: Double? = nil) {
        self.init(event: event, dataUTF8: data.utf8, id: id, lastEventID: lastEventID, retry: retry)
    }

    @usableFromInline var idEnd: Int { record.count &- Int(lastEventIDLength) }
    @usableFromInline var eventEnd: Int { idEnd &- max(0, Int(idLength)) }
    @usableFromInline var dataEnd: Int { eventEnd &- Int(eventLength) }

    /// The event name's UTF-8.
    @inlinable public var eventUTF8: EventStreamData { record.slice(dataEnd, eventEnd) }
    /// The id's UTF-8, `nil` when there is no id.
    @inlinable public var idUTF8: EventStreamData? { idLength < 0 ? nil : record.slice(eventEnd, idEnd) }
    /// The last event ID's UTF-8.
    @inlinable public var lastEventIDUTF8: EventStreamData { record.slice(idEnd, record.count) }
    /// The data lines joined by LF, as UTF-8: what the HTML fragment parser reads, without
    /// building a `String`.
    @inlinable public var dataUTF8: EventStreamData { record.slice(0, dataEnd) }

    /// The event name as sent on the `event:` line; `""` when the event had none.
    public var event: String {
        get { eventUTF8.string }
        set { self = EventStreamMessage(event: newValue, dataUTF8: dataUTF8, id: id, lastEventID: lastEventID, retry: retry) }
    }

    /// The data lines, joined by LF.
    public var data: String {
        get { dataUTF8.string }
        set { self = EventStreamMessage(event: event, data: newValue, id: id, lastEventID: lastEventID, retry: retry) }
    }

    /// htmx 4: the block's own `id` (`""` when it had none); browser: `nil`.
    public var id: String? {
        get { idUTF8?.string }
        set { self = EventStreamMessage(event: event, dataUTF8: dataUTF8, id: newValue, lastEventID: lastEventID, retry: retry) }
    }

    /// The client's last event ID once this message is dispatched.
    public var lastEventID: String {
        get { lastEventIDUTF8.string }
        set { self = EventStreamMessage(event: event, dataUTF8: dataUTF8, id: id, lastEventID: newValue, retry: retry) }
    }

    /// The DOM event type: ``event``, or `message` when it is empty
    /// (<https://html.spec.whatwg.org/multipage/server-sent-events.html#dispatchMessage>, step 4).
    public var type: String { eventLength == 0 ? "message" : event }

    public static func == (a: EventStreamMessage, b: EventStreamMessage) -> Bool {
        a.eventLength == b.eventLength && a.idLength == b.idLength && a.lastEventIDLength == b.lastEventIDLength
            && a.retry == b.retry && a.record == b.record
    }
}

extension EventStreamMessage: CustomStringConvertible {
    public var description: String {
        var text = "EventStreamMessage(event: \(String(reflecting: event)), data: \(String(reflecting: data))"
        if let id { text += ", id: \(String(reflecting: id))" }
        text += ", lastEventID: \(String(reflecting: lastEventID))"
        if let retry { text += ", retry: \(retry)" }
        return text + ")"
    }
}
