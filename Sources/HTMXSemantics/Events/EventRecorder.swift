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
            if let i = out.firstIndex(where: { $0.0.utf8.count == key.utf8.count && $0.0 == key }) {
                out[i].1 = v
            } else {
                out.append((key, v))
            }
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
        // One pass over the detail's members (dozens of lookups per event, hundreds of
        // thousands of events, cost more than anything else in the record), then the table.
        var top = TopMembers()
        for (key, value) in o.members { top.take(key, value) }
        put("type", top.type, .string)
        put("value", top.value, .primitive)
        put("data", top.data, .string)
        put("id", top.id, .string)
        let message = top.message?.objectValue
        put("data", message?["data"], .string)
        put("event", message?["event"], .string)
        put("id", message?["id"], .string)
        let connection = top.connection?.objectValue
        put("url", connection?["url"], .primitive)
        put("attempt", connection?["attempt"], .primitive)
        put("status", connection?["status"], .primitive)
        put("reason", top.reason, .primitive)
        put("url", top.url, .string)
        put("status", top.status, .number)
        put("error", top.error, .string)
        put("verb", top.verb, .string)
        put("path", top.path, .string)
        let requestConfig = top.requestConfig?.objectValue
        put("verb", requestConfig?["verb"], .string)
        put("path", requestConfig?["path"], .string)
        put("target", top.target, .node)
        put("status", top.xhr?.objectValue?["status"], .primitive)
        put("successful", top.successful, .bool)
        put("failed", top.failed, .bool)
        put("shouldSwap", top.shouldSwap, .bool)
        put("isError", top.isError, .bool)
        put("ignoreTitle", top.ignoreTitle, .bool)
        put("readyState", top.source?.objectValue?["readyState"], .primitive)
        let ctx = top.ctx?.objectValue
        put("target", ctx?["target"], .node)
        put("swap", ctx?["swap"], .string)
        put("status", ctx?["response"]?.objectValue?["status"], .primitive)
        let task = top.task?.objectValue
        put("task", task?["type"], .primitive)
        put("style", task?["swapSpec"]?.objectValue?["style"], .primitive)
        return out
    }

    /// The detail members the table reads, picked out in one pass (lengths first: most
    /// members are none of these, and a length rules them out without a comparison).
    private struct TopMembers {
        var type, value, data, id, message, connection, reason, url, status, error, verb, path: JSValue?
        var requestConfig, target, xhr, successful, failed, shouldSwap, isError, ignoreTitle, source, ctx, task: JSValue?

        mutating func take(_ key: String, _ v: JSValue) {
            switch key.utf8.count {
            case 2: if key == "id" { id = v }
            case 3:
                if key == "url" { url = v } else if key == "xhr" { xhr = v } else if key == "ctx" { ctx = v }
            case 4:
                switch key {
                case "type": type = v
                case "data": data = v
                case "verb": verb = v
                case "path": path = v
                case "task": task = v
                default: break
                }
            case 5:
                if key == "value" { value = v } else if key == "error" { error = v }
            case 6:
                switch key {
                case "reason": reason = v
                case "status": status = v
                case "target": target = v
                case "failed": failed = v
                case "source": source = v
                default: break
                }
            case 7:
                if key == "message" { message = v } else if key == "isError" { isError = v }
            case 10:
                if key == "successful" { successful = v } else if key == "connection" { connection = v } else if key == "shouldSwap" { shouldSwap = v }
            case 11: if key == "ignoreTitle" { ignoreTitle = v }
            case 13: if key == "requestConfig" { requestConfig = v }
            default: break
            }
        }
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
