import HTMLModel

extension HTMX2Runtime {
    static let verbs = ["get", "post", "put", "delete", "patch"]
    static let verbAttributes = verbs.map { ($0, "hx-" + $0) }

    /// htmx.js findElementsToProcess: the selector list htmx 2 queries below a processed
    /// node (verbs, boost, forms, submit buttons, hx-ext, hx-trigger, and the selectors
    /// htmx-ext-sse registers).
    static let processSelector: String = {
        var parts: [String] = []
        for v in verbs { parts.append("[hx-\(v)]"); parts.append("[data-hx-\(v)]") }
        parts += ["[hx-boost] a", "[data-hx-boost] a", "a[hx-boost]", "a[data-hx-boost]", "form", "[type='submit']",
                  "[hx-ext]", "[data-hx-ext]", "[hx-trigger]", "[data-hx-trigger]",
                  "[sse-connect]", "[data-sse-connect]", "[sse-swap]", "[data-sse-swap]"]
        return parts.joined(separator: ", ")
    }()

    /// htmx.js processNode.
    func processNode(_ elt: Node) {
        guard elt.isElement else { return }
        if eltIsDisabled(elt) {
            cleanUpElement(elt)
            return
        }
        var toInit: [Node] = []
        if maybeDeInitAndHash(elt) { toInit.append(elt) }
        for child in processSelectorList().map(elt.querySelectorAll) ?? [] {
            if eltIsDisabled(child) {
                cleanUpElement(child)
                continue
            }
            if maybeDeInitAndHash(child) { toInit.append(child) }
        }
        for e in findHxOnElements(elt) { processHxOnWildcard(e) }
        for e in toInit { initNode(e) }
    }

    /// The parsed `processSelector` with the registered extensions' selectors, kept until an
    /// extension is defined (every swap processes its new content with it). nil when an
    /// extension's selector does not parse: the DOM would throw, and nothing is processed.
    func processSelectorList() -> SelectorList? {
        if let cached = processSelectorCache { return cached }
        var selector = Self.processSelector
        for ext in extensions.values.sorted(by: { $0.name < $1.name }) {
            for s in ext.selectors { selector += ", " + s }
        }
        let list = try? SelectorList.parse(selector)
        processSelectorCache = .some(list)
        return list
    }

    /// htmx.js maybeDeInitAndHash.
    func maybeDeInitAndHash(_ elt: Node) -> Bool {
        let (d, isNew) = dataNoting(elt)
        let hash = Self.attributeHash(elt)
        if d.initHash != hash {
            // Data made just now holds nothing to take down (every new element of a swap).
            if !isNew { deInitNode(elt) }
            d.initHash = hash
            return true
        }
        return false
    }

    /// htmx.js attributeHash / stringHash: a 32-bit hash over non-empty attributes, on UTF-16
    /// code units (an ASCII byte is its own code unit, so ASCII text is hashed as stored).
    static func attributeHash(_ elt: Node) -> Int32 {
        var hash: Int32 = 0
        elt.forEachAttributeUTF8 { name, value in
            guard !value.isEmpty else { return }
            hash = stringHash(value, after: stringHash(name, after: hash))
        }
        return hash
    }

    /// htmx.js stringHash from `hash` on. A function of its own, not a nested one updating a
    /// captured variable: that boxed the hash and checked every access at run time.
    private static func stringHash(_ bytes: UnsafeBufferPointer<UInt8>, after start: Int32) -> Int32 {
        var hash = start
        if bytes.allSatisfy({ $0 < 0x80 }) {
            for b in bytes { hash = (hash &<< 5) &- hash &+ Int32(b) }
        } else {
            for u in String(decoding: bytes, as: UTF8.self).utf16 { hash = (hash &<< 5) &- hash &+ Int32(u) }
        }
        return hash
    }

    /// htmx.js initNode.
    func initNode(_ elt: Node) {
        triggerEvent(elt, "htmx:beforeProcessNode")
        reportUnknownExtensions(elt)
        let d = data(elt)
        let specs = triggerSpecs(elt)
        let explicit = processVerbs(elt, d, specs)
        if !explicit {
            if closestAttr(elt, "hx-boost") == "true" {
                boostElement(elt, d, specs)
            } else if hasAttr(elt, "hx-trigger") {
                for spec in specs { addTriggerHandler(elt, spec, d) { _, _ in } }
            }
        }
        if elt.isHTMLElement(named: "form") || (elt.attribute("type") == "submit" && hasAttr(elt, "form")) {
            initButtonTracking(elt)
        }
        d.firstInitCompleted = true
        triggerEvent(elt, "htmx:afterProcessNode")
    }

    /// htmx.js getTriggerSpecs, with htmx's syntax errors fired as events.
    func triggerSpecs(_ elt: Node) -> [TriggerSpec] {
        // The parse is pure: a value kept from an earlier element gives the same specs and
        // diagnostics, and the syntax errors are fired again below, as htmx (which keeps no
        // parse unless `triggerSpecsCache` is set) fires them for every element.
        let parsed = attr(elt, "hx-trigger").map { triggerLists.value(for: $0) { TriggerSpec.parseList($0) } } ?? GrammarResult([])
        let result = TriggerSpec.withDefault(parsed, tagName: elt.localName,
                                             inputType: elt.isHTMLElement(named: "input") ? elt.attribute("type") : nil)
        for note in result.diagnostics {
            if note.code == GrammarDiagnostic.syntaxErrorCode {
                var detail = JSObject()
                if let token = note.detail { detail["token"] = .string(token) }
                triggerErrorEvent(elt, "htmx:syntax:error", detail)
            }
            diagnose(note.code, elt, note.message)
        }
        return result.value
    }

    /// htmx.js processVerbs.
    func processVerbs(_ elt: Node, _ d: HTMX2NodeData, _ specs: [TriggerSpec]) -> Bool {
        var explicit = false
        for (verb, name) in Self.verbAttributes where hasAttr(elt, name) {
            let path = attrRaw(elt, name) ?? ""
            explicit = true
            d.path = path
            d.verb = verb
            for spec in specs {
                addTriggerHandler(elt, spec, d) { [self] node, evt in
                    if eltIsDisabled(node) {
                        cleanUpElement(node)
                        return
                    }
                    issueAjaxRequest(verb: verb, path: path, elt: node, event: evt)
                }
            }
        }
        return explicit
    }

    /// htmx.js boostElement.
    func boostElement(_ elt: Node, _ d: HTMX2NodeData, _ specs: [TriggerSpec]) {
        let isLocalLink: Bool = {
            guard elt.isHTMLElement(named: "a"), let href = elt.attribute("href"), !href.isEmpty, !href.hasPrefix("#") else { return false }
            return URLResolution.isSameOrigin(href)
        }()
        let targetOK = { () -> Bool in let t = elt.attribute("target") ?? ""; return t == "" || t == "_self" }()
        let isForm = elt.isHTMLElement(named: "form") && (elt.attribute("method") ?? "null").lowercased() != "dialog"
        guard (isLocalLink && targetOK) || isForm else { return }
        d.boosted = true
        var verb = "get"
        var path: String
        if elt.isHTMLElement(named: "a") {
            path = elt.attribute("href") ?? ""
        } else {
            verb = elt.attribute("method").flatMap { $0.isEmpty ? nil : $0.lowercased() } ?? "get"
            path = elt.attribute("action") ?? ""
            if path.isEmpty { path = locationHref }
            if verb == "get", let q = path.firstIndex(of: "?") {
                // `path.replace(/\?[^#]+/, '')`
                let rest = path[q...].dropFirst()
                if let hash = rest.firstIndex(of: "#") {
                    if hash > rest.startIndex { path = String(path[..<q]) + String(path[hash...]) }
                } else if !rest.isEmpty {
                    path = String(path[..<q])
                }
            }
        }
        for spec in specs {
            addEventListener(elt, d, spec, explicitCancel: true) { [self] node, evt in
                if eltIsDisabled(node) {
                    cleanUpElement(node)
                    return
                }
                issueAjaxRequest(verb: verb, path: path, elt: node, event: evt)
            }
        }
    }

    /// htmx.js initButtonTracking (focus is not modelled, so only `click`).
    func initButtonTracking(_ elt: Node) {
        dispatcher.addListener(.node(elt), "click") { [self] evt in
            guard let t = evt.target?.node, let button = DOMQuery.closest(t, "button, input[type='submit']") else { return }
            guard let form = relatedForm(button) else { return }
            data(form).lastButtonClicked = button
        }
    }

    /// htmx.js getRelatedForm: `elt.form` (the form owner), else the closest form.
    func relatedForm(_ elt: Node) -> Node? {
        if Self.isFormAssociated(elt), let id = elt.attribute("form"),
           let form = document.element(byID: id), form.isHTMLElement(named: "form") {
            return form
        }
        return DOMQuery.closest(elt, "form")
    }

    static func isFormAssociated(_ elt: Node) -> Bool {
        ["input", "select", "textarea", "button", "fieldset", "output", "object"].contains { elt.isHTMLElement(named: $0) }
    }

    // MARK: hx-on

    /// htmx.js findHxOnWildcardElements: the element, then descendants with an `hx-on`
    /// attribute, in tree order.
    func findHxOnElements(_ elt: Node) -> [Node] {
        var out: [Node] = []
        if Self.hasHxOnAttribute(elt) { out.append(elt) }
        out += elt.descendantElements(where: { $0.containsAttributeName(withPrefixIn: Self.hxOnPrefixes) })
        return out
    }

    static let hxOnPrefixes = ["hx-on:", "data-hx-on:", "hx-on-", "data-hx-on-"].map { Array($0.utf8) }

    static func hasHxOnAttribute(_ elt: Node) -> Bool {
        elt.containsAttributeName(withPrefixIn: hxOnPrefixes)
    }

    /// htmx.js processHxOnWildcard: the handler is JavaScript, which the engine does not run;
    /// each time it would run, a diagnostic (code `hx-on`) records element, event and source.
    func processHxOnWildcard(_ elt: Node) {
        deInitOnHandlers(elt)
        let d = data(elt)
        for a in elt.attributes where a.name.hasPrefix("hx-on") || a.name.hasPrefix("data-hx-on") {
            let nameBytes = Array(a.name.utf8)
            guard let dash = (0..<max(0, nameBytes.count - 2)).first(where: { nameBytes[$0] == 0x2D && nameBytes[$0 + 1] == 0x6F && nameBytes[$0 + 2] == 0x6E })
            else { continue }
            let after = Substring(String(decoding: nameBytes[(dash + 3)...], as: UTF8.self))
            guard let next = after.first, next == "-" || next == ":" else { continue }
            var eventName = String(after.dropFirst())
            if eventName.hasPrefix(":") {
                eventName = "htmx" + eventName
            } else if eventName.hasPrefix("-") {
                eventName = "htmx:" + eventName.dropFirst()
            } else if eventName.hasPrefix("htmx-") {
                eventName = "htmx:" + eventName.dropFirst(5)
            }
            let code = a.value
            let id = dispatcher.addListener(.node(elt), eventName) { [self] _ in
                if !config.allowEval {
                    triggerErrorEvent(elt, "htmx:evalDisallowedError")
                    return
                }
                if eltIsDisabled(elt) { return }
                diagnose("hx-on", elt, "the \(eventName) handler would run (not executed): \(code)")
            }
            d.onHandlers.append((eventName, id))
        }
    }

    func deInitOnHandlers(_ elt: Node) {
        let d = data(elt)
        for h in d.onHandlers { dispatcher.removeListener(.node(elt), h.type, h.id) }
        d.onHandlers = []
    }

    // MARK: clean-up

    /// htmx.js deInitNode.
    func deInitNode(_ elt: Node) {
        guard let d = nodeData[elt] else { return }
        if let t = d.timeout { scheduler.cancel(t) }
        for info in d.listenerInfos { dispatcher.removeListener(info.target, info.type, info.id) }
        deInitOnHandlers(elt)
        d.reset()
    }

    /// htmx.js cleanUpElement: `htmx:beforeCleanupElement` on the node (text nodes too), then
    /// its element children, depth first.
    func cleanUpElement(_ node: Node) {
        var stack: [Node] = [node]
        while let n = stack.popLast() {
            triggerEvent(n, "htmx:beforeCleanupElement")
            deInitNode(n)
            // Children pushed last first, so the first is cleaned up next (no array of them).
            var child = n.lastElementChild
            while let c = child {
                stack.append(c)
                child = c.previousElementSibling
            }
        }
    }
}

extension HTMX2Runtime {
    /// An `hx-ext` naming an extension the engine does not provide does nothing in htmx
    /// either (htmx.js getExtensions skips unknown names), but here it almost always means a
    /// feature the replay cannot reproduce, so it is said out loud.
    func reportUnknownExtensions(_ elt: Node) {
        guard let value = attr(elt, "hx-ext") else { return }
        for raw in value.split(separator: ",") {
            let name = raw.filter { $0 != " " }
            if name.isEmpty || name.hasPrefix("ignore:") || extensions[name] != nil { continue }
            diagnose("unsupported-extension", elt,
                     "hx-ext names \"\(name)\", which this engine does not provide; attributes that need it are ignored")
        }
    }
}
