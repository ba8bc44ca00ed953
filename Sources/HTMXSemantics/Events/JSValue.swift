import HTMLModel

/// The shape of a JavaScript value as htmx puts it in an event's `detail`: enough to apply
/// the result format's detail rules (strings, finite numbers, booleans, nodes as PATHs,
/// nested objects such as `requestConfig`, `xhr`, `ctx`).
public enum JSValue: Equatable {
    case undefined
    case null
    case string(String)
    case number(Double)
    case bool(Bool)
    case node(Node)
    case object(JSObject)
    case array([JSValue])

    /// A JSON value (as the grammars parse it) as page JavaScript holds it.
    public init(_ v: GrammarJSON.Value) {
        switch v {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let n): self = .number(n)
        case .string(let s): self = .string(s)
        case .array(let a): self = .array(a.map(JSValue.init))
        case .object(let o): self = .object(JSObject(o.members.map { ($0.key, JSValue($0.value)) }))
        }
    }

    public var objectValue: JSObject? { if case .object(let o) = self { return o } else { return nil } }
    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    public var numberValue: Double? { if case .number(let n) = self { return n } else { return nil } }
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    public var nodeValue: Node? { if case .node(let n) = self { return n } else { return nil } }
}

/// An object with members in insertion order, as JavaScript objects keep string keys.
public struct JSObject: Equatable {
    public private(set) var members: [(String, JSValue)] = []
    /// The object's class when it matters to a consumer (`MessageEvent` details are recorded
    /// with their own rule).
    public var className: String?

    public init(_ members: [(String, JSValue)] = [], className: String? = nil) {
        self.className = className
        // One allocation, with room for the `elt` htmx adds to nearly every detail it builds
        // (appending member by member regrew the array for every event).
        self.members.reserveCapacity(members.count + 1)
        for (k, v) in members { self[k] = v }
    }

    /// An object from members whose keys the caller builds distinct (checked in debug builds):
    /// no duplicate search per member, for the detail objects made for every event.
    init(distinctMembers members: [(String, JSValue)]) {
        assert(Set(members.map(\.0)).count == members.count, "duplicate keys")
        self.members = members
    }

    public subscript(key: String) -> JSValue? {
        get { members.first(where: { Self.same($0.0, key) })?.1 }
        set {
            if let i = members.firstIndex(where: { Self.same($0.0, key) }) {
                if let newValue { members[i].1 = newValue } else { members.remove(at: i) }
            } else if let newValue {
                members.append((key, newValue))
            }
        }
    }

    /// Key equality with the length compared first: String's `==` on two different short
    /// keys is an out-of-line call, and keys are looked up for every event.
    @inline(__always)
    static func same(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a == b
    }

    public static func == (lhs: JSObject, rhs: JSObject) -> Bool {
        lhs.className == rhs.className && lhs.members.map(\.0) == rhs.members.map(\.0) && lhs.members.map(\.1) == rhs.members.map(\.1)
    }
}
