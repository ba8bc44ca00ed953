import HTMLModel

/// `__issueRequest` and what follows the response up to the swap: confirmation,
/// indicators, `hx-disable`, the fetch, `HX-*` headers, status handling.
extension HTMX4Runtime {
    /// `__determineSyncStrategy`.
    func syncStrategy(_ elt: Node) -> String {
        guard let v = attributeValue(elt, "hx-sync"), !v.isEmpty else { return "queue first" }
        let strategy = HCON.trim(String(v.split(separator: ":", omittingEmptySubsequences: false).last ?? ""))
        return Self.isSyncKeyword(strategy) ? strategy : "queue first"
    }

    static func isSyncKeyword(_ s: String) -> Bool {
        ["drop", "abort", "replace", "queue"].contains { s.hasPrefix($0) }
    }

    /// `__getRequestQueue`: on the element `hx-sync` names, else the element.
    func requestQueue(for elt: Node) throws(HTMX4Error) -> HTMX4RequestQueue {
        var syncElt = elt
        if let v = attributeValue(elt, "hx-sync"), !v.isEmpty {
            let selector: String?
            if let colon = v.lastIndex(of: ":") {
                selector = HCON.trim(String(v[..<colon]))
            } else {
                selector = Self.isSyncKeyword(v) ? nil : v
            }
            if let selector, !selector.isEmpty, let found = try findFirst(elt, selector, thisAttr: "hx-sync", warn: true) {
                syncElt = found
            }
        }
        let s = state(syncElt)
        if let q = s.queue { return q }
        let q = HTMX4RequestQueue()
        s.queue = q
        return q
    }

    static func errorValue(_ name: String, _ message: String) -> JSValue {
        .object(JSObject([("name", .string(name)), ("message", .string(message))], className: "Error"))
    }

    /// `__issueRequest`.
    func issueRequest(_ ctx: HTMX4RequestContext) throws(HTMX4Error) {
        let elt = ctx.sourceElement
        let queue = try requestQueue(for: elt)
        guard queue.issue(ctx, syncStrategy(elt)) else { return }
        ctx.status = "issuing"
        var indicators: [Node] = []
        var disabled: [Node] = []
        var finished = false
        // The `finally` block.
        let finish: () -> Void = { [unowned self] in
            guard !finished else { return }
            finished = true
            if let t = ctx.timeoutTimer { scheduler.cancel(t) }
            inFlight[ObjectIdentifier(ctx)] = nil
            fire(elt, "htmx:finally:request", HTMX4Detail(ctx: ctx))
            if !ctx.keepIndicators {
                hideIndicators(indicators)
                enableElements(disabled)
            }
            queue.finish()
            // Not awaited in htmx: a throw here is an unhandled rejection, nothing more.
            if queue.hasMore, let next = queue.next() {
                do throws(HTMX4Error) { try issueRequest(next) } catch { diagnose("exception", next.sourceElement, "a queued request throws '\(error.message)'") }
            }
        }
        // The `catch` block.
        let fail: (JSValue) -> Void = { [unowned self] error in
            let message = error.objectValue?["message"]?.stringValue ?? ""
            ctx.status = "error: " + message
            fire(elt, "htmx:error", HTMX4Detail(ctx: ctx, [("error", error)]))
            finish()
        }
        let proceed: () -> Void = { [unowned self] in
            initTimeout(ctx)
            do throws(HTMX4Error) {
                indicators = try showIndicators(elt)
                disabled = try disableElements(elt)
            } catch {
                return fail(error.jsValue)
            }
            guard fire(elt, "htmx:before:request", HTMX4Detail(ctx: ctx)) else { return finish() }
            fetch(ctx, fail: fail, finish: finish)
        }
        if let confirm = ctx.confirm, !confirm.isEmpty {
            let detail = HTMX4Detail(ctx: ctx)
            guard fire(elt, "htmx:confirm", detail) else {
                diagnose("confirm", elt, "htmx:confirm was cancelled: the request waits for page JavaScript to call issueRequest() or dropRequest()")
                return
            }
            var confirmed = true
            if Self.javascriptContent(confirm) != nil {
                diagnose("javascript", elt, "hx-confirm with js: is JavaScript and is not run: treated as confirmed")
            } else {
                confirmed = dialogs?.confirm(confirm) ?? true
            }
            // The answer arrives through an awaited promise: the rest runs as a microtask.
            scheduler.queueMicrotask { confirmed ? proceed() : finish() }
        } else {
            proceed()
        }
    }

    /// `__initTimeout`: `hx-config` timeout, else `defaultTimeout`; on expiry the request aborts.
    func initTimeout(_ ctx: HTMX4RequestContext) {
        let timeout = ctx.timeout != nil ? HTMX4Interval.parse(ctx.timeout) : HTMX4Interval.parse(config["defaultTimeout"])
        if let t = timeout, t != 0, !t.isNaN {
            ctx.timeoutTimer = scheduler.schedule(after: t) { ctx.abort() }
        }
    }

    /// `ctx.fetch(action, request)` and the response steps up to the swap.
    private func fetch(_ ctx: HTMX4RequestContext, fail: @escaping (JSValue) -> Void, finish: @escaping () -> Void) {
        let elt = ctx.sourceElement
        if ctx.aborted {
            scheduler.queueMicrotask { fail(Self.errorValue("AbortError", "signal is aborted without reason")) }
            return
        }
        guard let transport else {
            scheduler.queueMicrotask { fail(Self.errorValue("TypeError", "Failed to fetch")) }
            return
        }
        let body = ctx.body.map(Self.urlEncoded)
        let request = HTMX4OutgoingRequest(method: ctx.method, url: ctx.action, headers: ctx.headers, body: body, source: elt)
        inFlight[ObjectIdentifier(ctx)] = ctx
        var settled = false
        let abortFetch = transport.fetch(request) { [unowned self] outcome in
            guard !settled else { return }
            settled = true
            switch outcome {
            case .networkError: fail(Self.errorValue("TypeError", "Failed to fetch"))
            case .aborted: fail(Self.errorValue("AbortError", "signal is aborted without reason"))
            case .response(let r): received(r, ctx, fail: fail, finish: finish)
            }
        }
        ctx.abort = { [weak ctx] in
            ctx?.aborted = true
            abortFetch()
        }
    }

    private func received(_ r: HTMX4Response, _ ctx: HTMX4RequestContext, fail: @escaping (JSValue) -> Void, finish: @escaping () -> Void) {
        let elt = ctx.sourceElement
        ctx.response = r
        ctx.hx = [:]
        for (k, v) in r.headers where k.lowercased().hasPrefix("hx-") {
            ctx.hx[String(k.lowercased().dropFirst(3)).filter { $0 != "-" }] = v
        }
        guard fire(elt, "htmx:before:response", HTMX4Detail(ctx: ctx)) else { return finish() }
        readText(r) { [unowned self] text in
            guard let text else { return fail(Self.errorValue("TypeError", "network error")) }
            ctx.text = text
            guard fire(elt, "htmx:after:request", HTMX4Detail(ctx: ctx)) else { return finish() }
            if r.status >= 400 { fire(elt, "htmx:response:error", HTMX4Detail(ctx: ctx)) }
            let returnEarly: Bool
            do throws(HTMX4Error) { returnEarly = try handleHeadersAndMaybeReturnEarly(ctx) } catch { return fail(error.jsValue) }
            if returnEarly {
                ctx.keepIndicators = true
                return finish()
            }
            guard ctx.status == "issuing" else { return finish() }
            if let t = ctx.hx["retarget"] { ctx.target = .selector(t) }
            if let s = ctx.hx["reswap"] { ctx.swap = s }
            if let s = ctx.hx["reselect"] { ctx.select = s }
            ctx.status = "response received"
            handleStatusCodes(ctx)
            swap(ctx) { error in
                if let error { return fail(error) }
                ctx.status = "swapped"
                finish()
            }
        }
    }

    /// `response.text()`: the whole body, read to its end for streams.
    private func readText(_ r: HTMX4Response, _ done: @escaping (String?) -> Void) {
        switch r.body {
        case .complete(let bytes):
            done(String(decoding: bytes, as: UTF8.self))
        case .stream(let stream):
            var bytes: [UInt8] = []
            func pump() {
                stream.read { read in
                    switch read {
                    case .chunk(let c): bytes += c; pump()
                    case .done: done(String(decoding: bytes, as: UTF8.self))
                    case .failed: done(nil)
                    }
                }
            }
            pump()
        }
    }

    /// `__handleHeadersAndMaybeReturnEarly`: `HX-Trigger`, then `HX-Refresh`,
    /// `HX-Redirect`, `HX-Location` (each ending the request's own handling).
    func handleHeadersAndMaybeReturnEarly(_ ctx: HTMX4RequestContext) throws(HTMX4Error) -> Bool {
        let elt = ctx.sourceElement
        if let t = ctx.hx["trigger"], !t.isEmpty { try handleTriggerHeader(t, elt) }
        if ctx.hx["refresh"] == "true" {
            diagnose("navigation", elt, "HX-Refresh: the page would reload")
            return true
        }
        if let r = ctx.hx["redirect"], !r.isEmpty {
            diagnose("navigation", elt, "HX-Redirect: the page would navigate to \(r)")
            return true
        }
        if let loc = ctx.hx["location"], !loc.isEmpty {
            var path: String? = loc
            var opts = HCON.Object()
            if loc.hasPrefix("{") || loc.contains(where: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
                opts = HCON.parse(loc) ?? HCON.Object()
                path = opts["path"]?.stringValue
                opts["path"] = nil
            }
            if opts["push"] == nil { opts["push"] = .string("true") }
            ajax("GET", path ?? "undefined", opts)
            return true
        }
        return false
    }

    /// `__handleTriggerHeader`.
    func handleTriggerHeader(_ value: String, _ elt: Node) throws(HTMX4Error) {
        if value.hasPrefix("{") {
            guard let triggers = HCON.parse(value) else {
                diagnose("json", elt, "HX-Trigger is not valid JSON: htmx 4 throws")
                return
            }
            for (name, detail) in triggers.members {
                var target: Node? = elt
                if case .object(let o) = detail, let t = o["target"], t.isTruthy {
                    target = try findFirst(nil, t.jsString)
                }
                switch detail {
                case .object: trigger(target, name, HTMX2Runtime.jsValue(detail))
                case .array: trigger(target, name, HTMX2Runtime.jsValue(detail))
                case .null: diagnose("hx-trigger", elt, "HX-Trigger event \(name) has a null detail: htmx 4 throws a TypeError")
                default: trigger(target, name, .object(JSObject([("value", HTMX2Runtime.jsValue(detail))])))
                }
            }
        } else {
            for name in value.split(separator: ",", omittingEmptySubsequences: false) {
                trigger(elt, HCON.trim(String(name)))
            }
        }
    }

    /// `__handleStatusCodes`: `noSwap` statuses swap nothing; otherwise the most specific
    /// `hx-status:NNN` / `NNx` / `Nxx` merges into the context.
    func handleStatusCodes(_ ctx: HTMX4RequestContext) {
        guard let status = ctx.response?.status else { return }
        var noSwap: [String] = []
        if case .array(let a)? = config["noSwap"] { noSwap = a.map(\.jsString) }
        let str = String(status)
        let chars = Array(str)
        let patterns = [str, String(chars.prefix(2)) + "x", String(chars.prefix(1)) + "xx"]
        for p in patterns {
            if noSwap.contains(p) {
                ctx.swap = "none"
                return
            }
            if let v = attributeValue(ctx.sourceElement, "hx-status:" + p), !v.isEmpty {
                if let o = HCON.parse(v) { mergeIntoContext(o, ctx) }
                return
            }
        }
    }

    /// `htmx.ajax(verb, path, context)` with an options object.
    public func ajax(_ verb: String, _ path: String, _ context: HCON.Object, source: Node? = nil) {
        var sourceElt = source
        if case .string(let s)? = context["source"] {
            guard let found = DOMQuery.first(document.node, s) else {
                diagnose("ajax", nil, "htmx.ajax: source \(s) not found (the promise rejects)")
                return
            }
            sourceElt = found
        }
        var target: Node?
        if let t = context["target"], t.isTruthy {
            guard let body = document.body, let found = try? resolveTarget(body, .selector(t.jsString)) else {
                diagnose("ajax", nil, "htmx.ajax: target \(t.jsString) not found (the promise rejects)")
                return
            }
            target = found
            if sourceElt == nil { sourceElt = found }
        }
        guard let elt = sourceElt ?? document.body else { return }
        let ctx: HTMX4RequestContext
        do throws(HTMX4Error) { ctx = try createRequestContext(elt, nil) } catch {
            diagnose("ajax", elt, "htmx.ajax throws '\(error.message)' (the promise rejects)")
            return
        }
        mergeIntoContext(context, ctx)
        if let target { ctx.target = .element(target) }
        ctx.action = path
        ctx.method = verb.uppercased()
        if case .object(let h)? = context["headers"] { for (k, v) in h.members { ctx.setHeader(k, v.jsString) } }
        if case .object(let v)? = context["values"] { ctx.values = v.members.map { ($0.key, $0.value.jsString) } }
        do throws(HTMX4Error) { try handleTriggerEvent(ctx) } catch {
            diagnose("ajax", elt, "htmx.ajax throws '\(error.message)' (the promise rejects)")
        }
    }

    /// `__showIndicators`: `htmx-request` on `hx-indicator`'s elements (else the element),
    /// counted per element so overlapping requests keep it until the last ends.
    func showIndicators(_ elt: Node) throws(HTMX4Error) -> [Node] {
        let selector = attributeValue(elt, "hx-indicator") ?? ""
        let elements = selector.isEmpty ? [elt] : try findAllElements(elt, selector, thisAttr: "hx-indicator")
        acquire(elements, \.requestCount) { addClass($0, config.requestClass) }
        return elements
    }

    func hideIndicators(_ elements: [Node]) {
        release(elements, \.requestCount) { removeClass($0, config.requestClass) }
    }

    static let disableable = ["button", "fieldset", "input", "optgroup", "option", "select", "textarea"]

    /// `__disableElements` (`hx-disable`): `disabled = true`, counted like indicators.
    func disableElements(_ elt: Node) throws(HTMX4Error) -> [Node] {
        guard let selector = attributeValue(elt, "hx-disable"), !selector.isEmpty else { return [] }
        let elements = try findAllElements(elt, selector, thisAttr: "hx-disable")
        acquire(elements, \.disableCount) { setDisabled($0, true) }
        return elements
    }

    func enableElements(_ elements: [Node]) {
        release(elements, \.disableCount) { setDisabled($0, false) }
    }

    private func acquire(_ elements: [Node], _ count: ReferenceWritableKeyPath<HTMX4ElementState, Int>, _ on: (Node) -> Void) {
        for e in elements {
            state(e)[keyPath: count] += 1
            on(e)
        }
    }

    private func release(_ elements: [Node], _ count: ReferenceWritableKeyPath<HTMX4ElementState, Int>, _ off: (Node) -> Void) {
        for e in elements {
            let s = state(e)
            guard s[keyPath: count] > 0 else { continue }
            s[keyPath: count] -= 1
            if s[keyPath: count] <= 0 { off(e) }
        }
    }

    /// `elt.disabled = on`: reflected as the attribute by the elements that have the IDL
    /// attribute; on any other element it is a plain expando nothing reads.
    private func setDisabled(_ e: Node, _ on: Bool) {
        guard Self.disableable.contains(where: { e.isHTMLElement(named: $0) }) else { return }
        if on { e.setAttribute("disabled", "") } else { e.removeAttribute("disabled") }
    }
}
