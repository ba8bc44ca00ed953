/// The two pieces of JavaScript number semantics htmx 4's `retry` needs: `parseInt(s, 10)`
/// and the way a number is printed.
public enum JavaScriptNumber {
    /// `parseInt(string, 10)` (ECMA-262 §21.1.2.13) over the UTF-8 bytes of `string`; `nil`
    /// stands for `NaN`.
    ///
    /// Leading white space (`StrWhiteSpaceChar`: ECMAScript WhiteSpace and LineTerminator) is
    /// skipped, one `+` or `-` is accepted, then the longest run of ASCII digits is read and
    /// everything after it ignored. The digits are rounded to the nearest double; `-0` stays
    /// negative zero, and digits beyond the double range give infinity, as in JavaScript.
    public static func parseInt10(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let n = bytes.count
        var i = skipWhiteSpace(bytes)
        var negative = false
        if i < n && (bytes[i] == 0x2B || bytes[i] == 0x2D) {
            negative = bytes[i] == 0x2D
            i += 1
        }
        let zerosStart = i
        while i < n && bytes[i] == 0x30 { i += 1 }  // leading zeros change nothing
        let digitsStart = i
        while i < n && bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
        if i == digitsStart {
            // No digit at all is NaN; only zeros is a (signed) zero.
            guard digitsStart > zerosStart else { return nil }
            return negative ? -0.0 : 0.0
        }
        let magnitude: Double
        if i - digitsStart <= 15 {
            // Fewer than 16 digits fit a double's 53 bits exactly.
            var v: UInt64 = 0
            for k in digitsStart..<i { v = v &* 10 &+ UInt64(bytes[k] &- 0x30) }
            magnitude = Double(v)
        } else {
            // Correctly rounded decimal conversion (strtod) for long digit runs.
            magnitude = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[digitsStart..<i]), as: UTF8.self)) ?? .infinity
        }
        return negative ? -magnitude : magnitude
    }

    /// `parseInt10` for any byte collection.
    public static func parseInt10(_ bytes: some Collection<UInt8>) -> Double? {
        if let result = bytes.withContiguousStorageIfAvailable({ parseInt10($0) }) { return result }
        return Array(bytes).withUnsafeBufferPointer { parseInt10($0) }
    }

    /// The index of the first byte after leading ECMAScript white space and line terminators.
    private static func skipWhiteSpace(_ b: UnsafeBufferPointer<UInt8>) -> Int {
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            switch c {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20:
                i += 1
            case 0xC2 where i + 1 < n && b[i + 1] == 0xA0:  // U+00A0
                i += 2
            case 0xE1 where i + 2 < n && b[i + 1] == 0x9A && b[i + 2] == 0x80:  // U+1680
                i += 3
            case 0xE2 where i + 2 < n && b[i + 1] == 0x80 && ((0x80...0x8A).contains(b[i + 2]) || b[i + 2] == 0xA8 || b[i + 2] == 0xA9 || b[i + 2] == 0xAF):
                // U+2000...U+200A, U+2028, U+2029, U+202F
                i += 3
            case 0xE2 where i + 2 < n && b[i + 1] == 0x81 && b[i + 2] == 0x9F:  // U+205F
                i += 3
            case 0xE3 where i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x80:  // U+3000
                i += 3
            case 0xEF where i + 2 < n && b[i + 1] == 0xBB && b[i + 2] == 0xBF:  // U+FEFF
                i += 3
            default:
                return i
            }
        }
        return i
    }

    /// The text JavaScript's `Number.prototype.toString()` gives for `value` (ECMA-262
    /// Number::toString, radix 10): `-0` as `0`, integers below 1e21 in plain decimal,
    /// exponent notation (`1e+21`, `1.5e-7`) outside [1e-6, 1e21). `nil` for NaN and the
    /// infinities, which JSON cannot hold (`JSON.stringify` writes them as `null`).
    public static func format(_ value: Double) -> String? {
        guard value.isFinite else { return nil }
        if value == 0 { return "0" }
        if value.magnitude < 9_007_199_254_740_992, value == value.rounded(.towardZero) {
            return String(Int64(value))
        }
        // Swift's description holds the shortest digits that round-trip, which is what
        // Number::toString's "k as small as possible" asks for; only the layout differs.
        var text = value.magnitude.description.utf8[...]
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == 0x65 || $0 == 0x45 }) {
            exponent = Int(String(decoding: text[text.index(after: e)...], as: UTF8.self)) ?? 0
            text = text[..<e]
        }
        var digits: [UInt8] = []
        var pointPosition = 0  // digits before the decimal point
        var seenPoint = false
        for c in text {
            if c == 0x2E { seenPoint = true; continue }
            digits.append(c)
            if !seenPoint { pointPosition += 1 }
        }
        var n = pointPosition + exponent  // value = 0.digits × 10^n
        while let first = digits.first, first == 0x30 {
            digits.removeFirst()
            n -= 1
        }
        while let last = digits.last, last == 0x30 { digits.removeLast() }
        let k = digits.count
        var out: [UInt8] = value < 0 ? [0x2D] : []
        if k <= n && n <= 21 {
            out += digits
            out += repeatElement(0x30, count: n - k)
        } else if 0 < n && n <= 21 {
            out += digits[..<n]
            out.append(0x2E)
            out += digits[n...]
        } else if -6 < n && n <= 0 {
            out += [0x30, 0x2E]
            out += repeatElement(0x30, count: -n)
            out += digits
        } else {
            out.append(digits[0])
            if k > 1 {
                out.append(0x2E)
                out += digits[1...]
            }
            out.append(0x65)
            out.append(n - 1 >= 0 ? 0x2B : 0x2D)
            out += String((n - 1).magnitude).utf8
        }
        return String(decoding: out, as: UTF8.self)
    }
}
