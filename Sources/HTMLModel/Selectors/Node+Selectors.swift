import CLibXML2

/// `querySelector`, `querySelectorAll`, `matches` and `closest` on the model's nodes.
/// Selectors are parsed once per document and cached; an invalid selector is a
/// ``SelectorParseError`` with its position, never a crash.
extension Node {
    /// The first descendant matching `selector`, in tree order (not the node itself; template
    /// contents are not searched, as in the DOM).
    public func querySelector(_ selector: String) throws(SelectorParseError) -> Node? {
        let list = try document.selector(selector)
        if let id = list.simpleIDSelector, kind == .document || isConnected {
            // `#id` on a connected root: the id index, then confirm the candidate is inside.
            // The index gives the first such element in document order; if it lies outside
            // this root a duplicate id may still lie inside, so fall through to the walk.
            guard let hit = document.element(byID: id) else { return nil }
            if hit != self && contains(hit) { return hit }
        }
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
        let list = try document.selector(selector)
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

    /// Parses through a small cache: htmx asks the same few selectors over and over.
    func selector(_ text: String) throws(SelectorParseError) -> SelectorList {
        if let hit = selectorCache[text] { return hit }
        let list = try SelectorList.parse(text)
        if selectorCache.count >= 512 { selectorCache.removeAll(keepingCapacity: true) }
        selectorCache[text] = list
        return list
    }
}

extension SelectorList {
    /// The id when the whole selector is a single `#id` (with a plain identifier).
    var simpleIDSelector: String? {
        let t = text.trimmingASCIIWhitespace
        guard t.hasPrefix("#"), t.count > 1 else { return nil }
        let id = t.dropFirst()
        guard id.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x2D || $0 == 0x5F || $0 >= 0x80 }),
              let first = id.utf8.first, !(first >= 0x30 && first <= 0x39), !id.hasPrefix("--"), !(id.hasPrefix("-") && id.dropFirst().first.map { $0.isNumber } == true)
        else { return nil }
        return String(id)
    }
}

extension String {
    var trimmingASCIIWhitespace: Substring {
        let ws: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }
        guard let start = firstIndex(where: { !ws($0) }), let end = lastIndex(where: { !ws($0) }) else { return "" }
        return self[start...end]
    }
}
