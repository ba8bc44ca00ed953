/// Token emission, the pending character run, and parse-error bookkeeping.
extension HTMLTokenizer {
    // MARK: Character run

    /// Adds the input characters `from ..< to` to the run.
    @inline(__always)
    mutating func emitText(from: Int, to: Int) {
        text.append(p, from: from, to: to)
    }

    /// Adds characters that are not a slice of the input (decoded references, U+FFFD).
    @inline(__always)
    mutating func emitTextBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        text.append(p, bytes: bytes)
    }

    @inline(__always)
    mutating func emitReplacementCharacter() {
        text.append(p, scalar: 0xFFFD)
    }

    // MARK: Tokens

    /// Hands `token` to `nextToken()`, after the character run that precedes it.
    mutating func emit(_ token: consuming HTMLToken) {
        if text.isEmpty {
            result = token
        } else {
            result = .characters(text.makeString(p))
            text.reset()
            pending = token
        }
    }

    /// "Emit an end-of-file token". Some states emit a comment or doctype right before;
    /// that token is then already queued and `nextToken()` yields `.endOfFile` after it.
    mutating func emitEndOfFile() {
        endedInDataState = state == .data
        flushInputErrors(upTo: Int.max)
        if result == nil {
            emit(.endOfFile)
        }
        finished = true
    }

    mutating func emitCurrentTag() {
        finishAttribute()
        let name = tagName.makeName(p)
        if tagIsEnd {
            // Reported at the `>` just consumed, as html5lib expects.
            if attributeCount > 0 { parseError("end-tag-with-attributes", at: pos - 1) }
            if selfClosing { parseError("end-tag-with-trailing-solidus", at: pos - 1) }
            attributes = []
            emit(.endTag(name: name))
        } else {
            lastStartTagName = name
            let tagAttributes = attributes
            attributes = []
            emit(.startTag(name: name, attributes: tagAttributes, selfClosing: selfClosing))
        }
    }

    mutating func emitComment() {
        emit(.comment(commentData.makeString(p)))
    }

    mutating func emitDoctype() {
        emit(.doctype(HTMLDoctypeToken(
            name: doctypeName.map { String(decoding: $0, as: UTF8.self) },
            publicIdentifier: doctypePublicIdentifier.map { String(decoding: $0, as: UTF8.self) },
            systemIdentifier: doctypeSystemIdentifier.map { String(decoding: $0, as: UTF8.self) },
            forceQuirks: doctypeForceQuirks
        )))
    }

    // MARK: Token construction

    mutating func beginTag(isEnd: Bool) {
        tagIsEnd = isEnd
        tagName.reset()
        selfClosing = false
        if !attributes.isEmpty { attributes = [] }
        attributeNameSet = nil
        attributeCount = 0
        hasCurrentAttribute = false
    }

    mutating func beginAttribute() {
        finishAttribute()
        hasCurrentAttribute = true
        attributeCount += 1
        attributeName.reset()
        attributeValue.reset()
        attributeIsDuplicate = false
    }

    /// Run when leaving the attribute name state: a name already on the tag is a
    /// duplicate-attribute error and the new attribute is dropped (the first one wins).
    /// <https://html.spec.whatwg.org/multipage/parsing.html#attribute-name-state>
    mutating func finishAttributeName() {
        let name = attributeName.makeName(p)
        let isDuplicate: Bool
        if attributeNameSet != nil {
            isDuplicate = attributeNameSet?.contains(name) ?? false
        } else if attributes.count < 16 {
            isDuplicate = attributes.contains { $0.name == name }
        } else {
            attributeNameSet = Set(attributes.map(\.name))
            isDuplicate = attributeNameSet?.contains(name) ?? false
        }
        if isDuplicate {
            parseError("duplicate-attribute")
            attributeIsDuplicate = true
        }
        attributeNameString = name
    }

    mutating func finishAttribute() {
        guard hasCurrentAttribute else { return }
        hasCurrentAttribute = false
        // End tags collect attributes too (for duplicate-attribute errors); emitCurrentTag
        // drops them.
        if !attributeIsDuplicate {
            // Most tags have few attributes: one allocation instead of growing 1, 2, 4.
            if attributes.capacity == 0 { attributes.reserveCapacity(4) }
            attributes.append(HTMLAttribute(
                name: attributeNameString, value: attributeValue.makeString(p)))
            attributeNameSet?.insert(attributeNameString)
        }
    }

    mutating func beginComment() {
        commentData.reset()
    }

    mutating func beginDoctype() {
        doctypeName = nil
        doctypePublicIdentifier = nil
        doctypeSystemIdentifier = nil
        doctypeForceQuirks = false
    }

    // MARK: Diagnostics

    /// Records a parse error at the current input character (or `offset`).
    mutating func parseError(_ code: String, at offset: Int? = nil) {
        let at = min(offset ?? pos, end)
        flushInputErrors(upTo: at + 1)
        appendDiagnostic(code, at: at)
    }

    /// Reports preprocessing errors (controls, noncharacters) for characters before `offset`.
    @inline(__always)
    mutating func flushInputErrors(upTo offset: Int) {
        if nextInputError < inputErrors.count && inputErrors[nextInputError].offset < offset {
            flushInputErrorsSlow(upTo: offset)
        }
    }

    private mutating func flushInputErrorsSlow(upTo offset: Int) {
        while nextInputError < inputErrors.count && inputErrors[nextInputError].offset < offset {
            let error = inputErrors[nextInputError]
            nextInputError += 1
            appendDiagnostic(error.code, at: error.offset)
        }
    }
}

let replacementCharacterUTF8: [UInt8] = [0xEF, 0xBF, 0xBD]
