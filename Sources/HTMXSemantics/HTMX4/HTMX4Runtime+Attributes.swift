import HTMLModel

/// Attribute lookup with htmx 4's prefix, meta character and explicit inheritance.
extension HTMX4Runtime {
    /// `__attr`: the attribute, else its prefixed twin (`hx-` replaced once).
    func attr(_ elt: Node, _ name: String) -> String? {
        guard elt.isElement else { return nil }
        if let v = elt.attribute(name) { return v }
        guard let p = config.prefix else { return nil }
        return elt.attribute(name.replacingFirst("hx-", with: p))
    }

    /// `__attrName`: which of the two names the element carries.
    func attrName(_ elt: Node, _ name: String) -> String? {
        guard elt.isElement else { return nil }
        if elt.hasAttribute(name) { return name }
        guard let p = config.prefix else { return nil }
        let prefixed = name.replacingFirst("hx-", with: p)
        return elt.hasAttribute(prefixed) ? prefixed : nil
    }

    /// `__prefixes`: the name and, with a prefix, the name with every `hx-` replaced.
    func prefixes(_ s: String) -> [String] {
        guard let p = config.prefix else { return [s] }
        return [s, s.replacingAll("hx-", with: p)]
    }

    /// `__attributeValue`: the element's own value (plain or `:inherited`), else `:append`
    /// joined to the inherited value, else the value of the closest ancestor that declares
    /// it as inherited (any declaration when `implicitInheritance` is on). `collector` sees
    /// every element whose value took part (`__findThisElements`).
    func attributeValue(_ elt: Node, _ rawName: String, default defaultValue: String? = nil,
                        collector: ((String, Node) -> Void)? = nil) -> String? {
        let name = adjustMetaCharacter(rawName)
        let inherited = adjustMetaCharacter(":inherited")
        let append = adjustMetaCharacter(":append")
        if let v = attr(elt, name) ?? attr(elt, name + inherited) {
            collector?(v, elt)
            return v
        }
        let inheritNames = prefixes(config.implicitInheritance ? name : name + inherited) + prefixes(name + inherited + append)
        if let appendName = attrName(elt, name + append) ?? attrName(elt, name + inherited + append) {
            let appendValue = elt.attribute(appendName) ?? ""
            collector?(appendValue, elt)
            if let parent = closestDeclaring(above: elt, inheritNames) {
                if let parentValue = attributeValue(parent, rawName, collector: collector), !parentValue.isEmpty {
                    return (parentValue + "," + appendValue).filter { $0 != "{" && $0 != "}" }
                }
                return appendValue
            }
            return appendValue
        }
        if let parent = closestDeclaring(above: elt, inheritNames) {
            let v = attributeValue(parent, rawName, collector: collector)
            if collector == nil, let v, !v.isEmpty, config.implicitInheritance {
                let detail = HTMX4Detail([("elt", .node(elt)), ("name", .string(name)), ("parent", .node(parent))])
                for ext in extensions { _ = ext.handle("htmx_after_implicitInheritance", elt, detail, self) }
            }
            return v
        }
        return defaultValue
    }

    /// `elt.parentNode?.closest?.(selector)` for an attribute-presence selector list.
    private func closestDeclaring(above elt: Node, _ names: [String]) -> Node? {
        var cur = elt.parent
        while let c = cur, c.isElement {
            if names.contains(where: { c.hasAttribute($0) }) { return c }
            cur = c.parent
        }
        return nil
    }

    /// `__ignore`: inside `[hx-ignore]` (or its prefixed twin).
    func isIgnored(_ elt: Node) -> Bool {
        guard elt.isElement else { return true }
        let names = ["hx-ignore"] + (config.prefix.map { [$0 + "ignore"] } ?? [])
        var cur: Node? = elt
        while let c = cur, c.isElement {
            if names.contains(where: { c.hasAttribute($0) }) { return true }
            cur = c.parent
        }
        return false
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        replacing(target, with: replacement, maxReplacements: 1)
    }

    func replacingAll(_ target: String, with replacement: String) -> String {
        replacing(target, with: replacement)
    }
}
