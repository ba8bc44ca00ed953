import HTMLModel

/// htmx 4's morphing swaps (`innerMorph` / `outerMorph`, `__morph` and helpers): the new
/// content is matched against the old children by persistent ids, then by equality, then
/// softly by tag, so matched elements keep their identity and state.
extension HTMX4Runtime {
    final class MorphContext {
        let target: Node
        var idMap: [Node: Set<String>]
        let persistentIds: Set<String>
        let pantry: Node
        var futureMatches = Set<Node>()

        init(target: Node, idMap: [Node: Set<String>], persistentIds: Set<String>, pantry: Node) {
            self.target = target
            self.idMap = idMap
            self.persistentIds = persistentIds
            self.pantry = pantry
        }
    }

    /// `__morph`.
    func morph(_ old: Node, _ fragment: Node, inner: Bool) {
        let (persistentIds, idMap) = createIdMaps(old, fragment)
        let pantry = document.createElement("div")
        pantry.setAttribute("hidden", "")
        if let body = document.body, let html = body.parent { html.insert(pantry, before: body.nextSibling) }
        let ctx = MorphContext(target: old, idMap: idMap, persistentIds: persistentIds, pantry: pantry)
        if inner {
            morphChildren(ctx, old, fragment)
        } else if let parent = old.parent {
            morphChildren(ctx, parent, fragment, insertionPoint: old, endPoint: old.nextSibling)
        }
        cleanup(pantry)
        pantry.remove()
    }

    private func morphChildren(_ ctx: MorphContext, _ oldParent: Node, _ newParent: Node,
                               insertionPoint start: Node? = nil, endPoint: Node? = nil) {
        var insertionPoint = start ?? oldParent.firstChild
        var newChild = newParent.firstChild
        while let nc = newChild {
            var matched: Node?
            if let ip = insertionPoint, ip != endPoint {
                matched = findBestMatch(ctx, nc, ip, endPoint)
                if let m = matched, m != ip {
                    var cursor: Node? = ip
                    while let c = cursor, c != m {
                        cursor = c.nextSibling
                        if c.isElement && (ctx.idMap[c] != nil || matchesUpcomingSibling(ctx, c, nc)) {
                            oldParent.insert(c, before: endPoint)
                        } else {
                            removeMorphNode(ctx, c)
                        }
                    }
                }
            }
            if matched == nil, nc.isElement, ctx.persistentIds.contains(nc.id) {
                let id = nc.id
                let found = (ctx.target.id == id ? ctx.target : nil)
                    ?? ctx.target.firstDescendant(where: { $0.isElement && $0.id == id })
                    ?? ctx.pantry.firstDescendant(where: { $0.isElement && $0.id == id })
                if let m = found {
                    var e = m.parent
                    while let p = e {
                        if var set = ctx.idMap[p] {
                            set.remove(id)
                            ctx.idMap[p] = set.isEmpty ? nil : set
                        }
                        e = p.parent
                    }
                    oldParent.insert(m, before: insertionPoint)
                    matched = m
                }
            }
            if let m = matched {
                morphNode(m, nc, ctx)
                insertionPoint = m.nextSibling
                newChild = nc.nextSibling
                continue
            }
            let next = nc.nextSibling
            if ctx.idMap[nc] != nil {
                let placeholder = document.createElement(nc.localName, namespace: nc.namespace)
                oldParent.insert(placeholder, before: insertionPoint)
                morphNode(placeholder, nc, ctx)
                insertionPoint = placeholder.nextSibling
            } else {
                oldParent.insert(nc, before: insertionPoint)
                insertionPoint = nc.nextSibling
            }
            newChild = next
        }
        while let ip = insertionPoint, ip != endPoint {
            insertionPoint = ip.nextSibling
            removeMorphNode(ctx, ip)
        }
    }

    private func matchesUpcomingSibling(_ ctx: MorphContext, _ old: Node, _ start: Node) -> Bool {
        if ctx.futureMatches.contains(old) { return true }
        var sibling = start.nextSibling
        var i = 0.0
        while let s = sibling, i < config.morphScanLimit {
            if s.isElement && Self.isEqualNode(old, s) {
                ctx.futureMatches.insert(old)
                return true
            }
            sibling = s.nextSibling
            i += 1
        }
        return false
    }

    private func findBestMatch(_ ctx: MorphContext, _ node: Node, _ start: Node, _ end: Node?) -> Node? {
        if node.isText { return start.isText ? start : nil }
        guard node.isElement else { return nil }
        var softMatch: Node?
        var displaced = 0
        var scanLimit = config.morphScanLimit
        let newSet = ctx.idMap[node]
        let nodeMatchCount = newSet?.count ?? 0
        if !node.id.isEmpty && newSet == nil { return nil }
        var cursor: Node? = start
        while let c = cursor, c != end {
            let oldSet = ctx.idMap[c]
            if isSoftMatch(c, node) {
                if let o = oldSet, let n = newSet, !o.isDisjoint(with: n) { return c }
                if oldSet == nil {
                    if scanLimit > 0 && Self.isEqualNode(c, node) { return c }
                    if softMatch == nil { softMatch = c }
                }
            }
            displaced += oldSet?.count ?? 0
            if displaced > nodeMatchCount { break }
            scanLimit -= 1
            if scanLimit < 1 && nodeMatchCount == 0 { break }
            cursor = c.nextSibling
        }
        if let s = softMatch, matchesUpcomingSibling(ctx, s, node) { return nil }
        return softMatch
    }

    /// `__isSoftMatch`.
    func isSoftMatch(_ old: Node, _ new: Node) -> Bool {
        guard old.isElement, old.tagName == new.tagName else { return false }
        if old.isHTMLElement(named: "script") && !Self.isEqualNode(old, new) { return false }
        return old.id.isEmpty || old.id == new.id
    }

    private func removeMorphNode(_ ctx: MorphContext, _ node: Node) {
        if ctx.idMap[node] != nil {
            ctx.pantry.append(node)
        } else {
            cleanup(node)
            node.remove()
        }
    }

    private func morphNode(_ old: Node, _ new: Node, _ ctx: MorphContext) {
        if old.isText {
            if old.textContent != new.textContent { old.setTextContent(new.textContent ?? "") }
            return
        }
        guard old.isElement else { return }
        if let skip = config.string("morphSkip"), DOMQuery.matches(old, skip) { return }
        copyAttributes(old, from: new)
        let skipChildren = config.string("morphSkipChildren").map { DOMQuery.matches(old, $0) } ?? false
        if !skipChildren && (!Self.isEqualNode(old, new) || new.isHTMLElement(named: "template")
                             || new.firstDescendant(where: { $0.isHTMLElement(named: "template") }) != nil) {
            morphChildren(ctx, old, new)
        }
    }

    /// `__createIdMaps`: ids present, with the same tag and once only, on both sides are
    /// persistent; every ancestor (up to the roots) records the persistent ids below it.
    private func createIdMaps(_ old: Node, _ fragment: Node) -> (Set<String>, [Node: Set<String>]) {
        let oldIds = eltAndDescendants(old) { $0.hasAttribute("id") }
        let newIds = fragment.descendantElements(where: { $0.hasAttribute("id") })
        var duplicates = Set<String>()
        var oldTags: [String: String] = [:]
        for e in oldIds {
            if oldTags[e.id] != nil { duplicates.insert(e.id) } else if !e.id.isEmpty { oldTags[e.id] = e.tagName }
        }
        var persistent = Set<String>()
        for e in newIds {
            if persistent.contains(e.id) { duplicates.insert(e.id) } else if oldTags[e.id] == e.tagName { persistent.insert(e.id) }
        }
        persistent.subtract(duplicates)
        var idMap: [Node: Set<String>] = [:]
        func populate(_ root: Node?, _ elements: [Node]) {
            for e in elements where persistent.contains(e.id) {
                var cur: Node? = e
                while let c = cur, c != root {
                    idMap[c, default: []].insert(e.id)
                    cur = c.parentElement
                }
            }
        }
        populate(old.parentElement, oldIds)
        populate(fragment, newIds)
        return (persistent, idMap)
    }

    /// `Node.isEqualNode`: same kind, name, namespace, attributes (as a set) and data, and
    /// equal children in order. Iterative: response depth must not reach the call stack.
    static func isEqualNode(_ a: Node, _ b: Node) -> Bool {
        var stack = [(a, b)]
        while let (x, y) = stack.popLast() {
            guard x.kind == y.kind else { return false }
            if x.isElement {
                guard x.localName == y.localName, x.namespace == y.namespace else { return false }
                let xa = x.attributes
                guard xa.count == y.attributes.count else { return false }
                for attr in xa where y.attribute(attr.name) != attr.value { return false }
            } else if x.nodeName != y.nodeName || x.textContent != y.textContent {
                return false
            }
            var cx = x.firstChild, cy = y.firstChild
            while let p = cx, let q = cy {
                stack.append((p, q))
                cx = p.nextSibling
                cy = q.nextSibling
            }
            if cx != nil || cy != nil { return false }
        }
        return true
    }
}
