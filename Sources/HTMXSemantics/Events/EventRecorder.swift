import HTMLModel

/// Turns dispatched events into result records (`Conformance/FORMAT.md`, "Events"): what a
/// capture listener on `document` sees, in dispatch order, with the detail members the format
/// lists in its order.
public final class EventRecorder {
    // Appended to for every recorded event, never by two accesses at once.
    @exclusivity(unchecked) public private(set) var records = EventRecordList()
    /// Extra types to record (the scenario's `events`): native events and kebab-case twins.
    public let extraTypes: Set<String>
    /// Ancestor chains shared by the PATHs of consecutive events.
    private let paths = NodePathCache()
    /// The detail of the event being recorded (the list copies it: one array for all).
    @exclusivity(unchecked) private var detail: [(String, DetailValue)] = []

    public init(extraTypes: Set<String> = []) {
        self.extraTypes = extraTypes
    }

    /// Records what `dispatcher` dispatches: its observer and its observer filter.
    public func attach(to dispatcher: EventDispatcher) {
        // The filter has already asked `wants` by the time the observer runs.
        dispatcher.observer = { event, reachesDocument in self.record(event, reachesDocument: reachesDocument) }
        dispatcher.observerFilter = { type, origin in self.wants(type, origin) }
    }

    /// Hook for ``EventDispatcher/observer`` (without ``attach(to:)``).
    public func observe(_ event: DOMEvent, reachesDocument: Bool) {
        guard wants(event.type, event.origin) else { return }
        record(event, reachesDocument: reachesDocument)
    }

    private func record(_ event: DOMEvent, reachesDocument: Bool) {
        // Only events whose path reaches the document: a capture listener on document sees them.
        guard reachesDocument, case .node(let target) = event.target else { return }
        detail.removeAll(keepingCapacity: true)
        Self.detail(of: event.detail, paths: paths, into: &detail)
        records.append(type: event.type, path: NodePath.record(target, cache: paths), detail: detail)
    }

    /// Whether an event of this type and origin is recorded at all (when its path reaches the
    /// document); hook for ``EventDispatcher/observerFilter``.
    public func wants(_ type: String, _ origin: DOMEvent.Origin) -> Bool {
        let listed = !extraTypes.isEmpty && extraTypes.contains(type)
        switch origin {
        case .script:
            return !(Self.isXHREvent(type) && !listed)
        case .kebabTwin, .native:
            return listed
        }
    }

    /// `htmx:xhr:…` (progress events, not recorded unless listed), by bytes: asked for
    /// every event dispatched.
    static func isXHREvent(_ type: String) -> Bool {
        var type = type
        return type.withUTF8 { b in
            // "htmx:xhr:", the bytes after the common "htmx:" first.
            b.count >= 9 && b[5] == 0x78 && b[6] == 0x68 && b[7] == 0x72 && b[8] == 0x3A
                && b[0] == 0x68 && b[1] == 0x74 && b[2] == 0x6D && b[3] == 0x78 && b[4] == 0x3A
        }
    }

    /// The format's detail table, applied in order; a key written twice keeps its first
    /// position and takes the last value.
    public static func detail(of d: JSValue) -> [(String, DetailValue)] {
        var out: [(String, DetailValue)] = []
        detail(of: d, paths: nil, into: &out)
        return out
    }

    /// Appends the table's members to `out`.
    static func detail(of d: JSValue, paths: NodePathCache?, into out: inout [(String, DetailValue)]) {
        func put(_ key: String, _ value: JSValue?, _ kind: Kind) {
            guard let value, let v = convert(value, kind, paths) else { return }
            if let i = out.firstIndex(where: { JSObject.same($0.0, key) }) {
                out[i].1 = v
            } else {
                out.append((key, v))
            }
        }
        switch d {
        case .string(let s): out.append(("value", .string(s)))
        case .number(let n) where n.isFinite: out.append(("value", .number(n)))
        case .bool(let b): out.append(("value", .bool(b)))
        default: break
        }
        guard let o = d.objectValue else { return }
        if o.className == "MessageEvent" {
            put("type", o["type"], .string)
            put("data", o["data"], .string)
            put("lastEventId", o["lastEventId"], .string)
            return
        }
        // One pass over the detail's members (dozens of lookups per event, hundreds of
        // thousands of events, cost more than anything else in the record), then the table.
        var top = TopMembers()
        var readsAny = false
        for (key, value) in o.members where top.take(key, value) { readsAny = true }
        // Most details (`{elt}` and the like) hold nothing the table reads.
        guard readsAny else { return }
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
    }

    /// The detail members the table reads, picked out in one pass (lengths first: most
    /// members are none of these, and a length rules them out without a comparison).
    private struct TopMembers {
        var type, value, data, id, message, connection, reason, url, status, error, verb, path: JSValue?
        var requestConfig, target, xhr, successful, failed, shouldSwap, isError, ignoreTitle, source, ctx, task: JSValue?

        /// No two names below share both their length and their last byte: one integer switch
        /// on those (`length << 8 | last`) and one comparison place a member, and most
        /// members of a detail are none of these. Returns whether `key` is one of them.
        mutating func take(_ key: String, _ v: JSValue) -> Bool {
            var bytes = key
            let (count, last) = bytes.withUTF8 { ($0.count, $0.last ?? 0) }
            guard count > 0 else { return false }
            switch count << 8 | Int(last) {
            case 0x264: if key == "id" { id = v; return true }
            case 0x36C: if key == "url" { url = v; return true }
            case 0x372: if key == "xhr" { xhr = v; return true }
            case 0x378: if key == "ctx" { ctx = v; return true }
            case 0x461: if key == "data" { data = v; return true }
            case 0x462: if key == "verb" { verb = v; return true }
            case 0x465: if key == "type" { type = v; return true }
            case 0x468: if key == "path" { path = v; return true }
            case 0x46B: if key == "task" { task = v; return true }
            case 0x565: if key == "value" { value = v; return true }
            case 0x572: if key == "error" { error = v; return true }
            case 0x664: if key == "failed" { failed = v; return true }
            case 0x665: if key == "source" { source = v; return true }
            case 0x66E: if key == "reason" { reason = v; return true }
            case 0x673: if key == "status" { status = v; return true }
            case 0x674: if key == "target" { target = v; return true }
            case 0x765: if key == "message" { message = v; return true }
            case 0x772: if key == "isError" { isError = v; return true }
            case 0xA6C: if key == "successful" { successful = v; return true }
            case 0xA6E: if key == "connection" { connection = v; return true }
            case 0xA70: if key == "shouldSwap" { shouldSwap = v; return true }
            case 0xB65: if key == "ignoreTitle" { ignoreTitle = v; return true }
            case 0xD67: if key == "requestConfig" { requestConfig = v; return true }
            default: break
            }
            return false
        }
    }

    enum Kind { case string, number, bool, node, primitive }

    private static func convert(_ v: JSValue, _ kind: Kind, _ paths: NodePathCache?) -> DetailValue? {
        switch (v, kind) {
        case (.string(let s), .string), (.string(let s), .primitive): return .string(s)
        case (.number(let n), .number), (.number(let n), .primitive): return n.isFinite ? .number(n) : nil
        case (.bool(let b), .bool), (.bool(let b), .primitive): return .bool(b)
        case (.node(let n), .node), (.node(let n), .primitive):
            return paths.map { .path(NodePath.record(n, cache: $0)) } ?? .string(NodePath.of(n))
        default: return nil
        }
    }
}
