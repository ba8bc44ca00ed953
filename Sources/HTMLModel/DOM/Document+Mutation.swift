import CLibXML2

/// The mutation primitives every DOM operation goes through. They keep the id index current
/// and never merge text nodes (libxml2's own `xmlAddChild` family would).
extension Document {
    /// Detaches `p` from wherever it is and hangs it under `limbo`, updating the id index when
    /// it leaves the document.
    func detach(_ p: xmlNodePtr) {
        if p.pointee.parent == limbo { return }
        if p.pointee.parent != nil, RawTree.isConnected(p) { unindex(subtree: p) }
        RawTree.unlink(p)
        park(p)
    }

    /// Hangs a parentless node under `limbo`, counting it for ``detachedSinceRelease``.
    @inline(__always)
    func park(_ p: xmlNodePtr) {
        RawTree.link(p, into: limbo, before: nil)
        detachedSinceRelease &+= 1
    }

    /// Moves `child` (from anywhere) under `parent`, before `ref` (nil: at the end).
    /// A fragment's children are moved instead of the fragment itself, as the DOM does.
    func insert(_ child: xmlNodePtr, into parent: xmlNodePtr, before ref: xmlNodePtr?) {
        if child.pointee.type == XML_DOCUMENT_FRAG_NODE {
            while let c = child.pointee.children { insert(c, into: parent, before: ref) }
            return
        }
        let wasConnected = child.pointee.parent != nil && child.pointee.parent != limbo && RawTree.isConnected(child)
        let willBeConnected = RawTree.isConnected(parent) && !RawTree.isTemplate(parent)
        if wasConnected && !willBeConnected { unindex(subtree: child) }
        RawTree.unlink(child)
        RawTree.link(child, into: parent, before: ref)
        if willBeConnected && !wasConnected { index(subtree: child) }
    }

    func index(subtree root: xmlNodePtr) {
        RawTree.forEachDescendantOrSelf(root) { p in
            if p.pointee.type == XML_ELEMENT_NODE, let a = RawTree.findAttribute(p, "id") {
                ids.add(RawTree.attributeValue(a), p)
            }
        }
    }

    func unindex(subtree root: xmlNodePtr) {
        if ids.isEmpty { return }
        RawTree.forEachDescendantOrSelf(root) { p in
            if p.pointee.type == XML_ELEMENT_NODE, let a = RawTree.findAttribute(p, "id") {
                ids.remove(RawTree.attributeValue(a), p)
            }
        }
    }

    /// Rebuilds the id index from the tree (after a whole-document parse).
    func rebuildIDIndex() {
        ids.removeAll()
        index(subtree: UnsafeMutableRawPointer(xmlDoc).assumingMemoryBound(to: xmlNode.self))
    }

    // MARK: Node factories (every new node starts detached, owned through limbo)

    func newElement(_ name: String, namespace: HTMLNamespace, attributes: [HTMLAttribute]) -> xmlNodePtr {
        let p = name.withCString { xmlNewDocNode(xmlDoc, nil, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self), nil) }!
        p.pointee.extra = UInt16(namespace.rawValue)
        var last: xmlAttrPtr?
        for attr in attributes { last = Self.appendAttribute(p, attr.name, attr.value, after: last) }
        park(p)
        return p
    }

    func newText(_ text: String) -> xmlNodePtr {
        let p = text.withUTF8Bytes(unlinkedText)
        park(p)
        return p
    }

    private func unlinkedText(_ utf8: UnsafeBufferPointer<UInt8>) -> xmlNodePtr {
        xmlNewDocTextLen(xmlDoc, utf8.baseAddress, Int32(clamping: utf8.count))!
    }

    func newComment(_ text: String) -> xmlNodePtr {
        let p = text.withCString { xmlNewDocComment(xmlDoc, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }!
        park(p)
        return p
    }

    func newProcessingInstruction(target: String, data: String) -> xmlNodePtr {
        let p = target.withCString { t in
            data.withCString { d in
                xmlNewDocPI(xmlDoc, UnsafeRawPointer(t).assumingMemoryBound(to: xmlChar.self),
                            UnsafeRawPointer(d).assumingMemoryBound(to: xmlChar.self))
            }
        }!
        park(p)
        return p
    }

    func newFragmentNode() -> xmlNodePtr {
        let p = xmlNewDocFragment(xmlDoc)!
        park(p)
        return p
    }

    /// Appends text to `parent`, merging into its last child when that is a text node
    /// (the parser's "insert a character"; DOM methods never merge).
    /// A run of the parser's input, as a Substring: no String is made of it on the way.
    func appendMergingText(_ text: Substring, to parent: xmlNodePtr, before ref: xmlNodePtr?) {
        let prev = ref == nil ? parent.pointee.last : ref!.pointee.prev
        text.withUTF8Bytes { buf in
            if let prev, prev.pointee.type == XML_TEXT_NODE {
                _ = xmlTextConcat(prev, buf.baseAddress, Int32(clamping: buf.count))
            } else {
                RawTree.link(unlinkedText(buf), into: parent, before: ref)
            }
        }
    }

    /// Adds an attribute at the end of the element's list without entity parsing
    /// (`xmlNewDocProp` would decode `&...;` in the value). Built as `xmlNewNsProp` builds
    /// it, except that an `id` is not entered in libxml2's own ID table: nothing reads that
    /// table (the document keeps its own index), and the insert was the dearest part of
    /// every parsed `id`. Such an attribute keeps `atype` 0, so libxml2 never looks for it
    /// there when it is changed or freed.
    /// `after` is the element's last attribute when the caller knows it (building an
    /// element attribute by attribute); otherwise the list is walked to its end, which made
    /// an element with tens of thousands of attributes quadratic to build.
    @discardableResult
    static func appendAttribute(_ p: xmlNodePtr, _ name: String, _ value: String, after knownLast: xmlAttrPtr? = nil) -> xmlAttrPtr {
        // libxml2 frees it with xmlFree, which is free(3) here: no custom allocator is ever
        // installed.
        guard let attr = calloc(1, MemoryLayout<xmlAttr>.size) else { fatalError("out of memory") }
        let a = attr.bindMemory(to: xmlAttr.self, capacity: 1)
        let doc = p.pointee.doc
        a.pointee.type = XML_ATTRIBUTE_NODE
        a.pointee.parent = p
        a.pointee.doc = doc
        name.withCString { n in
            let bytes = UnsafeRawPointer(n).assumingMemoryBound(to: xmlChar.self)
            if let dict = doc?.pointee.dict {
                a.pointee.name = xmlDictLookup(dict, bytes, -1)
            } else {
                a.pointee.name = UnsafePointer(xmlStrdup(bytes))
            }
        }
        let text = value.withCString { v in xmlNewDocText(doc, UnsafeRawPointer(v).assumingMemoryBound(to: xmlChar.self))! }
        text.pointee.parent = UnsafeMutableRawPointer(a).assumingMemoryBound(to: xmlNode.self)
        a.pointee.children = text
        a.pointee.last = text
        if var last = knownLast ?? p.pointee.properties {
            while let next = last.pointee.next { last = next }
            last.pointee.next = a
            a.pointee.prev = last
        } else {
            p.pointee.properties = a
        }
        return a
    }
}
