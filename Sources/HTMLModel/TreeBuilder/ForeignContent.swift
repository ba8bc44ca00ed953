/// https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-inforeign
extension HTMLTreeBuilder {
    mutating func processForeignContent(_ token: TreeToken) -> TreeToken? {
        switch token {
        case .characters(let run):
            var text = run
            if CharacterRuns.containsNull(text) {
                parseError("unexpected-null-character")
                text = CharacterRuns.replacingNulls(text)
            }
            if CharacterRuns.hasNonWhitespaceNonNull(run) { framesetOK = false }
            insertText(text)
            return nil

        case .comment(let text):
            insertComment(text)
            return nil

        case .doctype:
            parseError("unexpected-doctype")
            return nil

        case .startTag(let tag):
            if isBreakout(tag) {
                parseError("unexpected-html-element-in-foreign-content")
                popToHTMLContent()
                return process(token, in: mode)
            }
            foreignAnyOtherStartTag(tag)
            return nil

        case .endTag(let tag) where tag.tag == .br || tag.tag == .p:
            parseError("unexpected-end-tag")
            popToHTMLContent()
            return process(token, in: mode)

        case .endTag(let tag):
            if tag.tag == .script, let current = openElements.current,
               current.namespace == .svg, current.tag == .script {
                // An SVG script ends here; nothing runs it in this parser.
                openElements.pop()
                return nil
            }
            return foreignAnyOtherEndTag(tag)

        case .endOfFile:
            // The dispatcher never sends end-of-file here.
            return process(token, in: mode)
        }
    }

    private func isBreakout(_ tag: TagToken) -> Bool {
        if ElementCategories.foreignBreakout.contains(tag.tag) { return true }
        guard tag.tag == .font else { return false }
        return tag.attributes.contains { $0.name == "color" || $0.name == "face" || $0.name == "size" }
    }

    /// Pops until the current node is a MathML text integration point, an HTML integration
    /// point, or an HTML element. The root `html` element always stops it.
    private mutating func popToHTMLContent() {
        while let current = openElements.current,
              current.namespace != .html,
              !current.isMathMLTextIntegrationPoint,
              !current.isHTMLIntegrationPoint {
            openElements.pop()
        }
    }

    private mutating func foreignAnyOtherStartTag(_ token: TagToken) {
        let namespace = adjustedCurrentNode?.namespace ?? .html
        var token = token
        switch namespace {
        case .mathml:
            ForeignAdjustments.adjustMathMLAttributes(&token.attributes)
        case .svg:
            if let adjusted = ForeignAdjustments.svgTagNames[token.name] { token.name = adjusted }
            ForeignAdjustments.adjustSVGAttributes(&token.attributes)
        case .html:
            break
        }
        insertElement(name: token.name, tag: token.tag, namespace: namespace, attributes: token.attributes)
        // A self-closing SVG `script` acts as its end tag: popping it is all that does here.
        if token.selfClosing { openElements.pop() }
    }

    /// In body `<math>` / `<svg>`: adjust attributes, insert, and pop at once if self-closing.
    mutating func insertForeignStartTag(_ token: TagToken, namespace: HTMLNamespace) {
        var attributes = token.attributes
        if namespace == .mathml {
            ForeignAdjustments.adjustMathMLAttributes(&attributes)
        } else {
            ForeignAdjustments.adjustSVGAttributes(&attributes)
        }
        insertElement(name: token.name, tag: token.tag, namespace: namespace, attributes: attributes)
        if token.selfClosing { openElements.pop() }
    }

    /// Foreign content, "any other end tag".
    private mutating func foreignAnyOtherEndTag(_ token: TagToken) -> TreeToken? {
        var index = openElements.count - 1
        guard index >= 0 else { return nil }
        if !sameLowercasedName(openElements[index], token) {
            parseError("unexpected-end-tag")
        }
        while true {
            if index == 0 { return nil }
            let node = openElements[index]
            if sameLowercasedName(node, token) {
                openElements.popUntilPopped(id: node.id)
                return nil
            }
            index -= 1
            if openElements[index].namespace != .html { continue }
            return process(.endTag(token), in: mode)
        }
    }

    /// Whether the element's name, ASCII-lower-cased, is the token's tag name. The interned
    /// tag comes from the lower-cased name, so known names compare as integers.
    private func sameLowercasedName(_ element: OpenElement, _ token: TagToken) -> Bool {
        guard element.tag == token.tag else { return false }
        return token.tag != .unknown || asciiCaseInsensitiveEquals(name(of: element), token.name)
    }
}
