import HTMLModel

/// The DOM's selector entry points (`querySelector`, `querySelectorAll`, `matches`,
/// `closest`) over the model, with an invalid selector answering "nothing" (where the DOM
/// would throw a SyntaxError, which htmx mostly lets escape; the caller diagnoses).
enum DOMQuery {
    static func isValid(_ selector: String, in document: Document) -> Bool { document.isValidSelector(selector) }

    /// `root.querySelectorAll(selector)`: matching descendants in tree order (for the
    /// document node, the root element too).
    static func all(_ root: Node, _ selector: String) -> [Node] {
        (try? root.querySelectorAll(selector)) ?? []
    }

    /// `root.querySelector(selector)`.
    static func first(_ root: Node, _ selector: String) -> Node? {
        (try? root.querySelector(selector)) ?? nil
    }

    /// `elt.matches(selector)` (false for non-elements).
    static func matches(_ elt: Node, _ selector: String) -> Bool {
        (try? elt.matches(selector)) ?? false
    }

    /// `elt.closest(selector)`.
    static func closest(_ elt: Node, _ selector: String) -> Node? {
        (try? elt.closest(selector)) ?? nil
    }

    /// True when `a` comes after `b` in tree order and neither contains the other
    /// (`b.compareDocumentPosition(a) === DOCUMENT_POSITION_FOLLOWING` exactly).
    static func follows(_ a: Node, _ b: Node) -> Bool {
        if a == b || a.contains(b) || b.contains(a) { return false }
        let pa = ancestry(a), pb = ancestry(b)
        guard pa.first == pb.first else { return false }
        var i = 0
        while i < pa.count, i < pb.count, pa[i] == pb[i] { i += 1 }
        guard i < pa.count, i < pb.count else { return false }
        // pa[i] and pb[i] are siblings: a follows b when pb[i] comes first.
        var s = pb[i].nextSibling
        while let n = s {
            if n == pa[i] { return true }
            s = n.nextSibling
        }
        return false
    }

    private static func ancestry(_ n: Node) -> [Node] {
        var chain: [Node] = []
        var cur: Node? = n
        while let c = cur { chain.append(c); cur = c.parent }
        return chain.reversed()
    }
}
