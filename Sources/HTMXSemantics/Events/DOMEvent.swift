import HTMLModel

/// Where an event is dispatched: a node (element or document) or the window.
public enum EventTarget: Hashable {
    case node(Node)
    case window

    public var node: Node? { if case .node(let n) = self { return n } else { return nil } }
}

/// What ``EventDispatcher/observer`` is shown of a dispatched event: all the result
/// recorder reads, so an event nobody listens to needs no ``DOMEvent`` at all.
public struct ObservedEvent {
    public let type: String
    public let detail: JSValue
    public let target: EventTarget
    public let origin: DOMEvent.Origin

    public init(type: String, detail: JSValue, target: EventTarget, origin: DOMEvent.Origin) {
        self.type = type
        self.detail = detail
        self.target = target
        self.origin = origin
    }
}

/// A DOM event in flight. A reference type because listeners along the path share it
/// (`preventDefault`, `stopPropagation` and detail changes are seen by later listeners).
public final class DOMEvent {
    /// Who dispatched it, which decides whether the result records it
    /// (`Conformance/FORMAT.md`, "Events").
    public enum Origin: Equatable, Sendable {
        /// Dispatched by htmx or an extension (recorded).
        case script
        /// The kebab-case twin htmx 2 dispatches after a camelCase event (recorded only when listed).
        case kebabTwin
        /// A native or action-driven event such as `click` (recorded only when listed).
        case native
    }

    public let type: String
    // Read and written at every node of every dispatch; no access overlaps another (see
    // `EventDispatcher`), so the runtime exclusivity check is skipped.
    @exclusivity(unchecked) public var detail: JSValue
    public let bubbles: Bool
    public let cancelable: Bool
    public let origin: Origin
    /// Extra own properties (keyboard fields such as `key`, `ctrlKey`).
    public var fields: [String: JSValue]
    @exclusivity(unchecked) public internal(set) var target: EventTarget?
    @exclusivity(unchecked) public internal(set) var currentTarget: EventTarget?
    @exclusivity(unchecked) public private(set) var defaultPrevented = false
    /// What an engine keeps on the event object itself (htmx 2 stores its per-event
    /// bookkeeping there, e.g. which elements already handled it).
    public var engineData: AnyObject?
    @exclusivity(unchecked) var propagationStopped = false
    @exclusivity(unchecked) var immediatePropagationStopped = false

    public init(type: String, detail: JSValue = .null, bubbles: Bool = true, cancelable: Bool = true,
                origin: Origin = .script, fields: [String: JSValue] = [:]) {
        self.type = type
        self.detail = detail
        self.bubbles = bubbles
        self.cancelable = cancelable
        self.origin = origin
        self.fields = fields
    }

    public func preventDefault() { if cancelable { defaultPrevented = true } }
    public func stopPropagation() { propagationStopped = true }
    public func stopImmediatePropagation() { propagationStopped = true; immediatePropagationStopped = true }

    /// `event.detail.<key>` when the detail is an object.
    public subscript(detail key: String) -> JSValue? {
        detail.objectValue?[key]
    }
}
