import HTMLModel

/// A history update htmx 2 decided on (htmx.js determineHistoryUpdates).
struct HTMX2HistoryUpdate {
    var type: String
    var path: String
}

extension HTMX2Runtime {
    /// htmx.js handleAjaxResponse.
    func handleAjaxResponse(_ elt: Node, _ info: HTMX2ResponseInfo) {
        var target = info.target
        if !triggerEvent(elt, "htmx:beforeOnLoad", info.detail()) { return }
        if let h = info.header("HX-Trigger") { handleTriggerHeader(h, elt) }
        if let location = info.header("HX-Location") {
            handleLocation(location, elt)
            return
        }
        let shouldRefresh = info.header("HX-Refresh") == "true"
        if let redirect = info.header("HX-Redirect") {
            info.keepIndicators = true
            diagnose("navigation", elt, "HX-Redirect: the browser would navigate to \(redirect)" + (shouldRefresh ? " and reload" : ""))
            return
        }
        if shouldRefresh {
            info.keepIndicators = true
            diagnose("navigation", elt, "HX-Refresh: the browser would reload the page")
            return
        }
        let historyUpdate = determineHistoryUpdates(elt, info)
        let resolution = ResponseHandling.resolve(status: info.status, entries: config.responseHandling)
        diagnose(resolution.diagnostics, elt)
        guard let handling = resolution.value.entry else {
            // A code that is not a valid regular expression: htmx throws in onload.
            triggerErrorEvent(elt, "htmx:onLoadError", info.detail())
            return
        }
        let shouldSwap = handling.swap
        var isError = handling.error
        let ignoreTitle = config.ignoreTitle || handling.ignoreTitle
        let selectOverride = handling.select
        if let t = handling.target {
            guard let resolved = resolveRetarget(elt, t) else { return onLoadError(elt, info) }
            info.target = resolved
        }
        var swapOverride = info.etc.swapOverride
        if swapOverride == nil, let s = handling.swapOverride { swapOverride = s }
        if let t = info.header("HX-Retarget") {
            guard let resolved = resolveRetarget(elt, t) else { return onLoadError(elt, info) }
            info.target = resolved
        }
        if let s = info.header("HX-Reswap") { swapOverride = s }
        // `config.ignoreTitle || responseHandling.ignoreTitle` is undefined unless one is set.
        var beforeSwapMembers: [(String, JSValue)] = [("shouldSwap", .bool(shouldSwap)), ("serverResponse", .string(info.body)),
                                                      ("isError", .bool(isError))]
        if ignoreTitle { beforeSwapMembers.append(("ignoreTitle", .bool(true))) }
        let beforeSwap = info.detail(beforeSwapMembers)
        if let event = handling.event, !triggerEvent(target, event, beforeSwap) { return }
        if !triggerEvent(target, "htmx:beforeSwap", beforeSwap) { return }
        target = info.target
        isError = handling.error
        info.failed = isError
        info.successful = !isError
        if shouldSwap {
            if info.status == 286 { data(elt).cancelled = true }
            var serverResponse = info.body
            for ext in getExtensions(elt) {
                serverResponse = ext.transformResponse(serverResponse, status: info.status, elt: elt)
            }
            if historyUpdate != nil { saveCurrentPageToHistory() }
            var spec = swapSpecification(for: elt, override: swapOverride)
            if spec.ignoreTitle == nil { spec.ignoreTitle = ignoreTitle }
            addClass(target, config.swappingClass)
            var select = selectOverride
            if let s = info.select { select = s }
            if let s = info.header("HX-Reselect") { select = s }
            let selectOOB = closestAttr(elt, "hx-select-oob")
            let hxSelect = closestAttr(elt, "hx-select")
            let finalSelect: String? = select == "unset" ? nil : (select.flatMap { $0.isEmpty ? nil : $0 } ?? hxSelect)
            var options = HTMX2SwapOptions()
            options.select = finalSelect
            options.selectOOB = selectOOB
            options.eventInfo = info
            options.anchor = info.anchor
            options.contextElement = elt
            options.beforeSwap = { [self] in
                guard let update = historyUpdate, let body = document.body else { return }
                var detail = info.detail()
                detail["history"] = .object(JSObject([("type", .string(update.type)), ("path", .string(update.path))]))
                triggerEvent(body, "htmx:beforeHistoryUpdate", detail)
                if update.type == "push" {
                    pushURL(update.path)
                    triggerEvent(body, "htmx:pushedIntoHistory", JSObject([("path", .string(update.path))]))
                } else {
                    replaceURL(update.path)
                    triggerEvent(body, "htmx:replacedInHistory", JSObject([("path", .string(update.path))]))
                }
            }
            options.afterSwap = { [self] in
                if let h = info.header("HX-Trigger-After-Swap") {
                    handleTriggerHeader(h, bodyContains(elt) ? elt : (document.body ?? elt))
                }
            }
            options.afterSettle = { [self] in
                if let h = info.header("HX-Trigger-After-Settle") {
                    handleTriggerHeader(h, bodyContains(elt) ? elt : (document.body ?? elt))
                }
            }
            swap(target, serverResponse, spec, options)
        }
        if isError {
            let message = "Response Status Error Code \(info.status) from \(info.path)"
            triggerErrorEvent(elt, "htmx:responseError", info.detail([("error", .string(message))]))
        }
    }

    private func onLoadError(_ elt: Node, _ info: HTMX2ResponseInfo) {
        // resolveRetarget threw: htmx's onload catch fires htmx:onLoadError, then rethrows,
        // so afterRequest/afterOnLoad never fire; the finally still releases the lock.
        // `error` is the thrown Error object, not a string.
        let error = JSValue.object(JSObject([("message", .string("Invalid re-target"))], className: "Error"))
        triggerErrorEvent(elt, "htmx:onLoadError", info.detail([("error", error)]))
        info.aborted = true
    }

    /// htmx.js resolveRetarget: nil after firing `htmx:targetError` when nothing matches.
    func resolveRetarget(_ elt: Node, _ target: String) -> Node? {
        if target == "this" { return elt }
        if let n = querySelectorExt(elt, target).first?.node { return n }
        triggerErrorEvent(elt, "htmx:targetError", JSObject([("target", .string(target))]))
        return nil
    }

    /// htmx.js handleTriggerHeader.
    func handleTriggerHeader(_ header: String, _ elt: Node) {
        let parsed = TriggerHeaderEvent.parse(header)
        diagnose(parsed.diagnostics, elt)
        var target = elt
        for event in parsed.value {
            switch event.target {
            case .requestElement: break
            case .selector(let s):
                guard let n = DOMQuery.first(document.node, s) else {
                    diagnose("hx-trigger-header", elt, "target \(s) of \(event.name) matched nothing; htmx throws")
                    return
                }
                target = n
            case .invalid:
                return
            }
            var detail = JSObject()
            if case .object(let o) = event.detail {
                detail = JSObject(o.members.map { ($0.key, Self.jsValue($0.value)) })
            }
            triggerEvent(target, event.name, detail)
        }
    }

    /// HX-Location: htmx.js ajaxHelper('get', path, spec) with `push` defaulting to true.
    func handleLocation(_ value: String, _ elt: Node) {
        var path = value
        var etc = HTMX2Etc()
        var source: Node? = nil
        if value.hasPrefix("{") {
            let parsed = GrammarJSON.parse(value)
            diagnose(parsed.diagnostics, elt)
            guard case .object(let o)? = parsed.value else { return }
            path = o["path"]?.jsString ?? ""
            if let t = o["target"]?.stringValue { etc.targetOverride = DOMQuery.first(document.node, t) }
            if let s = o["swap"]?.stringValue { etc.swapOverride = s }
            if let s = o["select"]?.stringValue { etc.select = s }
            if let s = o["source"]?.stringValue { source = DOMQuery.first(document.node, s) }
            if let p = o["push"] { etc.push = p.jsString }
            if let r = o["replace"] { etc.replace = r.jsString }
            if case .object(let vals)? = o["values"] { etc.values = vals.members.map { ($0.key, $0.value.jsString) } }
            if case .object(let hs)? = o["headers"] { etc.headers = hs.members.map { ($0.key, $0.value.jsString) } }
        }
        if etc.push == nil { etc.push = "true" }
        // htmx.js ajaxHelper: without a source the request comes from body; without a
        // target, getTarget of that element decides.
        let from = source ?? document.body
        issueAjaxRequest(verb: "get", path: path, elt: from, event: nil, etc: etc)
    }

    /// htmx.js determineHistoryUpdates.
    func determineHistoryUpdates(_ elt: Node, _ info: HTMX2ResponseInfo) -> HTMX2HistoryUpdate? {
        var fromHeaders: (String, String)?
        if let p = info.header("HX-Push") {
            fromHeaders = ("push", p)
        } else if let p = info.header("HX-Push-Url") {
            fromHeaders = ("push", p)
        } else if let p = info.header("HX-Replace-Url") {
            fromHeaders = ("replace", p)
        }
        if let (type, p) = fromHeaders, !p.isEmpty {
            return p == "false" ? nil : HTMX2HistoryUpdate(type: type, path: p)
        }
        let requestPath = info.finalRequestPath
        var push = info.etc.push ?? closestAttr(elt, "hx-push-url")
        var replace = info.etc.replace ?? closestAttr(elt, "hx-replace-url")
        if push == "false" { push = nil }
        if replace == "false" { replace = nil }
        var type: String?
        var path: String?
        if let p = push, !p.isEmpty {
            type = "push"; path = p
        } else if let r = replace, !r.isEmpty {
            type = "replace"; path = r
        } else if data(elt).boosted {
            type = "push"; path = requestPath
        }
        guard let t = type, var p = path else { return nil }
        if p == "true" { p = requestPath }
        if let anchor = info.anchor, !anchor.isEmpty, !p.contains("#") { p += "#" + anchor }
        return HTMX2HistoryUpdate(type: t, path: p)
    }

    /// htmx.js saveCurrentPageToHistory: the snapshot itself is not modelled, its events are.
    func saveCurrentPageToHistory() {
        guard let body = document.body else { return }
        let historyElt = DOMQuery.first(document.node, "[hx-history-elt],[data-hx-history-elt]") ?? body
        if DOMQuery.first(document.node, "[hx-history=\"false\" i],[data-hx-history=\"false\" i]") == nil {
            triggerEvent(body, "htmx:beforeHistorySave", JSObject([("path", .string(currentPathForHistory)), ("historyElt", .node(historyElt))]))
            if config.historyCacheSize > 0 {
                triggerEvent(body, "htmx:historyItemCreated", JSObject([("item", .object(JSObject([("url", .string(currentPathForHistory))])))]))
            }
        }
    }

    /// htmx.js pushUrlIntoHistory: `history.pushState` moves the location.
    func pushURL(_ path: String) {
        if config.historyEnabled { setLocation(path) }
        currentPathForHistory = path
        diagnose("history", nil, "pushState \(path)")
    }

    /// htmx.js replaceUrlInHistory.
    func replaceURL(_ path: String) {
        if config.historyEnabled { setLocation(path) }
        currentPathForHistory = path
        diagnose("history", nil, "replaceState \(path)")
    }

    private func setLocation(_ path: String) {
        var p = path
        if let hash = p.firstIndex(of: "#") { p = String(p[..<hash]) }
        let resolved = URLResolution.resolve(p, currentPath: currentPath)
        if resolved.sameOrigin { currentPath = resolved.url }
    }
}
