import HTMLModel

/// Freeing removed content during a run without leaving any handle on freed memory.
///
/// A ``Node`` is a pointer into libxml2 memory that ``Document`` frees in
/// ``Document/releaseDetachedNodes(keepingSubtreesOf:)``. The rule: a detached subtree is freed
/// only when no code can read a handle into it any more, which is when
/// 1. no pending timer may hold a handle (``VirtualScheduler/pendingTasksHoldingNodes`` is 0:
///    settle and swap delays, trigger delays, polling, request completions and timeouts all
///    count, as does any timer not scheduled with `scheduleWithoutNodes`),
/// 2. no dispatch is under way and no request is in flight or queued (their closures capture
///    elements and events),
/// 3. and the subtree holds none of the nodes that long-lived state still names: elements
///    whose htmx data keeps listeners, handlers, timers, extension data or other elements
///    (their listener closures capture them), the nodes that data names, the hx-preserve
///    pantry, what extensions report in ``HTMX2Extension/heldNodes``, and the caller's pins.
/// Listeners keyed by a freed node and htmx data of freed elements are dropped first, so a new
/// node allocated at the same address inherits nothing.
extension HTMX2Runtime {
    /// Frees the removed content nothing can reach (see the rules above) when at least
    /// `minimum` subtrees were detached since the last release (and at least half as many as the
    /// elements htmx tracks, so that the scan of that data stays amortised; `minimum` 0 drops
    /// that condition too). Call it between
    /// scheduler tasks (``VirtualScheduler/afterEachTask``). `extra` lists nodes the caller
    /// itself still holds. Returns whether it freed.
    @discardableResult
    public func releaseUnreachableDetachedNodes(pinning extra: [Node] = [], whenAtLeast minimum: Int = 256) -> Bool {
        let detached = document.detachedSinceRelease
        guard detached >= minimum, minimum == 0 || detached >= nodeData.count / 2 else { return false }
        guard scheduler.pendingTasksHoldingNodes == 0, dispatcher.depth == 0 else { return false }
        var pins = extra
        pins.append(contentsOf: preservePantry)
        // The data of detached elements, with the top of their subtree: what may be forgotten.
        var detachedData: [(node: Node, top: Node)] = []
        for (node, d) in nodeData {
            if d.inFlight != nil || !d.queuedRequests.isEmpty { return false }
            if let top = document.detachedTop(of: node) { detachedData.append((node, top)) }
            if d.holdsReferences { pins.append(node) }
            if let b = d.lastButtonClicked { pins.append(b) }
            for info in d.listenerInfos { if let n = info.target.node { pins.append(n) } }
            for values in d.lastValue.values { pins.append(contentsOf: values.keys) }
        }
        for ext in extensions.values { pins.append(contentsOf: ext.heldNodes) }
        var kept = Set<Node>()
        for p in pins {
            if let top = document.detachedTop(of: p) { kept.insert(top) }
        }
        let document = self.document
        let doomed = { (n: Node) in document.willRelease(n, keepingSubtreesOf: kept) }
        // Forgetting goes by the data's keys (walked above anyway), not by every node the
        // release frees (a removal hashed per freed node cost more than the rest).
        for (node, top) in detachedData where !kept.contains(top) { nodeData[node] = nil }
        dispatcher.removeListeners(onNodesWhere: doomed)
        document.releaseDetachedNodes(keepingSubtreesOf: kept)
        return true
    }
}

extension HTMX2NodeData {
    /// Whether this data keeps something that may use its element later: listeners and
    /// handlers (closures capturing it), timers, a request, extension state or other elements.
    var holdsReferences: Bool {
        !listenerInfos.isEmpty || !onHandlers.isEmpty || timeout != nil || delayed != nil || throttle != nil
            || inFlight != nil || !queuedRequests.isEmpty || !extensionData.isEmpty || lastButtonClicked != nil
            || !lastValue.isEmpty
    }
}
