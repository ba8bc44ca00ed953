/// after body, in frameset, after frameset, after after body, after after frameset
/// (https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-afterbody and after).
extension HTMLTreeBuilder {
    // https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-afterbody
    mutating func processAfterBody(_ token: TreeToken) -> TreeToken? {
        switch token {
        case .characters(let text):
            let (whitespace, rest) = CharacterRuns.splitLeadingWhitespace(text)
            if !whitespace.isEmpty { _ = processInBody(.characters(whitespace)) }
            if rest.isEmpty { return nil }
            return afterBodyAnythingElse(.characters(rest))
        case .comment(let text):
            // As the last child of the html element.
            guard !openElements.isEmpty else { return nil }
            insertComment(text, at: .append(to: handle(of: openElements[0])))
            return nil
        case .doctype:
            parseError("unexpected-doctype")
            return nil
        case .startTag(let tag) where tag.tag == .html:
            return processInBody(token)
        case .endTag(let tag) where tag.tag == .html:
            if isFragmentCase {
                parseError("unexpected-end-tag")
                return nil
            }
            mode = .afterAfterBody
            return nil
        case .endOfFile:
            return nil
        default:
            return afterBodyAnythingElse(token)
        }
    }

    private mutating func afterBodyAnythingElse(_ token: TreeToken) -> TreeToken? {
        parseError("unexpected-token-after-body")
        mode = .inBody
        return token
    }

    // https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-inframeset
    mutating func processInFrameset(_ token: TreeToken) -> TreeToken? {
        switch token {
        case .characters(let text):
            insertText(CharacterRuns.whitespaceOnly(text))
            return nil
        case .comment(let text):
            insertComment(text)
            return nil
        case .doctype:
            parseError("unexpected-doctype")
            return nil
        case .startTag(let tag):
            switch tag.tag {
            case .html:
                return processInBody(token)
            case .frameset:
                insertHTMLElement(tag)
                return nil
            case .frame:
                insertVoidHTMLElement(tag)
                return nil
            case .noframes:
                return processInHead(token)
            default:
                parseError("unexpected-start-tag-in-frameset")
                return nil
            }
        case .endTag(let tag) where tag.tag == .frameset:
            guard openElements.count > 1 else {
                parseError("unexpected-end-tag")
                return nil
            }
            openElements.pop()
            if !isFragmentCase && !currentIs(.frameset) { mode = .afterFrameset }
            return nil
        case .endTag:
            parseError("unexpected-end-tag-in-frameset")
            return nil
        case .endOfFile:
            if openElements.count > 1 { parseError("eof-in-frameset") }
            return nil
        }
    }

    // https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-afterframeset
    mutating func processAfterFrameset(_ token: TreeToken) -> TreeToken? {
        switch token {
        case .characters(let text):
            insertText(CharacterRuns.whitespaceOnly(text))
            return nil
        case .comment(let text):
            insertComment(text)
            return nil
        case .doctype:
            parseError("unexpected-doctype")
            return nil
        case .startTag(let tag) where tag.tag == .html:
            return processInBody(token)
        case .startTag(let tag) where tag.tag == .noframes:
            return processInHead(token)
        case .endTag(let tag) where tag.tag == .html:
            mode = .afterAfterFrameset
            return nil
        case .endOfFile:
            return nil
        default:
            parseError("unexpected-token-after-frameset")
            return nil
        }
    }

    // https://html.spec.whatwg.org/multipage/parsing.html#the-after-after-body-insertion-mode
    mutating func processAfterAfterBody(_ token: TreeToken) -> TreeToken? {
        switch token {
        case .comment(let text):
            insertComment(text, at: .append(to: sink.documentHandle))
            return nil
        case .doctype:
            return processInBody(token)
        case .characters(let text):
            let (whitespace, rest) = CharacterRuns.splitLeadingWhitespace(text)
            if !whitespace.isEmpty { _ = processInBody(.characters(whitespace)) }
            if rest.isEmpty { return nil }
            parseError("unexpected-char-after-body")
            mode = .inBody
            return .characters(rest)
        case .startTag(let tag) where tag.tag == .html:
            return processInBody(token)
        case .endOfFile:
            return nil
        default:
            parseError("unexpected-token-after-body")
            mode = .inBody
            return token
        }
    }

    // https://html.spec.whatwg.org/multipage/parsing.html#the-after-after-frameset-insertion-mode
    mutating func processAfterAfterFrameset(_ token: TreeToken) -> TreeToken? {
        switch token {
        case .comment(let text):
            insertComment(text, at: .append(to: sink.documentHandle))
            return nil
        case .doctype:
            return processInBody(token)
        case .characters(let text):
            let whitespace = CharacterRuns.whitespaceOnly(text)
            if !whitespace.isEmpty { _ = processInBody(.characters(whitespace)) }
            return nil
        case .startTag(let tag) where tag.tag == .html:
            return processInBody(token)
        case .startTag(let tag) where tag.tag == .noframes:
            return processInHead(token)
        case .endOfFile:
            return nil
        default:
            parseError("unexpected-token-after-frameset")
            return nil
        }
    }
}
