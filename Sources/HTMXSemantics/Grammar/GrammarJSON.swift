/// JSON as htmx 2 receives it from `JSON.parse` (htmx.js parseJSON): a JavaScript value
/// whose objects keep JavaScript's own-property order — array-index keys (`"0"`…
/// `"4294967294"`) first in ascending numeric order, then the other keys in first-seen
/// order; a repeated key keeps its first position and takes the last value. htmx walks
/// these objects with `for…in`, so this order is the order of hx-vals parameters, hx-headers
/// and HX-Trigger events.
public enum GrammarJSON {
    /// A JSON value as JavaScript holds it (numbers are doubles).
    public indirect enum Value: Equatable, Sendable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([Value])
        case object(JSObject)

        /// JavaScript truthiness (`false`, `0`, `NaN`, `""`, `null` are falsy).
        public var isTruthy: Bool {
            switch self {
            case .null: return false
            case .bool(let b): return b
            case .number(let d): return !(d == 0 || d.isNaN)
            case .string(let s): return !s.isEmpty
            case .array, .object: return true
            }
        }

        /// `String(value)`: what FormData.append and setRequestHeader store. Arrays join
        /// their elements with `,` (null elements as empty), objects are `[object Object]`.
        public var jsString: String {
            switch self {
            case .null: return "null"
            case .bool(let b): return b ? "true" : "false"
            case .number(let d): return JSNumberFormat.string(d)
            case .string(let s): return s
            case .array(let items):
                return items.map { if case .null = $0 { return "" } else { return $0.jsString } }.joined(separator: ",")
            case .object: return "[object Object]"
            }
        }

        /// `JSON.stringify(value)` without indentation.
        public var jsonText: String {
            var out = ""
            GrammarJSON.write(self, into: &out)
            return out
        }

        public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
        public var objectValue: JSObject? { if case .object(let o) = self { return o } else { return nil } }
    }

    /// A JavaScript object's own enumerable properties in `for…in` order.
    public struct JSObject: Equatable, Sendable {
        /// Array-index keys, kept sorted by their numeric value.
        private var indexed: [(index: UInt32, key: String, value: Value)] = []
        /// Other keys in first-insertion order, with a position map for O(1) lookup.
        private var named: [(key: String, value: Value)] = []
        private var namedPosition: [String: Int] = [:]

        public init() {}

        public init(_ members: [(String, Value)]) {
            for (k, v) in members { self[k] = v }
        }

        /// Members in `for…in` order.
        public var members: [(key: String, value: Value)] {
            indexed.map { ($0.key, $0.value) } + named
        }
        public var keys: [String] { indexed.map(\.key) + named.map(\.key) }
        public var values: [Value] { indexed.map(\.value) + named.map(\.value) }
        public var count: Int { indexed.count + named.count }
        public var isEmpty: Bool { count == 0 }

        private func slot(_ index: UInt32) -> (found: Bool, at: Int) {
            var lo = 0, hi = indexed.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if indexed[mid].index < index { lo = mid + 1 } else { hi = mid }
            }
            return (lo < indexed.count && indexed[lo].index == index, lo)
        }

        /// Reads a member; setting keeps a present key in place, inserts a new one where
        /// JavaScript would list it, and nil deletes.
        public subscript(key: String) -> Value? {
            get {
                if let index = GrammarJSON.arrayIndex(key) {
                    let s = slot(index)
                    return s.found ? indexed[s.at].value : nil
                }
                return namedPosition[key].map { named[$0].value }
            }
            set {
                if let index = GrammarJSON.arrayIndex(key) {
                    let s = slot(index)
                    switch (s.found, newValue) {
                    case (true, let v?): indexed[s.at].value = v
                    case (true, nil): indexed.remove(at: s.at)
                    case (false, let v?): indexed.insert((index, key, v), at: s.at)
                    case (false, nil): break
                    }
                    return
                }
                if let at = namedPosition[key] {
                    if let newValue {
                        named[at].value = newValue
                    } else {
                        named.remove(at: at)
                        namedPosition = [:]
                        for (k, m) in named.enumerated() { namedPosition[m.key] = k }
                    }
                } else if let newValue {
                    namedPosition[key] = named.count
                    named.append((key, newValue))
                }
            }
        }

        public static func == (a: JSObject, b: JSObject) -> Bool { a.keys == b.keys && a.values == b.values }
    }

    /// An array index per ECMA-262 (canonical integer string below 2^32 − 1), else nil.
    static func arrayIndex(_ key: String) -> UInt32? {
        let u = key.utf8
        guard let first = u.first, u.count <= 10 else { return nil }
        if first == UInt8(ascii: "0") { return u.count == 1 ? 0 : nil }
        var v: UInt64 = 0
        for c in u {
            guard c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") else { return nil }
            v = v * 10 + UInt64(c - UInt8(ascii: "0"))
        }
        return v <= 4_294_967_294 ? UInt32(v) : nil
    }

    /// `JSON.parse` (ECMA-404 / RFC 8259 grammar); nil where it throws. Nesting deeper than
    /// `maxDepth` is refused (JavaScript engines go further) and noted.
    public static func parse(_ text: String) -> GrammarResult<Value?> {
        var p = Parser(Array(text.utf8))
        p.skipWhitespace()
        let v = p.value(depth: 0)
        p.skipWhitespace()
        if let v, p.i == p.b.count { return GrammarResult(v, p.notes) }
        var notes = p.notes
        notes.append(GrammarDiagnostic(
            code: "json.invalid",
            message: p.failure ?? "unexpected text after the JSON value at byte \(p.i)"))
        return GrammarResult(nil, notes)
    }

    /// Deepest nesting `parse` accepts (bounded recursion).
    public static let maxDepth = 128

    struct Parser {
        let b: [UInt8]
        var i = 0
        var notes: [GrammarDiagnostic] = []
        var failure: String?

        init(_ bytes: [UInt8]) { b = bytes }

        mutating func fail(_ why: String) -> Value? {
            if failure == nil { failure = "\(why) at byte \(i)" }
            return nil
        }

        mutating func skipWhitespace() {
            while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
        }

        mutating func value(depth: Int) -> Value? {
            guard depth < GrammarJSON.maxDepth else { return fail("nesting deeper than \(GrammarJSON.maxDepth)") }
            guard i < b.count else { return fail("unexpected end of JSON") }
            switch b[i] {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "\""): return string().map(Value.string)
            case UInt8(ascii: "t"): return literal("true", .bool(true))
            case UInt8(ascii: "f"): return literal("false", .bool(false))
            case UInt8(ascii: "n"): return literal("null", .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
            default: return fail("unexpected character")
            }
        }

        mutating func literal(_ word: StaticString, _ v: Value) -> Value? {
            guard JSText.hasPrefix(b, i..<b.count, word) else { return fail("bad literal") }
            i += word.utf8CodeUnitCount
            return v
        }

        mutating func object(depth: Int) -> Value? {
            i += 1
            var obj = JSObject()
            skipWhitespace()
            if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return .object(obj) }
            while true {
                skipWhitespace()
                guard i < b.count, b[i] == UInt8(ascii: "\"") else { return fail("expected a string key") }
                guard let key = string() else { return nil }
                skipWhitespace()
                guard i < b.count, b[i] == UInt8(ascii: ":") else { return fail("expected ':'") }
                i += 1
                skipWhitespace()
                guard let v = value(depth: depth + 1) else { return nil }
                obj[key] = v
                skipWhitespace()
                guard i < b.count else { return fail("unterminated object") }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                if b[i] == UInt8(ascii: "}") { i += 1; return .object(obj) }
                return fail("expected ',' or '}'")
            }
        }

        mutating func array(depth: Int) -> Value? {
            i += 1
            var items: [Value] = []
            skipWhitespace()
            if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            while true {
                skipWhitespace()
                guard let v = value(depth: depth + 1) else { return nil }
                items.append(v)
                skipWhitespace()
                guard i < b.count else { return fail("unterminated array") }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                if b[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                return fail("expected ',' or ']'")
            }
        }

        mutating func hex4() -> UInt32? {
            guard i + 4 <= b.count else { return nil }
            var v: UInt32 = 0
            for k in 0..<4 {
                let c = b[i + k]
                let d: UInt8
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
                default: return nil
                }
                v = v * 16 + UInt32(d)
            }
            i += 4
            return v
        }

        mutating func string() -> String? {
            i += 1
            var out: [UInt8] = []
            var runStart = i
            while i < b.count {
                let c = b[i]
                if c == UInt8(ascii: "\"") {
                    out.append(contentsOf: b[runStart..<i])
                    i += 1
                    return String(decoding: out, as: UTF8.self)
                }
                if c < 0x20 { _ = fail("control character in string"); return nil }
                if c != UInt8(ascii: "\\") { i += 1; continue }
                out.append(contentsOf: b[runStart..<i])
                i += 1
                guard i < b.count else { _ = fail("unterminated escape"); return nil }
                let e = b[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard var unit = hex4() else { _ = fail("bad \\u escape"); return nil }
                    if unit >= 0xD800 && unit < 0xDC00, i + 1 < b.count,
                       b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") {
                        let save = i
                        i += 2
                        if let low = hex4(), low >= 0xDC00 && low < 0xE000 {
                            unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            i = save
                        }
                    }
                    if unit >= 0xD800 && unit < 0xE000 {
                        notes.append(GrammarDiagnostic(
                            code: "json.lone-surrogate",
                            message: "a lone UTF-16 surrogate escape was replaced by U+FFFD"))
                        unit = 0xFFFD
                    }
                    let scalar = Unicode.Scalar(unit) ?? "\u{FFFD}"
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default:
                    _ = fail("bad escape")
                    return nil
                }
                runStart = i
            }
            _ = fail("unterminated string")
            return nil
        }

        mutating func number() -> Value? {
            let start = i
            if b[i] == UInt8(ascii: "-") { i += 1 }
            func digit(_ k: Int) -> Bool { k < b.count && b[k] >= UInt8(ascii: "0") && b[k] <= UInt8(ascii: "9") }
            guard digit(i) else { return fail("bad number") }
            if b[i] == UInt8(ascii: "0") { i += 1 } else { while digit(i) { i += 1 } }
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                guard digit(i) else { return fail("bad number") }
                while digit(i) { i += 1 }
            }
            if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
                i += 1
                if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
                guard digit(i) else { return fail("bad number") }
                while digit(i) { i += 1 }
            }
            guard let d = Double(JSText.string(b, start..<i)) else { return fail("bad number") }
            return .number(d)
        }
    }

    static func write(_ v: Value, into out: inout String) {
        switch v {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let d): out += d.isFinite ? JSNumberFormat.string(d) : "null"
        case .string(let s): quote(s, into: &out)
        case .array(let items):
            out += "["
            for (k, item) in items.enumerated() {
                if k > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        case .object(let o):
            out += "{"
            for (k, m) in o.members.enumerated() {
                if k > 0 { out += "," }
                quote(m.key, into: &out)
                out += ":"
                write(m.value, into: &out)
            }
            out += "}"
        }
    }

    /// JSON.stringify's QuoteJSONString.
    static func quote(_ s: String, into out: inout String) {
        out += "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if c.value < 0x20 {
                    let h = String(c.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        out += "\""
    }
}
