/// Writes JSON exactly as Python's `json.dumps(value, indent=1, ensure_ascii=False)` does (the
/// corpus's expected files are written that way), or compactly with no whitespace.
public struct JSONWriter {
    public enum Style: Sendable { case indented, compact }

    public static func write(_ value: JSONValue, style: Style = .indented) -> String {
        var out = ""
        write(value, style: style, level: 0, into: &out)
        return out
    }

    private static func write(_ value: JSONValue, style: Style, level: Int, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += formatNumber(n)
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (k, item) in items.enumerated() {
                if k > 0 { out += "," }
                newline(style, level + 1, &out)
                write(item, style: style, level: level + 1, into: &out)
            }
            newline(style, level, &out)
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (k, (key, v)) in members.enumerated() {
                if k > 0 { out += "," }
                newline(style, level + 1, &out)
                writeString(key, into: &out)
                out += style == .indented ? ": " : ":"
                write(v, style: style, level: level + 1, into: &out)
            }
            newline(style, level, &out)
            out += "}"
        }
    }

    private static func newline(_ style: Style, _ level: Int, _ out: inout String) {
        guard style == .indented else { return }
        out += "\n"
        out += String(repeating: " ", count: level)
    }

    /// Integers print without a fraction (as JavaScript and Python's int do).
    public static func formatNumber(_ n: Double) -> String {
        if n.isNaN || n.isInfinite { return "null" }
        if n == n.rounded(), abs(n) < 1e16 { return String(Int64(n)) }
        return "\(n)"
    }

    public static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}
