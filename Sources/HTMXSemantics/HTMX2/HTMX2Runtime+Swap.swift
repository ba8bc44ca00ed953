import HTMLModel

/// htmx.js `swapOptions`.
struct HTMX2SwapOptions {
    var select: String?
    var selectOOB: String?
    var eventInfo: HTMX2ResponseInfo?
    var anchor: String?
    var contextElement: Node?
    var title: String?
    var beforeSwap: (() -> Void)?
    var afterSwap: (() -> Void)?
    var afterSettle: (() -> Void)?
}

/// htmx.js makeSettleInfo: tasks to run at settle and the elements that get the settle
/// events.
final class HTMX2SettleInfo {
    var tasks: [() -> Void] = []
    var elts: [Node]
    var title: String?

    init(target: Node) { elts = [target] }
}

extension HTMX2Runtime {
    /// htmx.js swap: swap delay → (OOB, select, preserve, main swap) → afterSwap events and
    /// title → settle delay → settle tasks and afterSettle events.
    func swap(_ target: Node, _ content: String, _ spec: SwapSpec, _ options: HTMX2SwapOptions) {
        let eventDetail: () -> JSObject = { options.eventInfo?.detail() ?? JSObject() }
        let doSwap = { [self] in
            options.beforeSwap?()
            let settleInfo = HTMX2SettleInfo(target: target)
            if spec.swapStyle == "textContent" {
                target.setTextContent(content)
            } else {
                var fragment = makeFragment(content)
                settleInfo.title = options.title ?? fragment.title
                if let selectOOB = options.selectOOB {
                    for piece in selectOOB.split(separator: ",", omittingEmptySubsequences: false) {
                        let pair = piece.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
                        var id = String(pair[0]).trimmingASCIIWhitespace
                        if id.hasPrefix("#") { id.removeFirst() }
                        // `split(':', 2)` keeps only the text up to a second colon.
                        var oobValue = pair.count > 1 ? String(pair[1]) : "true"
                        if let colon = oobValue.firstIndex(of: ":") { oobValue = String(oobValue[..<colon]) }
                        if oobValue.isEmpty { oobValue = "true" }
                        // htmx queries `'#' + id` unescaped.
                        if let el = DOMQuery.first(fragment.root, "#" + id) {
                            oobSwap(oobValue, el, settleInfo)
                        }
                    }
                }
                findAndSwapOobElements(fragment.root, settleInfo)
                for template in DOMQuery.all(fragment.root, "template") {
                    let content = document.createDocumentFragment()
                    for c in template.templateContentNodes { content.append(c) }
                    let found = findAndSwapOobElements(content, settleInfo)
                    for c in content.childNodes { template.append(c) }
                    if found { template.remove() }
                }
                if let select = options.select {
                    let newFragment = document.createDocumentFragment()
                    for n in DOMQuery.all(fragment.root, select) { newFragment.append(n) }
                    fragment.root = newFragment
                }
                handlePreservedElements(fragment.root)
                swapWithStyle(spec.swapStyle, options.contextElement, target, fragment.root, settleInfo)
                restorePreservedElements()
            }
            removeClass(target, config.swappingClass)
            // One detail for every element, as htmx passes its one eventInfo object.
            var afterSwapDetail = eventDetail()
            for elt in settleInfo.elts {
                if elt.isElement { addClass(elt, config.settlingClass) }
                triggerEvent(elt, "htmx:afterSwap", sharing: &afterSwapDetail)
            }
            options.afterSwap?()
            if spec.ignoreTitle != true { handleTitle(settleInfo.title) }
            let doSettle = { [self] in
                for task in settleInfo.tasks { task() }
                var afterSettleDetail = eventDetail()
                for elt in settleInfo.elts {
                    if elt.isElement { removeClass(elt, config.settlingClass) }
                    triggerEvent(elt, "htmx:afterSettle", sharing: &afterSettleDetail)
                }
                if let anchor = options.anchor, !anchor.isEmpty, document.element(byID: anchor) != nil {
                    diagnose("scroll", document.element(byID: anchor), "would scroll the anchor #\(anchor) into view")
                }
                updateScrollState(settleInfo.elts, spec)
                options.afterSettle?()
            }
            let settleDelay = spec.settleDelay ?? 0
            if settleDelay > 0 { scheduler.schedule(after: settleDelay, doSettle) } else { doSettle() }
        }
        if spec.shouldTransition(globalViewTransitions: config.globalViewTransitions) {
            let elt = options.contextElement ?? document.node
            // The harness's Chromium has startViewTransition; the callback runs later, which
            // the engine does not model: the swap runs as without a transition.
            triggerEvent(elt, "htmx:beforeTransition", eventDetail())
            diagnose("transition", elt, "view transition not modelled; swapped without it")
        }
        let swapDelay = spec.swapDelay ?? 0
        if swapDelay > 0 { scheduler.schedule(after: swapDelay, doSwap) } else { doSwap() }
    }

    /// htmx.js updateScrollState: recorded, not performed.
    func updateScrollState(_ elts: [Node], _ spec: SwapSpec) {
        if let scroll = spec.scroll, let first = elts.first {
            diagnose("scroll", first, "would scroll \(spec.scrollTarget ?? "the swapped element") to \(scroll)")
        }
        if let show = spec.show, show != "none", let first = elts.first {
            diagnose("scroll", first, "would show \(spec.showTarget ?? "the swapped element") at \(show)")
        }
    }

    /// htmx.js handleTitle: rewrites the first `<title>`'s text.
    func handleTitle(_ title: String?) {
        guard let title, !title.isEmpty else { return }
        if let t = DOMQuery.first(document.node, "title") {
            t.setTextContent(title)
        } else if let head = document.head {
            let t = document.createElement("title")
            t.setTextContent(title)
            head.append(t)
        }
    }

    /// htmx.js findAndSwapOobElements.
    @discardableResult
    func findAndSwapOobElements(_ fragment: Node, _ settleInfo: HTMX2SettleInfo) -> Bool {
        let oobs = DOMQuery.all(fragment, Self.oobSelector)
        // A halted run (see `EventDispatcher.halt()`) swaps nothing more.
        for el in oobs where !dispatcher.halted {
            if config.allowNestedOobSwaps || el.parentElement == nil {
                if let value = attrRaw(el, "hx-swap-oob") { oobSwap(value, el, settleInfo) }
            } else {
                el.removeAttribute("hx-swap-oob")
                el.removeAttribute("data-hx-swap-oob")
            }
        }
        return !oobs.isEmpty
    }

    static let oobSelector = "[hx-swap-oob], [data-hx-swap-oob]"

    /// htmx.js oobSwap.
    func oobSwap(_ value: String, _ oobElement: Node, _ settleInfo: HTMX2SettleInfo) {
        var selector = "#" + CSSEscape.escape(oobElement.attribute("id") ?? "null")
        var style = "outerHTML"
        if value == "true" {
        } else if let colon = value.firstIndex(of: ":"), colon > value.startIndex {
            style = String(value[..<colon])
            selector = String(value[value.index(after: colon)...])
        } else {
            style = value
        }
        oobElement.removeAttribute("hx-swap-oob")
        oobElement.removeAttribute("data-hx-swap-oob")
        let targets = querySelectorExt(document.node, selector).compactMap(\.node)
        if targets.isEmpty {
            oobElement.remove()
            if let body = document.body {
                triggerErrorEvent(body, "htmx:oobErrorNoTarget", JSObject([("content", .node(oobElement)), ("target", .string(selector))]))
            }
            return
        }
        // htmx swaps a clone into each target and then drops the element. With one target,
        // the element itself can go instead (a deep copy less per OOB swap) when nothing
        // could tell: it is still in the parsed response, not in the page, and holds no OOB
        // element of its own that is yet to be handled (which would then change in the page).
        let movesElement = oobMovesLoneElement && targets.count == 1 && !oobElement.isConnected
            && DOMQuery.first(oobElement, Self.oobSelector) == nil
        for var target in targets {
            if dispatcher.halted { break }
            let clone: Node
            if movesElement {
                oobElement.remove()
                clone = oobElement
            } else {
                clone = oobElement.clone(deep: true)
            }
            var fragment = document.createDocumentFragment()
            fragment.append(clone)
            // htmx.js isInlineSwap: outerHTML, or a style an extension swaps inline.
            if style != "outerHTML" && !getExtensions(target).contains(where: { $0.isInlineSwap(style) }) { fragment = clone }
            var detail = JSObject([("shouldSwap", .bool(true)), ("target", .node(target)), ("fragment", .node(fragment))])
            guard triggerEvent(target, "htmx:oobBeforeSwap", sharing: &detail) else { continue }
            target = detail["target"]?.nodeValue ?? target
            handlePreservedElements(fragment)
            swapWithStyle(style, target, target, fragment, settleInfo)
            restorePreservedElements()
            detail["target"] = .node(target)
            // One event per element settled so far, for each target: quadratic in an OOB
            // response's targets (as in htmx.js), so a halted run leaves the loop.
            for elt in settleInfo.elts {
                if dispatcher.halted { break }
                triggerEvent(elt, "htmx:oobAfterSwap", sharing: &detail)
            }
        }
        if !movesElement { oobElement.remove() }
    }

    /// htmx.js handlePreservedElements: live elements with the id of an hx-preserve element
    /// of the fragment are parked (in the pantry) and put back in its place after the swap.
    func handlePreservedElements(_ fragment: Node) {
        for preserved in DOMQuery.all(fragment, "[hx-preserve], [data-hx-preserve]") {
            guard let id = attrRaw(preserved, "id"), let existing = document.element(byID: id) else { continue }
            // moveBefore exists in the harness's Chromium: the live element moves to the pantry.
            existing.remove()
            preservePantry.append(existing)
        }
    }

    /// htmx.js restorePreservedElements.
    func restorePreservedElements() {
        let pantry = preservePantry
        preservePantry = []
        for preserved in pantry {
            let id = preserved.attribute("id") ?? ""
            guard let placeholder = document.element(byID: id) else { continue }
            placeholder.insertBefore(preserved)
            placeholder.remove()
        }
    }

    /// htmx.js swapWithStyle.
    func swapWithStyle(_ style: String, _ elt: Node?, _ target: Node, _ fragment: Node, _ settleInfo: HTMX2SettleInfo) {
        switch style {
        case "none": return
        case "outerHTML": swapOuterHTML(target, fragment, settleInfo)
        case "afterbegin": insertNodesBefore(target, target.firstChild, fragment, settleInfo)
        case "beforebegin":
            guard let p = target.parentElement else { return }
            insertNodesBefore(p, target, fragment, settleInfo)
        case "beforeend": insertNodesBefore(target, nil, fragment, settleInfo)
        case "afterend":
            guard let p = target.parentElement else { return }
            insertNodesBefore(p, target.nextSibling, fragment, settleInfo)
        case "delete":
            cleanUpElement(target)
            target.remove()
        case "innerHTML": swapInnerHTML(target, fragment, settleInfo)
        default:
            for ext in getExtensions(elt) where ext.handleSwap(style, target: target, fragment: fragment, runtime: self) {
                return
            }
            diagnose("hx-swap", target, "unknown swap style \(style); htmx falls back to \(config.defaultSwapStyle)")
            if config.defaultSwapStyle == style { swapInnerHTML(target, fragment, settleInfo); return }
            swapWithStyle(config.defaultSwapStyle, elt, target, fragment, settleInfo)
        }
    }

    /// htmx.js swapInnerHTML.
    func swapInnerHTML(_ target: Node, _ fragment: Node, _ settleInfo: HTMX2SettleInfo) {
        let first = target.firstChild
        insertNodesBefore(target, first, fragment, settleInfo)
        if let first {
            while let next = first.nextSibling {
                cleanUpElement(next)
                next.remove()
            }
            cleanUpElement(first)
            first.remove()
        }
    }

    /// htmx.js swapOuterHTML.
    func swapOuterHTML(_ target: Node, _ fragment: Node, _ settleInfo: HTMX2SettleInfo) {
        if target.isHTMLElement(named: "body") { return swapInnerHTML(target, fragment, settleInfo) }
        let before = target.previousSibling
        guard let parent = target.parentElement else { return }
        insertNodesBefore(parent, target, fragment, settleInfo)
        var newElt = before == nil ? parent.firstChild : before?.nextSibling
        settleInfo.elts.removeAll { $0 == target }
        while let n = newElt, n != target {
            if n.isElement { settleInfo.elts.append(n) }
            newElt = n.nextSibling
        }
        cleanUpElement(target)
        target.remove()
    }

    /// htmx.js insertNodesBefore.
    func insertNodesBefore(_ parent: Node, _ before: Node?, _ fragment: Node, _ settleInfo: HTMX2SettleInfo) {
        handleAttributes(parent, fragment, settleInfo)
        while let child = fragment.firstChild {
            addClass(child, config.addedClass)
            parent.insert(child, before: before)
            if child.kind != .text && child.kind != .comment {
                settleInfo.tasks.append(makeAjaxLoadTask(child))
            }
        }
    }

    /// htmx.js makeAjaxLoadTask.
    func makeAjaxLoadTask(_ child: Node) -> () -> Void {
        { [self] in
            removeClass(child, config.addedClass)
            processNode(child)
            // htmx.js processFocus: focus is not modelled, the intent is recorded.
            // `[autofocus]` on the child or its first descendant with it (by attribute, not
            // through the selector engine: every swapped element asks).
            if child.isElement, let focused = child.hasAttribute("autofocus") ? child
                : child.firstDescendantElement(where: { $0.hasAttribute("autofocus") }) {
                diagnose("focus", focused, "autofocus: would be focused")
            }
            triggerEvent(child, "htmx:load")
        }
    }

    /// htmx.js handleAttributes: new elements whose tag and id exist under the swap parent
    /// start with the old element's settled attributes and get their own back at settle.
    func handleAttributes(_ parent: Node, _ fragment: Node, _ settleInfo: HTMX2SettleInfo) {
        // `querySelectorAll('[id]')`, by attribute: asked of every swap's content.
        for newNode in fragment.descendantElements(where: { $0.hasAttribute("id") }) {
            guard let id = newNode.attribute("id"), !id.isEmpty else { continue }
            // `parent.querySelector(CSS.escape(tagName) + "#" + CSS.escape(id))`, without the
            // selector text.
            guard let old = parent.firstDescendant(id: id, typeName: newNode.tagName), old != parent else { continue }
            let settled = config.attributesToSettle
            let newAttributes = newNode.attributes(named: settled)
            cloneAttributes(newNode, from: old.attributes(named: settled))
            settleInfo.tasks.append { [self] in cloneAttributes(newNode, from: newAttributes) }
        }
    }

    /// htmx.js cloneAttributes over `attributesToSettle` (`attributes` holds only those).
    func cloneAttributes(_ mergeTo: Node, from attributes: [HTMLAttribute]) {
        mergeTo.removeAttributes(named: config.attributesToSettle) { name in attributes.contains { $0.name == name } }
        for a in attributes { mergeTo.setAttribute(a.name, a.value) }
    }
}
