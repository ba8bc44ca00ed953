import CLibXML2

/// The selector engine's view of a libxml2 element: a bare pointer, so matching walks the
/// tree without reference counting (``Node`` holds a strong document reference). Valid only
/// while its document is alive and the tree is not mutated: used inside one query.
struct ElementRef: SelectorElement {
    let ptr: xmlNodePtr

    var localName: String { ptr.pointee.name.map { String(cString: $0) } ?? "" }
    var namespace: HTMLNamespace { RawTree.namespace(ptr) }

    func attribute(_ name: String) -> String? {
        RawTree.findAttribute(ptr, name).map(RawTree.attributeValue)
    }

    /// The DOM parent element: none for the root element, for detached subtree tops and for
    /// the top level of template contents (whose DOM parent is the contents fragment).
    var parentElement: ElementRef? {
        guard let p = ptr.pointee.parent, RawTree.isElement(p), !RawTree.isTemplate(p) else { return nil }
        return ElementRef(ptr: p)
    }

    var previousElementSibling: ElementRef? { RawTree.previousElementSibling(ptr).map(ElementRef.init) }
    var nextElementSibling: ElementRef? { RawTree.nextElementSibling(ptr).map(ElementRef.init) }
    var firstElementChild: ElementRef? { RawTree.firstElementChild(ptr).map(ElementRef.init) }
    var lastElementChild: ElementRef? { RawTree.lastElementChild(ptr).map(ElementRef.init) }

    var hasNoContentForEmpty: Bool {
        var c = RawTree.domFirstChild(ptr)
        while let n = c {
            switch n.pointee.type {
            case XML_ELEMENT_NODE: return false
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = n.pointee.content, content.pointee != 0 { return false }
            default: break
            }
            c = n.pointee.next
        }
        return true
    }

    var isDocumentElement: Bool {
        guard let p = ptr.pointee.parent else { return false }
        return RawTree.isDocumentNode(p)
    }

    var isCheckedState: Bool {
        if let doc = ptr.pointee.doc, doc.pointee._private != nil, let state = Document.from(doc).checkedness[ptr] {
            return state
        }
        let attr = RawTree.hasName(ptr, "option") ? "selected" : "checked"
        return RawTree.findAttribute(ptr, attr) != nil
    }

    func isSameElement(as other: ElementRef) -> Bool { ptr == other.ptr }

    var attributeNameSignature: UInt64 {
        var bits: UInt64 = 0
        _ = RawTree.containsAttributeName(ptr) { name in
            bits |= SelectorSignature.bit(name)
            return false
        }
        return bits
    }

    func withLocalNameUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        body(RawTree.bytes(ptr.pointee.name))
    }

    func withAttributeUTF8<R>(_ name: String, _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
        guard let attr = RawTree.findAttribute(ptr, name) else { return body(nil) }
        return RawTree.withAttributeValueUTF8(attr) { body($0) }
    }
}
