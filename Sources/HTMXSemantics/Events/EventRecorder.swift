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
    /// Most records kept; the event that would be one more is dropped, ``limitReached`` is
    /// set and ``onLimit`` called (once).
    public var maxRecords = Int.max
    public private(set) var limitReached = false
    public var onLimit: (() -> Void)?

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
    public func observe(_ event: ObservedEvent, reachesDocument: Bool) {
        guard wants(event.type, event.origin) else { return }
        record(event, reachesDocument: reachesDocument)
    }

    private func record(_ event: ObservedEvent, reachesDocument: Bool) {
        // Only events whose path reaches the document: a capture listener on document sees them.
        guard reachesDocument, case .node(let target) = event.target else { return }
        guard records.count < maxRecords else {
            if !limitReached {
                limitReached = true
                onLimit?()
            }
            return
        }
        let paths = paths
        let (step, detached) = paths.recordStep(target)
        records.append(type: event.type, step: step, detached: detached, of: paths.table) { writer in
            Self.detail(of: event.detail, paths: paths, into: &writer)
        }
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
        return type.withUTF8Bytes { b in
            // "htmx:xhr:", the bytes after the common "htmx:" first.
            b.count >= 9 && b[5] == 0x78 && b[6] == 0x68 && b[7] == 0x72 && b[8] == 0x3A
                && b[0] == 0x68 && b[1] == 0x74 && b[2] == 0x6D && b[3] == 0x78 && b[4] == 0x3A
        }
    }

    /// The format's detail table, applied in order; a key written twice keeps its first
    /// position and takes the last value.
    public static func detail(of d: JSValue) -> [(String, DetailValue)] {
        var out = DetailArray()
        detail(of: d, paths: nil, into: &out)
        return out.members
    }

    /// Puts the table's members into `out`.
    static func detail(of d: JSValue, paths: NodePathCache?, into out: inout some DetailSink) {
        func put(_ key: DetailKey, _ value: JSValue?, _ kind: Kind) {
            guard let value else { return }
            if case .node(let n) = value, kind == .node || kind == .primitive, let paths {
                return out.putPath(key, of: n, cache: paths)
            }
            guard let v = convert(value, kind, paths) else { return }
            out.put(key, v)
        }
        switch d {
        case .string(let s): out.put(.value, .string(s))
        case .number(let n) where n.isFinite: out.put(.value, .number(n))
        case .bool(let b): out.put(.value, .bool(b))
        default: break
        }
        guard let o = d.objectValue else { return }
        if o.className == "MessageEvent" {
            put(.type, o["type"], .string)
            put(.data, o["data"], .string)
            put(.lastEventId, o["lastEventId"], .string)
            return
        }
        // One pass over the detail's members (dozens of lookups per event, hundreds of
        // thousands of events, cost more than anything else in the record), then the table.
        // It notes positions, not values: most details (`{elt}` and the like) hold nothing
        // the table reads, and then nothing was copied.
        var top = TopMembers()
        let members = o.members
        for i in members.indices { top.take(members[i].0, at: i) }
        guard top.readsAny else { return }
        // Rows read by index: a row is a value with an array in it, and copying one per
        // row per event counted its references.
        let table = Self.table
        for i in table.indices where top.has(table[i].member) {
            guard let p = top.position(table[i].member) else { continue }
            var value: JSValue? = members[p].1
            for key in table[i].path { value = value?.objectValue?[key] }
            put(table[i].key, value, table[i].kind)
        }
    }

    /// The format's detail table, in its order: the key written, the detail member read,
    /// the keys followed inside that member's object, and the kind of value kept. A row
    /// whose member is absent costs one check (an htmx 4 detail carries `ctx`, so every
    /// event walks the table).
    private static let table: [(key: DetailKey, member: TopMembers.Name, path: [String], kind: Kind)] = [
        (.type, .type, [], .string),
        (.value, .value, [], .primitive),
        (.data, .data, [], .string),
        (.id, .id, [], .string),
        (.data, .message, ["data"], .string),
        (.event, .message, ["event"], .string),
        (.id, .message, ["id"], .string),
        (.url, .connection, ["url"], .primitive),
        (.attempt, .connection, ["attempt"], .primitive),
        (.status, .connection, ["status"], .primitive),
        (.reason, .reason, [], .primitive),
        (.url, .url, [], .string),
        (.status, .status, [], .number),
        (.error, .error, [], .string),
        (.verb, .verb, [], .string),
        (.path, .path, [], .string),
        (.verb, .requestConfig, ["verb"], .string),
        (.path, .requestConfig, ["path"], .string),
        (.target, .target, [], .node),
        (.status, .xhr, ["status"], .primitive),
        (.successful, .successful, [], .bool),
        (.failed, .failed, [], .bool),
        (.shouldSwap, .shouldSwap, [], .bool),
        (.isError, .isError, [], .bool),
        (.ignoreTitle, .ignoreTitle, [], .bool),
        (.readyState, .source, ["readyState"], .primitive),
        (.target, .ctx, ["target"], .node),
        (.swap, .ctx, ["swap"], .string),
        (.status, .ctx, ["response", "status"], .primitive),
        (.task, .task, ["type"], .primitive),
        (.style, .task, ["swapSpec", "style"], .primitive),
    ]

    /// Where in a detail's members the names the table reads are (a trivial value: nothing
    /// to retain or release per event).
    private struct TopMembers {
        enum Name: Int {
            case type, value, data, id, message, connection, reason, url, status, error, verb, path
            case requestConfig, target, xhr, successful, failed, shouldSwap, isError, ignoreTitle, source, ctx, task
        }

        /// Position + 1 of each name's member, 0 when absent (a detail has a few dozen
        /// members at most; a later member of the same name wins, as JavaScript keeps one).
        private var positions = SIMD32<UInt8>()
        /// One bit per name present: most rows' members are absent, and a bit says so
        /// before the position is read.
        private var present: UInt32 = 0
        var readsAny: Bool { present != 0 }

        func has(_ name: Name) -> Bool { present & (1 << UInt32(name.rawValue)) != 0 }

        func position(_ name: Name) -> Int? {
            let p = positions[name.rawValue]
            return p == 0 ? nil : Int(p) - 1
        }

        mutating func take(_ key: String, at index: Int) {
            guard index < Int(UInt8.max), let name = Self.name(key) else { return }
            positions[name.rawValue] = UInt8(index + 1)
            present |= 1 << UInt32(name.rawValue)
        }

        /// No two names below share both their length and their last byte: one integer switch
        /// on those (`length << 8 | last`) and one comparison place a member, and most
        /// members of a detail are none of these.
        static func name(_ key: String) -> Name? {
            let (count, last) = key.withUTF8Bytes { ($0.count, $0.last ?? 0) }
            guard count > 0 else { return nil }
            switch count << 8 | Int(last) {
            case 0x264: return key == "id" ? .id : nil
            case 0x36C: return key == "url" ? .url : nil
            case 0x372: return key == "xhr" ? .xhr : nil
            case 0x378: return key == "ctx" ? .ctx : nil
            case 0x461: return key == "data" ? .data : nil
            case 0x462: return key == "verb" ? .verb : nil
            case 0x465: return key == "type" ? .type : nil
            case 0x468: return key == "path" ? .path : nil
            case 0x46B: return key == "task" ? .task : nil
            case 0x565: return key == "value" ? .value : nil
            case 0x572: return key == "error" ? .error : nil
            case 0x664: return key == "failed" ? .failed : nil
            case 0x665: return key == "source" ? .source : nil
            case 0x66E: return key == "reason" ? .reason : nil
            case 0x673: return key == "status" ? .status : nil
            case 0x674: return key == "target" ? .target : nil
            case 0x765: return key == "message" ? .message : nil
            case 0x772: return key == "isError" ? .isError : nil
            case 0xA6C: return key == "successful" ? .successful : nil
            case 0xA6E: return key == "connection" ? .connection : nil
            case 0xA70: return key == "shouldSwap" ? .shouldSwap : nil
            case 0xB65: return key == "ignoreTitle" ? .ignoreTitle : nil
            case 0xD67: return key == "requestConfig" ? .requestConfig : nil
            default: return nil
            }
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

/// Where the recorder puts a detail's members: straight into a record list, or into an array.
protocol DetailSink {
    mutating func put(_ key: DetailKey, _ value: DetailValue)
    /// Puts a node as its PATH, recorded in `cache`.
    mutating func putPath(_ key: DetailKey, of node: Node, cache: NodePathCache)
}

extension DetailSink {
    mutating func putPath(_ key: DetailKey, of node: Node, cache: NodePathCache) {
        put(key, .path(NodePath.record(node, cache: cache)))
    }
}

extension EventRecordList.DetailWriter: DetailSink {
    /// The PATH as a step of the cache's table, as the record's own PATH is kept.
    mutating func putPath(_ key: DetailKey, of node: Node, cache: NodePathCache) {
        let (step, detached) = cache.recordStep(node)
        putPath(key, step: step, detached: detached, of: cache.table)
    }
}

/// A detail as an array; a key put twice keeps its first position and takes the last value.
struct DetailArray: DetailSink {
    var members: [(String, DetailValue)] = []

    mutating func put(_ key: DetailKey, _ value: DetailValue) {
        if let i = members.firstIndex(where: { $0.0 == key.name }) {
            members[i].1 = value
        } else {
            members.append((key.name, value))
        }
    }
}
