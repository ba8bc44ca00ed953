import HTMLModel

/// One parsed `hx-trigger` spec with its live state (htmx 4 keeps both on the spec object).
final class HTMX4TriggerSpec {
    /// The event name as written, filter included (`keyup[key=='Enter']`).
    let name: String
    let modifiers: HCON.Object
    var listeners: [(target: EventTarget, type: String, id: EventDispatcher.ListenerID)] = []
    var timeout: VirtualScheduler.TimerID?
    var throttleTimeout: VirtualScheduler.TimerID?
    var throttled = false
    var throttledEvent: DOMEvent?
    var interval: VirtualScheduler.TimerID?
    var intervalStopped = false
    /// `changed`: the last `value` seen per source (`spec.values`, a WeakMap).
    var values: [EventTarget: JSValue] = [:]
    /// The throttled entry point, for the call the throttle window makes when it closes.
    var timed: ((DOMEvent) -> Void)?

    init(name: String, modifiers: HCON.Object) {
        self.name = name
        self.modifiers = modifiers
    }

    subscript(_ key: String) -> GrammarJSON.Value? { modifiers[key] }

    func flag(_ key: String) -> Bool { modifiers[key]?.isTruthy ?? false }

    func string(_ key: String) -> String? {
        guard let v = modifiers[key] else { return nil }
        return v.jsString
    }

    func stop(_ scheduler: VirtualScheduler) {
        if let t = timeout { scheduler.cancel(t) }
        if let t = throttleTimeout { scheduler.cancel(t) }
        if let t = interval { scheduler.cancel(t) }
        intervalStopped = true
    }
}

extension HTMX4Runtime {
    /// `__parseTriggerSpecs`: comma-split as HCON does; each part is an event name (with an
    /// optional `[filter]`) and HCON modifiers. Throws on an unterminated filter.
    static func parseTriggerSpecs(_ spec: String) throws(HTMX4Error) -> [HTMX4TriggerSpec] {
        var out: [HTMX4TriggerSpec] = []
        for part in HCON.split(spec) {
            guard let (name, rest) = splitTriggerPart(part) else { continue }
            if let open = name.lastIndex(of: "["), !name[open...].contains("]") {
                throw HTMX4Error(message: "unterminated:" + name)
            }
            out.append(HTMX4TriggerSpec(name: name, modifiers: HCON.parse(rest) ?? HCON.Object()))
        }
        return out
    }

    /// `s.match(/^\s*(\S+\[[^\]]*\]|\S+)\s*(.*?)\s*$/)`.
    static func splitTriggerPart(_ s: String) -> (String, String)? {
        let b = Array(s.utf8)
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0B || c == 0x0C || c == 0x0D }
        func isLineEnd(_ c: UInt8) -> Bool { c == 0x0A || c == 0x0D }
        var i = 0
        while i < b.count, isSpace(b[i]) { i += 1 }
        var runEnd = i
        while runEnd < b.count, !isSpace(b[runEnd]) { runEnd += 1 }
        guard runEnd > i else { return nil }
        var nameEnd = runEnd
        // First alternative: `\S+` (backtracking from the longest) then `[…]`.
        var bracket = runEnd - 1
        while bracket > i {
            if b[bracket] == UInt8(ascii: "["), let close = b[(bracket + 1)...].firstIndex(of: UInt8(ascii: "]")) {
                nameEnd = close + 1
                break
            }
            bracket -= 1
        }
        var j = nameEnd
        while j < b.count, isSpace(b[j]) { j += 1 }
        var k = b.count
        while k > j, isSpace(b[k - 1]) { k -= 1 }
        // `.` does not cross line ends: the pattern fails on a multi-line modifier list.
        if b[j..<k].contains(where: isLineEnd) { return nil }
        return (String(decoding: b[i..<nameEnd], as: UTF8.self), String(decoding: b[j..<k], as: UTF8.self))
    }

    /// `__extractFilter`: `name[filter]` → (name, filter).
    static func extractFilter(_ s: String) -> (String, String?) {
        guard let open = s.firstIndex(of: "[") else { return (s, nil) }
        let afterOpen = s.index(after: open)
        guard let close = s[afterOpen...].firstIndex(of: "]") else { return (s, nil) }
        return (String(s[..<open]), String(s[afterOpen..<close]))
    }

    /// `__initializeTriggers`: `hx-trigger`, else the element's natural event.
    func initializeTriggers(_ elt: Node) throws(HTMX4Error) {
        var spec = attributeValue(elt, "hx-trigger") ?? ""
        if spec.isEmpty {
            if elt.isHTMLElement(named: "form") { spec = "submit" }
            else if isChangeControl(elt) { spec = "change" }
            else { spec = "click" }
        }
        guard let handler = props[elt]?.eventHandler else { return }
        try onTrigger(elt, spec, handler)
    }

    private func isChangeControl(_ elt: Node) -> Bool {
        if elt.isHTMLElement(named: "select") || elt.isHTMLElement(named: "textarea") { return true }
        guard elt.isHTMLElement(named: "input") else { return false }
        let t = elt.attribute("type")
        return t != "button" && t != "submit"
    }

    /// `__onTrigger`: listeners with every modifier (`once`, `prevent`, `stop`, `halt`,
    /// `consume`, `delay`, `throttle`, `changed`, `from`, `target`, `capture`, filters),
    /// `every` intervals and `load`. Throws, as htmx does, on an unterminated filter.
    public func onTrigger(_ elt: Node, _ specString: String, _ handler: @escaping (DOMEvent) -> Void) throws(HTMX4Error) {
        let specs = try Self.parseTriggerSpecs(specString)
        let p = prop(elt)
        p.triggerSpecs += specs
        for spec in specs { try wire(spec, on: elt, handler) }
    }

    private func wire(_ spec: HTMX4TriggerSpec, on elt: Node, _ handler: @escaping (DOMEvent) -> Void) throws(HTMX4Error) {
        var (eventName, filter) = Self.extractFilter(spec.name)
        let from = spec.string("from")
        var fromTargets: [EventTarget] = [.node(elt)]
        if from == "outside" { fromTargets = [.node(document.node)] }
        else if let from, from != "self" { fromTargets = try findAll(elt, from) }

        let inner: (DOMEvent) -> Void = { [unowned self, unowned spec] evt in
            if spec.flag("halt") || spec.flag("prevent") { evt.preventDefault() }
            if spec.flag("halt") || spec.flag("stop") || spec.flag("consume") { evt.stopPropagation() }
            if spec.flag("once") {
                for l in spec.listeners { dispatcher.removeListener(l.target, l.type, l.id) }
            }
            handler(evt)
        }
        var timed = inner
        if spec.flag("delay") {
            timed = { [unowned self, unowned spec] evt in
                if let t = spec.timeout { scheduler.cancel(t) }
                spec.timeout = scheduler.schedule(after: HTMX4Interval.parse(spec["delay"]) ?? 0) { inner(evt) }
            }
        } else if spec.flag("throttle") {
            // The throttle re-enters itself when the window closes: through the spec, which
            // the closure holds unowned, so it does not keep itself alive.
            let throttledCall: (DOMEvent) -> Void = { [unowned self, unowned spec] evt in
                if spec.throttled {
                    spec.throttledEvent = evt
                } else {
                    spec.throttled = true
                    inner(evt)
                    spec.throttleTimeout = scheduler.schedule(after: HTMX4Interval.parse(spec["throttle"]) ?? 0) {
                        spec.throttled = false
                        if let e = spec.throttledEvent {
                            spec.throttledEvent = nil
                            spec.timed?(e)
                        }
                    }
                }
            }
            timed = throttledCall
            spec.timed = throttledCall
        }
        let guarded: (DOMEvent) -> Void = { [unowned self, unowned spec] evt in
            let target = evt.target?.node
            if from == "self" && target != elt { return }
            if from == "outside", let t = target, elt.contains(t) { return }
            if let sel = spec.string("target") {
                // A throw in a listener is reported by the browser and stops this handler only.
                guard let t = target, (try? matches(t, sel)) == true else { return }
            }
            if spec.flag("changed") {
                var changed = false
                for f in fromTargets {
                    let v = valueProperty(f)
                    if (spec.values[f] ?? .undefined) != v {
                        changed = true
                        spec.values[f] = v
                    }
                }
                if !changed { return }
            }
            if let filter {
                if shouldCancel(evt) { evt.preventDefault() }
                switch TriggerFilterEvaluator.evaluate(TriggerFilter(expression: filter, pieces: []), event: evt) {
                case .value(let v):
                    if !HTMX2Runtime.isTruthy(v) { return }
                case .unsupported(let why):
                    diagnose("trigger-filter", elt, "the filter [\(filter)] is JavaScript the engine does not run (\(why)): treated as false")
                    return
                }
            }
            timed(evt)
        }

        if eventName == "intersect" || eventName == "revealed" {
            diagnose("intersect", elt, "'\(eventName)' needs layout: the engine never reports the element as intersecting")
            eventName = "intersect"
        }
        if eventName == "every" {
            let interval = HTMX4Interval.parse(everyIntervalKey(spec)) ?? 0
            scheduleEvery(spec, elt, interval)
        }
        if eventName == "load" {
            guarded(DOMEvent(type: "load", detail: .null, bubbles: false, cancelable: false, origin: .script))
            return
        }
        let capture = spec.flag("capture")
        for f in fromTargets {
            let id = dispatcher.addListener(f, eventName, capture: capture) { evt in guarded(evt) }
            let info = (target: f, type: eventName, id: id)
            prop(elt).listeners.append(info)
            spec.listeners.append(info)
        }
    }

    /// `Object.keys(spec).find(k => k !== 'name')`: integer-like keys come first, then
    /// `name`, the modifiers, and the `listeners` htmx has already put on the spec.
    private func everyIntervalKey(_ spec: HTMX4TriggerSpec) -> String {
        let keys = spec.modifiers.keys
        if let index = keys.first(where: { GrammarJSON.arrayIndex($0) != nil }) { return index }
        return keys.first ?? "listeners"
    }

    private func scheduleEvery(_ spec: HTMX4TriggerSpec, _ elt: Node, _ interval: Double) {
        spec.interval = scheduler.schedule(after: interval) { [weak self, weak spec] in
            guard let self, let spec, !spec.intervalStopped else { return }
            if elt.isConnected {
                self.fire(elt, "every", bubbles: false)
                self.scheduleEvery(spec, elt, interval)
            }
        }
    }

    /// The `value` property of an event source (undefined for elements without one).
    func valueProperty(_ t: EventTarget) -> JSValue {
        guard let n = t.node, n.isElement, let v = FormControls.value(n) else { return .undefined }
        if n.isHTMLElement(named: "li") { return .number(Double(Int(v) ?? 0)) }
        return .string(v)
    }

    /// `__shouldCancel`: a form's submit, a click on a submit button of a form, or a click
    /// on a link that is not a bare fragment.
    func shouldCancel(_ evt: DOMEvent) -> Bool {
        guard let elt = evt.currentTarget?.node, elt.isElement else { return false }
        if evt.type == "submit" && elt.isHTMLElement(named: "form") { return true }
        guard evt.type == "click", evt.fields["button"] == .number(0) else { return false }
        if let btn = DOMQuery.closest(elt, "button, input[type=\"submit\"], input[type=\"image\"]") {
            let form = FormControls.owner(of: btn, in: document) ?? DOMQuery.closest(btn, "form")
            let t = FormControls.type(btn)
            if !btn.hasAttribute("disabled"), form != nil, t == "submit" || t == "image" { return true }
        }
        guard let link = DOMQuery.closest(elt, "a"), link.hasAttribute("href") else { return false }
        let href = link.attribute("href") ?? ""
        return !(href.hasPrefix("#") && href.count > 1)
    }

    /// `__isModifierKeyClick`.
    func isModifierKeyClick(_ evt: DOMEvent) -> Bool {
        guard evt.type == "click" else { return false }
        let mod = ["ctrlKey", "metaKey", "shiftKey"].contains { evt.fields[$0] == .bool(true) }
        guard mod, let elt = evt.currentTarget?.node else { return false }
        return DOMQuery.closest(elt, "a[href]") != nil
    }
}

/// An exception htmx 4 throws (reported as a diagnostic; its `htmx:error` detail holds an
/// Error object, which the result format does not record).
public struct HTMX4Error: Error {
    public var message: String

    /// The error object page JavaScript would catch (never a string: the result format
    /// records no `error` member for it).
    var jsValue: JSValue {
        HTMX4Runtime.errorValue(message.hasPrefix("SyntaxError") ? "SyntaxError" : "Error", message)
    }
}
