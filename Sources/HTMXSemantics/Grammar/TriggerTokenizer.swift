/// htmx.js tokenizeString, over UTF-8 bytes.
///
/// Tokens: a run of `[_$a-zA-Z][_$a-zA-Z0-9]*`; a "string" opened by `"`, `'` or `/` and
/// closed by the same character (backslash skips one character; unterminated runs to the
/// end — so a lone `/`, as in `<div/>`, swallows the rest of the value); or any other single
/// character (digits included). Concatenating the tokens gives back the input.
///
/// The grammar tests tokens with unanchored regular expressions, so what matters about a
/// multi-character token is which kinds of character it *contains*; those flags are
/// computed once per token.
struct TriggerToken {
    var range: Range<Int>
    var flags: Flags

    struct Flags: OptionSet {
        let rawValue: UInt8
        static let whitespace = Flags(rawValue: 1)
        static let comma = Flags(rawValue: 2)
        static let openSquare = Flags(rawValue: 4)
        static let openParenOrBrace = Flags(rawValue: 8)
        static let closeParenOrBrace = Flags(rawValue: 16)
        static let nonWhitespace = Flags(rawValue: 32)
        static let symbol = Flags(rawValue: 64)
        static let stringish = Flags(rawValue: 128)
    }
}

enum TriggerTokenizer {
    @inline(__always) static func isSymbolStart(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "_") || c == UInt8(ascii: "$")
            || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
    }

    @inline(__always) static func isSymbolContinue(_ c: UInt8) -> Bool {
        isSymbolStart(c) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
    }

    static func tokenize(_ b: [UInt8]) -> [TriggerToken] {
        var tokens: [TriggerToken] = []
        tokens.reserveCapacity(b.count / 2 + 1)
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if isSymbolStart(c) {
                let start = i
                while i + 1 < n, isSymbolContinue(b[i + 1]) { i += 1 }
                tokens.append(TriggerToken(range: start..<(i + 1), flags: [.symbol, .nonWhitespace]))
                i += 1
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: "/") {
                let start = i
                i += 1
                while i < n, b[i] != c {
                    if b[i] == UInt8(ascii: "\\") { i += 1 }
                    i += 1
                }
                let end = min(i + 1, n)
                tokens.append(TriggerToken(range: start..<end, flags: flags(b, start..<end).union(.stringish)))
                i += 1
            } else {
                // One character; a multi-byte UTF-8 sequence stays whole.
                var len = 1
                if c >= 0xF0 { len = 4 } else if c >= 0xE0 { len = 3 } else if c >= 0xC0 { len = 2 }
                let end = min(i + len, n)
                tokens.append(TriggerToken(range: i..<end, flags: flags(b, i..<end)))
                i = end
            }
        }
        return tokens
    }

    static func flags(_ b: [UInt8], _ r: Range<Int>) -> TriggerToken.Flags {
        var f: TriggerToken.Flags = []
        var i = r.lowerBound
        while i < r.upperBound {
            let w = JSText.whitespaceLength(b, at: i, end: r.upperBound)
            if w > 0 {
                f.insert(.whitespace)
                i += w
                continue
            }
            f.insert(.nonWhitespace)
            switch b[i] {
            case UInt8(ascii: ","): f.insert(.comma)
            case UInt8(ascii: "["): f.insert(.openSquare)
            case UInt8(ascii: "("), UInt8(ascii: "{"): f.insert(.openParenOrBrace)
            case UInt8(ascii: ")"), UInt8(ascii: "}"): f.insert(.closeParenOrBrace)
            default: break
            }
            i += 1
        }
        return f
    }
}
