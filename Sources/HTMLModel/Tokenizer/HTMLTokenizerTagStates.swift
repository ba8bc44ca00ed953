/// Tag and attribute states.
/// <https://html.spec.whatwg.org/multipage/parsing.html#tag-open-state> through
/// <https://html.spec.whatwg.org/multipage/parsing.html#self-closing-start-tag-state>.
extension HTMLTokenizer {
    /// 13.2.5.6 Tag open state
    mutating func tagOpenState() {
        guard pos < end else {
            parseError("eof-before-tag-name")
            emitText(from: pos - 1, to: pos)  // the <
            return emitEndOfFile()
        }
        let c = p[pos]
        if isASCIIAlpha(c) {
            beginTag(isEnd: false)
            state = .tagName
            return
        }
        switch c {
        case 0x21:  // !
            pos += 1
            state = .markupDeclarationOpen
        case 0x2F:  // /
            pos += 1
            state = .endTagOpen
        case 0x3F:  // ?
            processingInstructionOpenState()
        default:
            parseError("invalid-first-character-of-tag-name")
            emitText(from: pos - 1, to: pos)
            state = .data
        }
    }

    /// 13.2.5.7 End tag open state
    mutating func endTagOpenState() {
        guard pos < end else {
            parseError("eof-before-tag-name")
            emitText(from: pos - 2, to: pos)  // "</"
            return emitEndOfFile()
        }
        let c = p[pos]
        if isASCIIAlpha(c) {
            beginTag(isEnd: true)
            state = .tagName
        } else if c == 0x3E {
            parseError("missing-end-tag-name")
            pos += 1
            state = .data
        } else {
            parseError("invalid-first-character-of-tag-name")
            beginComment()
            state = .bogusComment
        }
    }

    /// 13.2.5.8 Tag name state
    mutating func tagNameState() {
        while pos < end {
            // Fast path: bytes appended as they are (not whitespace, controls, `/`, `>`,
            // or upper-case letters).
            let start = pos
            while pos < end {
                let c = p[pos]
                if c <= 0x20 || c == 0x2F || c == 0x3E || isASCIIUpperAlpha(c) { break }
                pos += 1
            }
            tagName.append(p, from: start, to: pos)
            guard pos < end else { break }
            let c = p[pos]
            switch c {
            case 0x09, 0x0A, 0x0C, 0x20:
                pos += 1
                state = .beforeAttributeName
                return
            case 0x2F:
                pos += 1
                state = .selfClosingStartTag
                return
            case 0x3E:
                pos += 1
                state = .data
                emitCurrentTag()
                return
            case 0:
                parseError("unexpected-null-character")
                tagName.append(p, scalar: 0xFFFD)
            case 0x41 ... 0x5A:
                tagName.append(p, byte: c | 0x20)
            default:
                tagName.append(p, from: pos, to: pos + 1)
            }
            pos += 1
        }
        parseError("eof-in-tag")
        emitEndOfFile()
    }

    /// 13.2.5.32 Before attribute name state
    mutating func beforeAttributeNameState() {
        while pos < end && isASCIIWhitespace(p[pos]) { pos += 1 }
        guard pos < end else {
            state = .afterAttributeName
            return
        }
        switch p[pos] {
        case 0x2F, 0x3E:
            state = .afterAttributeName
        case 0x3D:  // =
            parseError("unexpected-equals-sign-before-attribute-name")
            beginAttribute()
            attributeName.append(p, from: pos, to: pos + 1)
            pos += 1
            state = .attributeName
        default:
            beginAttribute()
            state = .attributeName
        }
    }

    /// 13.2.5.33 Attribute name state
    mutating func attributeNameState() {
        while pos < end {
            let start = pos
            while pos < end {
                let c = p[pos]
                if c <= 0x20 || c == 0x2F || c == 0x3E || c == 0x3D || c == 0x22 || c == 0x27
                    || c == 0x3C || isASCIIUpperAlpha(c) { break }
                pos += 1
            }
            attributeName.append(p, from: start, to: pos)
            guard pos < end else { break }
            let c = p[pos]
            switch c {
            case 0x09, 0x0A, 0x0C, 0x20, 0x2F, 0x3E:
                finishAttributeName()
                state = .afterAttributeName
                return
            case 0x3D:
                finishAttributeName()
                pos += 1
                state = .beforeAttributeValue
                return
            case 0:
                parseError("unexpected-null-character")
                attributeName.append(p, scalar: 0xFFFD)
            case 0x22, 0x27, 0x3C:
                parseError("unexpected-character-in-attribute-name")
                attributeName.append(p, from: pos, to: pos + 1)
            case 0x41 ... 0x5A:
                attributeName.append(p, byte: c | 0x20)
            default:
                attributeName.append(p, from: pos, to: pos + 1)
            }
            pos += 1
        }
        finishAttributeName()
        state = .afterAttributeName
    }

    /// 13.2.5.34 After attribute name state
    mutating func afterAttributeNameState() {
        while pos < end && isASCIIWhitespace(p[pos]) { pos += 1 }
        guard pos < end else {
            parseError("eof-in-tag")
            return emitEndOfFile()
        }
        switch p[pos] {
        case 0x2F:
            pos += 1
            state = .selfClosingStartTag
        case 0x3D:
            pos += 1
            state = .beforeAttributeValue
        case 0x3E:
            pos += 1
            state = .data
            emitCurrentTag()
        default:
            beginAttribute()
            state = .attributeName
        }
    }

    /// 13.2.5.35 Before attribute value state
    mutating func beforeAttributeValueState() {
        while pos < end && isASCIIWhitespace(p[pos]) { pos += 1 }
        guard pos < end else {
            state = .attributeValueUnquoted
            return
        }
        switch p[pos] {
        case 0x22:
            pos += 1
            state = .attributeValueDoubleQuoted
        case 0x27:
            pos += 1
            state = .attributeValueSingleQuoted
        case 0x3E:
            parseError("missing-attribute-value")
            pos += 1
            state = .data
            emitCurrentTag()
        default:
            state = .attributeValueUnquoted
        }
    }

    /// 13.2.5.36 Attribute value (double-quoted) state and 13.2.5.37 (single-quoted).
    mutating func quotedAttributeValueState(quote: UInt8) {
        while true {
            let i = scan(p, from: pos, end: end, for: quote, 0x26, 0)
            attributeValue.append(p, from: pos, to: i)
            pos = i
            guard pos < end else {
                parseError("eof-in-tag")
                return emitEndOfFile()
            }
            switch p[pos] {
            case 0x26:
                characterReferenceStart = pos
                returnState = state
                pos += 1
                state = .characterReference
                return
            case 0:
                parseError("unexpected-null-character")
                attributeValue.append(p, scalar: 0xFFFD)
                pos += 1
            default:  // the closing quote
                pos += 1
                state = .afterAttributeValueQuoted
                return
            }
        }
    }

    /// 13.2.5.38 Attribute value (unquoted) state
    mutating func unquotedAttributeValueState() {
        while pos < end {
            let start = pos
            while pos < end {
                let c = p[pos]
                if c <= 0x20 || c == 0x26 || c == 0x3E || c == 0x22 || c == 0x27 || c == 0x3C
                    || c == 0x3D || c == 0x60 { break }
                pos += 1
            }
            attributeValue.append(p, from: start, to: pos)
            guard pos < end else { break }
            let c = p[pos]
            switch c {
            case 0x09, 0x0A, 0x0C, 0x20:
                pos += 1
                state = .beforeAttributeName
                return
            case 0x26:
                characterReferenceStart = pos
                returnState = .attributeValueUnquoted
                pos += 1
                state = .characterReference
                return
            case 0x3E:
                pos += 1
                state = .data
                emitCurrentTag()
                return
            case 0:
                parseError("unexpected-null-character")
                attributeValue.append(p, scalar: 0xFFFD)
            case 0x22, 0x27, 0x3C, 0x3D, 0x60:
                parseError("unexpected-character-in-unquoted-attribute-value")
                attributeValue.append(p, from: pos, to: pos + 1)
            default:
                attributeValue.append(p, from: pos, to: pos + 1)
            }
            pos += 1
        }
        parseError("eof-in-tag")
        emitEndOfFile()
    }

    /// 13.2.5.39 After attribute value (quoted) state
    mutating func afterAttributeValueQuotedState() {
        guard pos < end else {
            parseError("eof-in-tag")
            return emitEndOfFile()
        }
        switch p[pos] {
        case 0x09, 0x0A, 0x0C, 0x20:
            pos += 1
            state = .beforeAttributeName
        case 0x2F:
            pos += 1
            state = .selfClosingStartTag
        case 0x3E:
            pos += 1
            state = .data
            emitCurrentTag()
        default:
            parseError("missing-whitespace-between-attributes")
            state = .beforeAttributeName
        }
    }

    /// 13.2.5.40 Self-closing start tag state
    mutating func selfClosingStartTagState() {
        guard pos < end else {
            parseError("eof-in-tag")
            return emitEndOfFile()
        }
        if p[pos] == 0x3E {
            selfClosing = true
            pos += 1
            state = .data
            emitCurrentTag()
        } else {
            parseError("unexpected-solidus-in-tag")
            state = .beforeAttributeName
        }
    }
}
