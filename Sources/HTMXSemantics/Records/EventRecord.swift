/// One DOM event as the result format records it: type, target PATH, and the detail members
/// the format lists, in its order.
public struct EventRecord: Equatable, Sendable {
    public var type: String
    /// The target's PATH as recorded (spelled out when read or written).
    public var path: RecordedPath
    /// `(key, value)` pairs; values are strings, numbers, booleans (nodes already as PATHs).
    public var detail: [(String, DetailValue)]

    /// The target's PATH.
    public var target: String {
        get { path.description }
        set { path = RecordedPath(newValue) }
    }

    public init(type: String, target: String, detail: [(String, DetailValue)] = []) {
        self.init(type: type, path: RecordedPath(target), detail: detail)
    }

    public init(type: String, path: RecordedPath, detail: [(String, DetailValue)] = []) {
        self.type = type
        self.path = path
        self.detail = detail
    }

    public static func == (lhs: EventRecord, rhs: EventRecord) -> Bool {
        lhs.type == rhs.type && lhs.path == rhs.path
            && lhs.detail.map(\.0) == rhs.detail.map(\.0) && lhs.detail.map(\.1) == rhs.detail.map(\.1)
    }
}

public enum DetailValue: Equatable, Sendable {
    case string(String)
    case number(Double)
    case bool(Bool)
    /// A node, as its PATH: a string in the result, spelled only when read or written.
    case path(RecordedPath)

    /// A PATH equals the string that spells it (an expected file holds strings only).
    public static func == (a: DetailValue, b: DetailValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.bool(let x), .bool(let y)): return x == y
        case (.path(let x), .path(let y)): return x == y
        case (.path(let p), .string(let s)), (.string(let s), .path(let p)): return p.description == s
        default: return false
        }
    }
}

/// One request htmx made, as the result format records it.
public struct RequestRecord: Equatable, Sendable {
    public var method: String
    public var url: String
    /// Lower-cased names, sorted.
    public var headers: [(String, String)]
    /// Only when non-empty.
    public var body: String?

    public init(method: String, url: String, headers: [(String, String)], body: String? = nil) {
        self.method = method
        self.url = url
        self.headers = headers.map { ($0.0.lowercased(), $0.1) }.sorted { $0.0 < $1.0 }
        self.body = body
    }

    public static func == (lhs: RequestRecord, rhs: RequestRecord) -> Bool {
        lhs.method == rhs.method && lhs.url == rhs.url && lhs.body == rhs.body
            && lhs.headers.map(\.0) == rhs.headers.map(\.0) && lhs.headers.map(\.1) == rhs.headers.map(\.1)
    }
}

/// A `window.confirm` / `window.prompt` call.
public struct DialogRecord: Equatable, Sendable {
    public enum Kind: String, Sendable { case confirm, prompt }
    public var kind: Kind
    public var message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }
}

/// Something the engine noticed that the user should know: unsupported JavaScript, requests
/// with no recording, attribute values htmx would reject, parse errors in the page.
public struct Diagnostic: Equatable, Sendable, CustomStringConvertible {
    public var code: String
    /// PATH of the element concerned (result-format PATH), or nil.
    public var element: String?
    public var message: String
    /// Virtual time in ms, when it happened during a run.
    public var at: Double?

    public init(code: String, element: String? = nil, message: String, at: Double? = nil) {
        self.code = code
        self.element = element
        self.message = message
        self.at = at
    }

    public var description: String {
        var parts: [String] = []
        if let at { parts.append("t=\(at)") }
        if let element { parts.append(element) }
        parts.append("\(code): \(message)")
        return parts.joined(separator: " ")
    }
}
