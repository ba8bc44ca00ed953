import HTMLModel

/// Freeing removed content during an htmx 4 run, under the rule of
/// `HTMX2Runtime.releaseUnreachableDetachedNodes`: a detached subtree is freed only when no
/// pending timer or microtask may hold a handle into it, no dispatch is under way, and it
/// and no request is in flight or queued (their closures hold indicators and disabled
/// elements), and the subtree holds none of the nodes long-lived state still names (elements
/// with listeners or trigger state, the elements their listeners sit on, the `changed`
/// sources, the nodes of every hx-sse connection, and the caller's pins).
extension HTMX4Runtime {
    @discardableResult
    public func releaseUnreachableDetachedNodes(pinning extra: [Node] = [], whenAtLeast minimum: Int = 256) -> Bool {
        let detached = document.detachedSinceRelease
        guard detached >= minimum, minimum == 0 || detached >= props.count / 2 else { return false }
        guard scheduler.pendingTasksHoldingNodes == 0, !scheduler.hasPendingMicrotasks, dispatcher.depth == 0 else { return false }
        // A request's closures hold its indicators and disabled elements: none may be pending.
        guard inFlight.isEmpty, !states.values.contains(where: { $0.queue?.current != nil || $0.queue?.hasMore == true }) else { return false }
        var pins = extra
        func pin(_ ctx: HTMX4RequestContext) {
            pins.append(ctx.sourceElement)
            if case .element(let t)? = ctx.target { pins.append(t) }
            if let f = ctx.form { pins.append(f) }
            if let s = ctx.submitter { pins.append(s) }
            if let n = ctx.sourceEvent?.target?.node { pins.append(n) }
        }
        // The state of detached nodes, with the top of their subtree: what may be forgotten.
        var detachedProps: [(node: Node, top: Node)] = []
        for (node, p) in props {
            if let top = document.detachedTop(of: node) { detachedProps.append((node, top)) }
            if !p.listeners.isEmpty || !p.triggerSpecs.isEmpty || p.eventHandler != nil || p.sse != nil { pins.append(node) }
            for l in p.listeners { if let n = l.target.node { pins.append(n) } }
            for spec in p.triggerSpecs {
                for key in spec.values.keys { if let n = key.node { pins.append(n) } }
                if let n = spec.throttledEvent?.target?.node { pins.append(n) }
            }
            if let c = p.sse as? HTMX4SSEConnection { pin(c.ctx) }
        }
        var detachedStates: [(node: Node, top: Node)] = []
        for (node, s) in states {
            if let top = document.detachedTop(of: node) { detachedStates.append((node, top)) }
            if s.requestCount > 0 || s.disableCount > 0 { pins.append(node) }
        }
        var kept = Set<Node>()
        for p in pins {
            if let top = document.detachedTop(of: p) { kept.insert(top) }
        }
        let document = self.document
        let doomed = { (n: Node) in document.willRelease(n, keepingSubtreesOf: kept) }
        // Forgetting goes by the state's keys (a few per processed element), not by every
        // node the release frees (a removal hashed per freed node cost more than the rest).
        for (node, top) in detachedProps where !kept.contains(top) { props[node] = nil }
        for (node, top) in detachedStates where !kept.contains(top) { states[node] = nil }
        dispatcher.removeListeners(onNodesWhere: doomed)
        document.releaseDetachedNodes(keepingSubtreesOf: kept)
        return true
    }
}
