/// ECMAScript Number::toString(10) (https://tc39.es/ecma262/#sec-numeric-types-number-tostring):
/// how JavaScript turns JSON numbers into form values, header values and event details.
public enum JSNumberFormat {
    /// `String(x)` in JavaScript.
    public static func string(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x == 0 { return "0" }
        if x.isInfinite { return x < 0 ? "-Infinity" : "Infinity" }
        if x < 0 { return "-" + string(-x) }
        // Swift's description is the shortest round-tripping decimal, the same digits the
        // spec asks for; only the layout differs.
        let (digits, n) = decimal(x.description)
        let k = digits.count
        if k <= n && n <= 21 {
            return digits + String(repeating: "0", count: n - k)
        }
        if 0 < n && n <= 21 {
            let cut = digits.index(digits.startIndex, offsetBy: n)
            return String(digits[..<cut]) + "." + String(digits[cut...])
        }
        if -6 < n && n <= 0 {
            return "0." + String(repeating: "0", count: -n) + digits
        }
        let e = n - 1
        let exp = (e < 0 ? "e-" : "e+") + String(abs(e))
        if k == 1 { return digits + exp }
        return String(digits.prefix(1)) + "." + String(digits.dropFirst()) + exp
    }

    /// Splits a Swift description ("123.456", "1e-07", "1.5e+300") into significant digits
    /// (no leading/trailing zeros) and n, with value = 0.DIGITS × 10^n.
    private static func decimal(_ text: String) -> (String, Int) {
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits = ""
        var pointPosition: Int?
        for ch in mantissa {
            if ch == "." { pointPosition = digits.count } else { digits.append(ch) }
        }
        var n = (pointPosition ?? digits.count) + exponent
        while let f = digits.first, f == "0" {
            digits.removeFirst()
            n -= 1
        }
        while let l = digits.last, l == "0" { digits.removeLast() }
        if digits.isEmpty { return ("0", 1) }
        return (digits, n)
    }
}
