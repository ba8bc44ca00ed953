import CByteScan
import HTMLModel

/// Writes JSON exactly as Python's `json.dumps(value, indent=1, ensure_ascii=False)` does (the
/// corpus's expected files are written that way), or compactly with no whitespace.
public struct JSONWriter {
    public enum Style: Sendable { case indented, compact }

    public static func write(_ value: JSONValue, style: Style = .indented) -> String {
        let out = GrowableBytes(capacity: 4096)
        write(value, style: style, level: 0, into: out)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    // Results of big replays hold hundreds of thousands of strings: the writer works on
    // bytes, copying runs that need no escaping in one go.
    static func write(_ value: JSONValue, style: Style, level: Int, into out: GrowableBytes) {
        switch value {
        case .null: out.append("null" as StaticString)
        case .bool(let b): out.append(b ? "true" : "false" as StaticString)
        case .number(let n): out.append(formatNumber(n))
        case .string(let s): writeString(s, into: out)
        case .array(let items):
            if items.isEmpty { out.append("[]" as StaticString); return }
            out.append(UInt8(ascii: "["))
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                newline(style, level + 1, out)
                write(item, style: style, level: level + 1, into: out)
            }
            newline(style, level, out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out.append("{}" as StaticString); return }
            out.append(UInt8(ascii: "{"))
            for (k, (key, v)) in members.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                newline(style, level + 1, out)
                writeString(key, into: out)
                if style == .indented { out.append(": " as StaticString) } else { out.append(UInt8(ascii: ":")) }
                write(v, style: style, level: level + 1, into: out)
            }
            newline(style, level, out)
            out.append(UInt8(ascii: "}"))
        }
    }

    static func newline(_ style: Style, _ level: Int, _ out: GrowableBytes) {
        guard style == .indented else { return }
        // A newline and up to 16 spaces from one constant: the generic repeated-element append
        // cost more than the bytes it wrote.
        let indents: StaticString = "\n                "
        var left = level
        let first = min(left, 16)
        out.append(indents, count: 1 + first)
        left -= first
        while left > 0 {
            let n = min(left, 16)
            out.append(indents.utf8Start + 1, n)
            left -= n
        }
    }

    /// Integers print without a fraction (as JavaScript and Python's int do).
    public static func formatNumber(_ n: Double) -> String {
        if n.isNaN || n.isInfinite { return "null" }
        if n == n.rounded(), abs(n) < 1e16 { return String(Int64(n)) }
        return "\(n)"
    }

    public static func writeString(_ s: String, into out: inout String) {
        let bytes = GrowableBytes()
        writeString(s, into: bytes)
        out += String(decoding: bytes.bytes, as: UTF8.self)
    }

    /// A JSON string: `"`, `\\` and control characters escaped (the short forms where JSON
    /// has them), everything else, non-ASCII included, as itself.
    static func writeString(_ s: String, into out: GrowableBytes) {
        s.withUTF8Bytes { writeString(utf8: $0, into: out) }
    }

    /// The same for a string given as its UTF-8 bytes.
    static func writeString(utf8 bytes: UnsafeBufferPointer<UInt8>, into out: GrowableBytes) {
        out.append(UInt8(ascii: "\""))
        write(escaping: bytes, into: out)
        out.append(UInt8(ascii: "\""))
    }

    @inline(__always)
    private static func write(escaping b: UnsafeBufferPointer<UInt8>, into out: GrowableBytes) {
        guard let base = b.baseAddress else { return }
        var start = 0
        var i = 0
        while true {
            i = nextSpecial(base, from: i, count: b.count)
            guard i < b.count else { break }
            if i > start { out.append(base + start, i - start) }
            let c = b[i]
            i += 1
            start = i
            switch c {
            case UInt8(ascii: "\""): out.append("\\\"" as StaticString)
            case UInt8(ascii: "\\"): out.append("\\\\" as StaticString)
            case 0x0A: out.append("\\n" as StaticString)
            case 0x0D: out.append("\\r" as StaticString)
            case 0x09: out.append("\\t" as StaticString)
            case 0x08: out.append("\\b" as StaticString)
            case 0x0C: out.append("\\f" as StaticString)
            default:
                let hex: StaticString = "0123456789abcdef"
                out.append("\\u00" as StaticString)
                out.append(hex.utf8Start[Int(c >> 4)])
                out.append(hex.utf8Start[Int(c & 15)])
            }
        }
        if b.count > start { out.append(base + start, b.count - start) }
    }

    /// The index of the first byte at or after `i` that needs escaping, or `count`. Result
    /// strings are mostly long runs of plain text (message data): 32 bytes per step.
    @inline(__always)
    private static func nextSpecial(_ base: UnsafePointer<UInt8>, from i: Int, count: Int) -> Int {
        var i = i
        while i + 32 <= count {
            let mask = hh_json_special32(base + i)
            if mask != 0 { return i + mask.trailingZeroBitCount }
            i += 32
        }
        while i < count {
            let c = base[i]
            if c < 0x20 || c == UInt8(ascii: "\"") || c == UInt8(ascii: "\\") { return i }
            i += 1
        }
        return count
    }
}
