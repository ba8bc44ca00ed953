import HTMLModel

/// Listener registry and the DOM dispatch algorithm (capture from the window down, target,
/// bubble back up), over the model's nodes.
public final class EventDispatcher {
    public typealias Listener = (DOMEvent) -> Void

    public struct ListenerID: Hashable, Sendable { let value: UInt64 }

    private struct Entry {
        var id: ListenerID
        var capture: Bool
        var once: Bool
        var body: Listener
    }

    private struct Key: Hashable {
        var target: EventTarget
        var type: String
    }

    private var listeners: [Key: [Entry]] = [:]
    /// How many listeners exist per event type: most htmx events (and every kebab-case twin)
    /// have none, and then dispatch skips the per-node lookups of the capture and bubble walk.
    private var countByType: [String: Int] = [:]
    private var nextID: UInt64 = 0
    /// Called for each dispatch before any listener, with the propagation path; the result
    /// recorder hooks in here (it behaves as a capture listener on `document`).
    public var observer: ((DOMEvent, [EventTarget]) -> Void)?
    /// When set, the observer is called only for events this accepts (it must not depend on
    /// the path); an event nobody listens to or observes then costs no propagation path.
    public var observerFilter: ((DOMEvent) -> Bool)?
    /// Nesting depth of dispatches in progress (re-entrancy guard).
    public private(set) var depth = 0
    public static let maxDepth = 64

    public init() {}

    @discardableResult
    public func addListener(_ target: EventTarget, _ type: String, capture: Bool = false, once: Bool = false,
                            _ body: @escaping Listener) -> ListenerID {
        nextID += 1
        let id = ListenerID(value: nextID)
        listeners[Key(target: target, type: type), default: []].append(Entry(id: id, capture: capture, once: once, body: body))
        countByType[type, default: 0] += 1
        return id
    }

    public func removeListener(_ target: EventTarget, _ type: String, _ id: ListenerID) {
        let key = Key(target: target, type: type)
        let before = listeners[key]?.count ?? 0
        listeners[key]?.removeAll { $0.id == id }
        let removed = before - (listeners[key]?.count ?? 0)
        if listeners[key]?.isEmpty == true { listeners[key] = nil }
        if removed > 0 { decrementCount(type, by: removed) }
    }

    private func decrementCount(_ type: String, by n: Int) {
        let left = (countByType[type] ?? 0) - n
        countByType[type] = left > 0 ? left : nil
    }

    /// Drops every listener registered on `target` (when htmx de-initialises an element).
    public func removeAllListeners(on target: EventTarget) {
        for key in listeners.keys where key.target == target {
            decrementCount(key.type, by: listeners[key]?.count ?? 0)
            listeners[key] = nil
        }
    }

    /// Drops every listener registered on a node for which `doomed` holds (before those
    /// nodes are freed: a new node at the same address must not inherit their listeners).
    public func removeListeners(onNodesWhere doomed: (Node) -> Bool) {
        for key in listeners.keys {
            guard let node = key.target.node, doomed(node) else { continue }
            decrementCount(key.type, by: listeners[key]?.count ?? 0)
            listeners[key] = nil
        }
    }

    /// Drops every listener and the observer. Listeners usually capture their owner (the
    /// htmx runtime, which owns this dispatcher): a run ends by calling this so the cycle,
    /// and with it the document, is freed.
    public func removeAll() {
        listeners.removeAll()
        countByType.removeAll()
        observer = nil
        observerFilter = nil
    }

    public func hasListeners(_ target: EventTarget, _ type: String) -> Bool {
        listeners[Key(target: target, type: type)]?.isEmpty == false
    }

    /// Dispatches `event` at `target`; returns false when a listener called `preventDefault`.
    @discardableResult
    public func dispatch(_ event: DOMEvent, to target: EventTarget) -> Bool {
        guard depth < Self.maxDepth else { return !event.defaultPrevented }
        depth += 1
        defer { depth -= 1 }
        event.target = target
        let listened = countByType[event.type] != nil
        let observed = observer != nil && (observerFilter?(event) ?? true)
        guard listened || observed else { return !event.defaultPrevented }
        let path = Self.path(from: target)
        if observed { observer?(event, path) }
        guard listened else { return !event.defaultPrevented }
        // Capture: from the top of the path down to the target's parent.
        for t in path.reversed().dropLast() where !event.propagationStopped {
            invoke(event, on: t, phase: .capture)
        }
        if !event.propagationStopped { invoke(event, on: target, phase: .target) }
        if event.bubbles {
            for t in path.dropFirst() where !event.propagationStopped {
                invoke(event, on: t, phase: .bubble)
            }
        }
        event.currentTarget = nil
        return !event.defaultPrevented
    }

    private enum Phase { case capture, target, bubble }

    private func invoke(_ event: DOMEvent, on target: EventTarget, phase: Phase) {
        let key = Key(target: target, type: event.type)
        guard let entries = listeners[key] else { return }
        event.currentTarget = target
        for entry in entries {
            if event.immediatePropagationStopped { break }
            switch phase {
            case .capture where !entry.capture, .bubble where entry.capture: continue
            default: break
            }
            // A listener removed by an earlier one in this dispatch does not run.
            guard listeners[key]?.contains(where: { $0.id == entry.id }) == true else { continue }
            if entry.once { removeListener(target, event.type, entry.id) }
            entry.body(event)
        }
    }

    /// The propagation path: the target, its ancestors, and the window when the path reaches
    /// the document.
    public static func path(from target: EventTarget) -> [EventTarget] {
        guard case .node(let node) = target else { return [.window] }
        var path: [EventTarget] = [target]
        var cur = node.parent
        while let p = cur {
            path.append(.node(p))
            cur = p.parent
        }
        if case .node(let top) = path.last!, top.kind == .document { path.append(.window) }
        return path
    }
}
