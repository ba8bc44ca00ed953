import CLibXML2

/// Builds the parser's tree out of libxml2 nodes owned by a ``Document``.
///
/// Linking here is raw (no id-index upkeep): a document parse rebuilds the index once at the
/// end, and a fragment parse builds under a detached container, which has no ids to index.
final class LibXMLTreeSink: HTMLTreeSink {
    typealias Handle = xmlNodePtr

    let document: Document
    let documentHandle: xmlNodePtr
    private(set) var diagnostics: [HTMLParseDiagnostic] = []
    private(set) var quirksMode: HTMLQuirksMode = .noQuirks

    /// True when a whole-document parse builds into a detached container of an existing
    /// document: its doctype must not become that document's doctype.
    let detached: Bool

    init(document: Document, root: xmlNodePtr, detached: Bool = false) {
        self.document = document
        self.documentHandle = root
        self.detached = detached
    }

    func createElement(name: String, namespace: HTMLNamespace, attributes: [HTMLAttribute]) -> xmlNodePtr {
        document.newElement(name, namespace: namespace, attributes: attributes)
    }

    func createComment(_ text: String) -> xmlNodePtr {
        document.newComment(text)
    }

    func createProcessingInstruction(target: String, data: String) -> xmlNodePtr {
        document.newProcessingInstruction(target: target, data: data)
    }

    func appendDoctype(name: String, publicIdentifier: String, systemIdentifier: String) {
        guard !detached, document.xmlDoc.pointee.intSubset == nil else { return }
        func cstr(_ s: String) -> String? { s.isEmpty ? nil : s }
        let dtd = name.withCString { n in
            withOptionalCString(cstr(publicIdentifier)) { pub in
                withOptionalCString(cstr(systemIdentifier)) { sys in
                    xmlCreateIntSubset(document.xmlDoc, UnsafeRawPointer(n).assumingMemoryBound(to: xmlChar.self), pub, sys)
                }
            }
        }
        guard let dtd else { return }
        // libxml2 links the DTD as the document's first child; the DOM appends it.
        let node = UnsafeMutableRawPointer(dtd).assumingMemoryBound(to: xmlNode.self)
        RawTree.unlink(node)
        RawTree.link(node, into: documentHandle, before: nil)
        // xmlUnlinkNode also cleared doc->intSubset; restore it so xmlFreeDoc frees the DTD
        // (it unlinks and frees intSubset itself; the child-list walk skips DTD nodes).
        document.xmlDoc.pointee.intSubset = dtd
    }

    func append(_ child: xmlNodePtr, to parent: xmlNodePtr) {
        RawTree.unlink(child)
        RawTree.link(child, into: parent, before: nil)
    }

    func insert(_ child: xmlNodePtr, before sibling: xmlNodePtr) {
        guard let parent = sibling.pointee.parent else { return }
        RawTree.unlink(child)
        RawTree.link(child, into: parent, before: sibling)
    }

    func appendText(_ text: Substring, to parent: xmlNodePtr) {
        document.appendMergingText(text, to: parent, before: nil)
    }

    func insertText(_ text: Substring, before sibling: xmlNodePtr) {
        guard let parent = sibling.pointee.parent else { return }
        document.appendMergingText(text, to: parent, before: sibling)
    }

    func parent(of node: xmlNodePtr) -> xmlNodePtr? {
        RawTree.domParent(node, limbo: document.limbo)
    }

    func detach(_ node: xmlNodePtr) {
        guard node.pointee.parent != document.limbo else { return }
        RawTree.unlink(node)
        document.park(node)
    }

    func reparentChildren(of from: xmlNodePtr, to: xmlNodePtr) {
        RawTree.moveChildren(of: from, into: to)
    }

    func addAttributesIfMissing(_ element: xmlNodePtr, _ attributes: [HTMLAttribute]) {
        // A second `<html>` or `<body>` tag: rare, but a set keeps one with thousands of
        // attributes from costing a search of the element's list per attribute.
        var present = Set<String>()
        var last: xmlAttrPtr?
        var a = element.pointee.properties
        while let attr = a {
            present.insert(String(cString: attr.pointee.name))
            last = attr
            a = attr.pointee.next
        }
        for attr in attributes where present.insert(attr.name).inserted {
            last = Document.appendAttribute(element, attr.name, attr.value, after: last)
        }
    }

    func templateContents(of template: xmlNodePtr) -> xmlNodePtr { template }

    func setQuirksMode(_ mode: HTMLQuirksMode) { quirksMode = mode }

    func parseError(_ diagnostic: HTMLParseDiagnostic) { diagnostics.append(diagnostic) }
}

private func withOptionalCString<R>(_ s: String?, _ body: (UnsafePointer<xmlChar>?) -> R) -> R {
    guard let s else { return body(nil) }
    return s.withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
}
