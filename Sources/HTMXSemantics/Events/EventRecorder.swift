import HTMLModel

/// Turns dispatched events into result records (`Conformance/FORMAT.md`, "Events"): what a
/// capture listener on `document` sees, in dispatch order, with the detail members the format
/// lists in its order.
public final class EventRecorder {
    public private(set) var records: [EventRecord] = []
    /// Extra types to record (the scenario's `events`): native events and kebab-case twins.
    public let extraTypes: Set<String>
    /// Ancestor chains shared by the PATHs of consecutive events.
    private let paths = NodePathCache()

    public init(extraTypes: Set<String> = []) {
        self.extraTypes = extraTypes
    }

    /// Hook for ``EventDispatcher/observer``.
    public func observe(_ event: DOMEvent, path: [EventTarget]) {
        // Only events whose path reaches the document: a capture listener on document sees them.
        guard case .node(let target) = event.target, path.contains(where: { $0.node?.kind == .document }) else { return }
        guard wants(event) else { return }
        records.append(EventRecord(type: event.type, target: NodePath.of(target, cache: paths), detail: Self.detail(of: event.detail, paths: paths)))
    }

    /// Whether an event of this type and origin is recorded at all (when its path reaches the
    /// document); hook for ``EventDispatcher/observerFilter``.
    public func wants(_ event: DOMEvent) -> Bool {
        let listed = extraTypes.contains(event.type)
        switch event.origin {
        case .script:
            return !(event.type.hasPrefix("htmx:xhr:") && !listed)
        case .kebabTwin, .native:
            return listed
        }
    }

    /// The format's detail table, applied in order; a key written twice keeps its first
    /// position and takes the last value.
    public static func detail(of d: JSValue) -> [(String, DetailValue)] {
        detail(of: d, paths: nil)
    }

    static func detail(of d: JSValue, paths: NodePathCache?) -> [(String, DetailValue)] {
        var out: [(String, DetailValue)] = []
        func put(_ key: String, _ value: JSValue?, _ kind: Kind) {
            guard let value, let v = convert(value, kind, paths) else { return }
            if let i = out.firstIndex(where: { $0.0 == key }) { out[i].1 = v } else { out.append((key, v)) }
        }
        switch d {
        case .string(let s): return [("value", .string(s))]
        case .number(let n): return n.isFinite ? [("value", .number(n))] : []
        case .bool(let b): return [("value", .bool(b))]
        case .object: break
        default: return []
        }
        guard let o = d.objectValue else { return [] }
        if o.className == "MessageEvent" {
            put("type", o["type"], .string)
            put("data", o["data"], .string)
            put("lastEventId", o["lastEventId"], .string)
            return out
        }
        put("type", o["type"], .string)
        put("value", o["value"], .primitive)
        put("data", o["data"], .string)
        put("id", o["id"], .string)
        let message = o["message"]?.objectValue
        put("data", message?["data"], .string)
        put("event", message?["event"], .string)
        put("id", message?["id"], .string)
        let connection = o["connection"]?.objectValue
        put("url", connection?["url"], .primitive)
        put("attempt", connection?["attempt"], .primitive)
        put("status", connection?["status"], .primitive)
        put("reason", o["reason"], .primitive)
        put("url", o["url"], .string)
        put("status", o["status"], .number)
        put("error", o["error"], .string)
        put("verb", o["verb"], .string)
        put("path", o["path"], .string)
        let requestConfig = o["requestConfig"]?.objectValue
        put("verb", requestConfig?["verb"], .string)
        put("path", requestConfig?["path"], .string)
        put("target", o["target"], .node)
        put("status", o["xhr"]?.objectValue?["status"], .primitive)
        for key in ["successful", "failed", "shouldSwap", "isError", "ignoreTitle"] { put(key, o[key], .bool) }
        put("readyState", o["source"]?.objectValue?["readyState"], .primitive)
        let ctx = o["ctx"]?.objectValue
        put("target", ctx?["target"], .node)
        put("swap", ctx?["swap"], .string)
        put("status", ctx?["response"]?.objectValue?["status"], .primitive)
        let task = o["task"]?.objectValue
        put("task", task?["type"], .primitive)
        put("style", task?["swapSpec"]?.objectValue?["style"], .primitive)
        return out
    }

    enum Kind { case string, number, bool, node, primitive }

    private static func convert(_ v: JSValue, _ kind: Kind, _ paths: NodePathCache?) -> DetailValue? {
        switch (v, kind) {
        case (.string(let s), .string), (.string(let s), .primitive): return .string(s)
        case (.number(let n), .number), (.number(let n), .primitive): return n.isFinite ? .number(n) : nil
        case (.bool(let b), .bool), (.bool(let b), .primitive): return .bool(b)
        case (.node(let n), .node), (.node(let n), .primitive): return .string(NodePath.of(n, cache: paths))
        default: return nil
        }
    }
}
