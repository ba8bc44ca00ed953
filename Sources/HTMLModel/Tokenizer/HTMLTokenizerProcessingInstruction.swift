/// Processing instructions (`<?target data?>`), which the HTML standard added in 2026
/// (whatwg/html "Parse XML-style processing instructions"; states "processing instruction
/// open", "target", "after target", "data", "questionable") and Chromium ships: the
/// `parse-processing-instruction` corpus case pins Chromium 156's behaviour:
/// - the target starts with an ASCII letter or `_` and continues with ASCII alphanumerics,
///   `-` and `_`; its case is kept;
/// - a target of `xml` or `xml-stylesheet` (any case), or a target ended by any other
///   character (`<?a:b c?>`), falls back to the old bogus comment (`?target...`);
/// - whitespace after the target is skipped; the data runs to the first `>`, with a `?`
///   right before that `>` dropped (`<?t data > x` gives data `data `).
extension HTMLTokenizer {
    /// Called in the tag open state with `pos` on the `?`.
    mutating func processingInstructionOpenState() {
        let questionMark = pos
        pos += 1
        guard pos < end else {
            parseError("eof-in-processing-instruction")
            return emitEndOfFile()
        }
        let first = p[pos]
        guard isASCIIAlpha(first) || first == 0x5F else {
            parseError("invalid-first-character-of-processing-instruction-target")
            return fallBackToBogusComment(from: questionMark)
        }
        let targetStart = pos
        while pos < end, isASCIIAlphanumeric(p[pos]) || p[pos] == 0x2D || p[pos] == 0x5F { pos += 1 }
        guard pos < end else {
            parseError("eof-in-processing-instruction")
            return fallBackToBogusComment(from: questionMark)
        }
        switch p[pos] {
        case 0x09, 0x0A, 0x0C, 0x20, 0x3F, 0x3E:
            let target = String(decoding: UnsafeBufferPointer(rebasing: p[targetStart..<pos]), as: UTF8.self)
            let lower = target.lowercased()
            if lower == "xml" || lower == "xml-stylesheet" {
                parseError("disallowed-processing-instruction-target")
                return fallBackToBogusComment(from: questionMark)
            }
            processingInstructionData(target: target)
        default:
            parseError("invalid-processing-instruction-target")
            fallBackToBogusComment(from: questionMark)
        }
    }

    /// "Convert the temporary buffer to a comment" (`?` and the target so far) and go on in
    /// the bogus comment state from the current character.
    private mutating func fallBackToBogusComment(from questionMark: Int) {
        beginComment()
        commentData.append(p, from: questionMark, to: pos)
        state = .bogusComment
    }

    private mutating func processingInstructionData(target: String) {
        // After processing instruction target state: skip whitespace.
        while pos < end, p[pos] == 0x09 || p[pos] == 0x0A || p[pos] == 0x0C || p[pos] == 0x20 { pos += 1 }
        var data = ByteAccumulator()
        while pos < end {
            let start = pos
            pos = scan(p, from: pos, end: end, for: 0x3E, 0x3F, 0)
            data.append(p, from: start, to: pos)
            guard pos < end else { break }
            switch p[pos] {
            case 0x3E:
                pos += 1
                state = .data
                return emit(.processingInstruction(target: target, data: data.makeString(p)))
            case 0x3F:
                // Questionable state: `?>` ends the instruction, another `?` is data.
                if pos + 1 < end, p[pos + 1] == 0x3E {
                    pos += 2
                    state = .data
                    return emit(.processingInstruction(target: target, data: data.makeString(p)))
                }
                data.append(p, byte: 0x3F)
                pos += 1
            default:
                parseError("unexpected-null-character")
                data.append(p, scalar: 0xFFFD)
                pos += 1
            }
        }
        parseError("eof-in-processing-instruction")
        emit(.processingInstruction(target: target, data: data.makeString(p)))
        emitEndOfFile()
    }
}
