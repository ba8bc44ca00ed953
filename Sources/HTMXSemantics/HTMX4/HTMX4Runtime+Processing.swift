import HTMLModel

/// `process`, element initialisation, `hx-on`, boosting and cleanup.
extension HTMX4Runtime {
    static let verbs = ["get", "post", "put", "patch", "delete"]

    /// `htmx.process(root)`: `htmx:before:process`, `hx-on` wiring (`htmx:before:on:init`
    /// on the root and on every descendant carrying an `hx-on` attribute), initialisation of
    /// every element with an action attribute, boosting, `htmx:after:process`.
    public func process(_ root: Node, force: Bool = false) {
        guard root.isConnected else { return }
        guard root.isElement else { return } // text nodes have no `children` to walk
        if force { cleanup(root, force: true) }
        if isIgnored(root) { return }
        guard fire(root, "htmx:before:process") else { return }
        let names = constructorNames
        var hxOnNodes = [root]
        var actionElements: [Node] = []
        var boostable: [Node] = []
        if root.containsAttributeName(in: names.action) { actionElements.append(root) }
        if root.isHTMLElement(named: "a") || root.isHTMLElement(named: "form") { boostable.append(root) }
        // One walk collects what htmx's three queries (XPath for hx-on, the action selector,
        // `a,form`) find, each in tree order; only those elements become Nodes.
        root.forEachDescendantElement { d in
            let hxOn = d.containsAttributeName(withPrefixIn: names.on)
            let action = d.containsAttributeName(in: names.action)
            let boost = d.isHTMLElement(named: "a") || d.isHTMLElement(named: "form")
            guard hxOn || action || boost else { return }
            let n = root.sameDocumentNode(d)
            if hxOn { hxOnNodes.append(n) }
            if action { actionElements.append(n) }
            if boost { boostable.append(n) }
        }
        do throws(HTMX4Error) {
            for n in hxOnNodes where !isIgnored(n) && fire(n, "htmx:before:on:init") {
                try handleHxOnAttributes(n)
            }
            for elt in actionElements {
                try initializeElement(elt)
            }
        } catch {
            // The exception leaves `process`: the rest of the subtree stays unprocessed and
            // htmx:after:process never fires.
            diagnose("exception", root, "htmx 4 throws '\(error.message)' while processing: the rest of this subtree is not processed")
            return
        }
        for elt in boostable {
            maybeBoost(elt)
        }
        fire(root, "htmx:after:process")
    }

    /// The constructor's selectors were built with the prefix known then (meta config):
    /// `#hxOnQuery`'s name prefixes and `#actionSelector`'s names, as bytes.
    struct ConstructorNames {
        var on: [[UInt8]]
        var action: [[UInt8]]
    }

    static func constructorNames(prefix: String?) -> ConstructorNames {
        func both(_ s: String) -> [[UInt8]] {
            guard let p = prefix else { return [Array(s.utf8)] }
            return [Array(s.utf8), Array(s.replacingAll("hx-", with: p).utf8)]
        }
        return ConstructorNames(on: both("hx-on"), action: both("hx-action") + verbs.flatMap { both("hx-" + $0) })
    }

    /// `__queryEltAndDescendants` with a predicate instead of a selector.
    func eltAndDescendants(_ root: Node, where match: (Node) -> Bool) -> [Node] {
        var out: [Node] = []
        if root.isElement && match(root) { out.append(root) }
        out += root.descendants(where: { $0.isElement && match($0) })
        return out
    }

    func shouldInitialize(_ elt: Node) -> Bool {
        !(props[elt]?.initialized ?? false) && !isIgnored(elt)
    }

    /// `__initializeElement`.
    func initializeElement(_ elt: Node) throws(HTMX4Error) {
        guard shouldInitialize(elt), fire(elt, "htmx:before:init") else { return }
        let p = prop(elt)
        p.initialized = true
        p.eventHandler = makeEventHandler(elt)
        try initializeTriggers(elt)
        // `__initializeAbortListener`
        let id = dispatcher.addListener(.node(elt), "htmx:abort") { [unowned self] _ in
            (try? requestQueue(for: elt))?.abortCurrent()
        }
        p.listeners.append((.node(elt), "htmx:abort", id))
        fire(elt, "htmx:after:init")
    }

    /// `__createHtmxEventHandler`.
    func makeEventHandler(_ elt: Node) -> (DOMEvent) -> Void {
        { [unowned self] evt in
            do throws(HTMX4Error) {
                let ctx = try createRequestContext(elt, evt)
                try handleTriggerEvent(ctx)
            } catch {
                fire(elt, "htmx:error", HTMX4Detail([("error", error.jsValue)]))
            }
        }
    }

    /// `__maybeBoost`.
    func maybeBoost(_ elt: Node) {
        guard let value = attributeValue(elt, "hx-boost"), !value.isEmpty, value != "false", shouldBoost(elt),
              fire(elt, "htmx:before:init") else { return }
        let p = prop(elt)
        p.initialized = true
        let handler = makeEventHandler(elt)
        p.eventHandler = handler
        p.boosted = value
        let type = elt.isHTMLElement(named: "a") ? "click" : "submit"
        let id = dispatcher.addListener(.node(elt), type) { evt in handler(evt) }
        p.listeners.append((.node(elt), type, id))
        fire(elt, "htmx:after:init")
    }

    func shouldBoost(_ elt: Node) -> Bool {
        guard shouldInitialize(elt) else { return false }
        if elt.isHTMLElement(named: "a") {
            let target = elt.attribute("target") ?? ""
            guard target == "" || target.lowercased() == "_self" else { return false }
            let href = elt.attribute("href")
            return !elt.hasAttribute("download") && !(href?.hasPrefix("#") ?? false)
                && URLResolution.isSameOrigin(href ?? "")
        }
        if elt.isHTMLElement(named: "form") {
            return (elt.attribute("method") ?? "").lowercased() != "dialog" && URLResolution.isSameOrigin(elt.attribute("action") ?? "")
        }
        return false
    }

    /// `__handleHxOnAttributes`: `hx-on:EVENT`, `hx-on::EVENT` (htmx events) and the
    /// `hx-on="EVENT -> code; …"` form. The code is JavaScript; the engine runs the few
    /// statement forms it models (``HTMX4InlineHandler``) and reports the rest.
    func handleHxOnAttributes(_ node: Node) throws(HTMX4Error) {
        if props[node]?.onInitialized ?? false { return }
        let prefixed = prefixed("hx-on")
        // Most elements have no such attribute: one walk over the name bytes says so before
        // any attribute is built as a String.
        guard node.containsAttributeName(withPrefixIn: prefixed.utf8) else { return }
        let names = prefixed.names
        let mc = config.metaCharacter ?? ":"
        for a in node.attributes {
            guard let prefix = names.first(where: { a.name.hasPrefix($0) }) else { continue }
            prop(node).onInitialized = true
            let rest = String(a.name.dropFirst(prefix.count))
            if rest.isEmpty {
                for part in Self.splitOnStatements(a.value) {
                    guard let arrow = part.firstRange(of: "->") else { continue }
                    let spec = HCON.trim(String(part[..<arrow.lowerBound]))
                    let code = HCON.trim(String(part[arrow.upperBound...]))
                    try onTrigger(node, spec, inlineHandler(node, code))
                }
                continue
            }
            guard rest.hasPrefix(mc) else { continue }
            var eventName = String(rest.dropFirst(mc.count))
            if eventName.hasPrefix(mc) { eventName = "htmx" + mc + eventName.dropFirst(mc.count) }
            try onTrigger(node, eventName, inlineHandler(node, a.value))
        }
    }

    /// `value.split(/;(?=[^;]*->)/)`: a `;` splits only when another `->` follows before
    /// the next `;`.
    static func splitOnStatements(_ value: String) -> [String] {
        let b = Array(value.utf8)
        var parts: [String] = []
        var start = 0
        for i in b.indices where b[i] == UInt8(ascii: ";") {
            var j = i + 1
            var arrow = false
            while j < b.count, b[j] != UInt8(ascii: ";") {
                if b[j] == UInt8(ascii: "-"), j + 1 < b.count, b[j + 1] == UInt8(ascii: ">") { arrow = true; break }
                j += 1
            }
            if arrow {
                parts.append(String(decoding: b[start..<i], as: UTF8.self))
                start = i + 1
            }
        }
        parts.append(String(decoding: b[start...], as: UTF8.self))
        return parts
    }

    func inlineHandler(_ node: Node, _ code: String) -> (DOMEvent) -> Void {
        let handler = HTMX4InlineHandler(code)
        if handler == nil {
            diagnose("javascript", node, "hx-on code is JavaScript and is not run: \(code)")
        }
        return { evt in handler?.run(evt) }
    }

    /// `__cleanup`: for the element and every powered descendant with htmx state,
    /// `htmx:before:cleanup`, timers and listeners dropped, `data-htmx-powered` removed,
    /// `htmx:after:cleanup`; with `force` the state is forgotten too.
    func cleanup(_ elt: Node, force: Bool = false) {
        guard elt.isElement else { return }
        var elts = [elt]
        elts += elt.descendantElements(where: { $0.hasAttribute("data-htmx-powered") })
        for e in elts {
            guard let p = props[e] else { continue }
            fire(e, "htmx:before:cleanup")
            for spec in p.triggerSpecs { spec.stop(scheduler) }
            for l in p.listeners { dispatcher.removeListener(l.target, l.type, l.id) }
            p.listeners.removeAll()
            e.removeAttribute("data-htmx-powered")
            fire(e, "htmx:after:cleanup")
            if force { props[e] = nil }
        }
    }
}
