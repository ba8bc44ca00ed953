extension HTMLTokenizer {
    /// The tokenizer states, named as in
    /// <https://html.spec.whatwg.org/multipage/parsing.html#tokenization> (13.2.5.1–13.2.5.80).
    enum State: UInt8 {
        case data, rcdata, rawtext, scriptData, plaintext
        case tagOpen, endTagOpen, tagName
        case rcdataLessThanSign, rcdataEndTagOpen, rcdataEndTagName
        case rawtextLessThanSign, rawtextEndTagOpen, rawtextEndTagName
        case scriptDataLessThanSign, scriptDataEndTagOpen, scriptDataEndTagName
        case scriptDataEscapeStart, scriptDataEscapeStartDash
        case scriptDataEscaped, scriptDataEscapedDash, scriptDataEscapedDashDash
        case scriptDataEscapedLessThanSign, scriptDataEscapedEndTagOpen, scriptDataEscapedEndTagName
        case scriptDataDoubleEscapeStart, scriptDataDoubleEscaped, scriptDataDoubleEscapedDash
        case scriptDataDoubleEscapedDashDash, scriptDataDoubleEscapedLessThanSign, scriptDataDoubleEscapeEnd
        case beforeAttributeName, attributeName, afterAttributeName, beforeAttributeValue
        case attributeValueDoubleQuoted, attributeValueSingleQuoted, attributeValueUnquoted
        case afterAttributeValueQuoted, selfClosingStartTag
        case bogusComment, markupDeclarationOpen
        case commentStart, commentStartDash, comment, commentLessThanSign, commentLessThanSignBang
        case commentLessThanSignBangDash, commentLessThanSignBangDashDash
        case commentEndDash, commentEnd, commentEndBang
        case doctype, beforeDoctypeName, doctypeName, afterDoctypeName
        case afterDoctypePublicKeyword, beforeDoctypePublicIdentifier
        case doctypePublicIdentifierDoubleQuoted, doctypePublicIdentifierSingleQuoted
        case afterDoctypePublicIdentifier, betweenDoctypePublicAndSystemIdentifiers
        case afterDoctypeSystemKeyword, beforeDoctypeSystemIdentifier
        case doctypeSystemIdentifierDoubleQuoted, doctypeSystemIdentifierSingleQuoted
        case afterDoctypeSystemIdentifier, bogusDoctype
        case cdataSection, cdataSectionBracket, cdataSectionEnd
        case characterReference, namedCharacterReference, ambiguousAmpersand
        case numericCharacterReference, hexadecimalCharacterReferenceStart
        case decimalCharacterReferenceStart, hexadecimalCharacterReference
        case decimalCharacterReference, numericCharacterReferenceEnd

        init(_ content: HTMLTokenizerContentState) {
            switch content {
            case .data: self = .data
            case .rcdata: self = .rcdata
            case .rawtext: self = .rawtext
            case .scriptData: self = .scriptData
            case .plaintext: self = .plaintext
            }
        }

        /// The content model a state belongs to (for reading ``HTMLTokenizer/contentState``).
        var contentState: HTMLTokenizerContentState {
            switch self {
            case .rcdata, .rcdataLessThanSign, .rcdataEndTagOpen, .rcdataEndTagName:
                return .rcdata
            case .rawtext, .rawtextLessThanSign, .rawtextEndTagOpen, .rawtextEndTagName:
                return .rawtext
            case .scriptData, .scriptDataLessThanSign, .scriptDataEndTagOpen, .scriptDataEndTagName,
                 .scriptDataEscapeStart, .scriptDataEscapeStartDash, .scriptDataEscaped,
                 .scriptDataEscapedDash, .scriptDataEscapedDashDash, .scriptDataEscapedLessThanSign,
                 .scriptDataEscapedEndTagOpen, .scriptDataEscapedEndTagName,
                 .scriptDataDoubleEscapeStart, .scriptDataDoubleEscaped, .scriptDataDoubleEscapedDash,
                 .scriptDataDoubleEscapedDashDash, .scriptDataDoubleEscapedLessThanSign,
                 .scriptDataDoubleEscapeEnd:
                return .scriptData
            case .plaintext:
                return .plaintext
            default:
                return .data
            }
        }

        var isAttributeValue: Bool {
            self == .attributeValueDoubleQuoted || self == .attributeValueSingleQuoted
                || self == .attributeValueUnquoted
        }
    }

    /// Runs the current state once. A state handler consumes at least one character or
    /// switches state, and may loop over a run of characters that keep it in place.
    @inline(__always)
    mutating func step() {
        switch state {
        case .data: dataState()
        case .rcdata: rcdataState()
        case .rawtext: rawtextState()
        case .scriptData: scriptDataState()
        case .plaintext: plaintextState()
        case .tagOpen: tagOpenState()
        case .endTagOpen: endTagOpenState()
        case .tagName: tagNameState()
        case .rcdataLessThanSign: textLessThanSignState(text: .rcdata, endTagOpen: .rcdataEndTagOpen)
        case .rcdataEndTagOpen: textEndTagOpenState(text: .rcdata, endTagName: .rcdataEndTagName)
        case .rcdataEndTagName: textEndTagNameState(text: .rcdata)
        case .rawtextLessThanSign: textLessThanSignState(text: .rawtext, endTagOpen: .rawtextEndTagOpen)
        case .rawtextEndTagOpen: textEndTagOpenState(text: .rawtext, endTagName: .rawtextEndTagName)
        case .rawtextEndTagName: textEndTagNameState(text: .rawtext)
        case .scriptDataLessThanSign: scriptDataLessThanSignState()
        case .scriptDataEndTagOpen: textEndTagOpenState(text: .scriptData, endTagName: .scriptDataEndTagName)
        case .scriptDataEndTagName: textEndTagNameState(text: .scriptData)
        case .scriptDataEscapeStart: scriptDataEscapeStartState()
        case .scriptDataEscapeStartDash: scriptDataEscapeStartDashState()
        case .scriptDataEscaped: scriptDataEscapedState()
        case .scriptDataEscapedDash: scriptDataEscapedDashState()
        case .scriptDataEscapedDashDash: scriptDataEscapedDashDashState()
        case .scriptDataEscapedLessThanSign: scriptDataEscapedLessThanSignState()
        case .scriptDataEscapedEndTagOpen:
            textEndTagOpenState(text: .scriptDataEscaped, endTagName: .scriptDataEscapedEndTagName)
        case .scriptDataEscapedEndTagName: textEndTagNameState(text: .scriptDataEscaped)
        case .scriptDataDoubleEscapeStart: scriptDataDoubleEscapeStartState()
        case .scriptDataDoubleEscaped: scriptDataDoubleEscapedState()
        case .scriptDataDoubleEscapedDash: scriptDataDoubleEscapedDashState()
        case .scriptDataDoubleEscapedDashDash: scriptDataDoubleEscapedDashDashState()
        case .scriptDataDoubleEscapedLessThanSign: scriptDataDoubleEscapedLessThanSignState()
        case .scriptDataDoubleEscapeEnd: scriptDataDoubleEscapeEndState()
        case .beforeAttributeName: beforeAttributeNameState()
        case .attributeName: attributeNameState()
        case .afterAttributeName: afterAttributeNameState()
        case .beforeAttributeValue: beforeAttributeValueState()
        case .attributeValueDoubleQuoted: quotedAttributeValueState(quote: 0x22)
        case .attributeValueSingleQuoted: quotedAttributeValueState(quote: 0x27)
        case .attributeValueUnquoted: unquotedAttributeValueState()
        case .afterAttributeValueQuoted: afterAttributeValueQuotedState()
        case .selfClosingStartTag: selfClosingStartTagState()
        case .bogusComment: bogusCommentState()
        case .markupDeclarationOpen: markupDeclarationOpenState()
        case .commentStart: commentStartState()
        case .commentStartDash: commentStartDashState()
        case .comment: commentState()
        case .commentLessThanSign: commentLessThanSignState()
        case .commentLessThanSignBang: commentLessThanSignBangState()
        case .commentLessThanSignBangDash: commentLessThanSignBangDashState()
        case .commentLessThanSignBangDashDash: commentLessThanSignBangDashDashState()
        case .commentEndDash: commentEndDashState()
        case .commentEnd: commentEndState()
        case .commentEndBang: commentEndBangState()
        case .doctype: doctypeState()
        case .beforeDoctypeName: beforeDoctypeNameState()
        case .doctypeName: doctypeNameState()
        case .afterDoctypeName: afterDoctypeNameState()
        case .afterDoctypePublicKeyword: afterDoctypeKeywordState(isPublic: true)
        case .beforeDoctypePublicIdentifier: beforeDoctypeIdentifierState(isPublic: true)
        case .doctypePublicIdentifierDoubleQuoted: doctypeIdentifierState(isPublic: true, quote: 0x22)
        case .doctypePublicIdentifierSingleQuoted: doctypeIdentifierState(isPublic: true, quote: 0x27)
        case .afterDoctypePublicIdentifier: afterDoctypePublicIdentifierState()
        case .betweenDoctypePublicAndSystemIdentifiers: betweenDoctypeIdentifiersState()
        case .afterDoctypeSystemKeyword: afterDoctypeKeywordState(isPublic: false)
        case .beforeDoctypeSystemIdentifier: beforeDoctypeIdentifierState(isPublic: false)
        case .doctypeSystemIdentifierDoubleQuoted: doctypeIdentifierState(isPublic: false, quote: 0x22)
        case .doctypeSystemIdentifierSingleQuoted: doctypeIdentifierState(isPublic: false, quote: 0x27)
        case .afterDoctypeSystemIdentifier: afterDoctypeSystemIdentifierState()
        case .bogusDoctype: bogusDoctypeState()
        case .cdataSection: cdataSectionState()
        case .cdataSectionBracket: cdataSectionBracketState()
        case .cdataSectionEnd: cdataSectionEndState()
        case .characterReference: characterReferenceState()
        case .namedCharacterReference: namedCharacterReferenceState()
        case .ambiguousAmpersand: ambiguousAmpersandState()
        case .numericCharacterReference: numericCharacterReferenceState()
        case .hexadecimalCharacterReferenceStart: hexadecimalCharacterReferenceStartState()
        case .decimalCharacterReferenceStart: decimalCharacterReferenceStartState()
        case .hexadecimalCharacterReference: hexadecimalCharacterReferenceState()
        case .decimalCharacterReference: decimalCharacterReferenceState()
        case .numericCharacterReferenceEnd: numericCharacterReferenceEndState()
        }
    }
}

// MARK: - Character classes (https://infra.spec.whatwg.org/#ascii-code-points)

@inline(__always) func isASCIIWhitespace(_ c: UInt8) -> Bool {
    // Tab, LF, FF, space; CR never reaches the tokenizer.
    c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0C
}

@inline(__always) func isASCIIAlpha(_ c: UInt8) -> Bool { (c | 0x20) &- 0x61 < 26 }
@inline(__always) func isASCIIUpperAlpha(_ c: UInt8) -> Bool { c &- 0x41 < 26 }
@inline(__always) func isASCIIDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }
@inline(__always) func isASCIIAlphanumeric(_ c: UInt8) -> Bool { isASCIIAlpha(c) || isASCIIDigit(c) }
@inline(__always) func asciiLowercased(_ c: UInt8) -> UInt8 { isASCIIUpperAlpha(c) ? c | 0x20 : c }
