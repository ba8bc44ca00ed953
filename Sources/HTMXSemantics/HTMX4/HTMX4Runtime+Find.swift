import HTMLModel

/// htmx 4's extended selectors (`__findAllExt`): comma lists (split as HCON does) of
/// `closest X`, `find X`, `findAll X`, `next [X]`, `previous [X]`, `document`, `window`,
/// `body`, `this`, `<X/>`, a leading `global `, and plain CSS for the rest.
extension HTMX4Runtime {
    /// `querySelectorAll`, `querySelector`, `closest`, `matches` as the DOM has them: an invalid
    /// selector throws a SyntaxError (reported as a diagnostic too).
    func queryAll(_ root: Node, _ selector: String) throws(HTMX4Error) -> [Node] {
        do { return try root.querySelectorAll(selector) } catch { throw invalidSelector(selector, root) }
    }

    func queryFirst(_ root: Node, _ selector: String) throws(HTMX4Error) -> Node? {
        do { return try root.querySelector(selector) } catch { throw invalidSelector(selector, root) }
    }

    func closest(_ elt: Node, _ selector: String) throws(HTMX4Error) -> Node? {
        do { return try elt.closest(selector) } catch { throw invalidSelector(selector, elt) }
    }

    func matches(_ elt: Node, _ selector: String) throws(HTMX4Error) -> Bool {
        do { return try elt.matches(selector) } catch { throw invalidSelector(selector, elt) }
    }

    private func invalidSelector(_ selector: String, _ elt: Node) -> HTMX4Error {
        diagnose("selector", elt.isElement ? elt : nil, "'\(selector)' is not a valid selector: the browser throws a SyntaxError")
        return HTMX4Error(message: "SyntaxError: '\(selector)' is not a valid selector")
    }

    /// `__findAllExt(elt, selector, thisAttr)`; `window` comes back as `.window`.
    func findAll(_ elt: Node?, _ selector: String, thisAttr: String? = nil) throws(HTMX4Error) -> [EventTarget] {
        var selector = selector
        if selector.hasPrefix("global ") { selector = String(selector.dropFirst(7)) }
        let base = elt ?? document.node
        var result: [EventTarget] = []
        var plain: [String] = []
        for part in selector.isEmpty ? [] : HCON.split(selector) {
            let s = Self.hyperscriptStyle(part)
            var item: EventTarget?
            if s.hasPrefix("closest ") {
                item = try closest(base, String(s.dropFirst(8))).map { .node($0) }
            } else if s.hasPrefix("find ") {
                item = try queryFirst(base, String(s.dropFirst(5))).map { .node($0) }
            } else if s.hasPrefix("findAll ") {
                result += try queryAll(base, String(s.dropFirst(8))).map { .node($0) }
            } else if s == "next" || s == "nextElementSibling" {
                item = base.nextElementSibling.map { .node($0) }
            } else if s.hasPrefix("next ") {
                item = try queryAll(document.node, String(s.dropFirst(5))).first(where: { DOMQuery.follows($0, base) }).map { .node($0) }
            } else if s == "previous" || s == "previousElementSibling" {
                item = base.previousElementSibling.map { .node($0) }
            } else if s.hasPrefix("previous ") {
                item = try queryAll(document.node, String(s.dropFirst(9))).reversed().first(where: { DOMQuery.follows(base, $0) }).map { .node($0) }
            } else if s == "document" {
                item = .node(document.node)
            } else if s == "window" {
                item = .window
            } else if s == "body" {
                item = document.body.map { .node($0) }
            } else if s == "host" {
                item = nil // no shadow roots in the model
            } else if s == "this" {
                if let thisAttr {
                    result += findThisElements(base, thisAttr).map { .node($0) }
                    continue
                }
                item = .node(base)
            } else {
                plain.append(s)
            }
            if let item { result.append(item) }
        }
        if !plain.isEmpty {
            result += try queryAll(document.node, plain.joined(separator: ",")).map { .node($0) }
        }
        var seen = Set<EventTarget>()
        return result.filter { seen.insert($0).inserted }
    }

    /// The elements of ``findAll`` (document and window dropped).
    func findAllElements(_ elt: Node?, _ selector: String, thisAttr: String? = nil) throws(HTMX4Error) -> [Node] {
        try findAll(elt, selector, thisAttr: thisAttr).compactMap { t in t.node.flatMap { $0.isElement ? $0 : nil } }
    }

    /// `__findExt` (and `__findOrWarn`, whose warning becomes a diagnostic).
    func findFirst(_ elt: Node?, _ selector: String, thisAttr: String? = nil, warn: Bool = false) throws(HTMX4Error) -> Node? {
        let found = try findAll(elt, selector, thisAttr: thisAttr).first?.node
        if found == nil && warn {
            diagnose("target", elt, "'\(selector)' on \(thisAttr ?? "a selector") did not match any element")
        }
        return found
    }

    /// `__stringHyperscriptStyleSelector`: trimmed, `<X/>` unwrapped.
    static func hyperscriptStyle(_ part: String) -> String {
        let s = HCON.trim(part)
        if s.hasPrefix("<") && s.hasSuffix("/>") && s.count >= 3 { return String(s.dropFirst().dropLast(2)) }
        return s
    }

    /// `__findThisElements`: the elements whose value of `attrName` (own or inherited)
    /// names `this`.
    func findThisElements(_ elt: Node, _ attrName: String) -> [Node] {
        var result: [Node] = []
        _ = attributeValue(elt, attrName) { value, e in
            let words = value.split(whereSeparator: { $0 == "," || $0 == ":" }).map { HCON.trim(String($0)) }
            if words.contains("this") { result.append(e) }
        }
        return result
    }

    /// `__resolveTarget`: an element as is, a selector found from `elt` (warning when it
    /// matches nothing), else the body for a boosted element, else the element itself.
    func resolveTarget(_ elt: Node, _ ref: HTMX4TargetRef?) throws(HTMX4Error) -> Node? {
        switch ref {
        case .element(let n)?: return n
        case .selector(let s)?: return try findFirst(elt, s, thisAttr: "hx-target", warn: true)
        case nil: return props[elt]?.boosted != nil ? document.body : elt
        }
    }
}
