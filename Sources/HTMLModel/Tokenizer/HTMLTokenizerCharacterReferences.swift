/// Character reference states.
/// <https://html.spec.whatwg.org/multipage/parsing.html#character-reference-state> through
/// <https://html.spec.whatwg.org/multipage/parsing.html#numeric-character-reference-end-state>.
///
/// The spec's temporary buffer is always the input from the `&` (at
/// `characterReferenceStart`) to the current position, so it is never copied: flushing it
/// appends that slice.
extension HTMLTokenizer {
    /// "Flush code points consumed as a character reference" for input `from ..< to`.
    private mutating func flushConsumed(from: Int, to: Int) {
        if returnState.isAttributeValue {
            attributeValue.append(p, from: from, to: to)
        } else {
            emitText(from: from, to: to)
        }
    }

    /// Flushes characters that replace the reference (decoded text).
    private mutating func flushDecoded(_ bytes: UnsafeBufferPointer<UInt8>) {
        if returnState.isAttributeValue {
            attributeValue.append(p, bytes: bytes)
        } else {
            emitTextBytes(bytes)
        }
    }

    /// 13.2.5.72 Character reference state
    mutating func characterReferenceState() {
        if pos < end && isASCIIAlphanumeric(p[pos]) {
            state = .namedCharacterReference
        } else if pos < end && p[pos] == 0x23 {  // #
            pos += 1
            state = .numericCharacterReference
        } else {
            flushConsumed(from: characterReferenceStart, to: pos)
            state = returnState
        }
    }

    /// 13.2.5.73 Named character reference state
    mutating func namedCharacterReferenceState() {
        let table = NamedCharacterReferenceTable.shared
        guard let match = table.longestMatch(in: p, from: pos) else {
            flushConsumed(from: characterReferenceStart, to: pos)
            state = .ambiguousAmpersand
            return
        }
        let matchEnd = pos + match.length
        let endsWithSemicolon = p[matchEnd - 1] == 0x3B
        if returnState.isAttributeValue && !endsWithSemicolon && matchEnd < end
            && (p[matchEnd] == 0x3D || isASCIIAlphanumeric(p[matchEnd]))
        {
            // "For historical reasons": `&amp=` / `&notin` style text in attribute values
            // stays literal.
            pos = matchEnd
            flushConsumed(from: characterReferenceStart, to: pos)
            state = returnState
            return
        }
        pos = matchEnd
        if !endsWithSemicolon {
            parseError("missing-semicolon-after-character-reference")
        }
        flushDecoded(table.value(match.entry))
        state = returnState
    }

    /// 13.2.5.74 Ambiguous ampersand state
    mutating func ambiguousAmpersandState() {
        let start = pos
        while pos < end && isASCIIAlphanumeric(p[pos]) { pos += 1 }
        flushConsumed(from: start, to: pos)
        if pos < end && p[pos] == 0x3B {
            parseError("unknown-named-character-reference")
        }
        state = returnState
    }

    /// 13.2.5.75 Numeric character reference state
    mutating func numericCharacterReferenceState() {
        characterReferenceCode = 0
        if pos < end && (p[pos] == 0x78 || p[pos] == 0x58) {  // x X
            pos += 1
            state = .hexadecimalCharacterReferenceStart
        } else {
            state = .decimalCharacterReferenceStart
        }
    }

    /// 13.2.5.76 Hexadecimal character reference start state
    mutating func hexadecimalCharacterReferenceStartState() {
        if pos < end && hexDigitValue(p[pos]) != nil {
            state = .hexadecimalCharacterReference
        } else {
            parseError("absence-of-digits-in-numeric-character-reference")
            flushConsumed(from: characterReferenceStart, to: pos)
            state = returnState
        }
    }

    /// 13.2.5.77 Decimal character reference start state
    mutating func decimalCharacterReferenceStartState() {
        if pos < end && isASCIIDigit(p[pos]) {
            state = .decimalCharacterReference
        } else {
            parseError("absence-of-digits-in-numeric-character-reference")
            flushConsumed(from: characterReferenceStart, to: pos)
            state = returnState
        }
    }

    /// Adds a digit, saturating above U+10FFFF so long digit strings cannot overflow.
    @inline(__always)
    private mutating func accumulate(_ digit: UInt8, radix: UInt32) {
        if characterReferenceCode <= 0x10FFFF {
            characterReferenceCode = characterReferenceCode * radix + UInt32(digit)
        }
    }

    /// 13.2.5.78 Hexadecimal character reference state
    mutating func hexadecimalCharacterReferenceState() {
        while pos < end, let digit = hexDigitValue(p[pos]) {
            accumulate(digit, radix: 16)
            pos += 1
        }
        finishNumericDigits()
    }

    /// 13.2.5.79 Decimal character reference state
    mutating func decimalCharacterReferenceState() {
        while pos < end && isASCIIDigit(p[pos]) {
            accumulate(p[pos] - 0x30, radix: 10)
            pos += 1
        }
        finishNumericDigits()
    }

    private mutating func finishNumericDigits() {
        if pos < end && p[pos] == 0x3B {
            pos += 1
        } else {
            parseError("missing-semicolon-after-character-reference")
        }
        state = .numericCharacterReferenceEnd
    }

    /// 13.2.5.80 Numeric character reference end state
    mutating func numericCharacterReferenceEndState() {
        var code = characterReferenceCode
        if code == 0 {
            parseError("null-character-reference")
            code = 0xFFFD
        } else if code > 0x10FFFF {
            parseError("character-reference-outside-unicode-range")
            code = 0xFFFD
        } else if code >= 0xD800 && code <= 0xDFFF {
            parseError("surrogate-character-reference")
            code = 0xFFFD
        } else if isNoncharacter(code) {
            parseError("noncharacter-character-reference")
        } else if code == 0x0D || ((code < 0x20 || (code >= 0x7F && code <= 0x9F)) && !isWhitespaceScalar(code)) {
            parseError("control-character-reference")
            if code >= 0x80 && code <= 0x9F {
                let replacement = windows1252Replacements[Int(code - 0x80)]
                if replacement != 0 { code = replacement }
            }
        }
        if returnState.isAttributeValue {
            attributeValue.append(p, scalar: code)
        } else {
            text.append(p, scalar: code)
        }
        state = returnState
    }

    private func isWhitespaceScalar(_ code: UInt32) -> Bool {
        code == 0x09 || code == 0x0A || code == 0x0C || code == 0x0D || code == 0x20
    }
}

/// The numeric character reference end state's table for 0x80–0x9F (0 = keep the code).
private let windows1252Replacements: [UInt32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
]
