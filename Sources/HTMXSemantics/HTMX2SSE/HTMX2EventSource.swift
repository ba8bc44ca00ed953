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

    private struct Listener {
        let id: Int
        let fn: (JSObject) -> Void
    }

    /// Listeners by type, in registration order. A removed one stays in its list (skipped)
    /// until the removed are half of it: a message looks up its own type's listeners and
    /// a removal searches nothing, where one list of all listeners made a page with thousands
    /// of `sse-swap` names quadratic in its messages.
    private var byType: [String: [Listener]] = [:]
    /// The type of every listener not removed.
    private var typeOfLive: [Int: String] = [:]
    private var liveCount: [String: Int] = [:]
    private var nextID = 0

    /// A source for `url`, CONNECTING.
    public init(url: String) {
        self.url = url
    }

    /// `addEventListener(type, fn)`.
    @discardableResult
    public func addEventListener(_ type: String, _ fn: @escaping (JSObject) -> Void) -> ListenerID {
        nextID += 1
        byType[type, default: []].append(Listener(id: nextID, fn: fn))
        typeOfLive[nextID] = type
        liveCount[type, default: 0] += 1
        return ListenerID(value: nextID)
    }

    /// `removeEventListener`.
    public func removeEventListener(_ id: ListenerID) {
        guard let type = typeOfLive.removeValue(forKey: id.value), let count = liveCount[type] else { return }
        if count == 1 {
            liveCount[type] = nil
            byType[type] = nil
            return
        }
        liveCount[type] = count - 1
        if let list = byType[type], (count - 1) * 2 < list.count {
            byType[type] = list.filter { typeOfLive[$0.id] != nil }
        }
    }

    /// Whether any listener is registered for `type`.
    public func hasListeners(for type: String) -> Bool {
        liveCount[type] != nil
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
        // The listeners as the dispatch begins: one added meanwhile is not called, one
        // removed meanwhile is skipped.
        let snapshot = byType[type] ?? []
        let heard = liveCount[type] != nil
        onMessage?(type, heard)
        guard heard else { return false }
        for l in snapshot where typeOfLive[l.id] != nil { l.fn(event) }
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
