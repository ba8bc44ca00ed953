/// The insertion modes up to the body: initial, before html, before head, in head,
/// in head noscript, after head (https://html.spec.whatwg.org/multipage/parsing.html#the-initial-insertion-mode
/// and the sections after it).
extension HTMLTreeBuilder {
    // https://html.spec.whatwg.org/multipage/parsing.html#the-initial-insertion-mode
    mutating func processInitial(_ token: TreeToken) -> TreeToken? {
        switch token {
        case .characters(let text):
            let rest = CharacterRuns.splitLeadingWhitespace(text).rest
            if rest.isEmpty { return nil }
            return initialAnythingElse(.characters(rest))
        case .comment(let text):
            insertComment(text, at: .append(to: sink.documentHandle))
            return nil
        case .doctype(let doctype):
            if DoctypeQuirks.isParseError(doctype) { parseError("unexpected-doctype") }
            sink.appendDoctype(name: doctype.name ?? "",
                               publicIdentifier: doctype.publicIdentifier ?? "",
                               systemIdentifier: doctype.systemIdentifier ?? "")
            setQuirksMode(DoctypeQuirks.mode(for: doctype))
            mode = .beforeHTML
            return nil
        default:
            return initialAnythingElse(token)
        }
    }

    private mutating func initialAnythingElse(_ token: TreeToken) -> TreeToken? {
        parseError("expected-doctype-but-got-other")
        setQuirksMode(.quirks)
        mode = .beforeHTML
        return token
    }

    private mutating func setQuirksMode(_ newMode: HTMLQuirksMode) {
        quirksMode = newMode
        sink.setQuirksMode(newMode)
    }

    // https://html.spec.whatwg.org/multipage/parsing.html#the-before-html-insertion-mode
    mutating func processBeforeHTML(_ token: TreeToken) -> TreeToken? {
        switch token {
        case .doctype:
            parseError("unexpected-doctype")
            return nil
        case .comment(let text):
            insertComment(text, at: .append(to: sink.documentHandle))
            return nil
        case .characters(let text):
            let rest = CharacterRuns.splitLeadingWhitespace(text).rest
            if rest.isEmpty { return nil }
            return beforeHTMLAnythingElse(.characters(rest))
        case .startTag(let tag) where tag.tag == .html:
            let html = makeElement(name: "html", tag: .html, namespace: .html, attributes: tag.attributes)
            sink.append(handle(of: html), to: sink.documentHandle)
            openElements.push(html)
            mode = .beforeHead
            return nil
        case .endTag(let tag):
            switch tag.tag {
            case .head, .body, .html, .br:
                return beforeHTMLAnythingElse(token)
            default:
                parseError("unexpected-end-tag")
                return nil
            }
        default:
            return beforeHTMLAnythingElse(token)
        }
    }

    private mutating func beforeHTMLAnythingElse(_ token: TreeToken) -> TreeToken? {
        let html = makeElement(name: "html", tag: .html, namespace: .html, attributes: [])
        sink.append(handle(of: html), to: sink.documentHandle)
        openElements.push(html)
        mode = .beforeHead
        return token
    }

    // https://html.spec.whatwg.org/multipage/parsing.html#the-before-head-insertion-mode
    mutating func processBeforeHead(_ token: TreeToken) -> TreeToken? {
        switch token {
        case .characters(let text):
            let rest = CharacterRuns.splitLeadingWhitespace(text).rest
            if rest.isEmpty { return nil }
            return beforeHeadAnythingElse(.characters(rest))
        case .comment(let text):
            insertComment(text)
            return nil
        case .doctype:
            parseError("unexpected-doctype")
            return nil
        case .startTag(let tag) where tag.tag == .html:
            return processInBody(token)
        case .startTag(let tag) where tag.tag == .head:
            headElement = insertHTMLElement(tag)
            mode = .inHead
            return nil
        case .endTag(let tag):
            switch tag.tag {
            case .head, .body, .html, .br:
                return beforeHeadAnythingElse(token)
            default:
                parseError("unexpected-end-tag")
                return nil
            }
        default:
            return beforeHeadAnythingElse(token)
        }
    }

    private mutating func beforeHeadAnythingElse(_ token: TreeToken) -> TreeToken? {
        headElement = insertHTMLElement(TagToken(synthesized: .head))
        mode = .inHead
        return token
    }

    // https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-inhead
    mutating func processInHead(_ token: TreeToken) -> TreeToken? {
        switch token {
        case .characters(let text):
            let (whitespace, rest) = CharacterRuns.splitLeadingWhitespace(text)
            insertText(whitespace)
            if rest.isEmpty { return nil }
            return inHeadAnythingElse(.characters(rest))
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
            case .base, .basefont, .bgsound, .link, .meta:
                insertVoidHTMLElement(tag)
                return nil
            case .title:
                parseGenericText(tag, state: .rcdata)
                return nil
            case .noscript where scripting:
                parseGenericText(tag, state: .rawtext)
                return nil
            case .noframes, .style:
                parseGenericText(tag, state: .rawtext)
                return nil
            case .noscript:
                insertHTMLElement(tag)
                mode = .inHeadNoscript
                return nil
            case .script:
                // The script element is inserted like any other; executing scripts is the
                // embedder's business, so the tree is what matters here.
                parseGenericText(tag, state: .scriptData)
                return nil
            case .template:
                insertHTMLElement(tag)
                activeFormatting.insertMarker()
                framesetOK = false
                mode = .inTemplate
                templateModes.append(.inTemplate)
                return nil
            case .head:
                parseError("unexpected-start-tag")
                return nil
            default:
                return inHeadAnythingElse(token)
            }
        case .endTag(let tag):
            switch tag.tag {
            case .head:
                openElements.pop()
                mode = .afterHead
                return nil
            case .body, .html, .br:
                return inHeadAnythingElse(token)
            case .template:
                closeTemplate()
                return nil
            default:
                parseError("unexpected-end-tag")
                return nil
            }
        case .endOfFile:
            return inHeadAnythingElse(token)
        }
    }

    private mutating func inHeadAnythingElse(_ token: TreeToken) -> TreeToken? {
        openElements.pop()
        mode = .afterHead
        return token
    }

    /// In head, `</template>`.
    private mutating func closeTemplate() {
        guard openElements.hasTemplate else {
            parseError("unexpected-end-tag")
            return
        }
        if let wrapperTemplateID, let last = openElements.lastIndex(ofHTML: .template),
           openElements[last].id == wrapperTemplateID {
            wrapperClosed = true
            return
        }
        generateAllImpliedEndTagsThoroughly()
        if !currentIs(.template) { parseError("end-tag-too-early") }
        openElements.popUntilPopped(.template)
        activeFormatting.clearToLastMarker()
        _ = templateModes.popLast()
        resetInsertionMode()
    }

    // https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-inheadnoscript
    mutating func processInHeadNoscript(_ token: TreeToken) -> TreeToken? {
        switch token {
        case .doctype:
            parseError("unexpected-doctype")
            return nil
        case .characters(let text):
            let (whitespace, rest) = CharacterRuns.splitLeadingWhitespace(text)
            if !whitespace.isEmpty { _ = processInHead(.characters(whitespace)) }
            if rest.isEmpty { return nil }
            return inHeadNoscriptAnythingElse(.characters(rest))
        case .comment:
            return processInHead(token)
        case .startTag(let tag):
            switch tag.tag {
            case .html:
                return processInBody(token)
            case .basefont, .bgsound, .link, .meta, .noframes, .style:
                return processInHead(token)
            case .head, .noscript:
                parseError("unexpected-start-tag")
                return nil
            default:
                return inHeadNoscriptAnythingElse(token)
            }
        case .endTag(let tag):
            switch tag.tag {
            case .noscript:
                openElements.pop()
                mode = .inHead
                return nil
            case .br:
                return inHeadNoscriptAnythingElse(token)
            default:
                parseError("unexpected-end-tag")
                return nil
            }
        case .endOfFile:
            return inHeadNoscriptAnythingElse(token)
        }
    }

    private mutating func inHeadNoscriptAnythingElse(_ token: TreeToken) -> TreeToken? {
        parseError("unexpected-token-in-head-noscript")
        openElements.pop()
        mode = .inHead
        return token
    }

    // https://html.spec.whatwg.org/multipage/parsing.html#the-after-head-insertion-mode
    mutating func processAfterHead(_ token: TreeToken) -> TreeToken? {
        switch token {
        case .characters(let text):
            let (whitespace, rest) = CharacterRuns.splitLeadingWhitespace(text)
            insertText(whitespace)
            if rest.isEmpty { return nil }
            return afterHeadAnythingElse(.characters(rest))
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
            case .body:
                insertHTMLElement(tag)
                framesetOK = false
                mode = .inBody
                return nil
            case .frameset:
                insertHTMLElement(tag)
                mode = .inFrameset
                return nil
            case .base, .basefont, .bgsound, .link, .meta, .noframes, .script, .style, .template, .title:
                parseError("unexpected-start-tag-out-of-my-head")
                guard let head = headElement else { return processInHead(token) }
                openElements.push(head)
                let result = processInHead(token)
                if let index = openElements.index(ofID: head.id) {
                    openElements.remove(at: index)
                }
                return result
            case .head:
                parseError("unexpected-start-tag")
                return nil
            default:
                return afterHeadAnythingElse(token)
            }
        case .endTag(let tag):
            switch tag.tag {
            case .template:
                return processInHead(token)
            case .body, .html, .br:
                return afterHeadAnythingElse(token)
            default:
                parseError("unexpected-end-tag")
                return nil
            }
        case .endOfFile:
            return afterHeadAnythingElse(token)
        }
    }

    private mutating func afterHeadAnythingElse(_ token: TreeToken) -> TreeToken? {
        insertHTMLElement(TagToken(synthesized: .body))
        mode = .inBody
        return token
    }
}
