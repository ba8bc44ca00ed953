import CLibXML2

extension Node {
    /// Whether some attribute's name satisfies `match`, which sees the name's UTF-8 bytes
    /// (lower-case for HTML elements). Nothing is allocated: this is the scan htmx runs over
    /// every new element, and most elements carry no attribute it cares about.
    public func containsAttributeName(where match: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        RawTree.containsAttributeName(ptr, where: match)
    }

    /// Whether some attribute's name equals one of `names` ignoring ASCII case (`names` given
    /// lower-case, as ``foldedAttributeNames(_:)`` makes them): a cheap negative test before
    /// exact lookups of several names.
    public func containsAttributeName(caseInsensitivelyIn names: [[UInt8]]) -> Bool {
        RawTree.containsAttributeName(ptr, caseInsensitivelyIn: names)
    }

    /// `names` as ``containsAttributeName(caseInsensitivelyIn:)`` takes them: their UTF-8
    /// bytes with ASCII capitals lowered.
    public static func foldedAttributeNames(_ names: [String]) -> [[UInt8]] {
        names.map { $0.utf8.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 } }
    }

    /// Whether some attribute's name, as stored, is one of `names` (UTF-8 bytes).
    public func containsAttributeName(in names: [[UInt8]]) -> Bool {
        RawTree.containsAttributeName(ptr, in: names)
    }

    /// Whether some attribute's name starts with one of `prefixes` (UTF-8 bytes).
    public func containsAttributeName(withPrefixIn prefixes: [[UInt8]]) -> Bool {
        RawTree.containsAttributeName(ptr, withPrefixIn: prefixes)
    }
}

extension Node {
    /// This element and its element ancestors, nearest first, that carry `name` or its
    /// `data-` twin (present, whatever the value). The walk builds no node values for the
    /// elements it passes: htmx asks this (`hx-ext`) for every event it fires.
    public func selfAndAncestorsWithAttributeOrDataTwin(_ name: String) -> [Node] {
        var out: [Node] = []
        var cur: xmlNodePtr? = isElement ? ptr : nil
        let limbo = document.limbo
        while let p = cur, RawTree.isElement(p) {
            let (plain, data) = RawTree.findAttributeAndDataTwin(p, name, foldingASCIICase: RawTree.namespace(p) == .html)
            if plain != nil || data != nil { out.append(Node(document, p)) }
            cur = RawTree.domParent(p, limbo: limbo)
        }
        return out
    }
}
