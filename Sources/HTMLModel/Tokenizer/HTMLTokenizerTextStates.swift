/// The text states: data, RCDATA, RAWTEXT, script data (with its escaped and double-escaped
/// sub-states), PLAINTEXT and the "appropriate end tag" states shared by the first four.
/// <https://html.spec.whatwg.org/multipage/parsing.html#data-state> through
/// <https://html.spec.whatwg.org/multipage/parsing.html#script-data-double-escape-end-state>.
extension HTMLTokenizer {
    /// Scans from `pos` to the first byte that is NUL, `stop1` or `stop2`, emitting the run.
    @inline(__always)
    private mutating func emitRun(stop1: UInt8, stop2: UInt8) {
        let i = scan(p, from: pos, end: end, for: stop1, stop2, 0)
        emitText(from: pos, to: i)
        pos = i
    }

    /// 13.2.5.1 Data state
    mutating func dataState() {
        emitRun(stop1: 0x3C, stop2: 0x26)
        guard pos < end else { return emitEndOfFile() }
        switch p[pos] {
        case 0x26:  // &
            characterReferenceStart = pos
            returnState = .data
            state = .characterReference
            pos += 1
        case 0x3C:  // <
            pos += 1
            state = .tagOpen
        default:  // NUL: emitted as is; the tree builder decides
            parseError("unexpected-null-character")
            emitText(from: pos, to: pos + 1)
            pos += 1
        }
    }

    /// 13.2.5.2 RCDATA state
    mutating func rcdataState() {
        emitRun(stop1: 0x3C, stop2: 0x26)
        guard pos < end else { return emitEndOfFile() }
        switch p[pos] {
        case 0x26:
            characterReferenceStart = pos
            returnState = .rcdata
            state = .characterReference
            pos += 1
        case 0x3C:
            pos += 1
            state = .rcdataLessThanSign
        default:
            nullInText()
        }
    }

    /// 13.2.5.3 RAWTEXT state
    mutating func rawtextState() {
        emitRun(stop1: 0x3C, stop2: 0x3C)
        guard pos < end else { return emitEndOfFile() }
        if p[pos] == 0x3C {
            pos += 1
            state = .rawtextLessThanSign
        } else {
            nullInText()
        }
    }

    /// 13.2.5.4 Script data state
    mutating func scriptDataState() {
        emitRun(stop1: 0x3C, stop2: 0x3C)
        guard pos < end else { return emitEndOfFile() }
        if p[pos] == 0x3C {
            pos += 1
            state = .scriptDataLessThanSign
        } else {
            nullInText()
        }
    }

    /// 13.2.5.5 PLAINTEXT state
    mutating func plaintextState() {
        emitRun(stop1: 0, stop2: 0)
        guard pos < end else { return emitEndOfFile() }
        nullInText()
    }

    /// U+0000 outside the data state: a parse error, emitted as U+FFFD.
    @inline(__always)
    private mutating func nullInText() {
        parseError("unexpected-null-character")
        emitReplacementCharacter()
        pos += 1
    }

    // MARK: End tags inside text (RCDATA, RAWTEXT, script data, script data escaped)

    /// 13.2.5.9 RCDATA less-than sign state, 13.2.5.12 RAWTEXT less-than sign state.
    mutating func textLessThanSignState(text: State, endTagOpen: State) {
        if pos < end && p[pos] == 0x2F {  // /
            temporaryStart = pos - 1
            pos += 1
            state = endTagOpen
        } else {
            emitText(from: pos - 1, to: pos)  // the <
            state = text
        }
    }

    /// 13.2.5.10 RCDATA end tag open state (and its RAWTEXT, script data and script data
    /// escaped twins): a letter starts a candidate end tag, anything else was text.
    mutating func textEndTagOpenState(text: State, endTagName: State) {
        if pos < end && isASCIIAlpha(p[pos]) {
            beginTag(isEnd: true)
            state = endTagName
        } else {
            emitText(from: temporaryStart, to: pos)  // "</"
            state = text
        }
    }

    /// 13.2.5.11 RCDATA end tag name state (and twins). Only an "appropriate end tag" (same
    /// name as the last start tag) ends the text; otherwise `</name` was text all along.
    mutating func textEndTagNameState(text: State) {
        while pos < end {
            let c = p[pos]
            if isASCIIAlpha(c) {
                if isASCIIUpperAlpha(c) {
                    tagName.append(p, byte: c | 0x20)
                } else {
                    tagName.append(p, from: pos, to: pos + 1)
                }
                pos += 1
                continue
            }
            if isAppropriateEndTag() {
                if isASCIIWhitespace(c) {
                    pos += 1
                    state = .beforeAttributeName
                    return
                }
                if c == 0x2F {
                    pos += 1
                    state = .selfClosingStartTag
                    return
                }
                if c == 0x3E {
                    pos += 1
                    state = .data
                    emitCurrentTag()
                    return
                }
            }
            break
        }
        emitText(from: temporaryStart, to: pos)  // "</" + the temporary buffer
        state = text
    }

    /// "An appropriate end tag token is an end tag token whose tag name matches the tag name
    /// of the last start tag to have been emitted from this tokenizer, if any."
    private func isAppropriateEndTag() -> Bool {
        guard let name = lastStartTagName else { return false }
        return name.withUTF8Bytes { tagName.equals($0, p) }
    }

    // MARK: Script data escapes

    /// 13.2.5.15 Script data less-than sign state
    mutating func scriptDataLessThanSignState() {
        if pos < end && p[pos] == 0x2F {
            temporaryStart = pos - 1
            pos += 1
            state = .scriptDataEndTagOpen
        } else if pos < end && p[pos] == 0x21 {  // !
            emitText(from: pos - 1, to: pos + 1)  // "<!"
            pos += 1
            state = .scriptDataEscapeStart
        } else {
            emitText(from: pos - 1, to: pos)
            state = .scriptData
        }
    }

    /// 13.2.5.18 Script data escape start state
    mutating func scriptDataEscapeStartState() {
        if pos < end && p[pos] == 0x2D {
            emitText(from: pos, to: pos + 1)
            pos += 1
            state = .scriptDataEscapeStartDash
        } else {
            state = .scriptData
        }
    }

    /// 13.2.5.19 Script data escape start dash state
    mutating func scriptDataEscapeStartDashState() {
        if pos < end && p[pos] == 0x2D {
            emitText(from: pos, to: pos + 1)
            pos += 1
            state = .scriptDataEscapedDashDash
        } else {
            state = .scriptData
        }
    }

    /// 13.2.5.20 Script data escaped state
    mutating func scriptDataEscapedState() {
        emitRun(stop1: 0x2D, stop2: 0x3C)
        guard pos < end else {
            parseError("eof-in-script-html-comment-like-text")
            return emitEndOfFile()
        }
        switch p[pos] {
        case 0x2D:
            emitText(from: pos, to: pos + 1)
            pos += 1
            state = .scriptDataEscapedDash
        case 0x3C:
            pos += 1
            state = .scriptDataEscapedLessThanSign
        default:
            nullInText()
        }
    }

    /// 13.2.5.21 Script data escaped dash state and 13.2.5.22 script data escaped dash dash
    /// state (they differ only in whether `-` and `>` are special).
    private mutating func scriptDataEscapedDashStates(afterTwoDashes: Bool) {
        guard pos < end else {
            parseError("eof-in-script-html-comment-like-text")
            return emitEndOfFile()
        }
        switch p[pos] {
        case 0x2D:
            emitText(from: pos, to: pos + 1)
            pos += 1
            state = .scriptDataEscapedDashDash
        case 0x3C:
            pos += 1
            state = .scriptDataEscapedLessThanSign
        case 0x3E where afterTwoDashes:
            emitText(from: pos, to: pos + 1)
            pos += 1
            state = .scriptData
        case 0:
            state = .scriptDataEscaped
            nullInText()
        default:
            emitText(from: pos, to: pos + 1)
            pos += 1
            state = .scriptDataEscaped
        }
    }

    mutating func scriptDataEscapedDashState() { scriptDataEscapedDashStates(afterTwoDashes: false) }
    mutating func scriptDataEscapedDashDashState() { scriptDataEscapedDashStates(afterTwoDashes: true) }

    /// 13.2.5.23 Script data escaped less-than sign state
    mutating func scriptDataEscapedLessThanSignState() {
        if pos < end && p[pos] == 0x2F {
            temporaryStart = pos - 1
            pos += 1
            state = .scriptDataEscapedEndTagOpen
        } else if pos < end && isASCIIAlpha(p[pos]) {
            temporaryBuffer.removeAll(keepingCapacity: true)
            emitText(from: pos - 1, to: pos)
            state = .scriptDataDoubleEscapeStart
        } else {
            emitText(from: pos - 1, to: pos)
            state = .scriptDataEscaped
        }
    }

    /// 13.2.5.26 Script data double escape start state (and 13.2.5.32, the double escape
    /// end state, its mirror image): `<script` followed by a delimiter toggles the escape.
    private mutating func scriptDataDoubleEscapeToggle(ifScript: State, otherwise: State) {
        while pos < end {
            let c = p[pos]
            if isASCIIAlpha(c) {
                temporaryBuffer.append(c | 0x20)
                emitText(from: pos, to: pos + 1)
                pos += 1
                continue
            }
            if isASCIIWhitespace(c) || c == 0x2F || c == 0x3E {
                state = temporaryBuffer == scriptBytes ? ifScript : otherwise
                emitText(from: pos, to: pos + 1)
                pos += 1
                return
            }
            break
        }
        state = otherwise
    }

    mutating func scriptDataDoubleEscapeStartState() {
        scriptDataDoubleEscapeToggle(ifScript: .scriptDataDoubleEscaped, otherwise: .scriptDataEscaped)
    }

    mutating func scriptDataDoubleEscapeEndState() {
        scriptDataDoubleEscapeToggle(ifScript: .scriptDataEscaped, otherwise: .scriptDataDoubleEscaped)
    }

    /// 13.2.5.27 Script data double escaped state
    mutating func scriptDataDoubleEscapedState() {
        emitRun(stop1: 0x2D, stop2: 0x3C)
        guard pos < end else {
            parseError("eof-in-script-html-comment-like-text")
            return emitEndOfFile()
        }
        switch p[pos] {
        case 0x2D:
            emitText(from: pos, to: pos + 1)
            pos += 1
            state = .scriptDataDoubleEscapedDash
        case 0x3C:
            emitText(from: pos, to: pos + 1)
            pos += 1
            state = .scriptDataDoubleEscapedLessThanSign
        default:
            nullInText()
        }
    }

    /// 13.2.5.28 Script data double escaped dash state and 13.2.5.29 ... dash dash state.
    private mutating func scriptDataDoubleEscapedDashStates(afterTwoDashes: Bool) {
        guard pos < end else {
            parseError("eof-in-script-html-comment-like-text")
            return emitEndOfFile()
        }
        switch p[pos] {
        case 0x2D:
            emitText(from: pos, to: pos + 1)
            pos += 1
            state = .scriptDataDoubleEscapedDashDash
        case 0x3C:
            emitText(from: pos, to: pos + 1)
            pos += 1
            state = .scriptDataDoubleEscapedLessThanSign
        case 0x3E where afterTwoDashes:
            emitText(from: pos, to: pos + 1)
            pos += 1
            state = .scriptData
        case 0:
            state = .scriptDataDoubleEscaped
            nullInText()
        default:
            emitText(from: pos, to: pos + 1)
            pos += 1
            state = .scriptDataDoubleEscaped
        }
    }

    mutating func scriptDataDoubleEscapedDashState() { scriptDataDoubleEscapedDashStates(afterTwoDashes: false) }
    mutating func scriptDataDoubleEscapedDashDashState() { scriptDataDoubleEscapedDashStates(afterTwoDashes: true) }

    /// 13.2.5.30 Script data double escaped less-than sign state
    mutating func scriptDataDoubleEscapedLessThanSignState() {
        if pos < end && p[pos] == 0x2F {
            temporaryBuffer.removeAll(keepingCapacity: true)
            emitText(from: pos, to: pos + 1)
            pos += 1
            state = .scriptDataDoubleEscapeEnd
        } else {
            state = .scriptDataDoubleEscaped
        }
    }
}

private let scriptBytes: [UInt8] = Array("script".utf8)
