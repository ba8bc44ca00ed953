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

    // The properties every dispatch reads skip the runtime exclusivity check: it cost about
    // 2 % of a replay, and no access to them overlaps another (listeners run between
    // accesses, never inside one).

    /// Listeners by event type, then by target: a dispatch hashes its type once (while no
    /// listener changes) and then only the nodes of its path. Most htmx events (and every
    /// kebab-case twin) have no entry, and then the capture and bubble walk is skipped.
    @exclusivity(unchecked) private var listeners: [String: [EventTarget: [Entry]]] = [:] {
        didSet { generation &+= 1 }
    }
    /// Changes whenever `listeners` does, so a dispatch can keep its type's table between
    /// the nodes of its path and still see listeners added or removed by earlier ones.
    @exclusivity(unchecked) private var generation: UInt64 = 0
    /// One bit per (length, last byte) class of the types that have ever had a listener: a
    /// dispatch whose bit is clear skips the table lookup, which hashes the whole type. Most
    /// events htmx fires (and all their kebab-case twins) have no listener.
    @exclusivity(unchecked) private var listenedTypeBits: UInt64 = 0
    private var nextID: UInt64 = 0
    /// Called for each dispatch before any listener, with whether its propagation path
    /// reaches the document; the result recorder hooks in here (it behaves as a capture
    /// listener on `document`).
    @exclusivity(unchecked) public var observer: ((ObservedEvent, _ reachesDocument: Bool) -> Void)?
    /// When set, the observer is called only for events this accepts (it must not depend on
    /// the path); an event nobody listens to or observes then costs no walk up the tree.
    @exclusivity(unchecked) public var observerFilter: ((_ type: String, _ origin: DOMEvent.Origin) -> Bool)?
    /// Nesting depth of dispatches in progress (re-entrancy guard).
    @exclusivity(unchecked) public private(set) var depth = 0
    public static let maxDepth = 64
    /// Set by ``halt()``: every dispatch from then on does nothing (no listener, no observer).
    @exclusivity(unchecked) public private(set) var halted = false

    /// Stops all dispatching: a replay that reached its limit ends the task it is in without
    /// running (or recording) anything more. Loops whose events grow with the square of what
    /// was swapped (htmx 2's `htmx:oobAfterSwap`) check ``halted`` and stop early.
    public func halt() { halted = true }

    public init() {}

    @discardableResult
    public func addListener(_ target: EventTarget, _ type: String, capture: Bool = false, once: Bool = false,
                            _ body: @escaping Listener) -> ListenerID {
        nextID += 1
        let id = ListenerID(value: nextID)
        listenedTypeBits |= Self.typeBit(type)
        listeners[type, default: [:]][target, default: []].append(Entry(id: id, capture: capture, once: once, body: body))
        return id
    }

    public func removeListener(_ target: EventTarget, _ type: String, _ id: ListenerID) {
        guard var entries = listeners[type]?[target] else { return }
        entries.removeAll { $0.id == id }
        store(entries, type, target)
    }

    /// Writes back a target's entries, dropping empty lists and types left with no listener.
    private func store(_ entries: [Entry], _ type: String, _ target: EventTarget) {
        if !entries.isEmpty {
            listeners[type]?[target] = entries
            return
        }
        listeners[type]?[target] = nil
        if listeners[type]?.isEmpty == true { listeners[type] = nil }
    }

    /// Drops every listener registered on `target` (when htmx de-initialises an element).
    public func removeAllListeners(on target: EventTarget) {
        for type in Array(listeners.keys) where listeners[type]?[target] != nil {
            store([], type, target)
        }
    }

    /// Drops every listener registered on a node for which `doomed` holds (before those
    /// nodes are freed: a new node at the same address must not inherit their listeners).
    public func removeListeners(onNodesWhere doomed: (Node) -> Bool) {
        for type in Array(listeners.keys) {
            guard let byTarget = listeners[type] else { continue }
            for target in byTarget.keys {
                guard let node = target.node, doomed(node) else { continue }
                store([], type, target)
            }
        }
    }

    /// Drops every listener and the observer. Listeners usually capture their owner (the
    /// htmx runtime, which owns this dispatcher): a run ends by calling this so the cycle,
    /// and with it the document, is freed.
    public func removeAll() {
        listeners.removeAll()
        observer = nil
        observerFilter = nil
    }

    public func hasListeners(_ target: EventTarget, _ type: String) -> Bool {
        listeners[type]?[target]?.isEmpty == false
    }

    /// Dispatches `event` at `target`; returns false when a listener called `preventDefault`.
    @discardableResult
    public func dispatch(_ event: DOMEvent, to target: EventTarget) -> Bool {
        guard depth < Self.maxDepth, !halted else { return !event.defaultPrevented }
        depth += 1
        defer { depth -= 1 }
        event.target = target
        let maybeListened = listenedTypeBits & Self.typeBit(event.type) != 0
        var table = Table(byTarget: maybeListened ? listeners[event.type] : nil, generation: generation)
        let listened = table.byTarget != nil
        let observed = observer != nil && (observerFilter?(event.type, event.origin) ?? true)
        guard listened || observed else { return !event.defaultPrevented }
        // Only listeners need the path itself; the observer only asks where it ends.
        guard listened else {
            observer?(ObservedEvent(event, target), Self.reachesDocument(target))
            return !event.defaultPrevented
        }
        let path = Self.path(from: target)
        if observed { observer?(ObservedEvent(event, target), path.count > 1 && path.last == .window) }
        // Capture: from the top of the path down to the target's parent.
        for t in path.reversed().dropLast() where !event.propagationStopped {
            invoke(event, on: t, phase: .capture, &table)
        }
        if !event.propagationStopped { invoke(event, on: target, phase: .target, &table) }
        if event.bubbles {
            for t in path.dropFirst() where !event.propagationStopped {
                invoke(event, on: t, phase: .bubble, &table)
            }
        }
        event.currentTarget = nil
        return !event.defaultPrevented
    }

    /// What ``dispatch(_:to:)`` does for an event of a type no listener can hear (see
    /// ``isListened(_:)``): only the observer sees it, so it is shown the parts without a
    /// ``DOMEvent`` being built. Returns true (nothing could cancel it).
    @discardableResult
    public func dispatchUnheard(_ type: String, detail: consuming JSValue, origin: DOMEvent.Origin = .script,
                                to target: consuming EventTarget) -> Bool {
        assert(!isListened(type), "a listener would miss this event")
        guard depth < Self.maxDepth, !halted, let observer, observerFilter?(type, origin) ?? true else { return true }
        depth += 1
        defer { depth -= 1 }
        // Detail and target are moved into the observed event, not copied (each copy counted
        // a reference: the detail's members, the target's document).
        let reaches = Self.reachesDocument(target)
        observer(ObservedEvent(type: type, detail: detail, target: target, origin: origin), reaches)
        return true
    }

    /// Whether a listener is registered for this type anywhere (a dispatch must then build
    /// the event and walk its path).
    public func isListened(_ type: String) -> Bool {
        listenedTypeBits & Self.typeBit(type) != 0 && listeners[type] != nil
    }

    /// Whether dispatching an event of this type and origin would do nothing: no listener
    /// could hear it and the observer would not see it (the caller can skip building it).
    public func isInert(_ type: String, _ origin: DOMEvent.Origin) -> Bool {
        if isListened(type) { return false }
        return observer == nil || observerFilter?(type, origin) == false
    }

    @inline(__always)
    private static func typeBit(_ type: String) -> UInt64 {
        return type.withUTF8Bytes { b in 1 &<< UInt64((b.count &* 31 &+ Int(b.last ?? 0)) & 63) }
    }

    private enum Phase { case capture, target, bubble }

    /// The dispatched type's listeners as last read, and the generation they were read at.
    private struct Table {
        var byTarget: [EventTarget: [Entry]]?
        var generation: UInt64
    }

    private func invoke(_ event: DOMEvent, on target: EventTarget, phase: Phase, _ table: inout Table) {
        // Each node's list is read when the dispatch reaches it (a listener may have added
        // or removed others); unchanged since the last read, the table already holds it.
        if table.generation != generation {
            table = Table(byTarget: listeners[event.type], generation: generation)
        }
        guard let entries = table.byTarget?[target] else { return }
        event.currentTarget = target
        let readAt = generation
        for (k, entry) in entries.enumerated() {
            if event.immediatePropagationStopped { break }
            switch phase {
            case .capture where !entry.capture, .bubble where entry.capture: continue
            default: break
            }
            // A listener removed by an earlier one at this node does not run.
            if k > 0 && generation != readAt {
                guard listeners[event.type]?[target]?.contains(where: { $0.id == entry.id }) == true else { continue }
            }
            if entry.once { removeListener(target, event.type, entry.id) }
            entry.body(event)
        }
    }

    /// Whether `target`'s propagation path (see ``path(from:)``) reaches the document.
    static func reachesDocument(_ target: EventTarget) -> Bool {
        guard case .node(let node) = target else { return false }
        return node.parentChainReachesDocument
    }

    /// The propagation path: the target, its ancestors, and the window when the path reaches
    /// the document.
    public static func path(from target: EventTarget) -> [EventTarget] {
        guard case .node(let node) = target else { return [.window] }
        var path: [EventTarget] = []
        // One allocation for the usual depth, not one per doubling.
        path.reserveCapacity(16)
        path.append(target)
        var cur = node.parent
        while let p = cur {
            path.append(.node(p))
            cur = p.parent
        }
        if case .node(let top) = path.last!, top.kind == .document { path.append(.window) }
        return path
    }
}

extension ObservedEvent {
    init(_ event: DOMEvent, _ target: EventTarget) {
        self.init(type: event.type, detail: event.detail, target: target, origin: event.origin)
    }
}
