import HTMLModel

/// `htmx.swap(ctx)`: history, the fragment, OOB and partial tasks, the main task,
/// `htmx:before:swap`, every task inserted, `htmx:after:swap`, the title.
extension HTMX4Runtime {
    func parseSwapSpec(_ text: String) -> HTMX4SwapSpec {
        if swapSpecCache.generation != config.generation { swapSpecCache = (config.generation, [:]) }
        if let spec = swapSpecCache.specs[text] { return spec }
        let spec = HTMX4SwapSpec(text, defaultSwap: config.defaultSwap)
        if swapSpecCache.specs.count < 1024 { swapSpecCache.specs[text] = spec }
        return spec
    }

    /// `swap(ctx)`; `done` gets the error the promise rejects with, if any.
    public func swap(_ ctx: HTMX4RequestContext, _ done: @escaping (JSValue?) -> Void) {
        let source = ctx.sourceElement
        let finally: (JSValue?) -> Void = { [unowned self] error in
            fire(source, "htmx:swap:finally", HTMX4Detail(ctx: ctx))
            done(error)
        }
        handleHistoryUpdate(ctx)
        let (fragment, title) = makeFragment(ctx.text ?? "")
        ctx.title = title
        var tasks: [HTMX4SwapTask]
        let main: HTMX4SwapTask?
        do throws(HTMX4Error) {
            let oobTasks = try processOOB(fragment, source, ctx.selectOOB)
            let partialTasks = try processPartials(fragment, ctx)
            tasks = oobTasks + partialTasks
            main = try mainSwapTask(ctx, fragment, partialTasks)
        } catch {
            return finally(error.jsValue)
        }
        if let main { tasks.insert(main, at: 0) }
        let detail = HTMX4Detail(ctx: ctx)
        guard fire(source, "htmx:before:swap", detail) else { return finally(nil) }

        var pending = 0
        var firstError: JSValue?
        var allStarted = false
        let complete: () -> Void = { [unowned self] in
            // `await Promise.all(...)`, then the rest of `swap`.
            if let firstError { return finally(firstError) }
            fire(source, "htmx:after:swap", HTMX4Detail(ctx: ctx))
            if let title = ctx.title, !title.isEmpty, !(main?.swapSpec["ignoreTitle"]?.isTruthy ?? false) {
                document.setTitle(title)
            }
            if let anchor = ctx.anchor, !anchor.isEmpty, let a = document.element(byID: anchor) {
                diagnose("scroll", a, "would scroll the anchor #\(anchor) into view")
            }
            finally(nil)
        }
        let taskDone: (JSValue?) -> Void = { error in
            if let error, firstError == nil { firstError = error }
            pending -= 1
            if pending == 0 && allStarted {
                // Promise.all settles in a later microtask than the last task.
                self.scheduler.queueMicrotask(complete)
            }
        }
        var transitionTasks: [HTMX4SwapTask] = []
        for task in tasks {
            let transition = task.swapSpec["transition"].map(\.isTruthy) ?? main?.transition ?? ctx.transition
            if transition {
                transitionTasks.append(task)
            } else {
                pending += 1
                insertContent(task, css: true, taskDone)
            }
        }
        if !transitionTasks.isEmpty {
            diagnose("view-transition", source, "a view transition is not animated: its tasks are inserted in order without CSS transitions")
            pending += 1
            var remaining = transitionTasks[...]
            func runNext() {
                guard let t = remaining.popFirst() else { return taskDone(nil) }
                insertContent(t, css: false) { error in
                    if let error { return taskDone(error) }
                    runNext()
                }
            }
            runNext()
        }
        allStarted = true
        if pending == 0 { scheduler.queueMicrotask(complete) }
    }

    /// `__processMainSwap`: nil when the fragment is empty and `swapEmpty` says so.
    func mainSwapTask(_ ctx: HTMX4RequestContext, _ fragment: Node, _ partialTasks: [HTMX4SwapTask]) throws(HTMX4Error) -> HTMX4SwapTask? {
        var spec = parseSwapSpec(ctx.swap.isEmpty ? config.defaultSwap : ctx.swap)
        // In htmx's order, so the fragment's text is only gathered when it has no element.
        func allowEmpty() -> Bool {
            (spec["swapEmpty"] ?? config["defaultSwapEmpty"]).map(\.isTruthy) ?? partialTasks.isEmpty
        }
        guard spec.style == "delete" || fragment.firstElementChild != nil
                || !HCON.trim(fragment.textContent ?? "").isEmpty || allowEmpty() else { return nil }
        var content = fragment
        if let select = ctx.select, !select.isEmpty {
            let selected = try queryAll(fragment, select)
            content = document.createDocumentFragment()
            for n in selected { content.append(n) }
        }
        if props[ctx.sourceElement]?.boosted != nil, !(spec["show"]?.isTruthy ?? false) { spec["show"] = .string("top") }
        let targetRef: HTMX4TargetRef? = spec["target"].map { .selector($0.jsString) } ?? ctx.target
        let task = HTMX4SwapTask(.main, fragment: content, target: try resolveTarget(ctx.sourceElement, targetRef),
                                 swapSpec: spec, sourceElement: ctx.sourceElement)
        task.transition = ctx.transition && spec["transition"] != .bool(false)
        return task
    }

    /// `__createOOBTask`.
    func createOOBTask(_ tasks: inout [HTMX4SwapTask], _ elt: Node, _ value: String, _ source: Node?, mayMove: Bool = false) throws(HTMX4Error) {
        var oobValue = value
        var targetSelector: String? = elt.id.isEmpty ? nil : "#" + Self.cssEscape(elt.id)
        // JavaScript's `includes(' ')` and `indexOf(':')` look at code units: bytes here.
        if oobValue != "true" && !oobValue.isEmpty && !oobValue.utf8.contains(0x20) {
            if let colon = oobValue.utf8.firstIndex(of: 0x3A) {
                targetSelector = String(oobValue[oobValue.utf8.index(after: colon)...])
                oobValue = String(oobValue[..<colon])
            }
        }
        if oobValue == "true" || oobValue.isEmpty { oobValue = "outerHTML" }
        var spec = parseSwapSpec(oobValue)
        if let t = spec["target"], t.isTruthy { targetSelector = t.jsString }
        if spec["strip"] == nil { spec["strip"] = .bool(!spec.style.hasPrefix("outer")) }
        guard let selector = targetSelector, !selector.isEmpty else { return }
        let targets = try queryAll(document.node, selector)
        for (k, target) in targets.enumerated() {
            let fragment = document.createDocumentFragment()
            // htmx clones for every target and then removes the element; the last target can
            // take the element itself (nothing tells a fresh clone from it), sparing a copy,
            // unless OOB elements nested in it are still to be taken out of the original.
            fragment.append(mayMove && k == targets.count - 1 ? elt : elt.clone(deep: true))
            tasks.append(HTMX4SwapTask(.oob, fragment: fragment, target: target, swapSpec: spec, sourceElement: source))
        }
        if elt.parent != nil && !(mayMove && !targets.isEmpty) { elt.remove() }
    }

    /// `__processOOB`: `hx-select-oob` picks first, then every `hx-swap-oob` element.
    func processOOB(_ fragment: Node, _ source: Node?, _ selectOOB: String?) throws(HTMX4Error) -> [HTMX4SwapTask] {
        var tasks: [HTMX4SwapTask] = []
        if let selectOOB, !selectOOB.isEmpty {
            for spec in selectOOB.split(separator: ",", omittingEmptySubsequences: false) {
                var selector = String(spec)
                var oobValue = "true"
                if let colon = spec.firstIndex(of: ":") {
                    selector = String(spec[..<colon])
                    oobValue = String(spec[spec.index(after: colon)...])
                }
                for elt in try queryAll(fragment, selector) { try createOOBTask(&tasks, elt, oobValue, source) }
            }
        }
        let oob = prefixed("hx-swap-oob")
        // One walk over an element's attribute names rules most elements out before the
        // exact lookups (every response's elements are asked, and nested ones again).
        func isOOB(_ n: Node) -> Bool {
            n.containsAttributeName(caseInsensitivelyIn: oob.folded) && oob.names.contains(where: { n.hasAttribute($0) })
        }
        // The name scan picks the candidates up front; the exact check stays in the walk, as
        // each OOB element handled may change what later ones carry.
        let candidates = fragment.descendantElements(where: { $0.containsAttributeName(caseInsensitivelyIn: oob.folded) })
        for elt in candidates where isOOB(elt) {
            guard let name = attrName(elt, "hx-swap-oob") else { continue }
            let value = elt.attribute(name) ?? ""
            elt.removeAttribute(name)
            let nested = elt.firstDescendant(where: isOOB) != nil
            try createOOBTask(&tasks, elt, value, source, mayMove: !nested)
        }
        return tasks
    }

    /// `__processPartials`: each `<template hx type="partial">` becomes a task per target.
    func processPartials(_ fragment: Node, _ ctx: HTMX4RequestContext) throws(HTMX4Error) -> [HTMX4SwapTask] {
        var tasks: [HTMX4SwapTask] = []
        for template in DOMQuery.all(fragment, "template[hx]") {
            let type = template.attribute("type") ?? ""
            if type == "partial" {
                let selector = attr(template, "hx-target").flatMap { $0.isEmpty ? nil : $0 }
                    ?? (template.id.isEmpty ? nil : "#" + Self.cssEscape(template.id))
                if let selector {
                    let swapText = attr(template, "hx-swap").flatMap { $0.isEmpty ? nil : $0 } ?? config.defaultSwap
                    let spec = parseSwapSpec(swapText)
                    for target in try queryAll(document.node, selector) {
                        let copy = document.createDocumentFragment()
                        for c in template.templateContentNodes { copy.append(c.clone(deep: true)) }
                        tasks.append(HTMX4SwapTask(.partial, fragment: copy, target: target, swapSpec: spec, sourceElement: ctx.sourceElement))
                    }
                }
            } else {
                let detail = HTMX4Detail(ctx: ctx)
                for ext in extensions { _ = ext.handle("htmx_process_" + type, template, detail, self) }
            }
            template.remove()
        }
        return tasks
    }

    /// `CSS.escape` for identifiers.
    static func cssEscape(_ s: String) -> String {
        var out = ""
        let scalars = Array(s.unicodeScalars)
        for (i, c) in scalars.enumerated() {
            let v = c.value
            if v == 0 { out += "\u{FFFD}"; continue }
            if (v >= 1 && v <= 0x1F) || v == 0x7F || (i == 0 && v >= 0x30 && v <= 0x39)
                || (i == 1 && v >= 0x30 && v <= 0x39 && scalars[0] == "-") {
                out += "\\" + String(v, radix: 16) + " "
                continue
            }
            if i == 0 && c == "-" && scalars.count == 1 { out += "\\-"; continue }
            if v >= 0x80 || c == "-" || c == "_" || (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) {
                out.unicodeScalars.append(c)
            } else {
                out += "\\"
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
