/// htmx 4's configuration mini-language, HCON (`src/htmx.js` v4.0.0-beta5, `const HCON`):
/// `key:value` pairs separated by spaces or commas, quoted keys and values, `<…/>` values,
/// bare dotted keys building nested objects, and a leading `{` meaning plain JSON. Values
/// go through `JSON.parse` when they can (`"5"` and `5` both become the number 5).
public enum HCON {
    public typealias Object = GrammarJSON.JSObject
    public typealias Value = GrammarJSON.Value

    /// `HCON.parse`: nil where htmx throws (a string starting with `{` that is not JSON).
    public static func parse(_ string: String?) -> Object? {
        guard let string, !string.isEmpty else { return Object() }
        if string.hasPrefix("{") {
            guard case .object(let o)?? = Optional(GrammarJSON.parse(string).value) else { return nil }
            return o
        }
        let b = Array(string.utf8)
        var result = Object()
        var i = 0
        while i < b.count {
            guard let m = Pair.match(b, at: i) else { i += 1; continue }
            i = m.end
            let key = String(decoding: b[m.key], as: UTF8.self)
            var value: Value = .bool(true)
            if let v = m.value {
                let text = trim(String(decoding: b[v], as: UTF8.self))
                value = GrammarJSON.parse(text).value ?? .string(text)
            }
            var pair = Object()
            if m.bareKey && key.contains(".") {
                let segments = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                var nested = value
                for segment in segments.dropFirst().reversed() {
                    var o = Object()
                    o[segment] = nested
                    nested = .object(o)
                }
                pair[segments[0]] = nested
            } else {
                pair[key] = value
            }
            merge(pair, into: &result)
        }
        return result
    }

    /// `HCON.merge`: deep-merges `source` into `target` (objects merge, anything else
    /// replaces); `__proto__`, `constructor` and `prototype` are skipped.
    public static func merge(_ source: Object, into target: inout Object) {
        for (key, value) in source.members where !["__proto__", "constructor", "prototype"].contains(key) {
            if case .object(let s) = value, case .object(var t)? = target[key] {
                merge(s, into: &t)
                target[key] = .object(t)
            } else {
                target[key] = value
            }
        }
    }

    /// `HCON.merge` with a string source; false where parsing throws.
    @discardableResult
    public static func merge(_ source: String, into target: inout Object) -> Bool {
        guard let o = parse(source) else { return false }
        merge(o, into: &target)
        return true
    }

    /// `HCON.split`: splits at the commas that are outside `[…]`, `(…)`, `<…/>` and quotes,
    /// judged (as htmx's lookaheads do) only by the text after each comma.
    public static func split(_ string: String) -> [String] {
        let b = Array(string.utf8)
        let splits = commaSplits(b)
        var parts: [String] = []
        var start = 0
        for i in b.indices where b[i] == UInt8(ascii: ",") && splits[i + 1] {
            parts.append(String(decoding: b[start..<i], as: UTF8.self))
            start = i + 1
        }
        parts.append(String(decoding: b[start...], as: UTF8.self))
        return parts
    }

    /// For every position, whether htmx's four lookaheads all pass on the text from there:
    /// `(?![^\[]*\])`, `(?![^(]*\))`, `(?![^<]*\/>)` (no closer before the next opener)
    /// and `(?=(?:[^"']|"[^"]*"|'[^']*')*$)` (the rest holds only whole quoted strings).
    /// One pass from the end: each lookahead's answer at a position follows from the
    /// character there and the answer one further on, where scanning forward from each
    /// comma (as a regex engine does) was quadratic in a list of thousands.
    static func commaSplits(_ b: [UInt8]) -> [Bool] {
        let n = b.count
        var out = [Bool](repeating: true, count: n + 1)
        var quotesWhole = [Bool](repeating: true, count: n + 1)
        // Whether the first bracket, paren or angle mark at or after the position closes.
        var bracketCloses = false, parenCloses = false, angleCloses = false
        // The next `"` and `'` after the position.
        var nextDouble = -1, nextSingle = -1
        for i in stride(from: n - 1, through: 0, by: -1) {
            let c = b[i]
            switch c {
            case UInt8(ascii: "["): bracketCloses = false
            case UInt8(ascii: "]"): bracketCloses = true
            case UInt8(ascii: "("): parenCloses = false
            case UInt8(ascii: ")"): parenCloses = true
            case UInt8(ascii: "<"): angleCloses = false
            case UInt8(ascii: "/") where i + 1 < n && b[i + 1] == UInt8(ascii: ">"): angleCloses = true
            default: break
            }
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                let close = c == UInt8(ascii: "\"") ? nextDouble : nextSingle
                quotesWhole[i] = close >= 0 && quotesWhole[close + 1]
                if c == UInt8(ascii: "\"") { nextDouble = i } else { nextSingle = i }
            } else {
                quotesWhole[i] = quotesWhole[i + 1]
            }
            out[i] = !bracketCloses && !parenCloses && !angleCloses && quotesWhole[i]
        }
        return out
    }

    /// JavaScript's `String.prototype.trim` for the whitespace HCON values can hold.
    static func trim(_ s: String) -> String {
        // Most values are plain ASCII with nothing to trim.
        let u = s.utf8
        if let f = u.first, let l = u.last, f > 0x20, f < 0x80, l > 0x20, l < 0x80 { return s }
        let scalars = Array(s.unicodeScalars)
        var lo = 0, hi = scalars.count
        while lo < hi, isJSWhitespace(scalars[lo]) { lo += 1 }
        while hi > lo, isJSWhitespace(scalars[hi - 1]) { hi -= 1 }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[lo..<hi])
        return String(out)
    }

    /// JavaScript's WhiteSpace and LineTerminator: Unicode's White_Space without U+0085
    /// (a control character to JavaScript), plus the BOM.
    private static func isJSWhitespace(_ c: Unicode.Scalar) -> Bool {
        c == "\u{FEFF}" || (c != "\u{85}" && c.properties.isWhitespace)
    }

    /// One match of HCON's pair pattern, tried at a position the way the regex engine does:
    /// key forms in order (`"k"`, `'k'`, bare), each first with a value then without, and
    /// the match kept only when followed by whitespace, a comma or the end.
    struct Pair {
        var key: Range<Int>
        var bareKey: Bool
        var value: Range<Int>?
        var end: Int

        static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0B || c == 0x0C || c == 0x0D }

        static func boundary(_ b: [UInt8], _ i: Int) -> Bool { i == b.count || isSpace(b[i]) || b[i] == UInt8(ascii: ",") }

        static func quoted(_ b: [UInt8], _ i: Int, _ q: UInt8, allowEmpty: Bool) -> (Range<Int>, Int)? {
            guard i < b.count, b[i] == q, let close = b[(i + 1)...].firstIndex(of: q) else { return nil }
            if !allowEmpty && close == i + 1 { return nil }
            return ((i + 1)..<close, close + 1)
        }

        static func match(_ b: [UInt8], at i: Int) -> Pair? {
            var keys: [(Range<Int>, Int, Bool)] = []
            if let (r, e) = quoted(b, i, UInt8(ascii: "\""), allowEmpty: false) { keys.append((r, e, false)) }
            if let (r, e) = quoted(b, i, UInt8(ascii: "'"), allowEmpty: false) { keys.append((r, e, false)) }
            var e = i
            while e < b.count, !isSpace(b[e]), b[e] != UInt8(ascii: ","), b[e] != UInt8(ascii: ":") { e += 1 }
            if e > i { keys.append((i..<e, e, true)) }
            for (key, keyEnd, bare) in keys {
                if let (v, end) = value(b, after: keyEnd) { return Pair(key: key, bareKey: bare, value: v, end: end) }
                if boundary(b, keyEnd) { return Pair(key: key, bareKey: bare, value: nil, end: keyEnd) }
            }
            return nil
        }

        /// `\s*:\s*(?:"…"|'…'|<…/>|[^\s,]+)` followed by a boundary.
        static func value(_ b: [UInt8], after keyEnd: Int) -> (Range<Int>, Int)? {
            var j = keyEnd
            while j < b.count, isSpace(b[j]) { j += 1 }
            guard j < b.count, b[j] == UInt8(ascii: ":") else { return nil }
            j += 1
            while j < b.count, isSpace(b[j]) { j += 1 }
            if let (r, e) = quoted(b, j, UInt8(ascii: "\""), allowEmpty: true), boundary(b, e) { return (r, e) }
            if let (r, e) = quoted(b, j, UInt8(ascii: "'"), allowEmpty: true), boundary(b, e) { return (r, e) }
            if j < b.count, b[j] == UInt8(ascii: "<") {
                // `<((?:[^/]|\/(?!>))+)\/>`: up to the first `/>`, at least one character.
                var k = j + 1
                while k + 1 < b.count, !(b[k] == UInt8(ascii: "/") && b[k + 1] == UInt8(ascii: ">")) { k += 1 }
                if k + 1 < b.count, k > j + 1, boundary(b, k + 2) { return ((j + 1)..<k, k + 2) }
            }
            var k = j
            while k < b.count, !isSpace(b[k]), b[k] != UInt8(ascii: ",") { k += 1 }
            if k > j { return (j..<k, k) }
            return nil
        }
    }
}

/// htmx 4's `parseInterval`: a number as is; `^([\d.]+)(ms|s|m)?$` scaled to milliseconds;
/// anything else (or NaN) is nil, i.e. `undefined`.
public enum HTMX4Interval {
    public static func parse(_ value: GrammarJSON.Value?) -> Double? {
        switch value {
        case .number(let n)?: return n
        case .string(let s)?: return parse(s)
        default: return nil
        }
    }

    public static func parse(_ s: String) -> Double? {
        var digits = Substring(s)
        var scale = 1.0
        if digits.hasSuffix("ms") { digits = digits.dropLast(2) }
        else if digits.hasSuffix("s") { digits = digits.dropLast(); scale = 1000 }
        else if digits.hasSuffix("m") { digits = digits.dropLast(); scale = 60000 }
        guard !digits.isEmpty, digits.allSatisfy({ $0 == "." || ("0"..."9").contains($0) }) else { return nil }
        let b = Array(digits.utf8)
        guard let v = JSText.parseFloat(b, 0..<b.count), !v.isNaN else { return nil }
        return v * scale
    }
}
