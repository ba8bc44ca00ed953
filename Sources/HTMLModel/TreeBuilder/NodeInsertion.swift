/// Where a node goes: https://html.spec.whatwg.org/multipage/parsing.html#appropriate-place-for-inserting-a-node
enum InsertionPoint<Handle> {
    case append(to: Handle)
    case before(Handle)
}

extension HTMLTreeBuilder {
    /// https://html.spec.whatwg.org/multipage/parsing.html#create-an-element-for-the-token
    /// (the DOM side: the sink creates the node, the builder records what the rules test).
    mutating func makeElement(name: String, tag: ElementTag, namespace: HTMLNamespace,
                              attributes: [HTMLAttribute]) -> OpenElement {
        let handle = sink.createElement(name: name, namespace: namespace, attributes: attributes)
        let id = handles.count
        handles.append(handle)
        elementNames.append(name)
        var integrationPoint = false
        switch namespace {
        case .svg:
            integrationPoint = ElementCategories.specialSVG.contains(tag)
        case .mathml:
            // https://html.spec.whatwg.org/multipage/parsing.html#html-integration-point
            if tag == .annotationXML {
                for attribute in attributes where attribute.name == "encoding" {
                    integrationPoint = asciiCaseInsensitiveEquals(attribute.value, "text/html")
                        || asciiCaseInsensitiveEquals(attribute.value, "application/xhtml+xml")
                }
            }
        case .html:
            break
        }
        return OpenElement(id: id, tag: tag, namespace: namespace,
                           isHTMLIntegrationPoint: integrationPoint)
    }

    /// The element's local name as inserted (SVG names already case-adjusted).
    @inline(__always)
    func name(of element: OpenElement) -> String {
        elementNames[element.id]
    }

    /// The sink's node for an element record.
    @inline(__always)
    func handle(of element: OpenElement) -> Sink.Handle {
        handles[element.id]
    }

    /// "Inside `element`, after its last child", or inside its template contents.
    func placeInside(_ element: OpenElement) -> InsertionPoint<Sink.Handle> {
        if element.isHTML(.template) {
            return .append(to: sink.templateContents(of: handle(of: element)))
        }
        return .append(to: handle(of: element))
    }

    /// https://html.spec.whatwg.org/multipage/parsing.html#appropriate-place-for-inserting-a-node
    func appropriatePlace(overrideTarget: OpenElement? = nil) -> InsertionPoint<Sink.Handle> {
        guard let target = overrideTarget ?? openElements.current else {
            return .append(to: sink.documentHandle)
        }
        guard fosterParenting, target.isHTML(in: ElementCategories.fosterTargets) else {
            return placeInside(target)
        }
        // Foster parenting, steps 2.1-2.7.
        let lastTemplate = openElements.lastIndex(ofHTML: .template)
        let lastTable = openElements.lastIndex(ofHTML: .table)
        if let lastTemplate, lastTable.map({ lastTemplate > $0 }) ?? true {
            return .append(to: sink.templateContents(of: handle(of: openElements[lastTemplate])))
        }
        guard let lastTable, lastTable > 0 else {
            // Fragment case: inside the first element of the stack.
            return placeInside(openElements[0])
        }
        let table = openElements[lastTable]
        if sink.parent(of: handle(of: table)) != nil {
            return .before(handle(of: table))
        }
        return placeInside(openElements[lastTable - 1])
    }

    /// Chromium's `HTMLConstructionSite::kMaximumHTMLParserDOMTreeDepth`: while more than this
    /// many elements are open, a new element or comment is attached to the current node's
    /// parent instead of the current node, so the DOM stays at most this deep (text still goes
    /// into the current node, and foster parenting is unaffected). This is a browser
    /// deviation from the standard that the acceptance corpus (Chromium's output) follows, and
    /// it bounds the depth any later tree walk has to handle.
    static var maximumTreeDepth: Int { 512 }

    /// The appropriate place for an element or comment, with Chromium's depth cap applied.
    func placeForElementOrComment() -> InsertionPoint<Sink.Handle> {
        guard openElements.count > Self.maximumTreeDepth,
              let current = openElements.current,
              !(fosterParenting && current.isHTML(in: ElementCategories.fosterTargets)),
              let grandparent = sink.parent(of: handle(of: current)) else {
            return appropriatePlace()
        }
        return .append(to: grandparent)
    }

    func link(_ node: Sink.Handle, at place: InsertionPoint<Sink.Handle>) {
        switch place {
        case .append(let parent): sink.append(node, to: parent)
        case .before(let sibling): sink.insert(node, before: sibling)
        }
    }

    /// https://html.spec.whatwg.org/multipage/parsing.html#insert-a-foreign-element
    @discardableResult
    mutating func insertElement(name: String, tag: ElementTag, namespace: HTMLNamespace,
                                attributes: [HTMLAttribute]) -> OpenElement {
        let place = placeForElementOrComment()
        let element = makeElement(name: name, tag: tag, namespace: namespace, attributes: attributes)
        link(handle(of: element), at: place)
        openElements.push(element)
        return element
    }

    /// https://html.spec.whatwg.org/multipage/parsing.html#insert-an-html-element
    @discardableResult
    mutating func insertHTMLElement(_ token: TagToken) -> OpenElement {
        insertElement(name: token.name, tag: token.tag, namespace: .html, attributes: token.attributes)
    }

    /// Inserts an element and pops it at once (void elements), as the rules for `br`, `img`,
    /// `meta` and friends do.
    mutating func insertVoidHTMLElement(_ token: TagToken) {
        insertHTMLElement(token)
        openElements.pop()
    }

    /// https://html.spec.whatwg.org/multipage/parsing.html#insert-a-character — for a whole run.
    mutating func insertText(_ text: Substring) {
        guard !text.isEmpty else { return }
        switch appropriatePlace() {
        case .append(let parent):
            // Text never goes directly into a Document.
            if parent == sink.documentHandle { return }
            sink.appendText(text, to: parent)
        case .before(let sibling):
            sink.insertText(text, before: sibling)
        }
    }

    /// https://html.spec.whatwg.org/multipage/parsing.html#insert-a-comment
    mutating func insertComment(_ token: CommentToken, at place: InsertionPoint<Sink.Handle>? = nil) {
        let comment = token.processingInstructionTarget.map { sink.createProcessingInstruction(target: $0, data: token.text) }
            ?? sink.createComment(token.text)
        link(comment, at: place ?? placeForElementOrComment())
    }

    /// https://html.spec.whatwg.org/multipage/parsing.html#reconstruct-the-active-formatting-elements
    mutating func reconstructActiveFormattingElements() {
        let count = activeFormatting.count
        guard count > 0 else { return }
        let lastIndex = count - 1
        guard let lastID = activeFormatting[lastIndex].id, !openElements.contains(id: lastID) else { return }
        // Rewind to the entry after the last marker or open element.
        var index = lastIndex
        while index > 0 {
            guard let previousID = activeFormatting[index - 1].id,
                  !openElements.contains(id: previousID) else { break }
            index -= 1
        }
        // Advance and create.
        for position in index...lastIndex {
            guard let entry = activeFormatting[position].formatting else { continue }
            let element = insertElement(name: name(of: entry.element), tag: entry.element.tag,
                                        namespace: entry.element.namespace, attributes: entry.attributes)
            activeFormatting.replaceElement(at: position, with: element)
        }
    }
}
