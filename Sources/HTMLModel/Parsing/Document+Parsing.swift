import CLibXML2

extension Document {
    /// Parses a whole document as a browser does (HTML5 tree construction, scripting
    /// enabled). Never fails: parse errors are recovered from and kept in ``diagnostics``.
    public convenience init(html bytes: [UInt8]) {
        self.init()
        let root = UnsafeMutableRawPointer(xmlDoc).assumingMemoryBound(to: xmlNode.self)
        let sink = LibXMLTreeSink(document: self, root: root)
        var builder = HTMLTreeBuilder(sink: sink, scripting: true)
        builder.parseDocument(bytes)
        quirksMode = sink.quirksMode
        diagnostics = sink.diagnostics
        rebuildIDIndex()
    }

    public convenience init(html text: String) {
        self.init(html: Array(text.utf8))
    }

    /// The result of parsing a fragment: a detached DocumentFragment owned by the document,
    /// and the parse errors met.
    public struct FragmentParse {
        public let fragment: Node
        public let diagnostics: [HTMLParseDiagnostic]
    }

    /// The HTML fragment parsing algorithm
    /// (<https://html.spec.whatwg.org/multipage/parsing.html#parsing-html-fragments>) with a
    /// context element given by name, by default `<template>` — what `template.innerHTML = s`
    /// does and what htmx relies on: `<tr>`, `<td>`, `<option>` and bare text come out as
    /// written. The nodes land in a new detached DocumentFragment of this document.
    public func parseFragment(_ bytes: [UInt8], contextName: String = "template",
                              contextNamespace: HTMLNamespace = .html) -> FragmentParse {
        let container = newFragmentNode()
        let sink = LibXMLTreeSink(document: self, root: container)
        var builder = HTMLTreeBuilder(sink: sink, scripting: true)
        builder.parseFragment(bytes, contextName: contextName, contextNamespace: contextNamespace)
        // Step 5 of the algorithm: the parsed nodes are the children of the root `html`
        // element the builder put in the container.
        if let html = container.pointee.children {
            RawTree.unlink(html)
            RawTree.moveChildren(of: html, into: container)
            park(html)
        }
        return FragmentParse(fragment: Node(self, container), diagnostics: sink.diagnostics)
    }

    public func parseFragment(_ text: String, contextName: String = "template") -> FragmentParse {
        parseFragment(Array(text.utf8), contextName: contextName)
    }

    /// `document.title`: the first HTML `<title>` element's text with ASCII whitespace stripped
    /// and collapsed (SVG titles aside), or "" when there is none.
    public var title: String {
        Self.titleText(under: UnsafeMutableRawPointer(xmlDoc).assumingMemoryBound(to: xmlNode.self))
    }

    /// The result of parsing a whole document into a detached subtree of this document.
    public struct DetachedDocumentParse {
        /// A detached DocumentFragment holding the parsed `<html>` element (and any comments
        /// around it); the doctype is not kept.
        public let root: Node
        /// The parsed document's `<body>` (what `doc.body` would be).
        public let body: Node?
        /// What `doc.title` would be.
        public let title: String
        public let diagnostics: [HTMLParseDiagnostic]
    }

    /// Parses `bytes` as a whole document (as `DOMParser.parseFromString(s, "text/html")` does,
    /// quirks mode decided by its own doctype) but builds the tree in this document, detached:
    /// what htmx's `makeFragment` needs without a second document or copying nodes across.
    public func parseDetachedDocument(_ bytes: [UInt8]) -> DetachedDocumentParse {
        let container = newFragmentNode()
        let sink = LibXMLTreeSink(document: self, root: container, detached: true)
        var builder = HTMLTreeBuilder(sink: sink, scripting: true)
        builder.parseDocument(bytes)
        let root = Node(self, container)
        var body: Node?
        if let html = RawTree.firstElementChild(container) {
            var c = RawTree.firstElementChild(html)
            while let n = c {
                if RawTree.namespace(n) == .html && (RawTree.hasName(n, "body") || RawTree.hasName(n, "frameset")) {
                    body = Node(self, n)
                    break
                }
                c = RawTree.nextElementSibling(n)
            }
        }
        return DetachedDocumentParse(root: root, body: body, title: Self.titleText(under: container), diagnostics: sink.diagnostics)
    }

    /// How a response is wrapped to be parsed as the content of a `<template>` in a whole
    /// document (htmx's way of parsing a partial response).
    public enum TemplateWrapper: Sendable {
        /// `<body><template>` … `</template></body>` (htmx 2).
        case insideBody
        /// `<template>` … `</template>`, which opens in `<head>` (htmx 4).
        case leading

        var start: String { self == .insideBody ? "<body><template>" : "<template>" }
        var end: String { self == .insideBody ? "</template></body>" : "</template>" }
    }

    /// A response parsed as a template's content: the nodes, moved into a detached
    /// DocumentFragment, and what the wrapping document's `title` would be.
    public struct TemplateContentsParse {
        public let fragment: Node
        public let title: String
    }

    /// What parsing the wrapped `bytes` as a whole document (``parseDetachedDocument(_:)``)
    /// leaves inside the wrapper's template, with that document's title. Usually without
    /// parsing the wrapper: the parse resumes inside one this document keeps
    /// (``resumeInsideKeptWrapper(_:)``); the whole wrapped text is parsed only when the
    /// response closes the wrapper's template or ends inside a tag, comment, raw text
    /// element or CDATA section.
    public func parseTemplateContents(_ bytes: [UInt8], wrapper: TemplateWrapper) -> TemplateContentsParse {
        // Everything stays inside the template, so the document has no title outside it.
        if let fragment = resumeInsideKeptWrapper(bytes) { return TemplateContentsParse(fragment: fragment, title: "") }
        let parsed = parseDetachedDocument(Array(wrapper.start.utf8) + bytes + Array(wrapper.end.utf8))
        let fragment = newFragmentNode()
        if let template = RawTree.firstDescendant(parsed.root.ptr, where: { p in
            p.pointee.type == XML_ELEMENT_NODE && RawTree.namespace(p) == .html && RawTree.hasName(p, "template")
        }) {
            RawTree.moveChildren(of: template, into: fragment)
        }
        return TemplateContentsParse(fragment: Node(self, fragment), title: parsed.title)
    }

    /// The nodes the wrapped `bytes` put in the wrapper's template, parsed from inside the
    /// kept `<html><body><template>` (see
    /// ``HTMLTreeBuilder/parseDocumentInsideTemplate(_:html:parent:template:)``), in a new
    /// detached DocumentFragment; nil when that parse is not the whole parse's.
    func resumeInsideKeptWrapper(_ bytes: [UInt8]) -> Node? {
        let html = templateWrapper ?? makeTemplateWrapper()
        guard let body = html.pointee.children, let template = body.pointee.children else { return nil }
        let container = newFragmentNode()
        let sink = LibXMLTreeSink(document: self, root: container, detached: true)
        var builder = HTMLTreeBuilder(sink: sink, scripting: true)
        let exact = builder.parseDocumentInsideTemplate(bytes, html: html, parent: body, template: template)
        RawTree.moveChildren(of: template, into: container)
        let untouched = html.pointee.children == body && body.pointee.next == nil && html.pointee.properties == nil
            && body.pointee.children == template && template.pointee.next == nil && body.pointee.properties == nil
        guard untouched else {
            // Unreachable: the parse stops at the wrapper's end tag, the only way out of its
            // template. Should the wrapper ever change, it is dropped, not reused.
            templateWrapper = nil
            park(html)
            return nil
        }
        // Declined: the nodes built stay parked in the container until the next release.
        return exact ? Node(self, container) : nil
    }

    private func makeTemplateWrapper() -> xmlNodePtr {
        var chain: [xmlNodePtr] = []
        for name in ["html", "body", "template"] {
            let element = newElement(name, namespace: .html, attributes: [])
            RawTree.unlink(element)
            if let parent = chain.last { RawTree.link(element, into: parent, before: nil) }
            chain.append(element)
        }
        templateWrapper = chain[0]
        return chain[0]
    }

    static func titleText(under root: xmlNodePtr) -> String {
        guard let t = RawTree.firstDescendant(root, where: { p in
            p.pointee.type == XML_ELEMENT_NODE && p.pointee.extra == 0 && RawTree.hasName(p, "title")
        }) else { return "" }
        var text = ""
        var c = t.pointee.children
        while let n = c {
            if n.pointee.type == XML_TEXT_NODE { text += RawTree.content(n) }
            c = n.pointee.next
        }
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" })
            .joined(separator: " ")
    }
}
