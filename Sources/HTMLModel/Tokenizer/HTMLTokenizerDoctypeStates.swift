/// DOCTYPE states.
/// <https://html.spec.whatwg.org/multipage/parsing.html#doctype-state> through
/// <https://html.spec.whatwg.org/multipage/parsing.html#bogus-doctype-state>.
extension HTMLTokenizer {
    /// EOF anywhere inside a DOCTYPE: an eof-in-doctype error and a force-quirks DOCTYPE.
    private mutating func eofInDoctype() {
        parseError("eof-in-doctype")
        doctypeForceQuirks = true
        emitDoctype()
        emitEndOfFile()
    }

    /// 13.2.5.53 DOCTYPE state
    mutating func doctypeState() {
        guard pos < end else {
            beginDoctype()
            return eofInDoctype()
        }
        let c = p[pos]
        if isASCIIWhitespace(c) {
            pos += 1
        } else if c != 0x3E {
            parseError("missing-whitespace-before-doctype-name")
        }
        state = .beforeDoctypeName
    }

    /// 13.2.5.54 Before DOCTYPE name state
    mutating func beforeDoctypeNameState() {
        while pos < end && isASCIIWhitespace(p[pos]) { pos += 1 }
        beginDoctype()
        guard pos < end else { return eofInDoctype() }
        let c = p[pos]
        switch c {
        case 0:
            parseError("unexpected-null-character")
            doctypeName = replacementCharacterUTF8
        case 0x3E:
            parseError("missing-doctype-name")
            doctypeForceQuirks = true
            pos += 1
            state = .data
            return emitDoctype()
        default:
            doctypeName = [asciiLowercased(c)]
        }
        pos += 1
        state = .doctypeName
    }

    /// 13.2.5.55 DOCTYPE name state
    mutating func doctypeNameState() {
        var name = doctypeName ?? []
        doctypeName = nil  // keep `name` uniquely referenced while appending
        while pos < end {
            let c = p[pos]
            switch c {
            case 0x09, 0x0A, 0x0C, 0x20:
                pos += 1
                doctypeName = name
                state = .afterDoctypeName
                return
            case 0x3E:
                pos += 1
                state = .data
                doctypeName = name
                return emitDoctype()
            case 0:
                parseError("unexpected-null-character")
                name.append(contentsOf: replacementCharacterUTF8)
            default:
                name.append(asciiLowercased(c))
            }
            pos += 1
        }
        doctypeName = name
        eofInDoctype()
    }

    /// 13.2.5.56 After DOCTYPE name state
    mutating func afterDoctypeNameState() {
        while pos < end && isASCIIWhitespace(p[pos]) { pos += 1 }
        guard pos < end else { return eofInDoctype() }
        if p[pos] == 0x3E {
            pos += 1
            state = .data
            return emitDoctype()
        }
        if startsWithCaseInsensitive("public") {
            pos += 6
            state = .afterDoctypePublicKeyword
        } else if startsWithCaseInsensitive("system") {
            pos += 6
            state = .afterDoctypeSystemKeyword
        } else {
            parseError("invalid-character-sequence-after-doctype-name")
            doctypeForceQuirks = true
            state = .bogusDoctype
        }
    }

    private func startsWithCaseInsensitive(_ lowercaseWord: StaticString) -> Bool {
        let count = lowercaseWord.utf8CodeUnitCount
        guard end - pos >= count else { return false }
        for k in 0 ..< count where asciiLowercased(p[pos + k]) != lowercaseWord.utf8Start[k] {
            return false
        }
        return true
    }

    private mutating func setIdentifier(isPublic: Bool, _ value: [UInt8]?) {
        if isPublic { doctypePublicIdentifier = value } else { doctypeSystemIdentifier = value }
    }

    private func quotedState(isPublic: Bool, quote: UInt8) -> State {
        switch (isPublic, quote) {
        case (true, 0x22): return .doctypePublicIdentifierDoubleQuoted
        case (true, _): return .doctypePublicIdentifierSingleQuoted
        case (false, 0x22): return .doctypeSystemIdentifierDoubleQuoted
        case (false, _): return .doctypeSystemIdentifierSingleQuoted
        }
    }

    /// 13.2.5.57 After DOCTYPE public keyword state and 13.2.5.63 after DOCTYPE system
    /// keyword state.
    mutating func afterDoctypeKeywordState(isPublic: Bool) {
        guard pos < end else { return eofInDoctype() }
        let c = p[pos]
        switch c {
        case 0x09, 0x0A, 0x0C, 0x20:
            pos += 1
            state = isPublic ? .beforeDoctypePublicIdentifier : .beforeDoctypeSystemIdentifier
        case 0x22, 0x27:
            parseError(isPublic
                ? "missing-whitespace-after-doctype-public-keyword"
                : "missing-whitespace-after-doctype-system-keyword")
            setIdentifier(isPublic: isPublic, [])
            pos += 1
            state = quotedState(isPublic: isPublic, quote: c)
        case 0x3E:
            parseError(isPublic ? "missing-doctype-public-identifier" : "missing-doctype-system-identifier")
            doctypeForceQuirks = true
            pos += 1
            state = .data
            emitDoctype()
        default:
            parseError(isPublic
                ? "missing-quote-before-doctype-public-identifier"
                : "missing-quote-before-doctype-system-identifier")
            doctypeForceQuirks = true
            state = .bogusDoctype
        }
    }

    /// 13.2.5.58 Before DOCTYPE public identifier state and 13.2.5.64 before DOCTYPE system
    /// identifier state.
    mutating func beforeDoctypeIdentifierState(isPublic: Bool) {
        while pos < end && isASCIIWhitespace(p[pos]) { pos += 1 }
        guard pos < end else { return eofInDoctype() }
        let c = p[pos]
        switch c {
        case 0x22, 0x27:
            setIdentifier(isPublic: isPublic, [])
            pos += 1
            state = quotedState(isPublic: isPublic, quote: c)
        case 0x3E:
            parseError(isPublic ? "missing-doctype-public-identifier" : "missing-doctype-system-identifier")
            doctypeForceQuirks = true
            pos += 1
            state = .data
            emitDoctype()
        default:
            parseError(isPublic
                ? "missing-quote-before-doctype-public-identifier"
                : "missing-quote-before-doctype-system-identifier")
            doctypeForceQuirks = true
            state = .bogusDoctype
        }
    }

    /// 13.2.5.59/60 DOCTYPE public identifier (double-/single-quoted) states and
    /// 13.2.5.65/66, their system identifier twins.
    mutating func doctypeIdentifierState(isPublic: Bool, quote: UInt8) {
        var value = (isPublic ? doctypePublicIdentifier : doctypeSystemIdentifier) ?? []
        setIdentifier(isPublic: isPublic, nil)  // keep `value` uniquely referenced
        while pos < end {
            let c = p[pos]
            switch c {
            case quote:
                pos += 1
                setIdentifier(isPublic: isPublic, value)
                state = isPublic ? .afterDoctypePublicIdentifier : .afterDoctypeSystemIdentifier
                return
            case 0:
                parseError("unexpected-null-character")
                value.append(contentsOf: replacementCharacterUTF8)
            case 0x3E:
                parseError(isPublic ? "abrupt-doctype-public-identifier" : "abrupt-doctype-system-identifier")
                setIdentifier(isPublic: isPublic, value)
                doctypeForceQuirks = true
                pos += 1
                state = .data
                return emitDoctype()
            default:
                value.append(c)
            }
            pos += 1
        }
        setIdentifier(isPublic: isPublic, value)
        eofInDoctype()
    }

    /// 13.2.5.61 After DOCTYPE public identifier state
    mutating func afterDoctypePublicIdentifierState() {
        guard pos < end else { return eofInDoctype() }
        let c = p[pos]
        switch c {
        case 0x09, 0x0A, 0x0C, 0x20:
            pos += 1
            state = .betweenDoctypePublicAndSystemIdentifiers
        case 0x3E:
            pos += 1
            state = .data
            emitDoctype()
        case 0x22, 0x27:
            parseError("missing-whitespace-between-doctype-public-and-system-identifiers")
            doctypeSystemIdentifier = []
            pos += 1
            state = quotedState(isPublic: false, quote: c)
        default:
            parseError("missing-quote-before-doctype-system-identifier")
            doctypeForceQuirks = true
            state = .bogusDoctype
        }
    }

    /// 13.2.5.62 Between DOCTYPE public and system identifiers state
    mutating func betweenDoctypeIdentifiersState() {
        while pos < end && isASCIIWhitespace(p[pos]) { pos += 1 }
        guard pos < end else { return eofInDoctype() }
        let c = p[pos]
        switch c {
        case 0x3E:
            pos += 1
            state = .data
            emitDoctype()
        case 0x22, 0x27:
            doctypeSystemIdentifier = []
            pos += 1
            state = quotedState(isPublic: false, quote: c)
        default:
            parseError("missing-quote-before-doctype-system-identifier")
            doctypeForceQuirks = true
            state = .bogusDoctype
        }
    }

    /// 13.2.5.67 After DOCTYPE system identifier state
    mutating func afterDoctypeSystemIdentifierState() {
        while pos < end && isASCIIWhitespace(p[pos]) { pos += 1 }
        guard pos < end else { return eofInDoctype() }
        if p[pos] == 0x3E {
            pos += 1
            state = .data
            emitDoctype()
        } else {
            // Unlike the other DOCTYPE errors, this one does not set force-quirks.
            parseError("unexpected-character-after-doctype-system-identifier")
            state = .bogusDoctype
        }
    }

    /// 13.2.5.68 Bogus DOCTYPE state
    mutating func bogusDoctypeState() {
        while pos < end {
            let c = p[pos]
            if c == 0x3E {
                pos += 1
                state = .data
                return emitDoctype()
            }
            if c == 0 {
                parseError("unexpected-null-character")
            }
            pos += 1
        }
        emitDoctype()
        emitEndOfFile()
    }
}
