import HTMXSemantics

/// One conformance scenario (format: `Conformance/FORMAT.md`): a page, recorded responses,
/// timed actions and dialog answers, run until a virtual end time.
public struct Scenario: Equatable, Sendable {
    public var name: String?
    public var htmx: HTMXVersion
    /// `htmx.config` assignments, in order (objects merge into existing objects).
    public var config: [(String, JSONValue)]
    public var page: String
    public var responses: [RecordedResponse]
    public var actions: [Action]
    public var dialogs: Dialogs
    public var until: Double
    /// Extra event types to record.
    public var events: [String]
    /// Seed for the engine's random generator (htmx 4 reconnect jitter). Our extension.
    public var seed: UInt64

    public static func == (lhs: Scenario, rhs: Scenario) -> Bool {
        lhs.name == rhs.name && lhs.htmx == rhs.htmx && JSONValue.object(lhs.config) == JSONValue.object(rhs.config)
            && lhs.page == rhs.page && lhs.responses == rhs.responses && lhs.actions == rhs.actions
            && lhs.dialogs == rhs.dialogs && lhs.until == rhs.until && lhs.events == rhs.events && lhs.seed == rhs.seed
    }
}

/// A recorded HTTP response, served to the k-th request for its method and URL.
public struct RecordedResponse: Equatable, Sendable {
    public struct Chunk: Equatable, Sendable {
        public var at: Double
        public var data: [UInt8]

        public init(at: Double, data: [UInt8]) {
            self.at = at
            self.data = data
        }
    }

    public var method: String
    public var url: String
    public var status: Int
    /// Header names as recorded; look up case-insensitively with ``header(_:)``.
    public var headers: [(String, String)]
    public var chunks: [Chunk]
    public var close: Double?
    public var networkError: Bool

    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.last(where: { $0.0.lowercased() == lower })?.1
    }

    public var isEventStream: Bool {
        guard let ct = header("content-type") else { return false }
        let essence = ct.split(separator: ";", omittingEmptySubsequences: false).first ?? ""
        return essence.filter { $0 != " " && $0 != "\t" }.lowercased() == "text/event-stream"
    }

    /// When the body ends, relative to the request: `close`, else the last chunk for ordinary
    /// responses, else never (an event stream stays open until the run ends).
    public var endTime: Double? {
        if let close { return close }
        if isEventStream { return nil }
        return chunks.map(\.at).max() ?? 0
    }

    public static func == (lhs: RecordedResponse, rhs: RecordedResponse) -> Bool {
        lhs.method == rhs.method && lhs.url == rhs.url && lhs.status == rhs.status
            && lhs.headers.map { [$0.0, $0.1] } == rhs.headers.map { [$0.0, $0.1] }
            && lhs.chunks == rhs.chunks && lhs.close == rhs.close && lhs.networkError == rhs.networkError
    }
}

/// A scheduled user or page action.
public struct Action: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case click(selector: String)
        case submit(selector: String)
        case visibility(hidden: Bool)
        case input(selector: String, value: String?, checked: Bool?, commit: Bool)
        case dispatch(target: DispatchTarget, type: String, detail: JSONValue?, bubbles: Bool, cancelable: Bool, fields: [String: JSONValue])
    }

    public enum DispatchTarget: Equatable, Sendable {
        case selector(String)
        case document
        case window
    }

    public var at: Double
    public var kind: Kind

    public static func == (lhs: Action, rhs: Action) -> Bool { lhs.at == rhs.at && lhs.kind == rhs.kind }
}

/// Answers for `window.confirm` / `window.prompt`, consumed in order.
public struct Dialogs: Equatable, Sendable {
    public var confirm: [Bool] = []
    /// nil entries mean "cancelled".
    public var prompt: [String?] = []

    public init(confirm: [Bool] = [], prompt: [String?] = []) {
        self.confirm = confirm
        self.prompt = prompt
    }
}

extension Action.Kind {
    public static func == (lhs: Action.Kind, rhs: Action.Kind) -> Bool {
        switch (lhs, rhs) {
        case let (.click(a), .click(b)), let (.submit(a), .submit(b)): return a == b
        case let (.visibility(a), .visibility(b)): return a == b
        case let (.input(s1, v1, c1, m1), .input(s2, v2, c2, m2)): return s1 == s2 && v1 == v2 && c1 == c2 && m1 == m2
        case let (.dispatch(t1, y1, d1, b1, c1, f1), .dispatch(t2, y2, d2, b2, c2, f2)):
            return t1 == t2 && y1 == y2 && d1 == d2 && b1 == b2 && c1 == c2 && f1 == f2
        default: return false
        }
    }
}
