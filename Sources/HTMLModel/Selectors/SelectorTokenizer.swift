/// A token of CSS Syntax Level 3 (<https://www.w3.org/TR/css-syntax-3/#tokenization>), as the
/// selector parser needs it. Comments are dropped; offsets are UTF-8 byte offsets into the
/// selector text.
struct CSSToken {
    enum Kind: UInt8 {
        case ident, function, atKeyword, hash, string, badString, url, badURL
        case delim, number, percentage, dimension, whitespace, cdo, cdc
        case colon, semicolon, comma
        case leftSquare, rightSquare, leftParen, rightParen, leftCurly, rightCurly
    }

    var kind: Kind
    var start: Int
    var end: Int
    /// Unescaped value: ident / function / at-keyword name, hash name, string contents, URL,
    /// or a dimension's unit.
    var value: [UInt8] = []
    /// A delim token's code point (ASCII delims only ever matter to selectors).
    var delim: UInt8 = 0
    /// Integer value of number / dimension tokens, clamped to the 32-bit range as browsers do.
    var number: Int = 0
    /// The number has no fraction and no exponent ("type flag" integer).
    var isInteger = false
    /// The number's representation starts with `+` or `-` (needed by An+B's <signed-integer>).
    var hasSign = false
    /// Hash token with type flag "id": the name would start an ident sequence.
    var hashIsID = false

    func isDelim(_ c: UInt8) -> Bool { kind == .delim && delim == c }
}

/// CSS Syntax Level 3 tokenizer over UTF-8 bytes
/// (<https://www.w3.org/TR/css-syntax-3/#consume-token>).
///
/// Input preprocessing (§3.3) is folded in rather than done as a pass: CR, FF and CRLF count as
/// one newline where that matters (escapes), and U+0000 reads as U+FFFD.
struct SelectorTokenizer {
    private let bytes: [UInt8]
    private var i = 0

    static func tokenize(_ bytes: [UInt8]) -> [CSSToken] {
        var tokenizer = SelectorTokenizer(bytes: bytes)
        var tokens: [CSSToken] = []
        while let token = tokenizer.next() { tokens.append(token) }
        return tokens
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    // MARK: Code point classes (§4.2)

    /// The byte at `k`, or -1 at end of input.
    @inline(__always)
    private func peek(_ k: Int) -> Int { k < bytes.count ? Int(bytes[k]) : -1 }

    private static func isDigit(_ c: Int) -> Bool { c >= 0x30 && c <= 0x39 }
    private static func isHexDigit(_ c: Int) -> Bool {
        isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
    }
    private static func isLetter(_ c: Int) -> Bool { (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
    private static func isNewline(_ c: Int) -> Bool { c == 0x0A || c == 0x0D || c == 0x0C }
    private static func isWhitespace(_ c: Int) -> Bool { isNewline(c) || c == 0x09 || c == 0x20 }
    /// Ident-start code point; every byte of a non-ASCII code point counts, and NUL (U+FFFD
    /// after preprocessing) is non-ASCII.
    private static func isIdentStart(_ c: Int) -> Bool { isLetter(c) || c == 0x5F || c >= 0x80 || c == 0 }
    private static func isIdent(_ c: Int) -> Bool { isIdentStart(c) || isDigit(c) || c == 0x2D }

    /// §4.3.8 "check if two code points are a valid escape", starting at `k`.
    private func isValidEscape(_ k: Int) -> Bool {
        peek(k) == 0x5C && !Self.isNewline(peek(k + 1))
    }

    /// §4.3.9 "check if three code points would start an ident sequence", starting at `k`.
    private func wouldStartIdent(_ k: Int) -> Bool {
        let c = peek(k)
        if c == 0x2D {
            let c2 = peek(k + 1)
            return Self.isIdentStart(c2) || c2 == 0x2D || isValidEscape(k + 1)
        }
        if Self.isIdentStart(c) { return true }
        return c == 0x5C && isValidEscape(k)
    }

    /// §4.3.10 "check if three code points would start a number", starting at `k`.
    private func wouldStartNumber(_ k: Int) -> Bool {
        let c = peek(k)
        if c == 0x2B || c == 0x2D {
            if Self.isDigit(peek(k + 1)) { return true }
            return peek(k + 1) == 0x2E && Self.isDigit(peek(k + 2))
        }
        if c == 0x2E { return Self.isDigit(peek(k + 1)) }
        return Self.isDigit(c)
    }

    // MARK: Consumers

    private mutating func next() -> CSSToken? {
        // §4.3.2 consume comments
        while peek(i) == 0x2F && peek(i + 1) == 0x2A {
            var k = i + 2
            while k < bytes.count && !(bytes[k] == 0x2A && peek(k + 1) == 0x2F) { k += 1 }
            i = min(k + 2, bytes.count)
        }
        guard i < bytes.count else { return nil }
        let start = i
        let c = Int(bytes[i])
        var token = CSSToken(kind: .delim, start: start, end: start)

        func simple(_ kind: CSSToken.Kind) -> CSSToken {
            CSSToken(kind: kind, start: start, end: start + 1)
        }

        switch c {
        case _ where Self.isWhitespace(c):
            while Self.isWhitespace(peek(i)) { i += 1 }
            token.kind = .whitespace
        case 0x22, 0x27:
            token = consumeString(quote: UInt8(c))
        case 0x23:  // #
            if Self.isIdent(peek(i + 1)) || isValidEscape(i + 1) {
                i += 1
                token.kind = .hash
                token.hashIsID = wouldStartIdent(i)
                token.value = consumeIdentSequence()
            } else {
                i += 1
                token.delim = 0x23
            }
        case 0x28: i += 1; return simple(.leftParen)
        case 0x29: i += 1; return simple(.rightParen)
        case 0x5B: i += 1; return simple(.leftSquare)
        case 0x5D: i += 1; return simple(.rightSquare)
        case 0x7B: i += 1; return simple(.leftCurly)
        case 0x7D: i += 1; return simple(.rightCurly)
        case 0x2C: i += 1; return simple(.comma)
        case 0x3A: i += 1; return simple(.colon)
        case 0x3B: i += 1; return simple(.semicolon)
        case 0x2B, 0x2E:  // + .
            if wouldStartNumber(i) {
                token = consumeNumeric()
            } else {
                i += 1
                token.delim = UInt8(c)
            }
        case 0x2D:  // -
            if wouldStartNumber(i) {
                token = consumeNumeric()
            } else if peek(i + 1) == 0x2D && peek(i + 2) == 0x3E {
                i += 3
                token.kind = .cdc
            } else if wouldStartIdent(i) {
                token = consumeIdentLike()
            } else {
                i += 1
                token.delim = 0x2D
            }
        case 0x3C:  // <
            if peek(i + 1) == 0x21 && peek(i + 2) == 0x2D && peek(i + 3) == 0x2D {
                i += 4
                token.kind = .cdo
            } else {
                i += 1
                token.delim = 0x3C
            }
        case 0x40:  // @
            if wouldStartIdent(i + 1) {
                i += 1
                token.kind = .atKeyword
                token.value = consumeIdentSequence()
            } else {
                i += 1
                token.delim = 0x40
            }
        case 0x5C:  // backslash
            if isValidEscape(i) {
                token = consumeIdentLike()
            } else {
                i += 1
                token.delim = 0x5C
            }
        case _ where Self.isDigit(c):
            token = consumeNumeric()
        case _ where Self.isIdentStart(c):
            token = consumeIdentLike()
        default:
            i += 1
            token.delim = UInt8(c)
        }
        token.start = start
        token.end = i
        return token
    }

    /// §4.3.7 consume an escaped code point; `i` is just past the backslash.
    private mutating func consumeEscape(into out: inout [UInt8]) {
        let c = peek(i)
        if c < 0 {
            out.append(contentsOf: SelectorBytes.replacementCharacter)
            return
        }
        if Self.isHexDigit(c) {
            var value: UInt32 = 0
            var n = 0
            while n < 6, Self.isHexDigit(peek(i)) {
                let d = UInt32(peek(i))
                value = value * 16 + (d <= 0x39 ? d - 0x30 : (d | 0x20) - 0x61 + 10)
                i += 1
                n += 1
            }
            if peek(i) == 0x0D && peek(i + 1) == 0x0A {
                i += 2
            } else if Self.isWhitespace(peek(i)) {
                i += 1
            }
            if value == 0 || (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF {
                out.append(contentsOf: SelectorBytes.replacementCharacter)
            } else {
                SelectorBytes.appendUTF8(value, to: &out)
            }
            return
        }
        copyCodePoint(into: &out)
    }

    /// Copies the (possibly multi-byte) code point at `i`, reading NUL as U+FFFD.
    private mutating func copyCodePoint(into out: inout [UInt8]) {
        let lead = bytes[i]
        if lead == 0 {
            out.append(contentsOf: SelectorBytes.replacementCharacter)
            i += 1
            return
        }
        out.append(lead)
        i += 1
        if lead >= 0xC0 {
            while i < bytes.count && bytes[i] & 0xC0 == 0x80 {
                out.append(bytes[i])
                i += 1
            }
        }
    }

    /// §4.3.11 consume an ident sequence.
    private mutating func consumeIdentSequence() -> [UInt8] {
        var out: [UInt8] = []
        while true {
            let c = peek(i)
            if Self.isIdent(c) {
                copyCodePoint(into: &out)
            } else if isValidEscape(i) {
                i += 1
                consumeEscape(into: &out)
            } else {
                return out
            }
        }
    }

    /// §4.3.4 consume an ident-like token.
    private mutating func consumeIdentLike() -> CSSToken {
        let start = i
        let name = consumeIdentSequence()
        var token = CSSToken(kind: .ident, start: start, end: start, value: name)
        guard peek(i) == 0x28 else { return token }
        i += 1
        if SelectorBytes.equalIgnoringASCIICase(name, "url") {
            var k = i
            while Self.isWhitespace(peek(k)) && Self.isWhitespace(peek(k + 1)) { k += 1 }
            let q = Self.isWhitespace(peek(k)) ? peek(k + 1) : peek(k)
            if q != 0x22 && q != 0x27 {
                return consumeURL(start: start)
            }
            i = k
        }
        token.kind = .function
        return token
    }

    /// §4.3.6 consume a url token; `i` is just past `url(`.
    private mutating func consumeURL(start: Int) -> CSSToken {
        var token = CSSToken(kind: .url, start: start, end: start)
        while Self.isWhitespace(peek(i)) { i += 1 }
        while true {
            let c = peek(i)
            if c < 0 { return token }
            if c == 0x29 {
                i += 1
                return token
            }
            if Self.isWhitespace(c) {
                while Self.isWhitespace(peek(i)) { i += 1 }
                if peek(i) == 0x29 || peek(i) < 0 {
                    if peek(i) == 0x29 { i += 1 }
                    return token
                }
                token.kind = .badURL
                consumeBadURLRemnants()
                return token
            }
            if c == 0x22 || c == 0x27 || c == 0x28 || (c < 0x20 && c != 0x09 && c != 0) || c == 0x7F {
                token.kind = .badURL
                consumeBadURLRemnants()
                return token
            }
            if c == 0x5C {
                if isValidEscape(i) {
                    i += 1
                    consumeEscape(into: &token.value)
                } else {
                    token.kind = .badURL
                    consumeBadURLRemnants()
                    return token
                }
                continue
            }
            copyCodePoint(into: &token.value)
        }
    }

    /// §4.3.14 consume the remnants of a bad url.
    private mutating func consumeBadURLRemnants() {
        while true {
            let c = peek(i)
            if c < 0 { return }
            if c == 0x29 {
                i += 1
                return
            }
            if isValidEscape(i) {
                i += 1
                var sink: [UInt8] = []
                consumeEscape(into: &sink)
            } else {
                i += 1
            }
        }
    }

    /// §4.3.5 consume a string token; `i` is at the opening quote.
    private mutating func consumeString(quote: UInt8) -> CSSToken {
        let start = i
        i += 1
        var token = CSSToken(kind: .string, start: start, end: start)
        while true {
            let c = peek(i)
            if c < 0 { return token }  // EOF: parse error, but the string stands
            if c == Int(quote) {
                i += 1
                return token
            }
            if Self.isNewline(c) {
                token.kind = .badString
                return token
            }
            if c == 0x5C {
                let n = peek(i + 1)
                if n < 0 {
                    i += 1
                } else if Self.isNewline(n) {
                    // Escaped newline: a line continuation, contributes nothing.
                    i += (n == 0x0D && peek(i + 2) == 0x0A) ? 3 : 2
                } else {
                    i += 1
                    consumeEscape(into: &token.value)
                }
                continue
            }
            copyCodePoint(into: &token.value)
        }
    }

    /// §4.3.3 consume a numeric token (with §4.3.12 consume a number).
    private mutating func consumeNumeric() -> CSSToken {
        let start = i
        var token = CSSToken(kind: .number, start: start, end: start)
        var negative = false
        if peek(i) == 0x2B || peek(i) == 0x2D {
            token.hasSign = true
            negative = peek(i) == 0x2D
            i += 1
        }
        // Saturate well above Int32 so clamping below stays exact.
        var magnitude = 0
        while Self.isDigit(peek(i)) {
            if magnitude < 1 << 40 { magnitude = magnitude * 10 + (peek(i) - 0x30) }
            i += 1
        }
        token.isInteger = true
        if peek(i) == 0x2E && Self.isDigit(peek(i + 1)) {
            token.isInteger = false
            i += 1
            while Self.isDigit(peek(i)) { i += 1 }
        }
        if peek(i) == 0x45 || peek(i) == 0x65 {
            let s = peek(i + 1)
            let signed = (s == 0x2B || s == 0x2D) && Self.isDigit(peek(i + 2))
            if Self.isDigit(s) || signed {
                token.isInteger = false
                i += signed ? 2 : 1
                while Self.isDigit(peek(i)) { i += 1 }
            }
        }
        let limit = negative ? Int(Int32.max) + 1 : Int(Int32.max)
        token.number = (negative ? -1 : 1) * min(magnitude, limit)
        if wouldStartIdent(i) {
            token.kind = .dimension
            token.value = consumeIdentSequence()
        } else if peek(i) == 0x25 {
            i += 1
            token.kind = .percentage
        }
        return token
    }
}
