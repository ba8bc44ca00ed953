/// The An+B microsyntax over CSS tokens (<https://www.w3.org/TR/css-syntax-3/#anb-microsyntax>).
enum ANPlusBParser {
    /// Parses tokens `[lo, hi)` of `parser` as `<an+b>`, whitespace allowed around.
    static func parse(_ parser: SelectorParser, _ hi: Int, from lo: Int) throws(SelectorSyntaxFailure) -> (a: Int, b: Int) {
        let tokens = parser.tokens
        var i = parser.skipWhitespace(lo, hi)
        guard i < hi else { throw parser.fail("expected An+B", at: i) }
        let t = tokens[i]
        let invalid = parser.fail("invalid An+B", at: i)

        var a = 0
        var nPart: [UInt8]
        switch t.kind {
        case .number:
            // <integer>
            guard t.isInteger else { throw invalid }
            return (0, try finish(parser, t.number, i + 1, hi))
        case .dimension:
            // <n-dimension>, <ndash-dimension>, <ndashdigit-dimension>
            guard t.isInteger else { throw invalid }
            a = t.number
            nPart = SelectorBytes.asciiLowercased(t.value)
            i += 1
        case .ident:
            let v = SelectorBytes.asciiLowercased(t.value)
            if v == Array("odd".utf8) { return (2, try finish(parser, 1, i + 1, hi)) }
            if v == Array("even".utf8) { return (2, try finish(parser, 0, i + 1, hi)) }
            if v.first == UInt8(ascii: "-") {
                a = -1
                nPart = Array(v.dropFirst())
            } else {
                a = 1
                nPart = v
            }
            i += 1
        case .delim where t.delim == UInt8(ascii: "+"):
            // '+'? n...: the '+' must touch the ident, and the ident must not carry its own '-'.
            guard i + 1 < hi, tokens[i + 1].kind == .ident, tokens[i + 1].value.first != UInt8(ascii: "-") else {
                throw invalid
            }
            a = 1
            nPart = SelectorBytes.asciiLowercased(tokens[i + 1].value)
            i += 2
        default:
            throw invalid
        }

        // nPart is now "n", "n-" or "n-<digits>".
        guard nPart.first == UInt8(ascii: "n") else { throw invalid }
        if nPart.count == 1 {
            // n, optionally followed by <signed-integer> or ['+' | '-'] <signless-integer>.
            i = parser.skipWhitespace(i, hi)
            if i == hi { return (a, 0) }
            let u = tokens[i]
            if u.kind == .number && u.isInteger && u.hasSign {
                return (a, try finish(parser, u.number, i + 1, hi))
            }
            guard u.isDelim(UInt8(ascii: "+")) || u.isDelim(UInt8(ascii: "-")) else {
                throw parser.fail("invalid An+B", at: i)
            }
            let negative = u.isDelim(UInt8(ascii: "-"))
            i = parser.skipWhitespace(i + 1, hi)
            let b = try signlessInteger(parser, i, hi)
            return (a, try finish(parser, negative ? -b : b, i + 1, hi))
        }
        guard nPart[1] == UInt8(ascii: "-") else { throw invalid }
        if nPart.count == 2 {
            // n- <signless-integer>
            i = parser.skipWhitespace(i, hi)
            let b = try signlessInteger(parser, i, hi)
            return (a, try finish(parser, -b, i + 1, hi))
        }
        // n-<digits>
        var b = 0
        for d in nPart[2...] {
            guard d >= 0x30 && d <= 0x39 else { throw invalid }
            b = min(b * 10 + Int(d - 0x30), Int(Int32.max))
        }
        return (a, try finish(parser, -b, i, hi))
    }

    private static func signlessInteger(_ parser: SelectorParser, _ i: Int, _ hi: Int) throws(SelectorSyntaxFailure) -> Int {
        guard i < hi, parser.tokens[i].kind == .number, parser.tokens[i].isInteger, !parser.tokens[i].hasSign else {
            throw parser.fail("invalid An+B", at: i)
        }
        return parser.tokens[i].number
    }

    /// Only whitespace may follow; returns `b`.
    private static func finish(_ parser: SelectorParser, _ b: Int, _ i: Int, _ hi: Int) throws(SelectorSyntaxFailure) -> Int {
        let end = parser.skipWhitespace(i, hi)
        guard end == hi else { throw parser.fail("unexpected token after An+B", at: end) }
        return b
    }
}
