import HTMLModel

/// From trigger to fetch: `__createRequestContext`, `__handleTriggerEvent`,
/// `__issueRequest` and the request queue.
extension HTMX4Runtime {
    /// `__determineMethodAndAction`.
    func methodAndAction(_ elt: Node, _ evt: DOMEvent?) -> (action: String?, method: String) {
        if props[elt]?.boosted != nil {
            if elt.isHTMLElement(named: "a") { return (elt.attribute("href"), "GET") }
            let submitter = evt?.fields["submitter"]?.nodeValue
            let action = submitter?.attribute("formaction").flatMap { $0.isEmpty ? nil : $0 } ?? elt.attribute("action")
            let method = submitter?.attribute("formmethod").flatMap { $0.isEmpty ? nil : $0 } ?? elt.attribute("method") ?? "GET"
            return (action, method.uppercased())
        }
        var method = attributeValue(elt, "hx-method").flatMap { $0.isEmpty ? nil : $0 } ?? "GET"
        var action = attributeValue(elt, "hx-action")
        if action?.isEmpty ?? true {
            for verb in Self.verbs {
                if let a = attributeValue(elt, "hx-" + verb) {
                    action = a
                    method = verb
                    break
                }
            }
        }
        return (action, method.uppercased())
    }

    /// `__createRequestContext`.
    public func createRequestContext(_ elt: Node, _ evt: DOMEvent?) throws(HTMX4Error) -> HTMX4RequestContext {
        let (action, method) = methodAndAction(elt, evt)
        let pieces = (action ?? "").split(separator: "#", omittingEmptySubsequences: false)
        let ctx = HTMX4RequestContext(sourceElement: elt, sourceEvent: evt, action: String(pieces[0]), method: method,
                                      swap: attributeValue(elt, "hx-swap") ?? config.defaultSwap, transition: config.transitions)
        ctx.anchor = pieces.count > 1 ? String(pieces[1]) : nil
        ctx.select = attributeValue(elt, "hx-select")
        ctx.selectOOB = attributeValue(elt, "hx-select-oob")
        let targetAttr = attributeValue(elt, "hx-target")
        ctx.push = attributeValue(elt, "hx-push-url")
        ctx.replace = attributeValue(elt, "hx-replace-url")
        ctx.confirm = attributeValue(elt, "hx-confirm")
        let noValidate = elt.hasAttribute("novalidate") || (evt?.fields["submitter"]?.nodeValue?.hasAttribute("formnovalidate") ?? false)
        let validateDefault = elt.isHTMLElement(named: "form") && !noValidate ? "true" : "false"
        ctx.validate = attributeValue(elt, "hx-validate", default: validateDefault) == "true"
        ctx.headers = [("HX-Request", "true"), ("HX-Source", buildIdentifier(elt)), ("HX-Current-URL", locationHref),
                       ("Accept", "text/html")]
        ctx.target = targetAttr.map { .selector($0) }
        if let boosted = props[elt]?.boosted {
            ctx.setHeader("HX-Boosted", "true")
            if let o = HCON.parse(boosted) { mergeIntoContext(o, ctx) }
        }
        if let t = try resolveTarget(elt, ctx.target) { ctx.target = .element(t) } else { ctx.target = nil }
        let targetElt: Node? = { if case .element(let n)? = ctx.target { return n } else { return nil } }()
        ctx.setHeader("HX-Request-Type", (targetElt != nil && targetElt == document.body) || !(ctx.select ?? "").isEmpty ? "full" : "partial")
        if let t = targetElt { ctx.setHeader("HX-Target", buildIdentifier(t)) }
        if let configAttr = attributeValue(elt, "hx-config"), !configAttr.isEmpty {
            if let o = HCON.parse(configAttr) {
                mergeIntoRequest(o, ctx)
            } else {
                diagnose("hx-config", elt, "hx-config is not valid JSON: htmx 4 throws")
            }
        }
        return ctx
    }

    /// `HCON.merge(x, ctx)` for the members htmx reads back (`hx-status:*`, boost values).
    func mergeIntoContext(_ o: HCON.Object, _ ctx: HTMX4RequestContext) {
        for (k, v) in o.members {
            switch k {
            case "swap": ctx.swap = v.jsString
            case "target": ctx.target = .selector(v.jsString)
            case "select": ctx.select = v.jsString
            case "selectOOB": ctx.selectOOB = v.jsString
            case "push": ctx.push = v.jsString
            case "replace": ctx.replace = v.jsString
            case "transition": ctx.transition = v.isTruthy
            case "confirm": ctx.confirm = v.jsString
            case "request":
                if case .object(let r) = v { mergeIntoRequest(r, ctx) }
            default: break
            }
        }
    }

    /// `HCON.merge(hx-config, ctx.request)`; `mode` stays the config's.
    func mergeIntoRequest(_ o: HCON.Object, _ ctx: HTMX4RequestContext) {
        for (k, v) in o.members {
            switch k {
            case "headers":
                if case .object(let h) = v { for (hk, hv) in h.members { ctx.setHeader(hk, hv.jsString) } }
            case "timeout": ctx.timeout = v
            case "validate": ctx.validate = v.isTruthy
            case "action": ctx.action = v.jsString
            case "method": ctx.method = v.jsString
            case "mode": break
            default:
                var extras = ctx.requestExtras
                var single = HCON.Object()
                single[k] = v
                HCON.merge(single, into: &extras)
                ctx.requestExtras = extras
            }
        }
    }

    /// `__buildIdentifier`: `tag#id` with the id through `encodeURI`.
    func buildIdentifier(_ elt: Node) -> String {
        let tag = elt.tagName.lowercased()
        return elt.id.isEmpty ? tag : tag + "#" + Self.encodeURI(elt.id)
    }

    static func encodeURI(_ s: String) -> String {
        let keep = Set(";,/?:@&=+$-_.!~*'()#".utf8)
        var out = ""
        for b in s.utf8 {
            if (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || keep.contains(b) {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                out += "%" + hex(b)
            }
        }
        return out
    }

    static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
    }

    /// `__handleTriggerEvent`: form data, `hx-vals`, `hx-headers`, `htmx:config:request`,
    /// the URL or body, then the request. `onError` is the handler's catch.
    func handleTriggerEvent(_ ctx: HTMX4RequestContext) throws(HTMX4Error) {
        let elt = ctx.sourceElement
        guard elt.isConnected else { return }
        if let evt = ctx.sourceEvent {
            if isModifierKeyClick(evt) { return }
            if shouldCancel(evt) { evt.preventDefault() }
        }
        let usesQueryParams = JSText.includes(ctx.method, "GET") || JSText.includes(ctx.method, "DELETE")
        let form: Node? = usesQueryParams
            ? (elt.isHTMLElement(named: "form") ? elt : nil)
            : (formOwner(elt) ?? DOMQuery.closest(elt, "form"))
        let submitter = ctx.sourceEvent?.fields["submitter"]?.nodeValue
        guard var body = try collectFormData(elt, form, submitter, ctx.validate, isGet: usesQueryParams) else { return }
        if let vals = attributeValue(elt, "hx-vals"), !vals.isEmpty {
            guard let obj = try objectAttribute(elt, "hx-vals", vals) else { return }
            Self.formDataSet(&body, obj.members.map { ($0.key, $0.value.jsString) })
        }
        if let values = ctx.values {
            for (k, v) in values {
                body.removeAll { $0.0 == k }
                body.append((k, v))
            }
        }
        if let hs = attributeValue(elt, "hx-headers"), !hs.isEmpty {
            guard let obj = try objectAttribute(elt, "hx-headers", hs) else { return }
            for (k, v) in obj.members { ctx.setHeader(k, v.jsString) }
        }
        ctx.form = form
        ctx.submitter = submitter
        ctx.body = body
        guard fire(elt, "htmx:config:request", HTMX4Detail(ctx: ctx)) else { return }
        guard Self.verbs.contains(ctx.method.lowercased()) else { return }
        if Self.javascriptContent(ctx.action) != nil {
            diagnose("javascript", elt, "a js: action is JavaScript and is not run")
            return
        }
        if usesQueryParams {
            let resolved = URLResolution.resolve(ctx.action, currentPath: currentPath)
            var url = resolved.url
            if !body.isEmpty {
                let (path, query) = URLResolution.split(url)
                var params = Self.parseURLEncoded(query.isEmpty ? "" : String(query.dropFirst()))
                let keys = Set(body.map(\.0))
                params.removeAll { keys.contains($0.0) }
                params += body
                let q = Self.urlEncoded(params)
                url = path + (q.isEmpty ? "" : "?" + q)
            }
            ctx.action = url
            ctx.body = nil
        } else {
            let encoding = attributeValue(elt, "hx-encoding") ?? form.map(Self.enctype)
            if encoding == "multipart/form-data" {
                diagnose("multipart", elt, "a multipart/form-data body is recorded urlencoded (the engine does not build multipart bodies)")
            }
        }
        try issueRequest(ctx)
    }

    /// `__getAttributeObject` on the synchronous path: HCON, or nil after reporting
    /// (`js:` values are JavaScript; unparsable JSON throws into the handler's catch).
    private func objectAttribute(_ elt: Node, _ name: String, _ value: String) throws(HTMX4Error) -> HCON.Object? {
        if Self.javascriptContent(value) != nil {
            diagnose("javascript", elt, "\(name) with js: is JavaScript and is not run: the request is not made")
            return nil
        }
        guard let o = HCON.parse(value) else {
            diagnose("json", elt, "\(name) is not valid JSON: htmx 4 throws a SyntaxError")
            throw HTMX4Error(message: "SyntaxError: \(name) is not valid JSON")
        }
        return o
    }

    /// `form.enctype`.
    static func enctype(_ form: Node) -> String {
        let v = (form.attribute("enctype") ?? "").lowercased()
        return ["multipart/form-data", "text/plain"].contains(v) ? v : "application/x-www-form-urlencoded"
    }

    /// `elt.form` for form-associated elements.
    func formOwner(_ elt: Node) -> Node? {
        let listed = ["input", "select", "textarea", "button", "fieldset", "output", "object"]
        guard listed.contains(where: { elt.isHTMLElement(named: $0) }) else { return nil }
        return FormControls.owner(of: elt, in: document)
    }

    static func javascriptContent(_ s: String?) -> String? {
        guard let s else { return nil }
        if s.hasPrefix("js:") { return String(s.dropFirst(3)) }
        if s.hasPrefix("javascript:") { return String(s.dropFirst(11)) }
        return nil
    }

    /// `FormData.set` for each of `members` in turn, whose names are distinct (an object's
    /// keys): in one pass, where a search of the entries per member was quadratic in an
    /// `hx-vals` of thousands of keys. A set of one name leaves the others' entries alone,
    /// so the order of the sets only decides the order of the names appended.
    static func formDataSet(_ data: inout [(String, String)], _ members: [(String, String)]) {
        var replacement: [String: String] = [:]
        for (k, v) in members { replacement[k] = v }
        var placed = Set<String>()
        var out: [(String, String)] = []
        out.reserveCapacity(data.count + members.count)
        for entry in data {
            guard let value = replacement[entry.0] else {
                out.append(entry)
                continue
            }
            if placed.insert(entry.0).inserted { out.append((entry.0, value)) }
        }
        for (k, v) in members where !placed.contains(k) { out.append((k, v)) }
        data = out
    }

    /// The application/x-www-form-urlencoded serializer (`URLSearchParams.toString`).
    static func urlEncoded(_ pairs: [(String, String)]) -> String {
        func enc(_ s: String) -> String {
            var out = ""
            for b in s.utf8 {
                if (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                    || b == 0x2A || b == 0x2D || b == 0x2E || b == 0x5F {
                    out.unicodeScalars.append(Unicode.Scalar(b))
                } else if b == 0x20 {
                    out += "+"
                } else {
                    out += "%" + hex(b)
                }
            }
            return out
        }
        return pairs.map { enc($0.0) + "=" + enc($0.1) }.joined(separator: "&")
    }

    /// The application/x-www-form-urlencoded parser (`new URLSearchParams(query)`).
    static func parseURLEncoded(_ s: String) -> [(String, String)] {
        func dec(_ sub: Substring) -> String {
            var bytes: [UInt8] = []
            let b = Array(sub.utf8)
            var i = 0
            while i < b.count {
                if b[i] == UInt8(ascii: "+") { bytes.append(0x20); i += 1; continue }
                if b[i] == UInt8(ascii: "%"), i + 2 < b.count, let h = UInt8(String(decoding: b[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                    bytes.append(h)
                    i += 3
                    continue
                }
                bytes.append(b[i])
                i += 1
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return s.split(separator: "&").compactMap { piece in
            guard !piece.isEmpty else { return nil }
            if let eq = piece.firstIndex(of: "=") { return (dec(piece[..<eq]), dec(piece[piece.index(after: eq)...])) }
            return (dec(piece), "")
        }
    }

    /// `__collectFormData`: the form's data set (after validation), the element's own
    /// inputs when there is no form, the submitter, and `hx-include`. nil when validation
    /// fails.
    func collectFormData(_ elt: Node, _ form: Node?, _ submitter: Node?, _ validate: Bool, isGet: Bool) throws(HTMX4Error) -> [(String, String)]? {
        if validate, let form, !reportValidity(FormControls.listedElements(of: form, in: document)) { return nil }
        var data: [(String, String)] = []
        var included = Set<Node>()
        if let form {
            let elements = FormControls.listedElements(of: form, in: document)
            data = FormControls.formDataSet(form, controls: elements)
            included = Set(elements)
        } else {
            if validate, isValidatable(elt), !reportValidity([elt]) { return nil }
            addInputValues(elt, &included, &data, isGet: isGet)
        }
        if let submitter, let name = submitter.attribute("name"), !name.isEmpty {
            data.append((name, FormControls.value(submitter) ?? ""))
            included.insert(submitter)
        }
        if let include = attributeValue(elt, "hx-include"), !include.isEmpty {
            for node in try findAllElements(elt, include) {
                if validate, isValidatable(node), !reportValidity([node]) { return nil }
                addInputValues(node, &included, &data, isGet: false)
            }
        }
        return data
    }

    /// Elements with `reportValidity` (form-associated, submittable, or a form).
    private func isValidatable(_ n: Node) -> Bool {
        ["input", "select", "textarea", "button", "fieldset", "output", "object", "form"].contains { n.isHTMLElement(named: $0) }
    }

    /// `reportValidity()` over the controls it covers: `invalid` at each invalid one.
    func reportValidity(_ controls: [Node]) -> Bool {
        var targets: [Node] = []
        for c in controls {
            if c.isHTMLElement(named: "form") {
                targets += FormControls.listedElements(of: c, in: document)
            } else if c.isHTMLElement(named: "fieldset") {
                targets += c.descendants(where: { $0.isElement })
            } else {
                targets.append(c)
            }
        }
        let invalid = targets.filter { FormValidation.violation($0) != nil }
        for c in invalid {
            dispatcher.dispatch(DOMEvent(type: "invalid", bubbles: false, cancelable: true, origin: .native), to: .node(c))
        }
        return invalid.isEmpty
    }

    /// `__addInputValues`.
    func addInputValues(_ elt: Node, _ included: inout Set<Node>, _ data: inout [(String, String)], isGet: Bool) {
        var inputs: [Node] = []
        if elt.isHTMLElement(named: "button") {
            inputs = [elt]
        } else if ["input", "select", "textarea", "fieldset"].contains(where: { elt.isHTMLElement(named: $0) }) || !isGet {
            inputs = eltAndDescendants(elt) { n in ["input", "select", "textarea"].contains(where: { n.isHTMLElement(named: $0) }) }
        }
        for input in inputs {
            guard let name = input.attribute("name"), !name.isEmpty, !FormControls.isDisabled(input), !included.contains(input) else { continue }
            included.insert(input)
            let t = FormControls.type(input)
            if t == "checkbox" || t == "radio" {
                if FormControls.checked(input) { data.append((name, FormControls.value(input) ?? "")) }
            } else if t == "file" {
                continue
            } else if t == "select-multiple" {
                for o in FormControls.selectedOptions(input) { data.append((name, FormControls.optionValue(o))) }
            } else {
                data.append((name, FormControls.value(input) ?? ""))
            }
        }
    }
}
