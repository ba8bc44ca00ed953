/// Writes JSON exactly as Python's `json.dumps(value, indent=1, ensure_ascii=False)` does (the
/// corpus's expected files are written that way), or compactly with no whitespace.
public struct JSONWriter {
    public enum Style: Sendable { case indented, compact }

    public static func write(_ value: JSONValue, style: Style = .indented) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(value, style: style, level: 0, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    // Results of big replays hold hundreds of thousands of strings: the writer works on
    // bytes, copying runs that need no escaping in one go.
    static func write(_ value: JSONValue, style: Style, level: Int, into out: inout [UInt8]) {
        switch value {
        case .null: out += "null".utf8
        case .bool(let b): out += (b ? "true" : "false").utf8
        case .number(let n): out += formatNumber(n).utf8
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]".utf8; return }
            out.append(UInt8(ascii: "["))
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                newline(style, level + 1, &out)
                write(item, style: style, level: level + 1, into: &out)
            }
            newline(style, level, &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out += "{}".utf8; return }
            out.append(UInt8(ascii: "{"))
            for (k, (key, v)) in members.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                newline(style, level + 1, &out)
                writeString(key, into: &out)
                if style == .indented { out += ": ".utf8 } else { out.append(UInt8(ascii: ":")) }
                write(v, style: style, level: level + 1, into: &out)
            }
            newline(style, level, &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    static func newline(_ style: Style, _ level: Int, _ out: inout [UInt8]) {
        guard style == .indented else { return }
        out.append(0x0A)
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level))
    }

    /// Integers print without a fraction (as JavaScript and Python's int do).
    public static func formatNumber(_ n: Double) -> String {
        if n.isNaN || n.isInfinite { return "null" }
        if n == n.rounded(), abs(n) < 1e16 { return String(Int64(n)) }
        return "\(n)"
    }

    public static func writeString(_ s: String, into out: inout String) {
        var bytes: [UInt8] = []
        writeString(s, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// A JSON string: `"`, `\\` and control characters escaped (the short forms where JSON
    /// has them), everything else, non-ASCII included, as itself.
    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { b in
            var start = 0
            for i in 0..<b.count {
                let c = b[i]
                guard c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") else { continue }
                if i > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<i])) }
                start = i + 1
                switch c {
                case UInt8(ascii: "\""): out += "\\\"".utf8
                case UInt8(ascii: "\\"): out += "\\\\".utf8
                case 0x0A: out += "\\n".utf8
                case 0x0D: out += "\\r".utf8
                case 0x09: out += "\\t".utf8
                case 0x08: out += "\\b".utf8
                case 0x0C: out += "\\f".utf8
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out += "\\u00".utf8
                    out.append(hex[Int(c >> 4)])
                    out.append(hex[Int(c & 15)])
                }
            }
            if b.count > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[start..<b.count])) }
        }
        out.append(UInt8(ascii: "\""))
    }
}
