import CLibXML2

/// A node named by its address alone, without the document reference a ``Node`` holds (whose
/// copies each count a reference, atomically): for walks up or across the tree inside a call
/// that holds a `Node` of the same document. Valid only there: it keeps nothing alive.
public struct NodeRef: Equatable {
    let ptr: xmlNodePtr
    /// The document's container of detached subtrees, which is no DOM parent.
    let limbo: xmlNodePtr

    /// The same number as ``Node/identity``.
    public var identity: UInt { UInt(bitPattern: ptr) }
    public var kind: Node.Kind { RawTree.kind(ptr) }
    public var isElement: Bool { ptr.pointee.type == XML_ELEMENT_NODE }

    /// The DOM parent (as ``Node/parent``).
    public var parent: NodeRef? {
        RawTree.domParent(ptr, limbo: limbo).map { NodeRef(ptr: $0, limbo: limbo) }
    }

    /// As ``Node/isHTMLElement(named:)``.
    public func isHTMLElement(named name: String) -> Bool {
        isElement && RawTree.namespace(ptr) == .html && RawTree.nameEquals(ptr, name)
    }

    /// As ``Node/elementIndex``.
    public var elementIndex: Int { RawTree.elementIndex(ptr) }

    /// As ``Node/withLocalNameUTF8(_:)``.
    public func withLocalNameUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard isElement else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return ElementRef(ptr: ptr).withLocalNameUTF8(body)
    }
}

extension NodeRef {
    /// As ``Node/hasAttribute(_:)``.
    public func hasAttribute(_ name: String) -> Bool {
        findAttribute(name) != nil
    }

    /// Calls `body` with the value of attribute `name` as UTF-8, read in place (valid only
    /// during the call), and returns true; false when there is no such attribute. Matched as
    /// ``Node/attribute(_:)`` matches. Not generic, so that a caller in another module makes
    /// no generic call per read (the recorder reads every event target's id).
    public func withAttributeUTF8(_ name: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        guard let attr = findAttribute(name) else { return false }
        RawTree.withAttributeValueUTF8(attr, body)
        return true
    }

    /// The attribute `name`, matched as ``Node/attribute(_:)`` matches (an HTML element's
    /// names ASCII case-insensitively).
    private func findAttribute(_ name: String) -> xmlAttrPtr? {
        RawTree.findAttribute(ptr, name, foldingASCIICase: RawTree.namespace(ptr) == .html)
    }

    /// As ``Node/containsAttributeName(where:)``.
    public func containsAttributeName(where match: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        RawTree.containsAttributeName(ptr, where: match)
    }

    /// As ``Node/containsAttributeName(caseInsensitivelyIn:)``.
    public func containsAttributeName(caseInsensitivelyIn names: [[UInt8]]) -> Bool {
        RawTree.containsAttributeName(ptr, caseInsensitivelyIn: names)
    }

    /// As ``Node/containsAttributeName(in:)``.
    public func containsAttributeName(in names: [[UInt8]]) -> Bool {
        RawTree.containsAttributeName(ptr, in: names)
    }

    /// As ``Node/containsAttributeName(withPrefixIn:)``.
    public func containsAttributeName(withPrefixIn prefixes: [[UInt8]]) -> Bool {
        RawTree.containsAttributeName(ptr, withPrefixIn: prefixes)
    }
}

extension Node {
    /// This node as a ``NodeRef``, for a walk that ends before the caller lets go of `self`.
    public var ref: NodeRef { NodeRef(ptr: ptr, limbo: document.limbo) }

    /// The descendant elements (not entering template contents) for which `match` holds, in
    /// tree order. `match` sees each element as a ``NodeRef`` and must not change the tree:
    /// htmx scans every swapped-in subtree for the few elements with some attribute, and a
    /// ``Node`` per element visited counted a document reference each.
    public func descendantElements(where match: (NodeRef) -> Bool) -> [Node] {
        var out: [Node] = []
        forEachDescendantElement { if match($0) { out.append(sameDocumentNode($0)) } }
        return out
    }

    /// Calls `body` with each descendant element (not entering template contents), in tree
    /// order, as a ``NodeRef``; `body` must not change the tree.
    public func forEachDescendantElement(_ body: (NodeRef) -> Void) {
        let limbo = document.limbo
        RawTree.forEachDescendant(ptr) { p in
            if p.pointee.type == XML_ELEMENT_NODE { body(NodeRef(ptr: p, limbo: limbo)) }
        }
    }

    /// The node `ref` names, in this node's document (`ref` must come from it).
    public func sameDocumentNode(_ ref: NodeRef) -> Node { Node(document, ref.ptr) }

    /// The first descendant element, in tree order, for which `match` holds (as
    /// ``descendantElements(where:)``).
    public func firstDescendantElement(where match: (NodeRef) -> Bool) -> Node? {
        let limbo = document.limbo
        return RawTree.firstDescendant(ptr) { p in
            p.pointee.type == XML_ELEMENT_NODE && match(NodeRef(ptr: p, limbo: limbo))
        }.map { Node(document, $0) }
    }
}
