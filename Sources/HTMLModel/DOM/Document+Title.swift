import CLibXML2

extension Document {
    /// The `document.title` setter for an HTML document
    /// (<https://html.spec.whatwg.org/multipage/dom.html#document.title>): the first HTML
    /// `<title>` gets the text; without one, a new `<title>` is appended to the head; with
    /// neither title nor head nothing happens.
    public func setTitle(_ text: String) {
        let root = UnsafeMutableRawPointer(xmlDoc).assumingMemoryBound(to: xmlNode.self)
        if let t = RawTree.firstDescendant(root, where: { p in
            p.pointee.type == XML_ELEMENT_NODE && p.pointee.extra == 0 && RawTree.hasName(p, "title")
        }) {
            Node(self, t).setTextContent(text)
            return
        }
        guard let head else { return }
        let t = createElement("title")
        head.append(t)
        t.setTextContent(text)
    }
}
