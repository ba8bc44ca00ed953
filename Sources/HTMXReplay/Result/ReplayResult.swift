import HTMLModel
import HTMXSemantics

/// What a run ends with, in the shape of the corpus's `NAME.expected.json`, plus the
/// engine's diagnostics (which the conformance comparison ignores).
public struct ReplayResult: Equatable, Sendable {
    public var htmx: String
    public var body: String
    public var title: String
    public var events: EventRecordList
    public var requests: [RequestRecord]
    public var dialogs: [DialogRecord]
    public var diagnostics: [Diagnostic]
    /// Why the run ended before `until` (a ``ReplayLimits`` bound), nil when it did not: the
    /// result then shows the page as it was at that moment, not as htmx would leave it.
    public var stoppedEarly: String?

    public init(htmx: String, body: String, title: String, events: EventRecordList = [], requests: [RequestRecord] = [],
                dialogs: [DialogRecord] = [], diagnostics: [Diagnostic] = [], stoppedEarly: String? = nil) {
        self.htmx = htmx
        self.body = body
        self.title = title
        self.events = events
        self.requests = requests
        self.dialogs = dialogs
        self.diagnostics = diagnostics
        self.stoppedEarly = stoppedEarly
    }

    /// The result as JSON, members in the expected files' order.
    public func json(includeDiagnostics: Bool = true) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("htmx", .string(htmx)),
            ("body", .string(body)),
            ("title", .string(title)),
            ("events", .array(events.map(Self.json))),
            ("requests", .array(requests.map(Self.json))),
        ]
        if !dialogs.isEmpty {
            members.append(("dialogs", .array(dialogs.map(Self.json))))
        }
        if includeDiagnostics {
            members.append(("diagnostics", .array(diagnostics.map(Self.json))))
        }
        return .object(members)
    }

    /// The same JSON as `JSONWriter.write(json(includeDiagnostics:))` plus a final newline,
    /// handed to `sink` in pieces of about `chunk` bytes as it is written: a result with a
    /// million events is never held whole, nor as a JSON tree.
    public func writeJSON(includeDiagnostics: Bool = true, chunk: Int = 1 << 20, _ sink: ([UInt8]) -> Void) {
        let out = GrowableBytes(capacity: chunk + 4096)
        func flush(_ force: Bool = false) {
            if force || out.count >= chunk {
                sink(Array(out.bytes))
                out.removeAll()
            }
        }
        /// Items two levels in, each written by `write` (events straight to bytes, the
        /// rarer records through their JSON tree).
        func array<C: Collection>(_ items: C, _ write: (C.Element, GrowableBytes) -> Void) {
            if items.isEmpty { out.append("[]" as StaticString); return }
            out.append(UInt8(ascii: "["))
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                JSONWriter.newline(.indented, 2, out)
                write(item, out)
                flush()
            }
            JSONWriter.newline(.indented, 1, out)
            out.append(UInt8(ascii: "]"))
        }
        func tree<T>(_ json: @escaping (T) -> JSONValue) -> (T, GrowableBytes) -> Void {
            { item, out in JSONWriter.write(json(item), style: .indented, level: 2, into: out) }
        }
        var first = true
        func member(_ key: String, _ body: () -> Void) {
            out.append(first ? UInt8(ascii: "{") : UInt8(ascii: ","))
            first = false
            JSONWriter.newline(.indented, 1, out)
            JSONWriter.writeString(key, into: out)
            out.append(": " as StaticString)
            body()
            flush()
        }
        member("htmx") { JSONWriter.writeString(htmx, into: out) }
        member("body") { JSONWriter.writeString(body, into: out) }
        member("title") { JSONWriter.writeString(title, into: out) }
        let scratch = GrowableBytes()
        let paths = RecordedPath.Writer()
        let names = SpelledNames()
        member("events") {
            array(events.indices) { Self.writeEvent(events.stored(at: $0), of: events, into: $1, scratch: scratch, paths: paths, names: names) }
        }
        member("requests") { array(requests, tree(Self.json)) }
        if !dialogs.isEmpty {
            member("dialogs") { array(dialogs, tree(Self.json)) }
        }
        if includeDiagnostics {
            member("diagnostics") { array(diagnostics, tree(Self.json)) }
        }
        JSONWriter.newline(.indented, 0, out)
        out.append("}\n" as StaticString)
        flush(true)
    }

    /// One event as `JSONWriter` writes `json(e)` as an item of the result's `events` array
    /// (two spaces in), from the list's stored parts: a result holds tens of events per
    /// message, and building each record, its tree and the per-key escaping cost more than
    /// the bytes.
    static func writeEvent(_ e: EventRecordList.Stored, of list: EventRecordList, into out: GrowableBytes,
                           scratch: GrowableBytes, paths: RecordedPath.Writer, names: SpelledNames) {
        out.append("{\n   \"type\": " as StaticString)
        names.write(e.type, of: list, into: out)
        /// A PATH as a JSON string: spelled into `scratch`, then escaped into `out`.
        func writePath(_ path: RecordedPath) {
            scratch.removeAll()
            paths.write(path, into: scratch)
            JSONWriter.writeString(utf8: scratch.bytes, into: out)
        }
        out.append(",\n   \"target\": " as StaticString)
        writePath(e.path)
        out.append(",\n   \"detail\": " as StaticString)
        if e.detailCount == 0 {
            out.append("{}\n  }" as StaticString)
            return
        }
        for k in 0..<e.detailCount {
            let (key, value) = list.member(k, of: e)
            out.append(k == 0 ? "{\n    " : ",\n    " as StaticString)
            names.write(key, of: list, into: out)
            out.append(": " as StaticString)
            switch value {
            case .string(let s): JSONWriter.writeString(s, into: out)
            case .number(let n): out.append(JSONWriter.formatNumber(n))
            case .bool(let b): out.append(b ? "true" : "false" as StaticString)
            case .path(let p): writePath(p)
            }
        }
        out.append("\n   }\n  }" as StaticString)
    }

    /// The JSON string of each type and detail key of a record list, escaped on first use.
    final class SpelledNames {
        private let text = GrowableBytes()
        /// By name index: where its JSON is in `text` (count 0: not spelled yet). Read for
        /// every type and key written, never by two accesses at once: no runtime exclusivity
        /// checks.
        @exclusivity(unchecked) private var spelled: [(start: Int, count: Int)] = []

        func write(_ name: Int32, of list: EventRecordList, into out: GrowableBytes) {
            let i = Int(name)
            if i >= spelled.count { spelled += repeatElement((start: 0, count: 0), count: i + 1 - spelled.count) }
            if spelled[i].count == 0 {
                let start = text.count
                JSONWriter.writeString(list.name(name), into: text)
                spelled[i] = (start, text.count - start)
            }
            out.append(text.bytes.baseAddress! + spelled[i].start, spelled[i].count)
        }
    }

    static func json(_ e: EventRecord) -> JSONValue {
        .object([("type", .string(e.type)), ("target", .string(e.target)), ("detail", .object(e.detail.map { ($0.0, json($0.1)) }))])
    }

    static func json(_ v: DetailValue) -> JSONValue {
        switch v {
        case .string(let s): return .string(s)
        case .number(let n): return .number(n)
        case .bool(let b): return .bool(b)
        case .path(let p): return .string(p.description)
        }
    }

    static func json(_ d: DialogRecord) -> JSONValue {
        .object([("kind", .string(d.kind.rawValue)), ("message", .string(d.message))])
    }

    static func json(_ r: RequestRecord) -> JSONValue {
        var m: [(String, JSONValue)] = [
            ("method", .string(r.method)), ("url", .string(r.url)),
            ("headers", .object(r.headers.map { ($0.0, .string($0.1)) })),
        ]
        if let body = r.body, !body.isEmpty { m.append(("body", .string(body))) }
        return .object(m)
    }

    static func json(_ d: Diagnostic) -> JSONValue {
        var m: [(String, JSONValue)] = [("code", .string(d.code))]
        if let e = d.element { m.append(("element", .string(e))) }
        m.append(("message", .string(d.message)))
        if let at = d.at { m.append(("at", .number(at))) }
        return .object(m)
    }
}

extension ReplayResult {
    /// Reads an expected-result file's JSON (unknown members ignored, as future corpus fields
    /// must not break old engines).
    public init(expected json: JSONValue) throws(ScenarioError) {
        func str(_ k: String) throws(ScenarioError) -> String {
            guard let s = json[k]?.stringValue else { throw ScenarioError(.missingField, "expected result lacks \(k)", path: "$.\(k)") }
            return s
        }
        htmx = (try? str("htmx")) ?? ""
        body = try str("body")
        title = try str("title")
        events = []
        for (k, e) in (json["events"]?.arrayValue ?? []).enumerated() {
            guard let type = e["type"]?.stringValue, let target = e["target"]?.stringValue else {
                throw ScenarioError(.missingField, "event lacks type or target", path: "$.events[\(k)]")
            }
            var detail: [(String, DetailValue)] = []
            for (dk, dv) in e["detail"]?.objectValue ?? [] {
                switch dv {
                case .string(let s): detail.append((dk, .string(s)))
                case .number(let n): detail.append((dk, .number(n)))
                case .bool(let b): detail.append((dk, .bool(b)))
                default: continue
                }
            }
            events.append(EventRecord(type: type, target: target, detail: detail))
        }
        requests = (json["requests"]?.arrayValue ?? []).map { r in
            RequestRecord(method: r["method"]?.stringValue ?? "", url: r["url"]?.stringValue ?? "",
                          headers: (r["headers"]?.objectValue ?? []).map { ($0.0, $0.1.stringValue ?? "") },
                          body: r["body"]?.stringValue)
        }
        dialogs = (json["dialogs"]?.arrayValue ?? []).compactMap { d in
            guard let k = d["kind"]?.stringValue.flatMap(DialogRecord.Kind.init(rawValue:)) else { return nil }
            return DialogRecord(kind: k, message: d["message"]?.stringValue ?? "")
        }
        diagnostics = []
    }
}
