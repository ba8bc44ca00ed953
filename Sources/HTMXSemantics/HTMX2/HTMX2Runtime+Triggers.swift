import HTMLModel

/// What htmx keeps on an event (htmx.js getInternalData(evt)): the elements that already
/// handled it and the spec that did.
final class HTMX2EventData {
    var handledFor: [Node] = []
    var triggerSpec: TriggerSpec?
}

extension HTMX2Runtime {
    typealias TriggerHandler = (Node, DOMEvent?) -> Void

    func eventData(_ evt: DOMEvent) -> HTMX2EventData {
        if let d = evt.engineData as? HTMX2EventData { return d }
        let d = HTMX2EventData()
        evt.engineData = d
        return d
    }

    /// htmx.js addTriggerHandler.
    func addTriggerHandler(_ elt: Node, _ spec: TriggerSpec, _ d: HTMX2NodeData, _ handler: @escaping TriggerHandler) {
        switch spec.trigger {
        case "revealed", "intersect":
            // No layout: these fire only when an action dispatches the event.
            diagnose("trigger", elt, "\(spec.trigger) needs layout; it fires only when an action dispatches it")
            addEventListener(elt, d, spec, explicitCancel: false, handler)
        case "load" where !d.firstInitCompleted:
            let evt = DOMEvent(type: "load", detail: .object(JSObject([("elt", .node(elt))])))
            if !maybeFilterEvent(spec, elt, evt) {
                loadImmediately(elt, d, delay: spec.delay ?? 0, handler)
            }
        default:
            if spec.pollsByTimer {
                d.polling = true
                processPolling(elt, spec, handler)
            } else {
                addEventListener(elt, d, spec, explicitCancel: false, handler)
            }
        }
    }

    /// htmx.js loadImmediately.
    func loadImmediately(_ elt: Node, _ d: HTMX2NodeData, delay: Double, _ handler: @escaping TriggerHandler) {
        let load = { [self] in
            if !d.loaded {
                d.loaded = true
                triggerEvent(elt, "htmx:trigger")
                handler(elt, nil)
            }
        }
        if delay > 0 { scheduler.schedule(after: delay, load) } else { load() }
    }

    /// htmx.js processPolling: a chain of timeouts, stopped when the element leaves the
    /// document or polling was cancelled (status 286).
    func processPolling(_ elt: Node, _ spec: TriggerSpec, _ handler: @escaping TriggerHandler) {
        let d = data(elt)
        d.timeout = scheduler.schedule(after: spec.pollInterval ?? 0) { [self] in
            guard bodyContains(elt), !d.cancelled else { return }
            let evt = DOMEvent(type: "hx:poll:trigger", detail: .object(JSObject([("target", .node(elt))])))
            if !maybeFilterEvent(spec, elt, evt) { handler(elt, nil) }
            processPolling(elt, spec, handler)
        }
    }

    /// htmx.js maybeFilterEvent: true when the event is filtered out. The filter is
    /// JavaScript; simple pure forms are evaluated from the event, anything else is
    /// diagnosed and treated as a throwing filter (`htmx:eventFilter:error`, filtered out).
    func maybeFilterEvent(_ spec: TriggerSpec, _ elt: Node, _ evt: DOMEvent) -> Bool {
        guard let filter = spec.eventFilter else { return false }
        switch TriggerFilterEvaluator.evaluate(filter, event: evt) {
        case .value(let v):
            return v != .bool(true)
        case .unsupported(let why):
            diagnose("trigger-filter", elt, "filter [\(filter.expression)] not evaluated (\(why)); treated as throwing")
            if let body = document.body {
                triggerErrorEvent(body, "htmx:eventFilter:error", JSObject([("source", .string(filter.compiledSource))]))
            }
            return true
        }
    }

    /// htmx.js shouldCancel.
    func shouldCancel(_ evt: DOMEvent, _ elt: Node) -> Bool {
        if evt.type == "submit" && elt.isHTMLElement(named: "form") { return true }
        if evt.type == "click" {
            if let btn = DOMQuery.closest(elt, "input[type=\"submit\"], button"),
               FormControls.buttonType(btn) == "submit", relatedFormOwner(btn) != nil {
                return true
            }
            if let link = DOMQuery.closest(elt, "a"), let href = link.attribute("href") {
                let samePageAnchor = href.hasPrefix("#") && href.count > 1
                if !samePageAnchor { return true }
            }
        }
        return false
    }

    /// `button.form`: the form owner (form attribute, else the nearest ancestor form).
    func relatedFormOwner(_ elt: Node) -> Node? {
        if let id = elt.attribute("form") {
            guard let f = document.element(byID: id), f.isHTMLElement(named: "form") else { return nil }
            return f
        }
        return DOMQuery.closest(elt, "form")
    }

    /// htmx.js addEventListener: the per-element trigger listener with its modifiers.
    func addEventListener(_ elt: Node, _ d: HTMX2NodeData, _ spec: TriggerSpec, explicitCancel: Bool,
                          _ handler: @escaping TriggerHandler) {
        var targets: [EventTarget]
        if let from = spec.from, !from.isEmpty {
            targets = querySelectorExt(elt, from).map { t -> EventTarget in
                switch t {
                case .node(let n): return .node(n)
                case .window: return .window
                }
            }
        } else {
            targets = [.node(elt)]
        }
        nextSpecID += 1
        let specID = nextSpecID
        if spec.changed {
            var values: [Node: String?] = [:]
            for t in targets { if let n = t.node { values[n] = FormControls.value(n) } }
            d.lastValue[specID] = values
        }
        for target in targets {
            var listenerID: EventDispatcher.ListenerID?
            let listener: EventDispatcher.Listener = { [self] evt in
                if !bodyContains(elt) {
                    if let id = listenerID { dispatcher.removeListener(target, spec.trigger, id) }
                    return
                }
                if d.boosted, elt.isHTMLElement(named: "a"), evt.type == "click",
                   evt.fields["ctrlKey"] == .bool(true) || evt.fields["metaKey"] == .bool(true) {
                    return
                }
                // htmx.js shouldCancel calls `closest` on the listened-on element: for a click
                // heard on document or window that throws, ending the listener.
                if !explicitCancel, evt.type == "click", target.node?.isElement != true {
                    diagnose("trigger", elt, "click heard on \(target.node == nil ? "window" : "document"): htmx's shouldCancel throws (no closest), the trigger does nothing")
                    return
                }
                if explicitCancel || (target.node.map { shouldCancel(evt, $0) } ?? false) {
                    evt.preventDefault()
                }
                if maybeFilterEvent(spec, elt, evt) { return }
                let ed = eventData(evt)
                ed.triggerSpec = spec
                guard !ed.handledFor.contains(elt) else { return }
                ed.handledFor.append(elt)
                if spec.consume { evt.stopPropagation() }
                if let sel = spec.target, !sel.isEmpty, let t = evt.target {
                    guard let tn = t.node, DOMQuery.matches(tn, sel) else { return }
                }
                if spec.once {
                    if d.triggeredOnce { return }
                    d.triggeredOnce = true
                }
                if spec.changed, let node = evt.target?.node {
                    let value = FormControls.value(node)
                    var last = d.lastValue[specID] ?? [:]
                    if let seen = last[node], seen == value { return }
                    last[node] = value
                    d.lastValue[specID] = last
                }
                if let delayed = d.delayed { scheduler.cancel(delayed) }
                if d.throttle != nil { return }
                if let throttle = spec.throttle, throttle > 0 {
                    triggerEvent(elt, "htmx:trigger")
                    handler(elt, evt)
                    d.throttle = scheduler.schedule(after: throttle) { d.throttle = nil }
                } else if let delay = spec.delay, delay > 0 {
                    d.delayed = scheduler.schedule(after: delay) { [self] in
                        triggerEvent(elt, "htmx:trigger")
                        handler(elt, evt)
                    }
                } else {
                    triggerEvent(elt, "htmx:trigger")
                    handler(elt, evt)
                }
            }
            let id = dispatcher.addListener(target, spec.trigger, listener)
            listenerID = id
            d.listenerInfos.append((target, spec.trigger, id))
        }
    }
}
