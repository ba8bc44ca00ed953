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
    func prefixes(_ s: String) -> [String] { prefixed(s).names }

    /// `__prefixes`' names, and their bytes for the attribute-name scans that rule most
    /// elements out before any lookup (kept per config: every response element is asked).
    struct PrefixedNames {
        var names: [String]
        /// As stored, for prefix matches (`hx-on…`).
        var utf8: [[UInt8]]
        /// ASCII case folded, for whole-name matches.
        var folded: [[UInt8]]
    }

    func prefixed(_ s: String) -> PrefixedNames {
        if prefixCache.generation != config.generation { prefixCache = (config.generation, [:]) }
        if let cached = prefixCache.names[s] { return cached }
        let names = config.prefix.map { [s, s.replacingAll("hx-", with: $0)] } ?? [s]
        let entry = PrefixedNames(names: names, utf8: names.map { Array($0.utf8) }, folded: Node.foldedAttributeNames(names))
        prefixCache.names[s] = entry
        return entry
    }

    /// The names `__attributeValue` looks for, under the current prefix and meta character.
    struct AttributeNames {
        /// `[name, name with hx- replaced once]` for `__attr` / `__attrName`.
        var plain: [String]
        var inherited: [String]
        var append: [String]
        var inheritedAppend: [String]
        /// The attributes that make an ancestor pass its value down.
        var inheritable: [String]
        /// The element's own names (plain, inherited, append) and the inheritable ones,
        /// lower-cased bytes for ``Node/containsAttributeName(caseInsensitivelyIn:)``: most
        /// elements carry none, and one walk over their attributes says so.
        var ownBytes: [[UInt8]] = []
        var inheritableBytes: [[UInt8]] = []
    }

    func attributeNames(_ rawName: String) -> AttributeNames {
        if attributeNameCache.generation != config.generation {
            attributeNameCache = (config.generation, [:])
        }
        if let n = attributeNameCache.names[rawName] { return n }
        let name = adjustMetaCharacter(rawName)
        let inherited = name + adjustMetaCharacter(":inherited")
        let append = adjustMetaCharacter(":append")
        func pair(_ n: String) -> [String] {
            guard let p = config.prefix else { return [n] }
            return [n, n.replacingFirst("hx-", with: p)]
        }
        var names = AttributeNames(plain: pair(name), inherited: pair(inherited), append: pair(name + append),
                                   inheritedAppend: pair(inherited + append),
                                   inheritable: prefixes(config.implicitInheritance ? name : inherited) + prefixes(inherited + append))
        // ASCII case only, as attribute lookups fold it.
        names.ownBytes = Node.foldedAttributeNames(names.plain + names.inherited + names.append + names.inheritedAppend)
        names.inheritableBytes = Node.foldedAttributeNames(names.inheritable)
        attributeNameCache.names[rawName] = names
        return names
    }

    /// `__attr` over precomputed names.
    private func firstValue(_ elt: Node, _ names: [String]) -> String? {
        for n in names { if let v = elt.attribute(n) { return v } }
        return nil
    }

    private func firstName(_ elt: Node, _ names: [String]) -> String? {
        names.first { elt.hasAttribute($0) }
    }

    /// `__attributeValue`: the element's own value (plain or `:inherited`), else `:append`
    /// joined to the inherited value, else the value of the closest ancestor that declares
    /// it as inherited (any declaration when `implicitInheritance` is on). `collector` sees
    /// every element whose value took part (`__findThisElements`).
    func attributeValue(_ elt: Node, _ rawName: String, default defaultValue: String? = nil,
                        collector: ((String, Node) -> Void)? = nil) -> String? {
        guard elt.isElement else { return defaultValue }
        let names = attributeNames(rawName)
        let declaresOwn = elt.containsAttributeName(caseInsensitivelyIn: names.ownBytes)
        if declaresOwn, let v = firstValue(elt, names.plain) ?? firstValue(elt, names.inherited) {
            collector?(v, elt)
            return v
        }
        if declaresOwn, let appendName = firstName(elt, names.append) ?? firstName(elt, names.inheritedAppend) {
            let appendValue = elt.attribute(appendName) ?? ""
            collector?(appendValue, elt)
            if let parent = closestDeclaring(above: elt, names) {
                if let parentValue = attributeValue(parent, rawName, collector: collector), !parentValue.isEmpty {
                    return (parentValue + "," + appendValue).filter { $0 != "{" && $0 != "}" }
                }
                return appendValue
            }
            return appendValue
        }
        if let parent = closestDeclaring(above: elt, names) {
            let v = attributeValue(parent, rawName, collector: collector)
            if collector == nil, let v, !v.isEmpty, config.implicitInheritance {
                let detail = HTMX4Detail([("elt", .node(elt)), ("name", .string(adjustMetaCharacter(rawName))), ("parent", .node(parent))])
                for ext in extensions { _ = ext.handle("htmx_after_implicitInheritance", elt, detail, self) }
            }
            return v
        }
        return defaultValue
    }

    /// `elt.parentNode?.closest?.(selector)` for an attribute-presence selector list.
    private func closestDeclaring(above elt: Node, _ names: AttributeNames) -> Node? {
        var cur = elt.parent
        while let c = cur, c.isElement {
            if c.containsAttributeName(caseInsensitivelyIn: names.inheritableBytes),
               names.inheritable.contains(where: { c.hasAttribute($0) }) { return c }
            cur = c.parent
        }
        return nil
    }

    /// `__ignore`: inside `[hx-ignore]` (or its prefixed twin).
    func isIgnored(_ elt: Node) -> Bool {
        guard elt.isElement else { return true }
        let names = prefixes("hx-ignore")
        // Up the ancestors on NodeRefs: asked of every processed element.
        var cur: NodeRef? = elt.ref
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
