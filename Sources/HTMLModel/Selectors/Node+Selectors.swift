import CLibXML2

/// `querySelector`, `querySelectorAll`, `matches` and `closest` on the model's nodes.
/// Selectors are parsed once per document and cached; an invalid selector is a
/// ``SelectorParseError`` with its position, never a crash.
extension Node {
    /// The first descendant matching `selector`, in tree order (not the node itself; template
    /// contents are not searched, as in the DOM).
    public func querySelector(_ selector: String) throws(SelectorParseError) -> Node? {
        if let hits = idIndexMatches(selector) { return hits.first }
        let list = try document.selector(selector)
        var found: Node?
        forEachQueryRoot { root, includeRoot in
            if found != nil { return }
            if includeRoot {
                found = list.querySelector(inDocumentRootedAt: root).map { Node(document, $0.ptr) }
            } else {
                found = list.querySelector(in: root, scope: root).map { Node(document, $0.ptr) }
            }
        }
        return found
    }

    /// Every descendant matching `selector`, in tree order, without duplicates.
    public func querySelectorAll(_ selector: String) throws(SelectorParseError) -> [Node] {
        if let hits = idIndexMatches(selector) { return hits }
        return querySelectorAll(try document.selector(selector))
    }

    /// Every descendant matching an already parsed selector list (for a caller that asks the
    /// same long selector many times: no parse-cache lookup, which hashes the whole text).
    public func querySelectorAll(_ list: SelectorList) -> [Node] {
        var out: [Node] = []
        forEachQueryRoot { root, includeRoot in
            let hits = includeRoot ? list.querySelectorAll(inDocumentRootedAt: root) : list.querySelectorAll(in: root, scope: root)
            out.append(contentsOf: hits.map { Node(document, $0.ptr) })
        }
        return out
    }

    /// `Element.matches`.
    public func matches(_ selector: String) throws(SelectorParseError) -> Bool {
        guard isElement else { return false }
        let list = try document.selector(selector)
        let me = ElementRef(ptr: ptr)
        return list.matches(me, scope: me)
    }

    /// `Element.closest`: this element or its nearest ancestor matching `selector`.
    public func closest(_ selector: String) throws(SelectorParseError) -> Node? {
        guard isElement else { return nil }
        let list = try document.selector(selector)
        return list.closest(ElementRef(ptr: ptr)).map { Node(document, $0.ptr) }
    }

    /// `#id` or `tag#id` below a connected root, answered from the id index (htmx asks
    /// `TAG#id` under the swap target for every new element with an id, and `#id` for every
    /// OOB target): every element with that id in tree order, inside this root, with the right
    /// tag. nil when the selector or the root does not allow the shortcut.
    private func idIndexMatches(_ selector: String) -> [Node]? {
        guard let (tag, id) = SelectorList.idSelector(in: selector), kind == .document || isConnected else { return nil }
        var hits: [Node] = []
        guard let tag else {
            forEachIndexedDescendant(id: id, where: { _ in true }) { hits.append($0) }
            return hits
        }
        tag.withUTF8Bytes { type in
            forEachIndexedDescendant(id: id, where: { Self.typeSelector(type, matches: $0) }) { hits.append($0) }
        }
        return hits
    }

    /// Calls `body`, in tree order, with each element the id index holds for `id` that lies
    /// below this (connected) node and for which `match` holds.
    private func forEachIndexedDescendant(id: String, where match: (xmlNodePtr) -> Bool, _ body: (Node) -> Void) {
        document.ids.forEach(id) { candidate in
            guard candidate != ptr, match(candidate) else { return }
            let hit = Node(document, candidate)
            if contains(hit) { body(hit) }
        }
    }

    /// Whether a type selector naming `type` matches element `p`: an HTML element's name
    /// ASCII case-insensitively, a foreign one's exactly (compared as bytes: htmx asks
    /// `DIV#id`, with the tag name's capitals).
    private static func typeSelector(_ type: UnsafeBufferPointer<UInt8>, matches p: xmlNodePtr) -> Bool {
        RawTree.nameEquals(p, type, foldingASCIICase: RawTree.namespace(p) == .html)
    }

    /// `querySelector(CSS.escape(typeName) + "#" + CSS.escape(id))` without building or
    /// parsing that selector: the first descendant in tree order (template contents not
    /// searched) with this id whose name the type selector matches (an HTML element's ASCII
    /// case-insensitively, a foreign one's exactly). htmx 2 asks this for every new element
    /// with an id, with the element's `tagName`.
    public func firstDescendant(id: String, typeName: String) -> Node? {
        guard !id.isEmpty else { return nil }
        return typeName.withUTF8Bytes { type -> Node? in
            // Detached, no index holds these elements. Shared by many elements (invalid, but
            // real pages have it), the id is found sooner by walking the subtree in tree
            // order to the first match than by ordering every holder against the others
            // (sibling order is a walk along the sibling list).
            guard kind == .document || isConnected, document.ids.count(id) <= IDIndex.sortedHoldersLimit else {
                return firstDescendantElement { e in
                    Self.typeSelector(type, matches: e.ptr) && RawTree.findAttribute(e.ptr, "id").map(RawTree.attributeValue) == id
                }
            }
            var found: Node?
            forEachIndexedDescendant(id: id, where: { found == nil && Self.typeSelector(type, matches: $0) }) { found = $0 }
            return found
        }
    }

    /// Elements are searched below themselves; the document and fragments search each
    /// top-level element including it.
    private func forEachQueryRoot(_ body: (ElementRef, Bool) -> Void) {
        if isElement {
            body(ElementRef(ptr: ptr), false)
            return
        }
        var c = RawTree.domFirstChild(ptr)
        while let n = c {
            if RawTree.isElement(n) { body(ElementRef(ptr: n), true) }
            c = n.pointee.next
        }
    }
}

extension Document {
    /// `document.querySelector`.
    public func querySelector(_ selector: String) throws(SelectorParseError) -> Node? {
        try node.querySelector(selector)
    }

    public func querySelectorAll(_ selector: String) throws(SelectorParseError) -> [Node] {
        try node.querySelectorAll(selector)
    }

    /// Whether `querySelector(text)` would accept the selector (no `SyntaxError`), answered
    /// without parsing for `#id` and `tag#id` (htmx checks every OOB target's selector, one
    /// per id) and through the parse cache otherwise.
    public func isValidSelector(_ text: String) -> Bool {
        if SelectorList.idSelector(in: text) != nil { return true }
        return (try? selector(text)) != nil
    }

    /// Parses through a small cache: htmx asks the same few selectors over and over.
    func selector(_ text: String) throws(SelectorParseError) -> SelectorList {
        try recentSelectors.value(for: text) { text throws(SelectorParseError) in try parsedSelector(text) }
    }

    private func parsedSelector(_ text: String) throws(SelectorParseError) -> SelectorList {
        if let hit = selectorCache[text] { return hit }
        let list = try SelectorList.parse(text)
        if selectorCache.count >= 512 { selectorCache.removeAll(keepingCapacity: true) }
        selectorCache[text] = list
        return list
    }
}

extension SelectorList {
    /// `(tag, id)` when the whole selector is `#id` or `tag#id` with plain identifiers: a
    /// query the id index answers exactly.
    static func idSelector(in text: String) -> (tag: String?, id: String)? {
        return text.withUTF8Bytes { b -> (tag: String?, id: String)? in
            // Most selectors have no `#`.
            guard let base = b.baseAddress, memchr(base, 0x23, b.count) != nil else { return nil }
            func isWhitespace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }
            var lo = 0, hi = b.count
            while lo < hi, isWhitespace(b[lo]) { lo += 1 }
            while hi > lo, isWhitespace(b[hi - 1]) { hi -= 1 }
            var hash = lo
            while hash < hi, b[hash] != 0x23 { hash += 1 }
            guard hash < hi else { return nil }
            let tag = UnsafeBufferPointer(rebasing: b[lo..<hash]), id = UnsafeBufferPointer(rebasing: b[(hash + 1)..<hi])
            guard Self.isPlainIdentifier(id), tag.isEmpty || Self.isPlainIdentifier(tag) else { return nil }
            return (tag.isEmpty ? nil : String(decoding: tag, as: UTF8.self), String(decoding: id, as: UTF8.self))
        }
    }

    /// An identifier needing no escapes: letters, digits, `-`, `_`, non-ASCII; not starting
    /// with a digit or `--`, nor `-` followed by a digit.
    private static func isPlainIdentifier(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = u.first else { return false }
        func isName(_ c: UInt8) -> Bool {
            (c >= 0x30 && c <= 0x39) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == 0x2D || c == 0x5F || c >= 0x80
        }
        guard u.allSatisfy(isName), !(first >= 0x30 && first <= 0x39) else { return false }
        if first == 0x2D, u.count > 1, u[1] == 0x2D || (u[1] >= 0x30 && u[1] <= 0x39) { return false }
        if u.count == 1, first == 0x2D { return false }
        return true
    }
}
