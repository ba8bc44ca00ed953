import HTMLModel

extension HTMX2Runtime {
    /// htmx.js getAttributeValue: `hx-x`, else `data-hx-x`; an empty value counts as absent.
    func attr(_ elt: Node, _ name: String) -> String? {
        guard elt.isElement else { return nil }
        let (plain, data) = elt.attributeAndDataTwin(name)
        if let plain, !plain.isEmpty { return plain }
        if let data, !data.isEmpty { return data }
        return nil
    }

    /// htmx.js getAttributeValue without the empty-means-absent shortcut of `||` for the
    /// second lookup: `getRawAttribute(a) || getRawAttribute(data-a)`, where an empty first
    /// value falls through and an empty second one is returned as "".
    func attrRaw(_ elt: Node, _ name: String) -> String? {
        guard elt.isElement else { return nil }
        let (plain, data) = elt.attributeAndDataTwin(name)
        if let plain, !plain.isEmpty { return plain }
        return data
    }

    /// htmx.js hasAttribute (both prefixes).
    func hasAttr(_ elt: Node, _ name: String) -> Bool {
        elt.isElement && elt.hasAttributeOrDataTwin(name)
    }

    /// htmx.js getClosestAttributeValue with getAttributeValueWithDisinheritance.
    func closestAttr(_ elt: Node, _ name: String) -> String? {
        // Most ancestors carry none of the names that could stop the walk: one pass over
        // their attribute names says so, before the lookups that build values.
        let stoppers = closestAttrNames.value(for: name) { name in
            Node.foldedAttributeNames([name, "data-" + name]
                + (config.disableInheritance ? ["hx-inherit", "data-hx-inherit"] : ["hx-disinherit", "data-hx-disinherit"]))
        }
        var cur: Node? = elt
        while let e = cur {
            if e.isElement, e.containsAttributeName(caseInsensitivelyIn: stoppers),
               let v = valueWithDisinheritance(initial: elt, ancestor: e, name), !v.isEmpty {
                return v == "unset" ? nil : v
            }
            cur = e.parentElement
        }
        return nil
    }

    private func valueWithDisinheritance(initial: Node, ancestor: Node, _ name: String) -> String? {
        let value = attrRaw(ancestor, name)
        guard initial != ancestor else { return value }
        if config.disableInheritance {
            if let inherit = attrRaw(ancestor, "hx-inherit"), InheritanceList.parse(inherit).contains(name) { return value }
            return nil
        }
        if let d = attrRaw(ancestor, "hx-disinherit"), !d.isEmpty, InheritanceList.parse(d).contains(name) { return "unset" }
        return value
    }

    /// htmx.js findThisElement: the closest element that declares the attribute.
    func findThisElement(_ elt: Node, _ name: String) -> Node? {
        var cur: Node? = elt
        while let e = cur {
            if attrRaw(e, name) != nil { return e }
            cur = e.parentElement
        }
        return nil
    }

    /// htmx.js eltIsDisabled: inside `config.disableSelector`.
    func eltIsDisabled(_ elt: Node) -> Bool {
        DOMQuery.closest(elt, config.disableSelector) != nil
    }

    /// htmx.js getTarget.
    func getTarget(_ elt: Node) -> Node? {
        if let t = closestAttr(elt, "hx-target") {
            if t == "this" { return findThisElement(elt, "hx-target") }
            return querySelectorExt(elt, t).first?.node
        }
        return data(elt).boosted ? document.body : elt
    }

    /// htmx.js findAttributeTargets: nil when the attribute is absent; `[dummy]` (an empty
    /// list here, flagged) when the selector matched nothing.
    func findAttributeTargets(_ elt: Node, _ name: String) -> [Node]? {
        guard let value = closestAttr(elt, name) else { return nil }
        if value == "this" { return findThisElement(elt, name).map { [$0] } ?? [] }
        var result = querySelectorExt(elt, value).compactMap(\.node)
        if case .selector(_, let inherits) = AttributeTarget.parse(value).value, inherits {
            var cur = elt.parentElement
            while let p = cur, !hasAttr(p, name) { cur = p.parentElement }
            if let from = cur, let more = findAttributeTargets(from, name) { result += more }
        }
        if result.isEmpty { diagnose("selector", elt, "\(name)=\"\(value)\" matched no element") }
        return result
    }
}

/// A target htmx's extended selectors can yield.
enum HTMX2Target: Equatable {
    case node(Node)
    case window

    var node: Node? { if case .node(let n) = self { return n } else { return nil } }
}

extension HTMX2Runtime {
    /// htmx.js querySelectorAllExt (and querySelectorExt as `.first`).
    func querySelectorExt(_ elt: Node, _ selector: String) -> [HTMX2Target] {
        // A plain CSS selector (every OOB target's `#id`, most `hx-target`s) is one query:
        // what the general path below does for it, without its parts and arrays.
        if ExtendedSelector.isSinglePlainCSS(selector) {
            checkSelector(selector, elt)
            return DOMQuery.all(elt.root, selector).map { .node($0) }
        }
        let parsed = ExtendedSelector.parse(selector)
        diagnose(parsed.diagnostics, elt)
        for part in parsed.value.parts {
            switch part {
            case .closest(let s), .find(let s), .nextMatching(let s), .previousMatching(let s):
                checkSelector(s, elt)
            default: break
            }
        }
        let cssList = parsed.value.cssSelectorList
        if let css = cssList { checkSelector(css, elt) }
        var out: [HTMX2Target] = []
        for part in parsed.value.parts {
            switch part {
            case .closest(let s): if let n = DOMQuery.closest(elt, s) { out.append(.node(n)) }
            case .find(let s): if let n = DOMQuery.first(elt, s) { out.append(.node(n)) }
            case .next: if let n = elt.nextElementSibling { out.append(.node(n)) }
            case .previous: if let n = elt.previousElementSibling { out.append(.node(n)) }
            case .nextMatching(let s):
                let all = DOMQuery.all(elt.root, s)
                if let n = all.first(where: { DOMQuery.follows($0, elt) }) { out.append(.node(n)) }
            case .previousMatching(let s):
                let all = DOMQuery.all(elt.root, s)
                if let n = all.last(where: { DOMQuery.follows(elt, $0) }) { out.append(.node(n)) }
            case .document: out.append(.node(document.node))
            case .window: out.append(.window)
            case .body: if let b = document.body { out.append(.node(b)) }
            case .root: out.append(.node(elt.root))
            case .host: break
            case .css: break
            }
        }
        if let css = cssList {
            out += DOMQuery.all(elt.root, css).map { .node($0) }
        }
        return out
    }

    /// Reports a selector the DOM would reject (its querySelectorAll throws a SyntaxError).
    private func checkSelector(_ selector: String, _ elt: Node) {
        if !DOMQuery.isValid(selector, in: elt.document) {
            diagnose("selector", elt, "\(selector) is not a valid CSS selector; the DOM throws a SyntaxError")
        }
    }
}
