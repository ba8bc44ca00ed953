/// htmx's time strings.
public enum HTMXTime {
    /// htmx.js parseInterval: `…ms` → milliseconds, `…s` → seconds, `…m` → minutes, anything
    /// else read by `parseFloat` as milliseconds. The suffix is checked on the raw text (no
    /// trimming) and the number in front is read by `parseFloat`, so `"2 s"` is 2000,
    /// `"10px"` is 10, `"1e3"` is 1000, `"-5"` is −5 and `"Infinity"` is infinite.
    /// Returns nil where htmx returns `undefined` (nil input, or NaN).
    public static func parseInterval(_ str: String?) -> Double? {
        guard let str else { return nil }
        let b = Array(str.utf8)
        return parseInterval(b, 0..<b.count)
    }

    static func parseInterval(_ b: [UInt8], _ r: Range<Int>) -> Double? {
        let n = r.count
        let last = n >= 1 ? b[r.upperBound - 1] : 0
        if n >= 2, b[r.upperBound - 2] == UInt8(ascii: "m"), last == UInt8(ascii: "s") {
            return JSText.parseFloat(b, r.lowerBound..<(r.upperBound - 2))
        }
        if last == UInt8(ascii: "s") {
            return JSText.parseFloat(b, r.lowerBound..<(r.upperBound - 1)).map { $0 * 1000 }
        }
        if last == UInt8(ascii: "m") {
            return JSText.parseFloat(b, r.lowerBound..<(r.upperBound - 1)).map { $0 * 1000 * 60 }
        }
        return JSText.parseFloat(b, r)
    }
}
