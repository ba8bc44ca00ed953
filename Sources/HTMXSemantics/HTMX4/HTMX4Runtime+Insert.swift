import HTMLModel

/// `__insertContent`: one task's swap, with the swap delay, `hx-preserve`, settle classes
/// and the settle delay, then processing of the new content.
extension HTMX4Runtime {
    func insertContent(_ task: HTMX4SwapTask, css: Bool, _ done: @escaping (JSValue?) -> Void) {
        guard var target = task.target else { return done(nil) }
        var spec = task.swapSpec
        var style = spec.style
        if style == "none" { return done(nil) }
        var fragment = task.fragment
        if let first = fragment.firstElementChild, first.isHTMLElement(named: "body") {
            if style == "outerHTML" { style = "outerSync" } else if !style.hasPrefix("outer") { spec["strip"] = .bool(true) }
        }
        if spec["strip"]?.isTruthy ?? false, let first = fragment.firstElementChild {
            let stripped = document.createDocumentFragment()
            let children = first.isHTMLElement(named: "template") ? first.templateContentNodes : first.childNodes
            for c in children { stripped.append(c) }
            fragment = stripped
        }
        addClass(target, "htmx-swapping")
        let afterDelay: () -> Void = { [unowned self] in
            if style == "delete" {
                if target.parent != nil {
                    cleanup(target)
                    target.remove()
                }
                return done(nil)
            }
            let settleValue = spec["settle"] ?? config["defaultSettleDelay"]
            let parentNode = target.parent
            var settleTasks: [() -> Void] = []
            if style == "innerHTML" || (style == "outerHTML" && parentNode != nil) {
                if css && (settleValue?.isTruthy ?? false) { settleTasks = startCSSTransitions(fragment, target) }
            }
            let pantry = handlePreservedElements(fragment)
            var newContent = fragment.childNodes
            var failure: JSValue?
            switch style {
            case "innerHTML":
                for child in target.elementChildren { cleanup(child) }
                target.removeAllChildren()
                target.append(fragment.childNodes)
            case "textContent":
                for d in target.descendantElements(where: { $0.hasAttribute("data-htmx-powered") }) { cleanup(d) }
                target.setTextContent(fragment.textContent ?? "")
            case "outerHTML":
                if let parent = parentNode {
                    for c in fragment.childNodes { parent.insert(c, before: target) }
                    cleanup(target)
                    target.remove()
                    target = newContent.first ?? parent
                }
            case "outerSync":
                if let first = fragment.firstElementChild {
                    copyAttributes(target, from: first)
                    for child in target.elementChildren { cleanup(child) }
                    target.removeAllChildren()
                    target.append(first.childNodes)
                }
                newContent = [target]
            case "innerMorph":
                morph(target, fragment, inner: true)
                newContent = target.childNodes
            case "outerMorph":
                morph(target, fragment, inner: false)
                newContent.append(target)
            case "beforebegin":
                if let parent = parentNode { for c in fragment.childNodes { parent.insert(c, before: target) } }
            case "afterbegin":
                let first = target.firstChild
                for c in fragment.childNodes { target.insert(c, before: first) }
            case "beforeend":
                target.append(fragment.childNodes)
            case "afterend":
                if let parent = parentNode {
                    let next = target.nextSibling
                    for c in fragment.childNodes { parent.insert(c, before: next) }
                }
            default:
                diagnose("swap-style", task.sourceElement, "unknown swap style '\(style)': htmx 4 throws")
                failure = Self.errorValue("Error", "Unknown swap style: \(style)")
            }
            removeClass(target, "htmx-swapping")
            if let failure { return done(failure) }
            restorePreservedElements(pantry)
            let detail = HTMX4Detail()
            detail.task = task
            fire(target, "htmx:before:settle", detail)
            for elt in newContent { addClass(elt, "htmx-added") }
            let settle: () -> Void = { [unowned self] in
                let after = HTMX4Detail()
                after.task = task
                fire(target, "htmx:after:settle", after)
                for elt in newContent {
                    removeClass(elt, "htmx-added")
                    process(elt)
                }
                noteScroll(spec, target)
                done(nil)
            }
            if css && !settleTasks.isEmpty {
                addClass(target, "htmx-settling")
                wait(settleValue) { [unowned self] in
                    for t in settleTasks { t() }
                    removeClass(target, "htmx-settling")
                    settle()
                }
            } else {
                settle()
            }
        }
        if css, let delay = spec["swap"], delay.isTruthy {
            wait(delay, afterDelay)
        } else {
            afterDelay()
        }
    }

    /// `await this.timeout(t)`: a timer when positive, else one microtask (`await undefined`).
    func wait(_ value: GrammarJSON.Value?, _ then: @escaping () -> Void) {
        if let t = HTMX4Interval.parse(value), t > 0 {
            scheduler.schedule(after: t, then)
        } else {
            scheduler.queueMicrotask(then)
        }
    }

    /// `__handleScroll`: scrolling is not modelled; it is reported.
    private func noteScroll(_ spec: HTMX4SwapSpec, _ target: Node) {
        if let s = spec["scroll"]?.stringValue, s == "top" || s == "bottom" {
            diagnose("scroll", target, "would scroll to the \(s)")
        }
        if let s = spec["show"]?.stringValue, s == "top" || s == "bottom" {
            diagnose("scroll", target, "would show the \(s) of the target")
        }
    }

    /// `__startCSSTransitions`: new elements with the id of an existing element of the same
    /// tag below the target start with the old attributes; the settle tasks restore theirs.
    func startCSSTransitions(_ fragment: Node, _ root: Node) -> [() -> Void] {
        var existing: [String: Node] = [:]
        for e in root.descendantElements(where: { $0.hasAttribute("id") }) { existing[e.id] = e }
        var tasks: [() -> Void] = []
        for elt in fragment.descendantElements(where: { $0.hasAttribute("id") }) {
            guard let old = existing[elt.id], old.tagName == elt.tagName else { continue }
            let clone = elt.clone(deep: false)
            copyAttributes(elt, from: old)
            tasks.append { [unowned self] in copyAttributes(elt, from: clone) }
        }
        return tasks
    }

    /// `__copyAttributes`: make `destination`'s attributes those of `source` (names
    /// starting with a `morphIgnore` entry untouched); a changed `hx-*` attribute forces a
    /// re-initialisation.
    func copyAttributes(_ destination: Node, from source: Node) {
        let ignore = config.morphIgnore
        var needsReinit = false
        let hxPrefixes = prefixes("hx-")
        func isHx(_ name: String) -> Bool { hxPrefixes.contains { name.hasPrefix($0) } }
        for a in source.attributes where !ignore.contains(where: { a.name.hasPrefix($0) }) && destination.attribute(a.name) != a.value {
            if isHx(a.name) { needsReinit = true }
            destination.setAttribute(a.name, a.value)
            if a.name == "value", destination.isHTMLElement(named: "input"), FormControls.type(destination) != "file" {
                destination.setDirtyValue(a.value)
            }
        }
        for a in destination.attributes.reversed() where !source.hasAttribute(a.name) && !ignore.contains(where: { a.name.hasPrefix($0) }) {
            if isHx(a.name) { needsReinit = true }
            destination.removeAttribute(a.name)
        }
        if needsReinit { cleanup(destination, force: true) }
    }

    /// `__handlePreservedElements`: the page's elements matching the response's
    /// `hx-preserve` ids wait in a hidden pantry after `<body>` during the swap.
    func handlePreservedElements(_ fragment: Node) -> Node? {
        let names = prefixes("hx-preserve")
        let preserved = fragment.descendantElements(where: { e in names.contains(where: e.hasAttribute) })
        guard !preserved.isEmpty, let body = document.body, let html = body.parent else { return nil }
        let pantry = document.createElement("div")
        pantry.setAttribute("hidden", "")
        html.insert(pantry, before: body.nextSibling)
        for p in preserved {
            if let current = document.element(byID: p.id) { pantry.append(current) }
        }
        return pantry
    }

    /// `__restorePreservedElements`.
    func restorePreservedElements(_ pantry: Node?) {
        guard let pantry else { return }
        for kept in pantry.elementChildren {
            if let fresh = document.element(byID: kept.id), let parent = fresh.parent {
                parent.insert(kept, before: fresh)
                cleanup(fresh)
                fresh.remove()
            }
        }
        pantry.remove()
    }

    /// `__makeFragment`: `<hx-*>` tags become `<template hx type="*">`, the first `<head>`
    /// gives the title and is dropped, a response starting with `<html>` or `<body>` is
    /// parsed as a document (its body kept whole), anything else as `<template>` content.
    /// Comments never reach the page (as for htmx 2: every comment of a response is gone
    /// from the swapped content in the reference corpus).
    func makeFragment(_ text: String) -> (Node, String) {
        // The rewrite below neither makes nor removes anything the census looks for.
        let census = ResponseText.Census(text)
        var response = census.mayHoldHxTag ? Self.rewriteHxTags(text) : text
        var title = ""
        if census.mayHoldHead, let head = ResponseText.firstHead(response) {
            title = document.parseDetachedDocument(Array(response[head].utf8)).title
            response.removeSubrange(head)
        }
        let startTag = HTMX2Runtime.startTag(response)
        let fragment: Node
        if startTag == "html" || startTag == "body" {
            fragment = document.createDocumentFragment()
            let parsed = document.parseDetachedDocument(Array(response.utf8))
            if let body = parsed.body { fragment.append(body) }
        } else {
            fragment = document.parseTemplateContents(Array(response.utf8), wrapper: .leading).fragment
        }
        // htmx's own query, run lazily: no list of every node per response.
        if title.isEmpty, census.mayHoldTitle, let t = DOMQuery.first(fragment, "title:not(svg title)") {
            title = t.textContent ?? ""
            t.remove()
        }
        for s in census.mayHoldScript ? DOMQuery.all(fragment, "script") : [] where HTMX2Runtime.isJavaScript(s) {
            diagnose("script", s, "a response script would run when inserted (not executed)")
        }
        if census.mayHoldComment { HTMX2Runtime.removeComments(fragment) }
        return (fragment, title)
    }

    /// `.replace(/<hx-([a-z]+)(\s+|>)/gi, '<template hx type="$1"$2')` and
    /// `.replace(/<\/hx-[a-z]+>/gi, '</template>')`.
    static func rewriteHxTags(_ s: String) -> String {
        let b = Array(s.utf8)
        guard b.count > 4 else { return s }
        func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0B || c == 0x0C || c == 0x0D }
        func hx(_ i: Int) -> Bool { i + 2 < b.count && (b[i] | 0x20) == 0x68 && (b[i + 1] | 0x20) == 0x78 && b[i + 2] == 0x2D }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "<") {
                if hx(i + 1) {
                    var j = i + 4
                    while j < b.count, isLetter(b[j]) { j += 1 }
                    if j > i + 4, j < b.count, isSpace(b[j]) || b[j] == UInt8(ascii: ">") {
                        out += Array("<template hx type=\"".utf8) + b[(i + 4)..<j] + [UInt8(ascii: "\"")]
                        i = j
                        continue
                    }
                } else if i + 1 < b.count, b[i + 1] == UInt8(ascii: "/"), hx(i + 2) {
                    var j = i + 5
                    while j < b.count, isLetter(b[j]) { j += 1 }
                    if j > i + 5, j < b.count, b[j] == UInt8(ascii: ">") {
                        out += Array("</template>".utf8)
                        i = j + 1
                        continue
                    }
                }
            }
            out.append(b[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `__handleHistoryUpdate`: push or replace per `hx-push-url` / `hx-replace-url`,
    /// `HX-Push-Url` / `HX-Replace-Url`, boosting; events on the document.
    func handleHistoryUpdate(_ ctx: HTMX4RequestContext) {
        var push = ctx.push
        var replace = ctx.replace
        if ctx.hx["pushurl"] != nil || ctx.hx["replaceurl"] != nil {
            push = ctx.hx["pushurl"]
            replace = ctx.hx["replaceurl"]
        }
        if push == nil && replace == nil && props[ctx.sourceElement]?.boosted != nil { push = "true" }
        if push == "false" { push = nil }
        if replace == "false" { replace = nil }
        let pushValue = push.flatMap { $0.isEmpty ? nil : $0 }
        let replaceValue = replace.flatMap { $0.isEmpty ? nil : $0 }
        guard var path = pushValue ?? replaceValue else { return }
        if path == "true" {
            let final = ctx.response?.url ?? ctx.action
            let resolved = URLResolution.resolve(final, currentPath: currentPath)
            path = resolved.url + (ctx.anchor.map { "#" + $0 } ?? "")
        }
        let type = pushValue != nil ? "push" : "replace"
        let detail = HTMX4Detail([("history", .object(JSObject([("type", .string(type)), ("path", .string(path))]))),
                                  ("sourceElement", .node(ctx.sourceElement))])
        guard fire(document.node, "htmx:before:history:update", detail) else { return }
        if config.history {
            currentPath = URLResolution.resolve(path, currentPath: currentPath).url
            fire(document.node, "htmx:after:history:" + type, HTMX4Detail([("path", .string(path))]))
        }
        fire(document.node, "htmx:after:history:update", detail)
    }
}
