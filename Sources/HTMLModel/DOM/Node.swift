import CLibXML2

/// A handle on one node of a ``Document``: the document (kept alive) and a libxml2 pointer.
///
/// Two handles are equal when they name the same node. A handle never frees memory; see
/// ``Document`` for ownership.
public struct Node: Hashable, @unchecked Sendable {
    public let document: Document
    let ptr: xmlNodePtr

    init(_ document: Document, _ ptr: xmlNodePtr) {
        self.document = document
        self.ptr = ptr
    }

    public static func == (lhs: Node, rhs: Node) -> Bool { lhs.ptr == rhs.ptr }
    public func hash(into hasher: inout Hasher) { hasher.combine(ptr) }

    /// The DOM node kinds this model produces.
    public enum Kind: Equatable, Sendable {
        case element, text, comment, processingInstruction, doctype, document, fragment
    }

    public var kind: Kind { RawTree.kind(ptr) }

    public var isElement: Bool { ptr.pointee.type == XML_ELEMENT_NODE }
    public var isText: Bool { kind == .text }

    /// The element's namespace (HTML for every non-element node).
    public var namespace: HTMLNamespace { RawTree.namespace(ptr) }

    /// A number naming this node while it exists (its address; equal handles share it), for
    /// caches that must not retain the document as a `Node` key would.
    public var identity: UInt { UInt(bitPattern: ptr) }

    /// Calls `body` with the local name's UTF-8 bytes, uncopied (empty for non-elements).
    public func withLocalNameUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard isElement else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return ElementRef(ptr: ptr).withLocalNameUTF8(body)
    }

    /// Local name as the parser stored it: lower-case for HTML, case-preserved for SVG/MathML.
    /// Empty for non-elements.
    public var localName: String {
        guard isElement, let name = ptr.pointee.name else { return "" }
        return String(cString: name)
    }

    /// `Element.tagName`: upper-cased for HTML elements, as stored for foreign ones.
    public var tagName: String {
        namespace == .html ? localName.uppercased() : localName
    }

    /// `Node.nodeName` (`#text`, `#comment`, `#document`, the tag name, the PI target...).
    public var nodeName: String {
        switch kind {
        case .element: return tagName
        case .text: return "#text"
        case .comment: return "#comment"
        case .document: return "#document"
        case .fragment: return "#document-fragment"
        case .doctype, .processingInstruction:
            return ptr.pointee.name.map { String(cString: $0) } ?? ""
        }
    }

    /// True when this is an HTML-namespace element with local name `name` (lower-case).
    public func isHTMLElement(named name: String) -> Bool {
        isElement && namespace == .html && RawTree.nameEquals(ptr, name)
    }

    // MARK: Tree navigation (DOM view: template contents are not children of the template)

    /// The parent node, nil when detached (or when this is the document).
    public var parent: Node? {
        guard let p = RawTree.domParent(ptr, limbo: document.limbo) else { return nil }
        return Node(document, p)
    }

    /// The parent when it is an element.
    public var parentElement: Node? {
        guard let p = parent, p.isElement else { return nil }
        return p
    }

    public var firstChild: Node? { RawTree.domFirstChild(ptr).map { Node(document, $0) } }
    public var lastChild: Node? { RawTree.domLastChild(ptr).map { Node(document, $0) } }
    public var nextSibling: Node? { ptr.pointee.next.map { Node(document, $0) } }
    public var previousSibling: Node? { ptr.pointee.prev.map { Node(document, $0) } }

    public var firstElementChild: Node? { RawTree.firstElementChild(ptr).map { Node(document, $0) } }
    public var lastElementChild: Node? { RawTree.lastElementChild(ptr).map { Node(document, $0) } }
    public var nextElementSibling: Node? { RawTree.nextElementSibling(ptr).map { Node(document, $0) } }
    public var previousElementSibling: Node? { RawTree.previousElementSibling(ptr).map { Node(document, $0) } }

    /// Child nodes in order (not template contents).
    public var childNodes: [Node] {
        var out: [Node] = []
        var c = RawTree.domFirstChild(ptr)
        while let n = c { out.append(Node(document, n)); c = n.pointee.next }
        return out
    }

    /// Element children in order.
    public var elementChildren: [Node] {
        var out: [Node] = []
        var c = RawTree.firstElementChild(ptr)
        while let n = c { out.append(Node(document, n)); c = RawTree.nextElementSibling(n) }
        return out
    }

    /// A `<template>`'s contents, as a container whose children are the content nodes.
    /// (The model stores template contents as the template node's own libxml2 children.)
    public var templateContent: Node? {
        guard isHTMLElement(named: "template") else { return nil }
        return self
    }

    /// True when the node is in its document's tree (`Node.isConnected`): its ancestors reach
    /// the document without passing through template contents.
    public var isConnected: Bool { RawTree.isConnected(ptr) }

    /// Whether following `parent` from this node ends at the document (unlike
    /// ``isConnected``, through a template to its contents' nodes), walked without handles.
    public var parentChainReachesDocument: Bool {
        var cur = ptr
        while let p = RawTree.domParent(cur, limbo: document.limbo) { cur = p }
        return RawTree.isDocumentNode(cur)
    }

    /// The root of the node's tree: the document, a detached subtree's top, or the template
    /// whose contents hold it.
    public var root: Node {
        var n = self
        while let p = n.parent { n = p }
        return n
    }

    /// Whether `other` is this node or one of its descendants (`Node.contains`).
    public func contains(_ other: Node) -> Bool {
        var n: Node? = other
        while let c = n {
            if c == self { return true }
            n = c.parent
        }
        return false
    }

    /// Descendants in tree order (not entering template contents).
    public var descendants: [Node] {
        var out: [Node] = []
        RawTree.forEachDescendant(ptr) { out.append(Node(document, $0)) }
        return out
    }

    // The walks below collect nothing they are not asked for: htmx scans every swapped-in
    // subtree several times for the few elements carrying some attribute. Their closures
    // must not change the tree.

    /// The descendants for which `match` holds, in tree order.
    public func descendants(where match: (Node) -> Bool) -> [Node] {
        var out: [Node] = []
        RawTree.forEachDescendant(ptr) { p in
            let n = Node(document, p)
            if match(n) { out.append(n) }
        }
        return out
    }

    /// Calls `body` with each descendant, in tree order.
    public func forEachDescendant(_ body: (Node) -> Void) {
        RawTree.forEachDescendant(ptr) { body(Node(document, $0)) }
    }

    /// The first descendant, in tree order, for which `match` holds.
    public func firstDescendant(where match: (Node) -> Bool) -> Node? {
        RawTree.firstDescendant(ptr) { match(Node(document, $0)) }.map { Node(document, $0) }
    }

    /// 1-based index among the parent's element children (for paths such as `div:nth-child(2)`).
    public var elementIndex: Int { RawTree.elementIndex(ptr) }

    /// 1-based index among all the parent's child nodes.
    public var childIndex: Int {
        var i = 1
        var s = ptr.pointee.prev
        while let p = s { i += 1; s = p.pointee.prev }
        return i
    }
}
