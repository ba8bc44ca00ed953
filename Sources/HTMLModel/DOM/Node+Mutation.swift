import CLibXML2

/// DOM-shaped mutation. Every method goes through ``Document``'s primitives, so the id index
/// stays current and removed nodes stay owned by the document.
extension Node {
    /// `appendChild`; a fragment's children are moved instead of the fragment.
    public func append(_ child: Node) {
        precondition(child.document === document, "nodes move between documents only through Document.importNode")
        document.insert(child.ptr, into: ptr, before: nil)
    }

    public func append(_ children: [Node]) {
        for c in children { append(c) }
    }

    /// `prepend`: insert before the first child.
    public func prepend(_ child: Node) {
        precondition(child.document === document)
        document.insert(child.ptr, into: ptr, before: RawTree.domFirstChild(ptr) ?? (RawTree.isTemplate(ptr) ? ptr.pointee.children : nil))
    }

    /// `insertBefore(child, reference)`; `reference` nil appends.
    public func insert(_ child: Node, before reference: Node?) {
        precondition(child.document === document)
        document.insert(child.ptr, into: ptr, before: reference?.ptr)
    }

    /// `before(node)`: insert as the previous sibling; no-op when detached.
    public func insertBefore(_ sibling: Node) {
        guard let p = parentPointer else { return }
        document.insert(sibling.ptr, into: p, before: ptr)
    }

    /// `after(node)`: insert as the next sibling; no-op when detached.
    public func insertAfter(_ sibling: Node) {
        guard let p = parentPointer else { return }
        document.insert(sibling.ptr, into: p, before: ptr.pointee.next)
    }

    /// `replaceWith(node)`.
    public func replace(with other: Node) {
        guard let p = parentPointer else { return }
        let next = ptr.pointee.next
        remove()
        document.insert(other.ptr, into: p, before: next)
    }

    /// `remove()`: detaches the node; it stays owned by the document until
    /// ``Document/releaseDetachedNodes()``.
    public func remove() {
        guard ptr.pointee.parent != nil, ptr.pointee.parent != document.limbo else { return }
        document.detach(ptr)
    }

    /// Removes every child (template: its contents).
    public func removeAllChildren() {
        while let c = ptr.pointee.children { document.detach(c) }
    }

    /// `cloneNode(deep)`: a detached copy with the same attributes (and, deep, descendants
    /// including template contents).
    public func clone(deep: Bool = true) -> Node {
        Node(document, document.copy(ptr, deep: deep))
    }

    var parentPointer: xmlNodePtr? { RawTree.domParent(ptr, limbo: document.limbo) }
}

extension Document {
    /// A new detached element.
    public func createElement(_ name: String, namespace: HTMLNamespace = .html, attributes: [HTMLAttribute] = []) -> Node {
        Node(self, newElement(namespace == .html ? name.lowercased() : name, namespace: namespace, attributes: attributes))
    }

    public func createTextNode(_ text: String) -> Node { Node(self, newText(text)) }
    public func createComment(_ text: String) -> Node { Node(self, newComment(text)) }
    public func createDocumentFragment() -> Node { Node(self, newFragmentNode()) }

    /// A deep copy of a node of another document, detached in this one.
    public func importNode(_ node: Node) -> Node {
        Node(self, copy(node.ptr, deep: true))
    }

    /// Copies iteratively (no recursion on tree depth); namespaces travel in `extra`.
    func copy(_ source: xmlNodePtr, deep: Bool) -> xmlNodePtr {
        let rootCopy = shallowCopy(source)
        guard deep else { return rootCopy }
        var stack: [(xmlNodePtr, xmlNodePtr)] = [(source, rootCopy)]
        while let (src, dst) = stack.popLast() {
            var c = src.pointee.children
            while let child = c {
                let copy = shallowCopy(child)
                RawTree.unlink(copy)
                RawTree.link(copy, into: dst, before: nil)
                if child.pointee.children != nil, child.pointee.type == XML_ELEMENT_NODE || child.pointee.type == XML_DOCUMENT_FRAG_NODE {
                    stack.append((child, copy))
                }
                c = child.pointee.next
            }
        }
        return rootCopy
    }

    private func shallowCopy(_ p: xmlNodePtr) -> xmlNodePtr {
        switch p.pointee.type {
        case XML_ELEMENT_NODE:
            let name = p.pointee.name.map { String(cString: $0) } ?? ""
            let el = newElement(name, namespace: RawTree.namespace(p), attributes: Node(self, p).attributes)
            if let checked = checkedness[p] { checkedness[el] = checked }
            if let value = values[p] { values[el] = value }
            return el
        case XML_COMMENT_NODE: return newComment(RawTree.content(p))
        case XML_PI_NODE:
            return newProcessingInstruction(target: p.pointee.name.map { String(cString: $0) } ?? "", data: RawTree.content(p))
        case XML_DOCUMENT_FRAG_NODE: return newFragmentNode()
        default: return newText(RawTree.content(p))
        }
    }
}
