import HTMLModel

extension HTMX2Runtime {
    /// htmx.js triggerEvent: sets `detail.elt`, fires `htmx:error` first when the detail
    /// carries an `error`, dispatches a bubbling, cancelable CustomEvent, then (unless
    /// cancelled) its kebab-case twin. Returns false when a listener cancelled it.
    @discardableResult
    func triggerEvent(_ elt: Node, _ name: String, _ detail: consuming JSObject) -> Bool {
        // Taken, not borrowed: the caller's detail is usually a temporary, and adding `elt`
        // then appends in place instead of copying the members.
        setElt(elt, on: &detail)
        return dispatchTriggered(elt, name, .object(detail))
    }

    /// triggerEvent with an empty detail (`{elt}` once set): built whole, with no member
    /// searched for or appended and no `error` to look up (most of the events htmx fires
    /// for every swapped node).
    @discardableResult
    func triggerEvent(_ elt: Node, _ name: String) -> Bool {
        dispatchTriggered(elt, name, .object(JSObject(distinctMembers: [("elt", .node(elt))])))
    }

    /// triggerEvent on a detail object the caller keeps for several events, as htmx passes
    /// one object to each element of a swap: `elt` is set on it in place (as htmx leaves
    /// `detail.elt` set) instead of on a copy of all its members per event.
    @discardableResult
    func triggerEvent(_ elt: Node, _ name: String, sharing detail: inout JSObject) -> Bool {
        setElt(elt, on: &detail)
        return dispatchTriggered(elt, name, .object(detail))
    }

    /// Sets `detail.elt`, and fires `htmx:error` first when the detail carries an `error`.
    private func setElt(_ elt: Node, on detail: inout JSObject) {
        detail["elt"] = .node(elt)
        if let error = detail["error"], Self.isTruthy(error) {
            triggerEvent(elt, "htmx:error", JSObject([("errorInfo", .object(detail))]))
        }
    }

    /// The dispatch of a prepared event (see ``triggerEvent(_:_:_:)``).
    private func dispatchTriggered(_ elt: Node, _ name: String, _ detailValue: consuming JSValue) -> Bool {
        let known = eventNames.value(for: name) { name in
            EventNameInfo(twin: twinIndex(of: name), extensionsHandle: someExtensionHandles(name))
        }
        // The twin only matters to a listener for it or a recorder asked to list it.
        func twinIsLive() -> Bool { known.twin >= 0 && !dispatcher.isInert(kebabNames[known.twin], .kebabTwin) }
        // With no listener for the event or its twin, nothing runs before the extensions
        // would: one that would not act on this element now (htmx-ext-sse's cleanup of an
        // element without a source) is not called, and no event object is needed for it.
        let listened = dispatcher.isListened(name)
        let extensionsAct = known.extensionsHandle && (listened || twinIsLive() || someExtensionActs(on: name, at: elt))
        guard extensionsAct || listened else {
            // Most of htmx's events have no listener and no extension acting on them: the
            // recorder alone sees them, and no event object is built. (No listener runs, so
            // whether the twin is live cannot change in between.)
            guard twinIsLive() else { return dispatcher.dispatchUnheard(name, detail: detailValue, to: .node(elt)) }
            dispatcher.dispatchUnheard(name, detail: copy detailValue, to: .node(elt))
            return dispatchTwin(known, detailValue, elt)
        }
        let event = DOMEvent(type: name, detail: detailValue, bubbles: true, cancelable: true, origin: .script)
        var result = dispatcher.dispatch(event, to: .node(elt))
        if result && twinIsLive() { result = dispatchTwin(known, event.detail, elt) }
        guard extensionsAct else { return result }
        for ext in getExtensions(elt) where result {
            result = ext.onEvent(name, event, runtime: self) && !event.defaultPrevented
        }
        return result
    }

    /// Where `name`'s kebab-case twin is in `kebabNames` (added once, however often the memo
    /// forgets the name), or -1 when the name is its own kebab case.
    private func twinIndex(of name: String) -> Int32 {
        let kebab = Self.kebabEventName(name)
        return kebab == name ? -1 : kebabNames.index(of: kebab)
    }

    /// Dispatches the kebab-case twin of an event with a twin.
    private func dispatchTwin(_ known: EventNameInfo, _ detail: JSValue, _ elt: Node) -> Bool {
        let twin = DOMEvent(type: kebabNames[known.twin], detail: detail, bubbles: true, cancelable: true, origin: .kebabTwin)
        return dispatcher.dispatch(twin, to: .node(elt))
    }

    /// htmx.js triggerErrorEvent: `{error: eventName}` merged under the detail.
    @discardableResult
    func triggerErrorEvent(_ elt: Node, _ name: String, _ detail: JSObject = JSObject()) -> Bool {
        var merged = JSObject([("error", .string(name))])
        for (k, v) in detail.members { merged[k] = v }
        return triggerEvent(elt, name, merged)
    }

    /// htmx.js kebabEventName: a dash between a lower-case letter or digit and a capital, then
    /// lower-cased.
    static func kebabEventName(_ s: String) -> String {
        var out: [UInt8] = []
        let b = Array(s.utf8)
        for (i, c) in b.enumerated() {
            let isUpper = c >= 0x41 && c <= 0x5A
            if isUpper, i > 0 {
                let p = b[i - 1]
                if (p >= 0x61 && p <= 0x7A) || (p >= 0x30 && p <= 0x39) { out.append(0x2D) }
            }
            out.append(isUpper ? c + 0x20 : c)
        }
        // toLowerCase also lowers non-ASCII letters.
        return String(decoding: out, as: UTF8.self).lowercased()
    }

    static func isTruthy(_ v: JSValue) -> Bool {
        switch v {
        case .undefined, .null: return false
        case .bool(let b): return b
        case .number(let n): return !(n == 0 || n.isNaN)
        case .string(let s): return !s.isEmpty
        case .node, .object, .array: return true
        }
    }

    /// A grammar JSON value as an event detail value.
    static func jsValue(_ v: GrammarJSON.Value) -> JSValue { JSValue(v) }
}

/// What `triggerEvent` keeps of an event name: where its kebab-case twin is in `kebabNames`
/// (-1 when the name has none) and whether some extension handles it.
struct EventNameInfo {
    var twin: Int32
    var extensionsHandle: Bool
}
