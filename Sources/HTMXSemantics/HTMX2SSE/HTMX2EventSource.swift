import HTMLModel

/// The script-visible side of a browser `EventSource`
/// (<https://html.spec.whatwg.org/multipage/server-sent-events.html#the-eventsource-interface>):
/// its ready state, `onopen` / `onerror` handlers and per-type listeners. A driver (the
/// replayer's recorded network) moves the state and dispatches; ``close()`` tells it to stop.
public final class HTMX2EventSource {
    /// `EventSource.readyState`.
    public enum ReadyState: Int, Sendable {
        case connecting = 0, open = 1, closed = 2
    }

    /// A listener handle for ``removeEventListener(_:)``.
    public struct ListenerID: Hashable, Sendable { let value: Int }

    /// The URL as requested (path + query on the page's origin).
    public let url: String
    /// `readyState`; the driver sets it as the connection progresses.
    public var readyState: ReadyState = .connecting
    /// The `onopen` event handler.
    public var onopen: ((JSObject) -> Void)?
    /// The `onerror` event handler.
    public var onerror: ((JSObject) -> Void)?
    /// Set by the driver: called once when the script closes the source.
    public var onClose: (() -> Void)?
    /// Observer told of every message dispatched and whether a listener heard it (for
    /// diagnostics; not part of the DOM interface).
    public var onMessage: ((_ type: String, _ heard: Bool) -> Void)?

    private var listeners: [(id: Int, type: String, fn: (JSObject) -> Void)] = []
    private var nextID = 0

    /// A source for `url`, CONNECTING.
    public init(url: String) {
        self.url = url
    }

    /// `addEventListener(type, fn)`.
    @discardableResult
    public func addEventListener(_ type: String, _ fn: @escaping (JSObject) -> Void) -> ListenerID {
        nextID += 1
        listeners.append((nextID, type, fn))
        return ListenerID(value: nextID)
    }

    /// `removeEventListener`.
    public func removeEventListener(_ id: ListenerID) {
        listeners.removeAll { $0.id == id.value }
    }

    /// Whether any listener is registered for `type`.
    public func hasListeners(for type: String) -> Bool {
        listeners.contains { $0.type == type }
    }

    /// `close()`: CLOSED, and the driver stops fetching and dispatching.
    public func close() {
        guard readyState != .closed else { return }
        readyState = .closed
        let stop = onClose
        onClose = nil
        stop?()
    }

    /// What the extension passes as `source` in event details: the live object's readyState
    /// at the moment of the event.
    public var detailValue: JSValue {
        .object(JSObject([("readyState", .number(Double(readyState.rawValue))), ("url", .string(url))], className: "EventSource"))
    }

    /// Fires `open` at the handler.
    public func dispatchOpen() {
        onopen?(JSObject([("type", .string("open"))], className: "Event"))
    }

    /// Fires `error` at the handler.
    public func dispatchError() {
        onerror?(JSObject([("type", .string("error"))], className: "Event"))
    }

    /// Dispatches a `MessageEvent` of `type` to its listeners in registration order (a listener
    /// removed during the dispatch is not called, as in DOM dispatch). Returns false when no
    /// listener heard it.
    @discardableResult
    public func dispatchMessage(type: String, data: String, lastEventId: String) -> Bool {
        let event = JSObject([("type", .string(type)), ("data", .string(data)), ("lastEventId", .string(lastEventId))],
                             className: "MessageEvent")
        let snapshot = listeners.filter { $0.type == type }
        onMessage?(type, !snapshot.isEmpty)
        guard !snapshot.isEmpty else { return false }
        for l in snapshot {
            guard listeners.contains(where: { $0.id == l.id }) else { continue }
            l.fn(event)
        }
        return true
    }
}

/// Makes `EventSource` objects (`new EventSource(url, {withCredentials: true})`): the
/// connection starts at once and its events arrive later on the scheduler.
public protocol HTMX2EventSourceFactory: AnyObject {
    /// Opens a source for `url` (already resolved to the request form); `element` is for
    /// diagnostics.
    func makeEventSource(url: String, element: Node?) -> HTMX2EventSource
}
