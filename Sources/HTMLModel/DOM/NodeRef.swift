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

    /// As ``Node/elementIndex``.
    public var elementIndex: Int { RawTree.elementIndex(ptr) }

    /// As ``Node/withLocalNameUTF8(_:)``.
    public func withLocalNameUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        guard isElement else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return ElementRef(ptr: ptr).withLocalNameUTF8(body)
    }
}

extension Node {
    /// This node as a ``NodeRef``, for a walk that ends before the caller lets go of `self`.
    public var ref: NodeRef { NodeRef(ptr: ptr, limbo: document.limbo) }
}
