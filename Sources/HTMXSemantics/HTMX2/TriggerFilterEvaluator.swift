import HTMLModel

/// Evaluates the pure, common forms of an `hx-trigger` `[filter]` (htmx.js
/// maybeGenerateConditional: bare identifiers read `event.NAME` when truthy, else
/// `window.NAME`) without running JavaScript: literals, identifiers, member access, `!`,
/// comparisons, `&&`, `||` and parentheses. Anything else is reported as unsupported.
enum TriggerFilterEvaluator {
    enum Outcome: Equatable {
        case value(JSValue)
        case unsupported(String)
    }

    static func evaluate(_ filter: TriggerFilter, event: DOMEvent) -> Outcome {
        var p = Parser(text: Array(filter.expression.utf8), event: event)
        do throws(Unsupported) {
            let v = try p.parseOr()
            p.skipSpace()
            guard p.pos >= p.text.count else { throw Unsupported(why: "unexpected text at offset \(p.pos)") }
            return .value(v)
        } catch {
            return .unsupported(error.why)
        }
    }

    struct Unsupported: Error { var why: String }

    /// The event's own properties as the filter sees them.
    static func property(of event: DOMEvent, _ name: String) -> JSValue {
        if let v = event.fields[name] { return v }
        switch name {
        case "type": return .string(event.type)
        case "detail": return event.detail
        case "bubbles": return .bool(event.bubbles)
        case "cancelable": return .bool(event.cancelable)
        case "defaultPrevented": return .bool(event.defaultPrevented)
        case "target": return event.target?.node.map { .node($0) } ?? .null
        default: return .undefined
        }
    }

    static func member(_ base: JSValue, _ name: String) throws(Unsupported) -> JSValue {
        switch base {
        case .object(let o): return o[name] ?? .undefined
        case .string(let s) where name == "length": return .number(Double(s.utf16.count))
        case .node(let n):
            switch name {
            case "id": return .string(n.id)
            case "tagName": return .string(n.tagName)
            case "value": return FormControls.value(n).map { .string($0) } ?? .undefined
            default: throw Unsupported(why: "property \(name) of an element")
            }
        case .undefined, .null: throw Unsupported(why: "reading \(name) of undefined throws")
        default: return .undefined
        }
    }

    struct Parser {
        let text: [UInt8]
        let event: DOMEvent
        var pos = 0
        var depth = 0

        init(text: [UInt8], event: DOMEvent) {
            self.text = text
            self.event = event
        }

        mutating func skipSpace() {
            while pos < text.count, [0x20, 0x09, 0x0A, 0x0D].contains(text[pos]) { pos += 1 }
        }

        mutating func eat(_ s: String) -> Bool {
            skipSpace()
            let b = Array(s.utf8)
            guard pos + b.count <= text.count, Array(text[pos..<(pos + b.count)]) == b else { return false }
            pos += b.count
            return true
        }

        mutating func parseOr() throws(Unsupported) -> JSValue {
            depth += 1
            defer { depth -= 1 }
            guard depth < 64 else { throw Unsupported(why: "too deeply nested") }
            var left = try parseAnd()
            while eat("||") {
                let right = try parseAnd()
                left = HTMX2Runtime.isTruthy(left) ? left : right
            }
            return left
        }

        mutating func parseAnd() throws(Unsupported) -> JSValue {
            var left = try parseComparison()
            while eat("&&") {
                let right = try parseComparison()
                left = HTMX2Runtime.isTruthy(left) ? right : left
            }
            return left
        }

        mutating func parseComparison() throws(Unsupported) -> JSValue {
            let left = try parseUnary()
            for op in ["===", "!==", "==", "!=", ">=", "<=", ">", "<"] {
                let save = pos
                if eat(op) {
                    // `=` alone would be an assignment; `==` must not be read as `=`.
                    let right = try parseUnary()
                    return .bool(try compare(left, right, op))
                }
                pos = save
            }
            return left
        }

        mutating func parseUnary() throws(Unsupported) -> JSValue {
            skipSpace()
            if pos < text.count, text[pos] == UInt8(ascii: "!"), pos + 1 >= text.count || text[pos + 1] != UInt8(ascii: "=") {
                pos += 1
                return .bool(!HTMX2Runtime.isTruthy(try parseUnary()))
            }
            return try parsePostfix()
        }

        mutating func parsePostfix() throws(Unsupported) -> JSValue {
            var v = try parsePrimary()
            while true {
                skipSpace()
                guard pos < text.count, text[pos] == UInt8(ascii: ".") else { break }
                pos += 1
                guard let name = identifier() else { throw Unsupported(why: "member access without a name") }
                v = try TriggerFilterEvaluator.member(v, name)
            }
            return v
        }

        mutating func identifier() -> String? {
            skipSpace()
            let start = pos
            while pos < text.count {
                let c = text[pos]
                let ok = (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c == 0x24
                    || (pos > start && c >= 0x30 && c <= 0x39)
                if !ok { break }
                pos += 1
            }
            return pos > start ? String(decoding: text[start..<pos], as: UTF8.self) : nil
        }

        mutating func parsePrimary() throws(Unsupported) -> JSValue {
            skipSpace()
            guard pos < text.count else { throw Unsupported(why: "unexpected end") }
            let c = text[pos]
            if c == UInt8(ascii: "(") {
                pos += 1
                let v = try parseOr()
                guard eat(")") else { throw Unsupported(why: "missing )") }
                return v
            }
            if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
                pos += 1
                let start = pos
                while pos < text.count, text[pos] != c {
                    if text[pos] == UInt8(ascii: "\\") { throw Unsupported(why: "escapes in string literals") }
                    pos += 1
                }
                guard pos < text.count else { throw Unsupported(why: "unterminated string") }
                let s = String(decoding: text[start..<pos], as: UTF8.self)
                pos += 1
                return .string(s)
            }
            if (c >= 0x30 && c <= 0x39) || c == UInt8(ascii: "-") {
                let start = pos
                pos += 1
                while pos < text.count, (text[pos] >= 0x30 && text[pos] <= 0x39) || text[pos] == UInt8(ascii: ".") { pos += 1 }
                guard let n = Double(String(decoding: text[start..<pos], as: UTF8.self)) else {
                    throw Unsupported(why: "number literal")
                }
                return .number(n)
            }
            guard let name = identifier() else { throw Unsupported(why: "unsupported syntax at offset \(pos)") }
            switch name {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return .null
            case "undefined": return .undefined
            case "event": return .object(JSObject(eventMembers()))
            case "this": throw Unsupported(why: "`this` (the element) is not modelled")
            default:
                skipSpace()
                if pos < text.count, text[pos] == UInt8(ascii: "(") { throw Unsupported(why: "function call \(name)(…)") }
                let v = TriggerFilterEvaluator.property(of: event, name)
                if HTMX2Runtime.isTruthy(v) { return v }
                // `window.NAME`: no page globals exist (pages carry no scripts).
                if ["window", "document", "htmx", "console", "Math", "JSON"].contains(name) {
                    throw Unsupported(why: "global \(name)")
                }
                return .undefined
            }
        }

        func eventMembers() -> [(String, JSValue)] {
            var m: [(String, JSValue)] = [("type", .string(event.type)), ("detail", event.detail)]
            for (k, v) in event.fields.sorted(by: { $0.key < $1.key }) { m.append((k, v)) }
            return m
        }

        func compare(_ a: JSValue, _ b: JSValue, _ op: String) throws(Unsupported) -> Bool {
            switch op {
            case "===": return strictEquals(a, b)
            case "!==": return !strictEquals(a, b)
            case "==": return try looseEquals(a, b)
            case "!=": return !(try looseEquals(a, b))
            default:
                if case .string(let x) = a, case .string(let y) = b {
                    switch op {
                    case ">": return x > y
                    case "<": return x < y
                    case ">=": return x >= y
                    default: return x <= y
                    }
                }
                let x = try toNumber(a), y = try toNumber(b)
                switch op {
                case ">": return x > y
                case "<": return x < y
                case ">=": return x >= y
                default: return x <= y
                }
            }
        }

        func strictEquals(_ a: JSValue, _ b: JSValue) -> Bool {
            switch (a, b) {
            case (.undefined, .undefined), (.null, .null): return true
            case let (.string(x), .string(y)): return x == y
            case let (.number(x), .number(y)): return x == y
            case let (.bool(x), .bool(y)): return x == y
            case let (.node(x), .node(y)): return x == y
            default: return false
            }
        }

        func looseEquals(_ a: JSValue, _ b: JSValue) throws(Unsupported) -> Bool {
            switch (a, b) {
            case (.undefined, .null), (.null, .undefined): return true
            case (.undefined, _), (.null, _), (_, .undefined), (_, .null): return strictEquals(a, b)
            case (.string, .string), (.number, .number), (.bool, .bool), (.node, .node): return strictEquals(a, b)
            case (.object, _), (_, .object), (.array, _), (_, .array), (.node, _), (_, .node):
                throw Unsupported(why: "loose comparison with an object")
            default: return try toNumber(a) == toNumber(b)
            }
        }

        func toNumber(_ v: JSValue) throws(Unsupported) -> Double {
            switch v {
            case .number(let n): return n
            case .bool(let b): return b ? 1 : 0
            case .null: return 0
            case .undefined: return .nan
            case .string(let s):
                let t = s.trimmingCharacters(in: " \t\n\r")
                if t.isEmpty { return 0 }
                return Double(t) ?? .nan
            default: throw Unsupported(why: "numeric conversion of an object")
            }
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
