/// "in body": characters, comments, end of file and end tags
/// (https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-inbody). Start tags
/// are in `InBodyStartTags.swift`.
extension HTMLTreeBuilder {
    mutating func processInBody(_ token: TreeToken) -> TreeToken? {
        switch token {
        case .characters(let run):
            var text = run
            if CharacterRuns.containsNull(text) {
                parseError("unexpected-null-character")
                text = CharacterRuns.removingNulls(text)
                if text.isEmpty { return nil }
            }
            reconstructActiveFormattingElements()
            insertText(text)
            if CharacterRuns.hasNonWhitespaceNonNull(text) { framesetOK = false }
            return nil
        case .comment(let text):
            insertComment(text)
            return nil
        case .doctype:
            parseError("unexpected-doctype")
            return nil
        case .startTag(let tag):
            return inBodyStartTag(tag)
        case .endTag(let tag):
            return inBodyEndTag(tag)
        case .endOfFile:
            if !templateModes.isEmpty { return processInTemplate(token) }
            reportUnclosedElements()
            return nil
        }
    }

    private func reportUnclosedElements() {
        for index in 0..<openElements.count
        where !openElements[index].isHTML(in: ElementCategories.mayStayOpenAtEnd) {
            parseError("expected-closing-tag-but-got-eof")
            return
        }
    }

    mutating func inBodyEndTag(_ token: TagToken) -> TreeToken? {
        switch token.tag {
        case .template:
            return processInHead(.endTag(token))

        case .body:
            guard openElements.hasInScope(.body) else {
                parseError("unexpected-end-tag")
                return nil
            }
            reportUnclosedElements()
            mode = .afterBody
            return nil

        case .html:
            guard openElements.hasInScope(.body) else {
                parseError("unexpected-end-tag")
                return nil
            }
            reportUnclosedElements()
            mode = .afterBody
            return .endTag(token)

        case .address, .article, .aside, .blockquote, .button, .center, .details, .dialog, .dir,
             .div, .dl, .fieldset, .figcaption, .figure, .footer, .header, .hgroup, .listing,
             .main, .menu, .nav, .ol, .pre, .search, .section, .summary, .ul:
            guard openElements.hasInScope(token.tag) else {
                parseError("unexpected-end-tag")
                return nil
            }
            generateImpliedEndTags()
            if !currentIs(token.tag) { parseError("end-tag-too-early") }
            openElements.popUntilPopped(token.tag)
            return nil

        case .form:
            closeForm()
            return nil

        case .p:
            if !openElements.hasInScope(.p, .button) {
                parseError("unexpected-end-tag")
                insertHTMLElement(TagToken(synthesized: .p))
            }
            closePElement()
            return nil

        case .li:
            guard openElements.hasInScope(.li, .listItem) else {
                parseError("unexpected-end-tag")
                return nil
            }
            generateImpliedEndTags(except: .li)
            if !currentIs(.li) { parseError("end-tag-too-early") }
            openElements.popUntilPopped(.li)
            return nil

        case .dd, .dt:
            guard openElements.hasInScope(token.tag) else {
                parseError("unexpected-end-tag")
                return nil
            }
            generateImpliedEndTags(except: token.tag)
            if !currentIs(token.tag) { parseError("end-tag-too-early") }
            openElements.popUntilPopped(token.tag)
            return nil

        case .h1, .h2, .h3, .h4, .h5, .h6:
            guard openElements.hasAnyInScope(ElementCategories.headings) else {
                parseError("unexpected-end-tag")
                return nil
            }
            generateImpliedEndTags()
            if !currentIs(token.tag) { parseError("end-tag-too-early") }
            openElements.popUntilPopped(anyOf: ElementCategories.headings)
            return nil

        case .a, .b, .big, .code, .em, .font, .i, .nobr, .s, .small, .strike, .strong, .tt, .u:
            if !runAdoptionAgency(token) { inBodyAnyOtherEndTag(token) }
            return nil

        case .applet, .marquee, .object:
            guard openElements.hasInScope(token.tag) else {
                parseError("unexpected-end-tag")
                return nil
            }
            generateImpliedEndTags()
            if !currentIs(token.tag) { parseError("end-tag-too-early") }
            openElements.popUntilPopped(token.tag)
            activeFormatting.clearToLastMarker()
            return nil

        case .br:
            parseError("unexpected-end-tag-treated-as")
            return inBodyStartTag(TagToken(synthesized: .br))

        case .select:
            // Customizable select: `</select>` closes the nearest open select in scope.
            guard openElements.hasInScope(.select) else {
                parseError("unexpected-end-tag")
                return nil
            }
            openElements.popUntilPopped(.select)
            return nil

        default:
            inBodyAnyOtherEndTag(token)
            return nil
        }
    }

    /// In body, `</form>`.
    private mutating func closeForm() {
        if !openElements.hasTemplate {
            let node = formElement
            formElement = nil
            guard let node, openElements.hasInScope(id: node.id) else {
                parseError("unexpected-end-tag")
                return
            }
            generateImpliedEndTags()
            if openElements.current?.id != node.id { parseError("end-tag-too-early") }
            if let index = openElements.index(ofID: node.id) { openElements.remove(at: index) }
        } else {
            guard openElements.hasInScope(.form) else {
                parseError("unexpected-end-tag")
                return
            }
            generateImpliedEndTags()
            if !currentIs(.form) { parseError("end-tag-too-early") }
            openElements.popUntilPopped(.form)
        }
    }

    /// In body, "any other end tag".
    mutating func inBodyAnyOtherEndTag(_ token: TagToken) {
        var index = openElements.count - 1
        while index >= 0 {
            let node = openElements[index]
            if node.namespace == .html && node.tag == token.tag
                && (token.tag != .unknown || name(of: node) == token.name) {
                generateImpliedEndTags(except: token.tag)
                if index != openElements.count - 1 { parseError("end-tag-too-early") }
                openElements.popUntilPopped(id: node.id)
                return
            }
            if node.isSpecial {
                parseError("unexpected-end-tag")
                return
            }
            index -= 1
        }
    }
}
