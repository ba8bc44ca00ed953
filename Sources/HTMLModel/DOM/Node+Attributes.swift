import CLibXML2

extension Node {
    /// Attributes in source (DOM) order.
    public var attributes: [HTMLAttribute] {
        guard isElement else { return [] }
        var out: [HTMLAttribute] = []
        var a = ptr.pointee.properties
        while let attr = a {
            let name = attr.pointee.name.map { String(cString: $0) } ?? ""
            out.append(HTMLAttribute(name: name, value: RawTree.attributeValue(attr)))
            a = attr.pointee.next
        }
        return out
    }

    /// Each attribute's name and value as UTF-8 bytes, in DOM order, without building their
    /// strings (htmx hashes every processed element's attributes). The bytes are valid only
    /// during the call.
    public func forEachAttributeUTF8(_ body: (_ name: UnsafeBufferPointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>) -> Void) {
        guard isElement else { return }
        var a = ptr.pointee.properties
        while let attr = a {
            RawTree.withAttributeValueUTF8(attr) { body(RawTree.bytes(attr.pointee.name), $0) }
            a = attr.pointee.next
        }
    }

    /// The attributes named exactly one of `names`, in DOM order; the others are skipped
    /// without building their strings.
    public func attributes(named names: [String]) -> [HTMLAttribute] {
        var out: [HTMLAttribute] = []
        forEachAttribute(namedIn: names) { attr, name in out.append(HTMLAttribute(name: name, value: RawTree.attributeValue(attr))) }
        return out
    }

    /// Calls `body` with each attribute, in DOM order, whose name as stored is exactly one of
    /// `names`, and that name.
    private func forEachAttribute(namedIn names: [String], _ body: (xmlAttrPtr, String) -> Void) {
        guard isElement else { return }
        var a = ptr.pointee.properties
        while let attr = a {
            if let n = attr.pointee.name, let name = names.first(where: { RawTree.nameEquals(n, $0) }) { body(attr, name) }
            a = attr.pointee.next
        }
    }

    /// `getAttribute`: the value, or nil when absent. HTML elements match the name
    /// ASCII-case-insensitively (their attribute names are stored lower-case).
    public func attribute(_ name: String) -> String? {
        guard let attr = RawTree.findAttribute(ptr, name, foldingASCIICase: namespace == .html) else { return nil }
        return RawTree.attributeValue(attr)
    }

    /// `getAttribute(name)` and `getAttribute("data-" + name)` from one walk over the
    /// attributes, without building the prefixed name (htmx reads every attribute both ways).
    public func attributeAndDataTwin(_ name: String) -> (plain: String?, data: String?) {
        let (plain, data) = RawTree.findAttributeAndDataTwin(ptr, name, foldingASCIICase: namespace == .html)
        return (plain.map(RawTree.attributeValue), data.map(RawTree.attributeValue))
    }

    /// `hasAttribute(name) || hasAttribute("data-" + name)`, from one walk.
    public func hasAttributeOrDataTwin(_ name: String) -> Bool {
        let (plain, data) = RawTree.findAttributeAndDataTwin(ptr, name, foldingASCIICase: namespace == .html)
        return plain != nil || data != nil
    }

    public func hasAttribute(_ name: String) -> Bool {
        RawTree.findAttribute(ptr, name, foldingASCIICase: namespace == .html) != nil
    }

    /// `setAttribute`: replaces the value in place (order kept) or appends a new attribute.
    public func setAttribute(_ name: String, _ value: String) {
        guard isElement else { return }
        let name = normalizedAttributeName(name)
        let tracksID = name == "id" && RawTree.isConnected(ptr)
        if tracksID, let old = attribute("id") { document.ids.remove(old, ptr) }
        // xmlSetNsProp replaces the value of an existing attribute in place (order kept) and
        // appends otherwise; unlike xmlSetProp it never treats a prefix as a namespace, and
        // unlike xmlNewDocProp it stores the value verbatim.
        name.withCString { n in
            value.withCString { v in
                _ = xmlSetNsProp(ptr, nil, UnsafeRawPointer(n).assumingMemoryBound(to: xmlChar.self),
                                 UnsafeRawPointer(v).assumingMemoryBound(to: xmlChar.self))
            }
        }
        if tracksID { document.ids.add(value, ptr) }
    }

    /// `removeAttribute`; a no-op when absent.
    public func removeAttribute(_ name: String) {
        let name = normalizedAttributeName(name)
        guard let attr = RawTree.findAttribute(ptr, name) else { return }
        if name == "id", RawTree.isConnected(ptr) { document.ids.remove(RawTree.attributeValue(attr), ptr) }
        xmlRemoveProp(attr)
    }

    /// Removes each attribute whose name, as stored, is exactly one of `names` (as htmx's
    /// `attributesToSettle.indexOf(attr.name)` picks them), unless `keep` holds for it; no
    /// attribute value is read.
    public func removeAttributes(named names: [String], unless keep: (String) -> Bool) {
        var doomed: [String] = []
        forEachAttribute(namedIn: names) { _, name in if !keep(name) { doomed.append(name) } }
        for name in doomed { removeAttribute(name) }
    }

    /// `Element.id` (empty when absent).
    public var id: String { attribute("id") ?? "" }

    private func normalizedAttributeName(_ name: String) -> String {
        guard namespace == .html else { return name }
        let hasUpper = name.utf8.withContiguousStorageIfAvailable { buf in
            buf.contains { $0 &- 0x41 < 26 }
        } ?? name.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A })
        guard hasUpper else { return name }
        return String(decoding: name.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}

extension Document {
    /// The first connected element with this id, in tree order; O(1) through the id index.
    public func element(byID id: String) -> Node? {
        ids.lookup(id).map { Node(self, $0) }
    }
}
