// JavaScript string primitives htmx's grammars lean on (`\s`, `String.prototype.trim`,
// `split(/\s+/)`, `parseFloat`), re-expressed over UTF-8 bytes.
//
// ECMA-262 WhiteSpace + LineTerminator: TAB, LF, VT, FF, CR, SPACE, U+00A0, U+1680,
// U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF.
// https://tc39.es/ecma262/#sec-white-space, #sec-line-terminators

enum JSText {
    /// `s.includes(part)`: a search over code units (UTF-8 bytes here, which contain each
    /// other exactly when the UTF-16 forms do), where Swift's `contains` compares grapheme
    /// clusters (and costs thousands of instructions on a short string).
    static func includes(_ s: String, _ part: String) -> Bool {
        return s.withUTF8Bytes { h in
            part.withUTF8Bytes { n in
                guard !n.isEmpty else { return true }
                guard n.count <= h.count else { return false }
                for i in 0...(h.count - n.count) where h[i] == n[0] {
                    if UnsafeBufferPointer(rebasing: h[i..<(i + n.count)]).elementsEqual(n) { return true }
                }
                return false
            }
        }
    }

    @inline(__always)
    static func isASCIIWhitespace(_ b: UInt8) -> Bool {
        b == 0x20 || (b >= 0x09 && b <= 0x0D)
    }

    /// Byte length of the JavaScript whitespace character starting at `i`, or 0.
    static func whitespaceLength(_ b: [UInt8], at i: Int, end: Int) -> Int {
        guard i < end else { return 0 }
        let c = b[i]
        if c < 0x80 { return isASCIIWhitespace(c) ? 1 : 0 }
        if c == 0xC2 {
            return i + 1 < end && b[i + 1] == 0xA0 ? 2 : 0
        }
        guard i + 2 < end else { return 0 }
        let c1 = b[i + 1], c2 = b[i + 2]
        switch c {
        case 0xE1: return c1 == 0x9A && c2 == 0x80 ? 3 : 0
        case 0xE2:
            if c1 == 0x80 && (c2 <= 0x8A || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF) && c2 >= 0x80 { return 3 }
            if c1 == 0x81 && c2 == 0x9F { return 3 }
            return 0
        case 0xE3: return c1 == 0x80 && c2 == 0x80 ? 3 : 0
        case 0xEF: return c1 == 0xBB && c2 == 0xBF ? 3 : 0
        default: return 0
        }
    }

    /// Byte length of the JavaScript whitespace character that ends just before `end`, or 0.
    static func whitespaceLengthEnding(_ b: [UInt8], before end: Int, start: Int) -> Int {
        guard end > start else { return 0 }
        let last = b[end - 1]
        if last < 0x80 { return isASCIIWhitespace(last) ? 1 : 0 }
        if end - 2 >= start, whitespaceLength(b, at: end - 2, end: end) == 2 { return 2 }
        if end - 3 >= start, whitespaceLength(b, at: end - 3, end: end) == 3 { return 3 }
        return 0
    }

    /// True when the bytes in `range` hold at least one JavaScript whitespace character.
    static func containsWhitespace(_ b: [UInt8], _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            if whitespaceLength(b, at: i, end: range.upperBound) > 0 { return true }
            i += 1
        }
        return false
    }

    /// True when every character in `range` is JavaScript whitespace (also for an empty range).
    static func isAllWhitespace(_ b: [UInt8], _ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            let n = whitespaceLength(b, at: i, end: range.upperBound)
            if n == 0 { return false }
            i += n
        }
        return true
    }

    /// `String.prototype.trim` as a byte range.
    static func trimmed(_ b: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi {
            let n = whitespaceLength(b, at: lo, end: hi)
            if n == 0 { break }
            lo += n
        }
        while hi > lo {
            let n = whitespaceLengthEnding(b, before: hi, start: lo)
            if n == 0 { break }
            hi -= n
        }
        return lo..<hi
    }

    static func trim(_ s: String) -> String {
        let b = Array(s.utf8)
        let r = trimmed(b, 0..<b.count)
        if r.count == b.count { return s }
        return string(b, r)
    }

    static func string(_ b: [UInt8], _ r: Range<Int>) -> String {
        String(decoding: b[r], as: UTF8.self)
    }

    /// htmx.js splitOnWhitespace: `trim()` then `split(/\s+/)`, so an all-blank value yields `[""]`.
    static func splitOnWhitespace(_ s: String) -> [String] {
        let b = Array(s.utf8)
        let r = trimmed(b, 0..<b.count)
        var parts: [String] = []
        var start = r.lowerBound
        var i = r.lowerBound
        while i < r.upperBound {
            let n = whitespaceLength(b, at: i, end: r.upperBound)
            if n == 0 { i += 1; continue }
            parts.append(string(b, start..<i))
            var j = i + n
            while j < r.upperBound {
                let m = whitespaceLength(b, at: j, end: r.upperBound)
                if m == 0 { break }
                j += m
            }
            i = j
            start = j
        }
        parts.append(string(b, start..<r.upperBound))
        return parts
    }

    /// `String.prototype.split(sep)` for a one-byte ASCII separator (keeps empty pieces).
    static func split(_ s: String, on sep: UInt8) -> [String] {
        let b = Array(s.utf8)
        var parts: [String] = []
        var start = 0
        for i in 0..<b.count where b[i] == sep {
            parts.append(string(b, start..<i))
            start = i + 1
        }
        parts.append(string(b, start..<b.count))
        return parts
    }

    static func hasPrefix(_ b: [UInt8], _ range: Range<Int>, _ prefix: StaticString) -> Bool {
        let n = prefix.utf8CodeUnitCount
        guard range.count >= n else { return false }
        return prefix.withUTF8Buffer { p in
            for k in 0..<n where b[range.lowerBound + k] != p[k] { return false }
            return true
        }
    }

    static func equals(_ b: [UInt8], _ range: Range<Int>, _ literal: StaticString) -> Bool {
        range.count == literal.utf8CodeUnitCount && hasPrefix(b, range, literal)
    }

    /// Global `parseFloat`: skips leading whitespace, reads the longest prefix that is a
    /// StrDecimalLiteral (`Infinity`, digits, fraction, exponent) and returns nil for NaN.
    /// https://tc39.es/ecma262/#sec-parsefloat-string
    static func parseFloat(_ b: [UInt8], _ range: Range<Int>) -> Double? {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let n = whitespaceLength(b, at: i, end: end)
            if n == 0 { break }
            i += n
        }
        var negative = false
        if i < end, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        if hasPrefix(b, i..<end, "Infinity") {
            return negative ? -Double.infinity : Double.infinity
        }
        @inline(__always) func isDigit(_ k: Int) -> Bool {
            k < end && b[k] >= UInt8(ascii: "0") && b[k] <= UInt8(ascii: "9")
        }
        let intStart = i
        while isDigit(i) { i += 1 }
        let intDigits = intStart..<i
        var fracDigits = i..<i
        if i < end, b[i] == UInt8(ascii: ".") {
            let fs = i + 1
            var k = fs
            while isDigit(k) { k += 1 }
            fracDigits = fs..<k
            if !intDigits.isEmpty || !fracDigits.isEmpty { i = k }
        }
        guard !intDigits.isEmpty || !fracDigits.isEmpty else { return nil }
        var exponent = ""
        if i < end, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            var k = i + 1
            var sign = ""
            if k < end, b[k] == UInt8(ascii: "+") || b[k] == UInt8(ascii: "-") {
                sign = b[k] == UInt8(ascii: "-") ? "-" : ""
                k += 1
            }
            let es = k
            while isDigit(k) { k += 1 }
            if k > es { exponent = "e" + sign + string(b, es..<k) }
        }
        var text = negative ? "-" : ""
        text += intDigits.isEmpty ? "0" : string(b, intDigits)
        if !fracDigits.isEmpty { text += "." + string(b, fracDigits) }
        text += exponent
        return Double(text)
    }

    static func parseFloat(_ s: String) -> Double? {
        let b = Array(s.utf8)
        return parseFloat(b, 0..<b.count)
    }
}
