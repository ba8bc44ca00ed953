import HTMLModel

/// htmx.js's `responseInfo` (and the `requestConfig` inside it): what the request and
/// response events carry, reduced to what the engine needs and the result format records.
final class HTMX2ResponseInfo {
    var verb: String
    var path: String
    var target: Node
    var elt: Node
    var status: Int = 0
    var headers: [(String, String)] = []
    var body = ""
    var boosted: Bool
    var select: String?
    var finalRequestPath: String
    var anchor: String?
    var successful: Bool?
    var failed: Bool?
    var keepIndicators = false
    /// The response handler threw (htmx.js onload's catch): no afterRequest events.
    var aborted = false
    var etc: HTMX2Etc

    init(verb: String, path: String, target: Node, elt: Node, boosted: Bool, finalRequestPath: String, anchor: String?, etc: HTMX2Etc) {
        self.verb = verb
        self.path = path
        self.target = target
        self.elt = elt
        self.boosted = boosted
        self.finalRequestPath = finalRequestPath
        self.anchor = anchor
        self.etc = etc
    }

    func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.last(where: { $0.0.lowercased() == lower })?.1
    }

    func hasHeader(_ name: String) -> Bool { header(name) != nil }

    /// The event detail: `{xhr, target, requestConfig, etc, boosted, select, pathInfo,
    /// successful?, failed?}` plus `extra` members first (mergeObjects order).
    func detail(_ extra: [(String, JSValue)] = []) -> JSObject {
        var o = JSObject(extra)
        o["xhr"] = .object(JSObject([("status", .number(Double(status)))]))
        o["target"] = .node(target)
        o["requestConfig"] = .object(JSObject([("verb", .string(verb)), ("path", .string(path)), ("elt", .node(elt)),
                                                ("target", .node(target))]))
        o["boosted"] = .bool(boosted)
        if let select { o["select"] = .string(select) }
        if let successful { o["successful"] = .bool(successful) }
        if let failed { o["failed"] = .bool(failed) }
        return o
    }
}

/// htmx.js `etc`: options for requests not started by an element's own attributes
/// (HX-Location's ajax call).
struct HTMX2Etc {
    var targetOverride: Node?
    var swapOverride: String?
    var select: String?
    var push: String?
    var replace: String?
    var values: [(String, String)]?
    var headers: [(String, String)]?
}

extension HTMX2Runtime {
    /// htmx.js issueAjaxRequest.
    func issueAjaxRequest(verb inVerb: String, path inPath: String, elt inElt: Node?, event: DOMEvent?,
                          etc: HTMX2Etc = HTMX2Etc(), confirmed: Bool? = nil) {
        var verb = inVerb
        var path = inPath
        guard let elt = inElt ?? document.body else { return }
        if !bodyContains(elt) { return }
        let targetStr = closestAttr(elt, "hx-target")
        guard let target = etc.targetOverride ?? getTargetChecked(elt) else {
            diagnose("hx-target", elt, "hx-target \"\(targetStr ?? "")\" matched no element: htmx:targetError, no request")
            triggerErrorEvent(elt, "htmx:targetError", JSObject(targetStr.map { [("target", JSValue.string($0))] } ?? []))
            return
        }
        var eltData = data(elt)
        if let submitter = eltData.lastButtonClicked {
            if let formaction = submitter.attribute("formaction") { path = formaction }
            if let formmethod = submitter.attribute("formmethod") {
                if Self.verbs.contains(formmethod.lowercased()) { verb = formmethod } else { return }
            }
        }
        let confirmQuestion = closestAttr(elt, "hx-confirm")
        if confirmed == nil {
            var detail = JSObject([("target", .node(target)), ("elt", .node(elt)), ("path", .string(path)), ("verb", .string(verb))])
            if let confirmQuestion { detail["question"] = .string(confirmQuestion) }
            if !triggerEvent(elt, "htmx:confirm", detail) { return }
        }

        // hx-sync
        var syncElt = elt
        var queueStrategy: String?
        var abortable = false
        if let syncValue = closestAttr(elt, "hx-sync") {
            let spec = SyncSpec.parse(syncValue)
            diagnose(spec.diagnostics, elt)
            switch spec.value.target {
            case .this: syncElt = findThisElement(elt, "hx-sync") ?? elt
            case .selector(let s):
                guard let found = querySelectorExt(elt, s).first?.node else {
                    diagnose("hx-sync", elt, "hx-sync selector \(s) matched nothing; htmx throws")
                    return
                }
                syncElt = found
            }
            eltData = data(syncElt)
            switch spec.value.strategy {
            case .drop:
                if eltData.inFlight != nil && !eltData.abortable { return }
            case .abort:
                if eltData.inFlight != nil { return }
                abortable = true
            case .replace:
                triggerEvent(syncElt, "htmx:abort")
            case .queue(let q):
                queueStrategy = Self.queueName(q)
            case .other(let word):
                diagnose("hx-sync", elt, "unknown hx-sync strategy \(word)")
            }
        }
        if eltData.inFlight != nil {
            if eltData.abortable {
                triggerEvent(syncElt, "htmx:abort")
            } else {
                if queueStrategy == nil, let evt = event, let q = (evt.engineData as? HTMX2EventData)?.triggerSpec?.queue, !q.isEmpty {
                    queueStrategy = q
                }
                let strategy = queueStrategy ?? "last"
                let again: () -> Void = { [self] in issueAjaxRequest(verb: verb, path: path, elt: elt, event: event, etc: etc) }
                switch strategy {
                case "first": if eltData.queuedRequests.isEmpty { eltData.queuedRequests.append(again) }
                case "all": eltData.queuedRequests.append(again)
                case "last": eltData.queuedRequests = [again]
                default: break
                }
                return
            }
        }

        let inFlight = HTMX2InFlight()
        let lockData = eltData
        lockData.inFlight = inFlight
        lockData.abortable = abortable
        let endRequestLock: () -> Void = {
            lockData.inFlight = nil
            lockData.abortable = false
            if !lockData.queuedRequests.isEmpty {
                let next = lockData.queuedRequests.removeFirst()
                next()
            }
        }

        var promptResponse: String?
        if let question = closestAttr(elt, "hx-prompt") {
            let answer: String? = dialogs.map { $0.prompt(question) } ?? ""
            guard let answer, triggerEvent(elt, "htmx:prompt", JSObject([("prompt", .string(answer)), ("target", .node(target))])) else {
                endRequestLock()
                return
            }
            promptResponse = answer
        }
        if let confirmQuestion, confirmed != true {
            if !(dialogs?.confirm(confirmQuestion) ?? true) {
                endRequestLock()
                return
            }
        }

        var headers = getHeaders(elt, target, prompt: promptResponse)
        if verb != "get" && !usesFormData(elt) {
            headers.append(("Content-Type", "application/x-www-form-urlencoded"))
        }
        if let extra = etc.headers { for (k, v) in extra { Self.setHeader(&headers, k, v) } }
        var (formData, errors) = getInputValues(elt, verb: verb)
        if let values = etc.values { Self.override(&formData, with: values) }
        Self.override(&formData, with: expressionVars(elt))
        var filtered = filterValues(formData, elt)
        if config.getCacheBusterParam && verb == "get" {
            filtered.removeAll { $0.0 == "org.htmx.cache-buster" }
            filtered.append(("org.htmx.cache-buster", target.attribute("id").flatMap { $0.isEmpty ? nil : $0 } ?? "true"))
        }
        if path.isEmpty { path = locationHref }
        let useUrlParams = config.methodsThatUseUrlParams.contains(verb)
        let configDetail = JSObject([("boosted", .bool(data(elt).boosted)), ("useUrlParams", .bool(useUrlParams)),
                                     ("elt", .node(elt)), ("target", .node(target)), ("verb", .string(verb)),
                                     ("path", .string(path))])
        if !triggerEvent(elt, "htmx:configRequest", configDetail) {
            endRequestLock()
            return
        }
        if !errors.isEmpty {
            triggerEvent(elt, "htmx:validation:halted", configDetail)
            endRequestLock()
            return
        }
        let pathNoAnchor: String
        let anchor: String?
        if let hash = path.firstIndex(of: "#") {
            pathNoAnchor = String(path[..<hash])
            let rest = path[path.index(after: hash)...]
            anchor = String(rest.prefix(while: { $0 != "#" }))
        } else {
            pathNoAnchor = path
            anchor = nil
        }
        var finalPath = path
        if useUrlParams {
            finalPath = pathNoAnchor
            if !filtered.isEmpty {
                finalPath += finalPath.contains("?") ? "&" : "?"
                finalPath += Self.urlEncode(filtered)
                if let anchor, !anchor.isEmpty { finalPath += "#" + anchor }
            }
        }
        let resolved = URLResolution.resolve(finalPath, currentPath: currentPath)
        if config.selfRequestsOnly && !resolved.sameOrigin {
            triggerErrorEvent(elt, "htmx:invalidPath", configDetail)
            endRequestLock()
            return
        }
        var validateDetail = JSObject([("sameHost", .bool(resolved.sameOrigin))])
        for (k, v) in configDetail.members { validateDetail[k] = v }
        if !triggerEvent(elt, "htmx:validateUrl", validateDetail) {
            triggerErrorEvent(elt, "htmx:invalidPath", configDetail)
            endRequestLock()
            return
        }

        let info = HTMX2ResponseInfo(verb: verb, path: path, target: target, elt: elt, boosted: data(elt).boosted,
                                     finalRequestPath: finalPath, anchor: anchor, etc: etc)
        info.select = etc.select
        if !triggerEvent(elt, "htmx:beforeRequest", info.detail()) {
            endRequestLock()
            return
        }
        let indicators = addRequestIndicatorClasses(elt)
        let disabled = disableElements(elt)
        triggerEvent(elt, "htmx:beforeSend", info.detail())
        let body = useUrlParams ? nil : Self.urlEncode(filtered)
        // hx-request (htmx.js issueAjaxRequest's requestAttrValues): noHeaders and timeout.
        let requestAttrs = valuesForElement(elt, "hx-request")
        let noHeaders = requestAttrs.first(where: { $0.0 == "noHeaders" })?.1.isTruthy ?? false
        var timeout = config.timeout
        if let t = requestAttrs.first(where: { $0.0 == "timeout" })?.1, t.isTruthy, case .number(let n) = t { timeout = n }
        let request = HTMX2OutgoingRequest(method: verb.uppercased(), url: resolved.url, headers: noHeaders ? [] : headers, body: body,
                                           source: elt)
        guard let transport else {
            diagnose("network", elt, "no transport: request \(request.method) \(request.url) not sent")
            return
        }
        var finished = false
        let hierarchy = Self.hierarchy(elt)
        let abort = transport.send(request) { [self] outcome in
            guard !finished else { return }
            finished = true
            switch outcome {
            case .response(let status, let respHeaders, let respBody):
                info.status = status
                info.headers = respHeaders
                info.body = respBody
                handleAjaxResponse(elt, info)
                if info.aborted {
                    endRequestLock()
                    return
                }
                if !info.keepIndicators { removeRequestIndicators(indicators, disabled) }
                triggerEvent(elt, "htmx:afterRequest", info.detail())
                triggerEvent(elt, "htmx:afterOnLoad", info.detail())
                if !bodyContains(elt), let secondary = hierarchy.first(where: { bodyContains($0) }) {
                    triggerEvent(secondary, "htmx:afterRequest", info.detail())
                    triggerEvent(secondary, "htmx:afterOnLoad", info.detail())
                }
                endRequestLock()
            case .networkError:
                removeRequestIndicators(indicators, disabled)
                triggerErrorEvent(elt, "htmx:afterRequest", info.detail())
                triggerErrorEvent(elt, "htmx:sendError", info.detail())
                endRequestLock()
            }
        }
        inFlight.abort = { [self] in
            guard !finished else { return }
            finished = true
            abort()
            removeRequestIndicators(indicators, disabled)
            triggerErrorEvent(elt, "htmx:afterRequest", info.detail())
            triggerErrorEvent(elt, "htmx:sendAbort", info.detail())
            endRequestLock()
        }
        if timeout > 0 {
            // xhr.timeout: the request fails with `timeout` when no response came in time.
            scheduler.schedule(after: timeout) { [self] in
                guard !finished else { return }
                finished = true
                abort()
                removeRequestIndicators(indicators, disabled)
                triggerErrorEvent(elt, "htmx:afterRequest", info.detail())
                triggerErrorEvent(elt, "htmx:timeout", info.detail())
                endRequestLock()
            }
        }
    }

    static func queueName(_ q: QueueStrategy) -> String {
        switch q {
        case .first: return "first"
        case .last: return "last"
        case .all: return "all"
        case .none: return "none"
        case .other(let s): return s
        }
    }

    static func hierarchy(_ elt: Node) -> [Node] {
        var out: [Node] = []
        var cur: Node? = elt
        while let c = cur { out.append(c); cur = c.parentElement }
        return out
    }

    /// getTarget plus the "selector matched nothing" case htmx reports as a target error.
    func getTargetChecked(_ elt: Node) -> Node? {
        if let t = closestAttr(elt, "hx-target"), t != "this" {
            guard let n = querySelectorExt(elt, t).first?.node else { return nil }
            return n
        }
        return getTarget(elt)
    }

    /// htmx.js getHeaders (null values are not set).
    func getHeaders(_ elt: Node, _ target: Node, prompt: String?) -> [(String, String)] {
        var headers: [(String, String)] = [("HX-Request", "true")]
        if let id = elt.attribute("id") { headers.append(("HX-Trigger", id)) }
        if let name = elt.attribute("name") { headers.append(("HX-Trigger-Name", name)) }
        if let id = attrRaw(target, "id") { headers.append(("HX-Target", id)) }
        headers.append(("HX-Current-URL", locationHref))
        for (k, v) in valuesForElement(elt, "hx-headers", mode: .inPlace) where !headers.contains(where: { $0.0 == k }) {
            headers.append((k, v.jsString))
        }
        if let prompt { Self.setHeader(&headers, "HX-Prompt", prompt) }
        if data(elt).boosted { Self.setHeader(&headers, "HX-Boosted", "true") }
        return headers
    }

    static func setHeader(_ headers: inout [(String, String)], _ name: String, _ value: String) {
        if let i = headers.firstIndex(where: { $0.0 == name }) { headers[i].1 = value } else { headers.append((name, value)) }
    }

    /// htmx.js getValuesForElement: the attribute's JSON objects up the ancestor chain, the
    /// nearest value of each key winning; `unset` stops the walk.
    func valuesForElement(_ elt: Node, _ name: String, mode: ValuesAttribute.MergeMode = .returnValue) -> [(String, GrammarJSON.Value)] {
        var chain: [ValuesAttribute] = []
        var cur: Node? = elt
        while let e = cur {
            let parsed = ValuesAttribute.parse(attrRaw(e, name))
            diagnose(parsed.diagnostics, e)
            chain.append(parsed.value)
            cur = e.parentElement
        }
        let merged = ValuesAttribute.merge(chain, mode: mode)
        guard let obj = merged.value else { return [] }
        return obj.members.map { ($0.key, $0.value) }
    }

    /// htmx.js getExpressionVars (hx-vars then hx-vals) as form entries (formDataFromObject).
    func expressionVars(_ elt: Node) -> [(String, String)] {
        // mergeObjects: an object, so a key keeps its first place (and array-index keys
        // come first, ascending, as JavaScript lists them) with a keyed lookup per member.
        var merged = GrammarJSON.JSObject(valuesForElement(elt, "hx-vars"))
        for (k, v) in valuesForElement(elt, "hx-vals") { merged[k] = v }
        var out: [(String, String)] = []
        for (k, v) in merged.members {
            switch v {
            case .array(let items): for item in items { out.append((k, item.jsString)) }
            case .object: out.append((k, v.jsonText))
            default: out.append((k, v.jsString))
            }
        }
        return out
    }

    /// htmx.js overrideFormData: every key of `donor` replaces the receiver's entries.
    static func override(_ receiver: inout [(String, String)], with donor: [(String, String)]) {
        let keys = Set(donor.map(\.0))
        receiver.removeAll { keys.contains($0.0) }
        receiver.append(contentsOf: donor)
    }

    /// htmx.js urlEncode.
    static func urlEncode(_ values: [(String, String)]) -> String {
        values.map { URLResolution.encodeURIComponent($0.0) + "=" + URLResolution.encodeURIComponent($0.1) }.joined(separator: "&")
    }

    /// htmx.js filterValues (hx-params).
    func filterValues(_ values: [(String, String)], _ elt: Node) -> [(String, String)] {
        guard let p = closestAttr(elt, "hx-params") else { return values }
        return ParamsFilter.parse(p).apply(to: values.map { (name: $0.0, value: $0.1) }).map { ($0.name, $0.value) }
    }

    /// htmx.js usesFormData.
    func usesFormData(_ elt: Node) -> Bool {
        closestAttr(elt, "hx-encoding") == "multipart/form-data"
            || (elt.isHTMLElement(named: "form") && elt.attribute("enctype") == "multipart/form-data")
    }

    // MARK: indicators

    /// htmx.js addRequestIndicatorClasses.
    func addRequestIndicatorClasses(_ elt: Node) -> [Node] {
        let indicators = findAttributeTargets(elt, "hx-indicator") ?? [elt]
        for ic in indicators {
            data(ic).requestCount += 1
            ic.addClass(config.requestClass)
        }
        return indicators
    }

    /// htmx.js disableElements.
    func disableElements(_ elt: Node) -> [Node] {
        let elts = findAttributeTargets(elt, "hx-disabled-elt") ?? []
        for e in elts {
            data(e).requestCount += 1
            if !e.hasAttribute("disabled") {
                e.setAttribute("disabled", "")
                e.setAttribute("data-disabled-by-htmx", "")
            }
        }
        return elts
    }

    /// htmx.js removeRequestIndicators.
    func removeRequestIndicators(_ indicators: [Node], _ disabled: [Node]) {
        for e in indicators + disabled {
            let d = data(e)
            d.requestCount = (d.requestCount == 0 ? 1 : d.requestCount) - 1
        }
        for ic in indicators where data(ic).requestCount == 0 {
            removeClass(ic, config.requestClass)
        }
        for e in disabled where data(e).requestCount == 0 && e.hasAttribute("data-disabled-by-htmx") {
            e.removeAttribute("disabled")
            e.removeAttribute("data-disabled-by-htmx")
        }
    }

    /// htmx.js removeClassFromElement: an emptied `class` attribute is removed.
    func removeClass(_ elt: Node, _ name: String) {
        guard elt.isElement, let remains = elt.removeClasses([name]) else { return }
        if !remains { elt.removeAttribute("class") }
    }

    /// htmx.js addClassToElement.
    func addClass(_ elt: Node, _ name: String) {
        guard elt.isElement else { return }
        elt.addClass(name)
    }
}
