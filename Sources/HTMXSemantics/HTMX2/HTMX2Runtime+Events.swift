import HTMLModel

extension HTMX2Runtime {
    /// htmx.js triggerEvent: sets `detail.elt`, fires `htmx:error` first when the detail
    /// carries an `error`, dispatches a bubbling, cancelable CustomEvent, then (unless
    /// cancelled) its kebab-case twin. Returns false when a listener cancelled it.
    @discardableResult
    func triggerEvent(_ elt: Node, _ name: String, _ detail: consuming JSObject = JSObject()) -> Bool {
        // Taken, not borrowed: the caller's detail is usually a temporary, and adding `elt`
        // then appends in place instead of copying the members.
        detail["elt"] = .node(elt)
        if let error = detail["error"], Self.isTruthy(error) {
            triggerEvent(elt, "htmx:error", JSObject([("errorInfo", .object(copy detail))]))
        }
        let known = eventNames.value(for: name) { name in
            let kebab = Self.kebabEventName(name)
            return (kebab, kebab != name, someExtensionHandles(name))
        }
        let detailValue = JSValue.object(detail)
        var event: DOMEvent?
        var result: Bool
        // With no listener for the event or its twin, nothing runs before the extensions
        // would: one that would not act on this element now (htmx-ext-sse's cleanup of an
        // element without a source) is not called, and no event object is needed for it.
        let listened = dispatcher.isListened(name)
        let extensionsAct = known.extensionsHandle
            && (listened || known.hasTwin && !dispatcher.isInert(known.kebab, .kebabTwin) || someExtensionActs(on: name, at: elt))
        if extensionsAct || listened {
            let built = DOMEvent(type: name, detail: detailValue, bubbles: true, cancelable: true, origin: .script)
            result = dispatcher.dispatch(built, to: .node(elt))
            event = built
        } else {
            // Most of htmx's events have no listener and no extension acting on them: the
            // recorder alone sees them, and no event object is built.
            result = dispatcher.dispatchUnheard(name, detail: detailValue, to: .node(elt))
        }
        // The twin only matters to a listener for it or a recorder asked to list it.
        if result && known.hasTwin && !dispatcher.isInert(known.kebab, .kebabTwin) {
            let twin = DOMEvent(type: known.kebab, detail: event?.detail ?? detailValue, bubbles: true, cancelable: true, origin: .kebabTwin)
            result = dispatcher.dispatch(twin, to: .node(elt))
        }
        guard extensionsAct, let event else { return result }
        for ext in getExtensions(elt) where result {
            result = ext.onEvent(name, event, runtime: self) && !event.defaultPrevented
        }
        return result
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
