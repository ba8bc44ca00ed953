/// An `hx-params` value (htmx.js filterValues). Only the exact words `*` and `none` are
/// special (no trimming: `" none"` keeps only a parameter named `none`); `not ` must start
/// the value. Names are split at commas and trimmed; empty names are kept.
public enum ParamsFilter: Equatable, Sendable {
    case all
    case none
    case exclude([String])
    case include([String])

    /// Parses a non-empty `hx-params` value (htmx ignores an empty one: all parameters).
    public static func parse(_ value: String) -> ParamsFilter {
        if value == "none" { return .none }
        if value == "*" { return .all }
        if let rest = value.dropPrefix("not ") {
            return .exclude(JSText.split(rest, on: UInt8(ascii: ",")).map(JSText.trim))
        }
        return .include(JSText.split(value, on: UInt8(ascii: ",")).map(JSText.trim))
    }

    /// Applies the filter to ordered form entries the way htmx's FormData calls do:
    /// `include` walks the *list* order, appending every value of each present name (a name
    /// listed twice is appended twice); `exclude` deletes every entry of each name.
    public func apply(to entries: [(name: String, value: String)]) -> [(name: String, value: String)] {
        switch self {
        case .all: return entries
        case .none: return []
        case .exclude(let names):
            let drop = Set(names)
            return entries.filter { !drop.contains($0.name) }
        case .include(let names):
            var out: [(name: String, value: String)] = []
            for n in names { out.append(contentsOf: entries.filter { $0.name == n }) }
            return out
        }
    }
}
