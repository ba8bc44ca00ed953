/// Markup declarations, comments, bogus comments and CDATA sections.
/// <https://html.spec.whatwg.org/multipage/parsing.html#bogus-comment-state> through
/// <https://html.spec.whatwg.org/multipage/parsing.html#comment-end-bang-state>, and
/// <https://html.spec.whatwg.org/multipage/parsing.html#cdata-section-state> onwards.
extension HTMLTokenizer {
    /// 13.2.5.41 Bogus comment state
    mutating func bogusCommentState() {
        while true {
            let start = pos
            pos = scan(p, from: pos, end: end, for: 0x3E, 0, 0)
            commentData.append(p, from: start, to: pos)
            guard pos < end else { break }
            if p[pos] == 0x3E {
                pos += 1
                state = .data
                return emitComment()
            }
            parseError("unexpected-null-character")
            commentData.append(p, scalar: 0xFFFD)
            pos += 1
        }
        emitComment()
        emitEndOfFile()
    }

    /// 13.2.5.42 Markup declaration open state
    mutating func markupDeclarationOpenState() {
        if matches("--", caseInsensitive: false) {
            pos += 2
            beginComment()
            state = .commentStart
        } else if matches("doctype", caseInsensitive: true) {
            pos += 7
            state = .doctype
        } else if matches("[CDATA[", caseInsensitive: false) {
            pos += 7
            if allowsCDATA {
                state = .cdataSection
            } else {
                parseError("cdata-in-html-content", at: pos - 1)
                beginComment()
                commentData.append(p, from: pos - 7, to: pos)  // "[CDATA["
                state = .bogusComment
            }
        } else {
            parseError("incorrectly-opened-comment")
            beginComment()
            state = .bogusComment
        }
    }

    /// Whether the input at `pos` starts with `literal` (ASCII; lower-case when
    /// `caseInsensitive`).
    private func matches(_ literal: StaticString, caseInsensitive: Bool) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard end - pos >= count else { return false }
        let bytes = literal.utf8Start
        for k in 0 ..< count {
            let c = caseInsensitive ? asciiLowercased(p[pos + k]) : p[pos + k]
            if c != bytes[k] { return false }
        }
        return true
    }

    /// 13.2.5.43 Comment start state
    mutating func commentStartState() {
        if pos < end && p[pos] == 0x2D {
            pos += 1
            state = .commentStartDash
        } else if pos < end && p[pos] == 0x3E {
            parseError("abrupt-closing-of-empty-comment")
            pos += 1
            state = .data
            emitComment()
        } else {
            state = .comment
        }
    }

    /// 13.2.5.44 Comment start dash state
    mutating func commentStartDashState() {
        guard pos < end else {
            parseError("eof-in-comment")
            emitComment()
            return emitEndOfFile()
        }
        switch p[pos] {
        case 0x2D:
            pos += 1
            state = .commentEnd
        case 0x3E:
            parseError("abrupt-closing-of-empty-comment")
            pos += 1
            state = .data
            emitComment()
        default:
            commentData.append(p, byte: 0x2D)
            state = .comment
        }
    }

    /// 13.2.5.45 Comment state
    mutating func commentState() {
        while true {
            let start = pos
            pos = scan(p, from: pos, end: end, for: 0x3C, 0x2D, 0)
            commentData.append(p, from: start, to: pos)
            guard pos < end else { break }
            switch p[pos] {
            case 0x3C:
                commentData.append(p, from: pos, to: pos + 1)
                pos += 1
                state = .commentLessThanSign
                return
            case 0x2D:
                pos += 1
                state = .commentEndDash
                return
            default:
                parseError("unexpected-null-character")
                commentData.append(p, scalar: 0xFFFD)
                pos += 1
            }
        }
        parseError("eof-in-comment")
        emitComment()
        emitEndOfFile()
    }

    /// 13.2.5.46 Comment less-than sign state
    mutating func commentLessThanSignState() {
        if pos < end && p[pos] == 0x21 {
            commentData.append(p, from: pos, to: pos + 1)
            pos += 1
            state = .commentLessThanSignBang
        } else if pos < end && p[pos] == 0x3C {
            commentData.append(p, from: pos, to: pos + 1)
            pos += 1
        } else {
            state = .comment
        }
    }

    /// 13.2.5.47 Comment less-than sign bang state
    mutating func commentLessThanSignBangState() {
        if pos < end && p[pos] == 0x2D {
            pos += 1
            state = .commentLessThanSignBangDash
        } else {
            state = .comment
        }
    }

    /// 13.2.5.48 Comment less-than sign bang dash state
    mutating func commentLessThanSignBangDashState() {
        if pos < end && p[pos] == 0x2D {
            pos += 1
            state = .commentLessThanSignBangDashDash
        } else {
            state = .commentEndDash
        }
    }

    /// 13.2.5.49 Comment less-than sign bang dash dash state: `<!--` inside a comment.
    mutating func commentLessThanSignBangDashDashState() {
        if pos < end && p[pos] != 0x3E {
            parseError("nested-comment")
        }
        state = .commentEnd
    }

    /// 13.2.5.50 Comment end dash state
    mutating func commentEndDashState() {
        guard pos < end else {
            parseError("eof-in-comment")
            emitComment()
            return emitEndOfFile()
        }
        if p[pos] == 0x2D {
            pos += 1
            state = .commentEnd
        } else {
            commentData.append(p, byte: 0x2D)
            state = .comment
        }
    }

    /// 13.2.5.51 Comment end state
    mutating func commentEndState() {
        while pos < end {
            switch p[pos] {
            case 0x3E:
                pos += 1
                state = .data
                return emitComment()
            case 0x21:
                pos += 1
                state = .commentEndBang
                return
            case 0x2D:
                commentData.append(p, byte: 0x2D)
                pos += 1
            default:
                commentData.append(p, bytes: dashDash)
                state = .comment
                return
            }
        }
        parseError("eof-in-comment")
        emitComment()
        emitEndOfFile()
    }

    /// 13.2.5.52 Comment end bang state
    mutating func commentEndBangState() {
        guard pos < end else {
            parseError("eof-in-comment")
            emitComment()
            return emitEndOfFile()
        }
        switch p[pos] {
        case 0x2D:
            commentData.append(p, bytes: dashDashBang)
            pos += 1
            state = .commentEndDash
        case 0x3E:
            parseError("incorrectly-closed-comment")
            pos += 1
            state = .data
            emitComment()
        default:
            commentData.append(p, bytes: dashDashBang)
            state = .comment
        }
    }

    // MARK: CDATA

    /// 13.2.5.69 CDATA section state
    mutating func cdataSectionState() {
        let i = scan(p, from: pos, end: end, for: 0x5D, 0x5D, 0x5D)
        emitText(from: pos, to: i)
        pos = i
        guard pos < end else {
            parseError("eof-in-cdata")
            return emitEndOfFile()
        }
        pos += 1
        state = .cdataSectionBracket
    }

    /// 13.2.5.70 CDATA section bracket state
    mutating func cdataSectionBracketState() {
        if pos < end && p[pos] == 0x5D {
            pos += 1
            state = .cdataSectionEnd
        } else {
            emitText(from: pos - 1, to: pos)  // the ]
            state = .cdataSection
        }
    }

    /// 13.2.5.71 CDATA section end state
    mutating func cdataSectionEndState() {
        if pos < end && p[pos] == 0x5D {
            emitText(from: pos - 2, to: pos - 1)  // one ], keeping the last two pending
            pos += 1
        } else if pos < end && p[pos] == 0x3E {
            pos += 1
            state = .data
        } else {
            emitText(from: pos - 2, to: pos)  // "]]"
            state = .cdataSection
        }
    }
}

private let dashDash: [UInt8] = [0x2D, 0x2D]
private let dashDashBang: [UInt8] = [0x2D, 0x2D, 0x21]
