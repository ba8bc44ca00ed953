/// "in body" start tags (https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-inbody).
extension HTMLTreeBuilder {
    mutating func inBodyStartTag(_ token: TagToken) -> TreeToken? {
        switch token.tag {
        case .html:
            parseError("unexpected-start-tag")
            if openElements.hasTemplate { return nil }
            sink.addAttributesIfMissing(handle(of: openElements[0]), token.attributes)
            return nil

        case .base, .basefont, .bgsound, .link, .meta, .noframes, .script, .style, .template, .title:
            return processInHead(.startTag(token))

        case .body:
            parseError("unexpected-start-tag")
            guard openElements.count > 1, openElements[1].isHTML(.body), !openElements.hasTemplate else {
                return nil
            }
            framesetOK = false
            sink.addAttributesIfMissing(handle(of: openElements[1]), token.attributes)
            return nil

        case .frameset:
            parseError("unexpected-start-tag")
            guard openElements.count > 1, openElements[1].isHTML(.body), framesetOK else { return nil }
            sink.detach(handle(of: openElements[1]))
            while openElements.count > 1 { openElements.pop() }
            insertHTMLElement(token)
            mode = .inFrameset
            return nil

        case .address, .article, .aside, .blockquote, .center, .details, .dialog, .dir, .div, .dl,
             .fieldset, .figcaption, .figure, .footer, .header, .hgroup, .main, .menu, .nav, .ol,
             .p, .search, .section, .summary, .ul:
            closePElementIfInButtonScope()
            insertHTMLElement(token)
            return nil

        case .h1, .h2, .h3, .h4, .h5, .h6:
            closePElementIfInButtonScope()
            if let current = openElements.current, current.isHTML(in: ElementCategories.headings) {
                parseError("unexpected-start-tag")
                openElements.pop()
            }
            insertHTMLElement(token)
            return nil

        case .pre, .listing:
            closePElementIfInButtonScope()
            insertHTMLElement(token)
            skipNextLineFeed = true
            framesetOK = false
            return nil

        case .form:
            if formElement != nil && !openElements.hasTemplate {
                parseError("unexpected-start-tag")
                return nil
            }
            closePElementIfInButtonScope()
            let form = insertHTMLElement(token)
            if !openElements.hasTemplate { formElement = form }
            return nil

        case .li:
            framesetOK = false
            closeListItem(matching: ElementTagSet(.li))
            closePElementIfInButtonScope()
            insertHTMLElement(token)
            return nil

        case .dd, .dt:
            framesetOK = false
            closeListItem(matching: ElementTagSet(.dd, .dt))
            closePElementIfInButtonScope()
            insertHTMLElement(token)
            return nil

        case .plaintext:
            closePElementIfInButtonScope()
            insertHTMLElement(token)
            tokenizer.contentState = .plaintext
            return nil

        case .button:
            if openElements.hasInScope(.button) {
                parseError("unexpected-start-tag")
                generateImpliedEndTags()
                openElements.popUntilPopped(.button)
            }
            reconstructActiveFormattingElements()
            insertHTMLElement(token)
            framesetOK = false
            return nil

        case .a:
            if let index = activeFormatting.lastIndexAfterMarker(ofHTML: .a),
               let anchor = activeFormatting[index].formatting?.element {
                parseError("unexpected-start-tag-implies-end-tag")
                if !runAdoptionAgency(TagToken(synthesized: .a)) {
                    inBodyAnyOtherEndTag(TagToken(synthesized: .a))
                }
                activeFormatting.remove(id: anchor.id)
                if let stackIndex = openElements.index(ofID: anchor.id) {
                    openElements.remove(at: stackIndex)
                }
            }
            reconstructActiveFormattingElements()
            activeFormatting.push(insertHTMLElement(token), attributes: token.attributes)
            return nil

        case .b, .big, .code, .em, .font, .i, .s, .small, .strike, .strong, .tt, .u:
            reconstructActiveFormattingElements()
            activeFormatting.push(insertHTMLElement(token), attributes: token.attributes)
            return nil

        case .nobr:
            reconstructActiveFormattingElements()
            if openElements.hasInScope(.nobr) {
                parseError("unexpected-start-tag-implies-end-tag")
                if !runAdoptionAgency(TagToken(synthesized: .nobr)) {
                    inBodyAnyOtherEndTag(TagToken(synthesized: .nobr))
                }
                reconstructActiveFormattingElements()
            }
            activeFormatting.push(insertHTMLElement(token), attributes: token.attributes)
            return nil

        case .applet, .marquee, .object:
            reconstructActiveFormattingElements()
            insertHTMLElement(token)
            activeFormatting.insertMarker()
            framesetOK = false
            return nil

        case .table:
            if quirksMode != .quirks { closePElementIfInButtonScope() }
            insertHTMLElement(token)
            framesetOK = false
            mode = .inTable
            return nil

        case .area, .br, .embed, .img, .keygen, .wbr:
            reconstructActiveFormattingElements()
            insertVoidHTMLElement(token)
            framesetOK = false
            return nil

        case .input:
            // Customizable select: an `<input>` closes an open select (and is dropped when
            // parsing a select's innerHTML).
            if contextIsSelect {
                parseError("unexpected-start-tag")
                return nil
            }
            if openElements.hasInScope(.select) {
                parseError("unexpected-start-tag")
                openElements.popUntilPopped(.select)
            }
            reconstructActiveFormattingElements()
            insertVoidHTMLElement(token)
            if !isHiddenInput(token) { framesetOK = false }
            return nil

        case .param, .source, .track:
            insertVoidHTMLElement(token)
            return nil

        case .hr:
            closePElementIfInButtonScope()
            if openElements.hasInScope(.select) {
                generateImpliedEndTags()
                if openElements.hasInScope(.option) || openElements.hasInScope(.optgroup) {
                    parseError("unexpected-start-tag")
                }
            }
            insertVoidHTMLElement(token)
            framesetOK = false
            return nil

        case .image:
            parseError("unexpected-start-tag-treated-as")
            var img = token
            img.name = "img"
            img.tag = .img
            return .startTag(img)

        case .textarea:
            insertHTMLElement(token)
            skipNextLineFeed = true
            tokenizer.contentState = .rcdata
            originalMode = mode
            framesetOK = false
            mode = .text
            return nil

        case .xmp:
            closePElementIfInButtonScope()
            reconstructActiveFormattingElements()
            framesetOK = false
            parseGenericText(token, state: .rawtext)
            return nil

        case .iframe:
            framesetOK = false
            parseGenericText(token, state: .rawtext)
            return nil

        case .noembed:
            parseGenericText(token, state: .rawtext)
            return nil

        case .noscript where scripting:
            parseGenericText(token, state: .rawtext)
            return nil

        case .select:
            if contextIsSelect {
                parseError("unexpected-start-tag")
                return nil
            }
            if openElements.hasInScope(.select) {
                parseError("unexpected-start-tag")
                openElements.popUntilPopped(.select)
                return nil
            }
            reconstructActiveFormattingElements()
            insertHTMLElement(token)
            framesetOK = false
            return nil

        case .option:
            if openElements.hasInScope(.select) {
                generateImpliedEndTags(except: .optgroup)
                if openElements.hasInScope(.option) { parseError("unexpected-start-tag") }
            } else if currentIs(.option) {
                openElements.pop()
            }
            reconstructActiveFormattingElements()
            insertHTMLElement(token)
            return nil

        case .optgroup:
            if openElements.hasInScope(.select) {
                generateImpliedEndTags()
                if openElements.hasInScope(.option) || openElements.hasInScope(.optgroup) {
                    parseError("unexpected-start-tag")
                }
            } else if currentIs(.option) {
                openElements.pop()
            }
            reconstructActiveFormattingElements()
            insertHTMLElement(token)
            return nil

        case .rb, .rtc:
            if openElements.hasInScope(.ruby) {
                generateImpliedEndTags()
                if !currentIs(.ruby) { parseError("unexpected-start-tag") }
            }
            insertHTMLElement(token)
            return nil

        case .rp, .rt:
            if openElements.hasInScope(.ruby) {
                generateImpliedEndTags(except: .rtc)
                if !currentIs(.rtc) && !currentIs(.ruby) { parseError("unexpected-start-tag") }
            }
            insertHTMLElement(token)
            return nil

        case .math:
            reconstructActiveFormattingElements()
            insertForeignStartTag(token, namespace: .mathml)
            return nil

        case .svg:
            reconstructActiveFormattingElements()
            insertForeignStartTag(token, namespace: .svg)
            return nil

        case .caption, .col, .colgroup, .frame, .head, .tbody, .td, .tfoot, .th, .thead, .tr:
            parseError("unexpected-start-tag-ignored")
            return nil

        default:
            reconstructActiveFormattingElements()
            insertHTMLElement(token)
            return nil
        }
    }

    /// The `li` / `dd` / `dt` start-tag loop: close the nearest open list item of the same
    /// kind unless a special element (other than address, div, p) comes first.
    private mutating func closeListItem(matching kinds: ElementTagSet) {
        var index = openElements.count - 1
        while index >= 0 {
            let node = openElements[index]
            if node.isHTML(in: kinds) {
                generateImpliedEndTags(except: node.tag)
                if !currentIs(node.tag) { parseError("end-tag-too-early") }
                openElements.popUntilPopped(node.tag)
                return
            }
            if node.isSpecial && !node.isHTML(in: ElementTagSet(.address, .div, .p)) { return }
            index -= 1
        }
    }

    func isHiddenInput(_ token: TagToken) -> Bool {
        guard let type = token.attribute("type") else { return false }
        return asciiCaseInsensitiveEquals(type, "hidden")
    }
}
